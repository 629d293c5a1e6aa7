// FROM: tables, subqueries, table functions, CTEs, JOINs and ARRAY JOIN.

#include <algorithm>

#include "analyzer/literal_type.h"
#include "analyzer/select_analyzer.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "execution/expression_evaluator.h"
#include "parser/parser.h"
#include "storage/table_function.h"
#include "types/data_type_array.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/least_supertype.h"

namespace tally {

/// How to produce the rows of one FROM element once the needed columns are known.
struct SelectAnalyzer::SourceBuilder {
  StoragePtr storage;                 // a table or table function
  std::string display_name;           // for EXPLAIN
  std::shared_ptr<QueryPlan> subquery;  // a subquery or CTE
  size_t table_index = 0;             // in tables_
  bool final = false;                 // FROM t FINAL
  std::string database, table;        // a catalog table or view (for the SELECT privilege check)
};

/// One JOIN: the right element and how rows match.
struct SelectAnalyzer::JoinSpec {
  JoinKind kind = JoinKind::Inner;
  JoinStrictness strictness = JoinStrictness::All;
  size_t right_source = 0;           // index in sources_
  Exprs left_keys, right_keys;       // over the left / right blocks
  std::set<std::string> hidden_right;  // USING columns of the right side (not output)
};

namespace {

/// Whether every one of `names` is a column the storage keeps (not an ALIAS).
bool storedColumns(const IStorage& storage, const std::vector<std::string>& names) {
  for (const auto& n : names) {
    const ColumnDescription* d = storage.columns().find(n);
    if (!d || d->default_kind == "ALIAS") return false;
  }
  return true;
}

/// Block names of the columns an expression reads.
void columnNames(const ExprPtr& e, std::set<std::string>& out) {
  if (e->kind == Expr::Kind::Column) out.insert(e->name);
  for (const auto& c : e->children) columnNames(c, out);
}

void splitConjunction(const ExprPtr& e, Exprs& out) {
  if (e->kind == Expr::Kind::Function && e->function && e->function->getName() == "and") {
    for (const auto& c : e->children) splitConjunction(c, out);
    return;
  }
  out.push_back(e);
}

/// `ast` with every plain identifier naming an ALIAS column of `columns` replaced by that
/// column's expression (cast to its type), recursively; CYCLIC_ALIASES past 32 levels.
ASTPtr expandAliasColumns(const ASTPtr& ast, const ColumnsDescription& columns, size_t depth = 0) {
  if (depth > 32) throw Exception(ErrorCodes::CYCLIC_ALIASES, "Cyclic aliases in ALIAS columns");
  switch (ast->kind) {
    case ASTKind::Identifier: {
      const auto& id = ast->as<ASTIdentifier>();
      const ColumnDescription* d = id.compound() ? nullptr : columns.find(id.name());
      if (!d || d->default_kind != "ALIAS" || !d->default_expression) return ast;
      ASTPtr expanded = expandAliasColumns(d->default_expression, columns, depth + 1);
      return std::make_shared<ASTFunction>("CAST", ASTs{expanded, std::make_shared<ASTLiteral>(Field(d->type->name()))});
    }
    case ASTKind::Function: {
      auto copy = astAs<ASTFunction>(ast->clone());
      for (auto& a : copy->arguments->children) a = expandAliasColumns(a, columns, depth);
      return copy;
    }
    case ASTKind::ExpressionList: {
      auto copy = astAs<ASTExpressionList>(ast->clone());
      for (auto& a : copy->children) a = expandAliasColumns(a, columns, depth);
      return copy;
    }
    default:
      return ast;
  }
}

}  // namespace

void SelectAnalyzer::analyzeFrom() {
  if (!select_.tables) {
    // No FROM: system.one.
    ScopeTable t;
    t.database = "system";
    t.table = "one";
    t.columns.push_back({"dummy", "dummy", typeUInt8(), true});
    tables_.push_back(t);
    auto b = std::make_shared<SourceBuilder>();
    b->storage = context_.catalog->getTable("system", "one");
    b->display_name = "system.one";
    b->table_index = 0;
    sources_.push_back(b);
    return;
  }
  const auto& elements = select_.tables->as<ASTTablesInSelectQuery>().elements;
  for (const auto& element_ast : elements) {
    const auto& element = element_ast->as<ASTTablesInSelectQueryElement>();
    if (element.array_join) {
      analyzeArrayJoin(element.array_join->as<ASTArrayJoin>());
      continue;
    }
    if (!array_joins_.empty())
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "JOIN after ARRAY JOIN is not supported");
    ScopeTable scope;
    std::vector<std::string> unused;
    auto builder = std::make_shared<SourceBuilder>();
    builder->table_index = tables_.size();
    const auto& te = element.table_expression->as<ASTTableExpression>();
    // Storage or subquery; columns named as the source names them.
    tableExpressionPlan(te, scope, &unused);
    // The builder re-derives the source from the AST when building; keep the AST.
    builder->display_name = te.table;
    // Resolve the source now (storage / subquery plan) so the columns are known.
    if (te.subquery || (!te.table.empty() && te.database.empty() && ctes_.find(te.table))) {
      ASTPtr query = te.subquery ? te.subquery->as<ASTSubquery>().query : ctes_.find(te.table)->get()->as<ASTSubquery>().query;
      builder->subquery = std::make_shared<QueryPlan>(owner_.analyze(query, &ctes_));
    } else if (te.table_function) {
      const auto& tf = te.table_function->as<ASTFunction>();
      std::vector<TableFunctionArgument> args;
      for (const auto& a : tf.args()) {
        TableFunctionArgument arg;
        arg.text = a->kind == ASTKind::Identifier ? a->as<ASTIdentifier>().name() : formatAST(*a);
        try {
          ExprPtr e = resolve(a, Mode::Source);
          if (e->isConstant()) {
            arg.value = static_cast<const ColumnConst&>(*e->constant).getField();
            arg.type = e->type;
          }
        } catch (const Exception&) {
          // Not a constant expression (e.g. a bare structure text): leave only the text.
        }
        args.push_back(std::move(arg));
      }
      builder->storage = TableFunctionFactory::instance().create(tf.name, args, *context_.storage_context);
      builder->display_name = tf.name;
    } else {
      std::string db = te.database;
      StoragePtr storage;
      if (db.empty() && context_.temporary_tables) {
        auto it = context_.temporary_tables->find(te.table);
        if (it != context_.temporary_tables->end()) storage = it->second;
      }
      if (!storage) {
        if (db.empty()) db = context_.current_database;
        if (context_.table_overrides) {
          auto it = context_.table_overrides->find(db + "." + te.table);
          if (it != context_.table_overrides->end()) storage = it->second;
        }
        if (!storage) storage = context_.catalog->getTable(db, te.table);
      }
      if (!te.database.empty() || !context_.temporary_tables || !context_.temporary_tables->count(te.table)) {
        builder->database = db;
        builder->table = te.table;
      }
      if (ASTPtr view = storage->viewQuery()) {
        builder->subquery = std::make_shared<QueryPlan>(owner_.analyze(view, &ctes_));
      } else {
        builder->storage = storage;
        if (te.final) {
          if (!storage->supportsFinal())
            throw Exception(ErrorCodes::ILLEGAL_FINAL, "Storage {} doesn't support FINAL", storage->engineName());
          builder->final = true;
        }
      }
      builder->display_name = db + "." + te.table;
    }

    // Scope columns with block names unique across the FROM block.
    scope.alias = !te.alias.empty() ? te.alias : te.table;
    scope.database = te.database;
    scope.table = te.table;
    scope.columns.clear();
    auto add_column = [&](const std::string& name, const DataTypePtr& type, bool in_asterisk) {
      std::string block_name = name;
      bool clash = false;
      for (const auto& t : tables_)
        for (const auto& c : t.columns)
          if (c.block_name == block_name) clash = true;
      if (clash) block_name = (scope.alias.empty() ? "_table" + std::to_string(tables_.size()) : scope.alias) + "." + name;
      scope.columns.push_back({name, block_name, type, in_asterisk});
    };
    if (builder->subquery) {
      for (const auto& c : builder->subquery->header()) add_column(c.name, c.type, true);
    } else {
      for (const auto& c : builder->storage->columns().all()) {
        bool in_asterisk = c.default_kind.empty() || c.default_kind == "DEFAULT";
        if (c.default_kind == "EPHEMERAL") continue;
        add_column(c.name, c.type, in_asterisk);
      }
      for (const auto& c : builder->storage->virtualColumns()) add_column(c.name, c.type, false);
    }

    if (!element.table_join) {
      tables_.push_back(std::move(scope));
      sources_.push_back(builder);
      continue;
    }

    // A JOIN: the right side joins everything to its left.
    const auto& join_ast = element.table_join->as<ASTTableJoin>();
    auto join = std::make_shared<JoinSpec>();
    join->kind = join_ast.kind == JoinKind::Comma ? JoinKind::Cross : join_ast.kind;
    join->strictness = join_ast.strictness;
    if (join->strictness == JoinStrictness::Unspecified)
      join->strictness = context_.settings().join_default_strictness == "ANY" ? JoinStrictness::Any : JoinStrictness::All;
    if (join->strictness == JoinStrictness::Asof)
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "ASOF JOIN is not supported");
    join->right_source = sources_.size();
    std::set<std::string> left_names;
    for (const auto& t : tables_)
      for (const auto& c : t.columns) left_names.insert(c.block_name);
    tables_.push_back(std::move(scope));
    sources_.push_back(builder);
    const ScopeTable& right = tables_.back();

    if (join_ast.using_list) {
      for (const auto& u : join_ast.using_list->as<ASTExpressionList>().children) {
        if (u->kind != ASTKind::Identifier)
          throw Exception(ErrorCodes::SYNTAX_ERROR, "USING expects column names, got {}", formatAST(*u));
        std::string name = u->as<ASTIdentifier>().name();
        const ScopeColumn* lc = nullptr;
        for (size_t t = 0; t + 1 < tables_.size() && !lc; ++t)
          for (const auto& c : tables_[t].columns)
            if (c.name == name) {
              lc = &c;
              break;
            }
        const ScopeColumn* rc = nullptr;
        for (const auto& c : right.columns)
          if (c.name == name) rc = &c;
        if (!lc || !rc)
          throw Exception(ErrorCodes::UNKNOWN_IDENTIFIER, "Column {} of USING is missing on the {} side of the JOIN", name,
                          lc ? "right" : "left");
        ExprPtr l = Expr::makeColumn(lc->block_name, lc->type);
        ExprPtr r = Expr::makeColumn(rc->block_name, rc->type);
        if (!l->type->equals(*r->type)) {
          DataTypePtr common = getLeastSupertype({l->type, r->type});
          l = castExpr(l, common);
          r = castExpr(r, common);
        }
        join->left_keys.push_back(l);
        join->right_keys.push_back(r);
        join->hidden_right.insert(rc->block_name);
      }
      // The right USING columns are not visible under their names.
      for (auto& c : tables_.back().columns)
        if (join->hidden_right.count(c.block_name)) c.in_asterisk = false;
    } else if (join_ast.on_expression) {
      ExprPtr on = resolve(join_ast.on_expression, Mode::Source);
      std::set<std::string> right_names;
      for (const auto& c : right.columns) right_names.insert(c.block_name);
      Exprs conjuncts;
      splitConjunction(on, conjuncts);
      auto side = [&](const ExprPtr& e) {
        std::set<std::string> names;
        columnNames(e, names);
        bool any_left = false, any_right = false;
        for (const auto& n : names) {
          if (right_names.count(n)) any_right = true;
          else if (left_names.count(n)) any_left = true;
        }
        return any_left && any_right ? 3 : (any_right ? 2 : (any_left ? 1 : 0));
      };
      for (const auto& c : conjuncts) {
        ExprPtr l, r;
        if (c->kind == Expr::Kind::Function && c->function && c->function->getName() == "equals") {
          int a = side(c->children[0]), b = side(c->children[1]);
          if (a <= 1 && b == 2) {
            l = c->children[0];
            r = c->children[1];
          } else if (a == 2 && b <= 1) {
            l = c->children[1];
            r = c->children[0];
          }
        }
        if (!l) {
          // A condition on one side only joins as (condition, 1).
          int s = side(c);
          if (s == 3)
            throw Exception(ErrorCodes::INVALID_JOIN_ON_EXPRESSION,
                            "Unsupported JOIN ON conditions. Unexpected '{}': only equalities between the two sides "
                            "and conditions on one side are supported",
                            c->name);
          ExprPtr one = Expr::makeConstant("1", typeUInt8(), Field(uint64_t(1)));
          ExprPtr cond = castExpr(c, typeUInt8());
          if (s == 2) {
            l = one;
            r = cond;
          } else {
            l = cond;
            r = one;
          }
        }
        if (!l->type->equals(*r->type)) {
          DataTypePtr common = getLeastSupertype({removeLowCardinality(l->type), removeLowCardinality(r->type)});
          l = castExpr(l, common);
          r = castExpr(r, common);
        }
        join->left_keys.push_back(l);
        join->right_keys.push_back(r);
      }
    } else if (join->kind != JoinKind::Cross) {
      throw Exception(ErrorCodes::SYNTAX_ERROR, "JOIN requires ON or USING (or use CROSS JOIN)");
    }

    // join_use_nulls: the side that may not match becomes Nullable.
    if (context_.settings().join_use_nulls) {
      auto nullify = [](ScopeTable& t) {
        for (auto& c : t.columns) c.type = makeNullable(c.type);
      };
      if (join->kind == JoinKind::Left || join->kind == JoinKind::Full) nullify(tables_.back());
      if (join->kind == JoinKind::Right || join->kind == JoinKind::Full)
        for (size_t t = 0; t + 1 < tables_.size(); ++t) nullify(tables_[t]);
    }
    joins_.push_back(join);
  }
}

PlanStepPtr SelectAnalyzer::tableExpressionPlan(const ASTTableExpression& te, ScopeTable& scope, std::vector<std::string>*) {
  scope.alias = te.alias;
  return nullptr;
}

void SelectAnalyzer::analyzeArrayJoin(const ASTArrayJoin& array_join) {
  if (!array_joins_.empty()) throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Only one ARRAY JOIN clause is supported");
  left_array_join_ = array_join.left;
  std::vector<std::pair<size_t, size_t>> replaced;  // (table, column) whose type becomes the element type
  for (const auto& item : array_join.expressions->as<ASTExpressionList>().children) {
    ExprPtr array = resolve(item, Mode::Source);
    if (array->type->typeId() != TypeIndex::Array)
      throw Exception(ErrorCodes::TYPE_MISMATCH, "ARRAY JOIN requires array argument, got {} of type {}", array->name,
                      array->type->name());
    DataTypePtr element = static_cast<const DataTypeArray&>(*array->type).getNestedType();
    ArrayJoinEntry entry;
    entry.array = array;
    entry.element_type = element;
    if (!item->alias.empty()) {
      entry.user_name = item->alias;
      entry.result_name = item->alias;
    } else if (item->kind == ASTKind::Identifier && array->kind == Expr::Kind::Column) {
      entry.user_name = item->as<ASTIdentifier>().name();
      entry.result_name = array->name;  // the array column is replaced by its elements
      for (size_t t = 0; t < tables_.size(); ++t)
        for (size_t c = 0; c < tables_[t].columns.size(); ++c)
          if (tables_[t].columns[c].block_name == array->name) replaced.emplace_back(t, c);
    } else {
      entry.user_name = array->name;
      entry.result_name = array->name;
    }
    array_joins_.push_back(entry);
  }
  for (auto [t, c] : replaced)
    tables_[t].columns[c].type = static_cast<const DataTypeArray&>(*tables_[t].columns[c].type).getNestedType();
  // A replaced column is found through the table scope with its element type; drop its
  // ARRAY JOIN lookup entry so qualified names work too.
  for (auto& a : array_joins_)
    if (a.array->kind == Expr::Kind::Column && a.result_name == a.array->name) a.user_name = "\x01" + a.user_name;
}

PlanStepPtr SelectAnalyzer::buildFromPlan(const std::set<std::string>& required, const ExprPtr& filter) {
  auto source_plan = [&](size_t index, const std::set<std::string>& needed) -> PlanStepPtr {
    const SourceBuilder& b = *sources_[index];
    const ScopeTable& t = tables_[b.table_index];
    std::vector<std::string> sources_names, output_names;
    Block header;
    for (const auto& c : t.columns) {
      if (!needed.count(c.block_name)) continue;
      sources_names.push_back(c.name);
      output_names.push_back(c.block_name);
    }
    if (context_.check_select && !b.table.empty()) context_.check_select(b.database, b.table, sources_names);
    PlanStepPtr step;
    if (b.subquery) {
      step = std::move(b.subquery->root);
      if (!b.subquery->totals) {
      }
    } else if (std::optional<uint64_t> rows;
               trivial_count_ && !b.final && sources_names.empty() && (rows = b.storage->totalRows())) {
      Block counted;
      counted.setRows(*rows);
      step = std::make_unique<ConstantBlocksStep>(Block(), std::vector<Block>{std::move(counted)},
                                                  "trivial count of " + b.display_name);
    } else if (std::optional<std::vector<std::pair<Field, Field>>> bounds;
               trivial_min_max_ && !b.final && !sources_names.empty() && storedColumns(*b.storage, sources_names) &&
               (bounds = b.storage->columnsMinMax(sources_names))) {
      // min()/max() alone: two rows per column, its smallest and largest stored value.
      Block block;
      for (size_t i = 0; i < sources_names.size(); ++i) {
        DataTypePtr type = b.storage->columns().find(sources_names[i])->type;
        MutableColumnPtr column = type->createColumn();
        column->insert((*bounds)[i].first);
        column->insert((*bounds)[i].second);
        block.insert({std::move(column), type, sources_names[i]});
      }
      block.setRows(2);
      Block header = block.cloneEmpty();
      step = std::make_unique<ConstantBlocksStep>(std::move(header), std::vector<Block>{std::move(block)},
                                                  "min and max from statistics of " + b.display_name);
    } else {
      // ALIAS columns are computed from the stored columns they name.
      const ColumnsDescription& columns = b.storage->columns();
      std::vector<std::string> read_names;
      std::set<std::string> read_set;
      auto read_column = [&](const std::string& name) {
        if (read_set.insert(name).second) read_names.push_back(name);
      };
      ASTs alias_asts;
      std::vector<size_t> alias_positions;
      for (size_t i = 0; i < sources_names.size(); ++i) {
        const ColumnDescription* d = columns.find(sources_names[i]);
        if (d && d->default_kind == "ALIAS" && d->default_expression) {
          alias_asts.push_back(expandAliasColumns(std::make_shared<ASTIdentifier>(std::vector<std::string>{d->name}), columns));
          alias_positions.push_back(i);
        } else {
          read_column(sources_names[i]);
        }
      }
      Exprs alias_exprs;
      if (!alias_asts.empty()) {
        Block physical;
        for (const auto& c : columns.physical()) physical.insert({nullptr, c.type, c.name});
        alias_exprs = owner_.resolveExpressions(physical, alias_asts);
        for (const auto& e : alias_exprs) {
          std::set<std::string> used;
          columnNames(e, used);
          for (const auto& c : columns.physical())
            if (used.count(c.name)) read_column(c.name);
        }
      }
      auto read = std::make_unique<ReadStorageStep>(b.storage, read_names, b.display_name);
      if (filter && joins_.empty()) {
        std::map<std::string, std::string> filter_columns;
        for (size_t i = 0; i < sources_names.size(); ++i)
          if (read_set.count(sources_names[i])) filter_columns[output_names[i]] = sources_names[i];
        read->setFilterHint(filter, std::move(filter_columns));
      }
      read->setFinal(b.final);
      step = std::move(read);
      if (!alias_exprs.empty()) {
        auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), alias_exprs, /*keep_input=*/true);
        step = std::make_unique<ExpressionStep>(std::move(step), evaluator, "ALIAS columns");
        for (size_t k = 0; k < alias_positions.size(); ++k) sources_names[alias_positions[k]] = alias_exprs[k]->name;
      }
    }
    // Rename to block names (and drop unneeded subquery columns).
    const Block& in = step->header();
    Block out;
    for (size_t i = 0; i < sources_names.size(); ++i) {
      int pos = in.position(sources_names[i]);
      if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {}", sources_names[i]);
      out.insert({nullptr, in.at(size_t(pos)).type, output_names[i]});
    }
    bool identity = in.columns() == out.columns();
    for (size_t i = 0; identity && i < out.columns(); ++i) identity = in.at(i).name == out.at(i).name;
    if (identity) return step;
    return std::make_unique<ProjectionStep>(std::move(step), sources_names, out);
  };

  std::set<std::string> needed = required;
  for (const auto& j : joins_) {
    for (const auto& k : j->left_keys) columnNames(k, needed);
    for (const auto& k : j->right_keys) columnNames(k, needed);
  }
  for (const auto& a : array_joins_) columnNames(a.array, needed);

  size_t next_source = 0;
  PlanStepPtr plan = source_plan(next_source++, needed);
  for (const auto& j : joins_) {
    PlanStepPtr right = source_plan(j->right_source, needed);
    next_source = j->right_source + 1;
    // Keys computed on each side.
    auto with_keys = [](PlanStepPtr input, const Exprs& keys, const char* detail) -> PlanStepPtr {
      Exprs computed;
      for (const auto& k : keys)
        if (k->kind != Expr::Kind::Column) computed.push_back(k);
      if (computed.empty()) return input;
      auto evaluator = std::make_shared<ExpressionEvaluator>(input->header(), computed, true);
      return std::make_unique<ExpressionStep>(std::move(input), evaluator, detail);
    };
    plan = with_keys(std::move(plan), j->left_keys, "JOIN keys, left");
    right = with_keys(std::move(right), j->right_keys, "JOIN keys, right");
    JoinParams params;
    params.kind = j->kind;
    params.strictness = j->strictness;
    for (const auto& k : j->left_keys) params.left_keys.push_back(k->name);
    for (const auto& k : j->right_keys) params.right_keys.push_back(k->name);
    bool use_nulls = context_.settings().join_use_nulls;
    bool nullable_left = use_nulls && (j->kind == JoinKind::Right || j->kind == JoinKind::Full);
    bool nullable_right = use_nulls && (j->kind == JoinKind::Left || j->kind == JoinKind::Full);
    for (const auto& c : plan->header())
      params.left_columns.push_back({c.name, c.name, nullable_left ? makeNullable(c.type) : c.type});
    for (const auto& c : right->header()) {
      if (!needed.count(c.name)) continue;
      params.right_columns.push_back({c.name, c.name, nullable_right ? makeNullable(c.type) : c.type});
    }
    plan = std::make_unique<JoinStep>(std::move(plan), std::move(right), std::move(params));
  }
  return plan;
}

}  // namespace tally
