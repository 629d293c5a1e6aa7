// OPTIMIZE, ALTER TABLE (mutations and column changes) and DELETE FROM over MergeTree tables.

#include "analyzer/query_analyzer.h"
#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "execution/expression_evaluator.h"
#include "interpreters/defaults_filler.h"
#include "interpreters/interpreters.h"
#include "parser/parser.h"
#include "storage/merge_tree/storage_merge_tree.h"

namespace tally {

namespace {

struct TableRef {
  std::string database, table;
  StoragePtr storage;
  StorageMergeTree* merge_tree = nullptr;
};

TableRef resolveMergeTree(StatementContext& sc, const std::string& database, const std::string& table, const char* what) {
  TableRef ref;
  ref.database = database.empty() ? sc.session.current_database : database;
  ref.table = table;
  ref.storage = resolveTable(sc, database, table);
  ref.merge_tree = dynamic_cast<StorageMergeTree*>(ref.storage.get());
  if (!ref.merge_tree)
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Table engine {} doesn't support {}", ref.storage->engineName(), what);
  return ref;
}

/// A filter over the table's rows: keeps the rows where `predicate` is not true.
std::function<Block(const Block&)> deleteTransform(StatementContext& sc, const StoragePtr& storage, const ASTPtr& predicate) {
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  Block header = storage->columns().physicalHeader();
  ExprPtr condition = analyzer.resolveExpressions(header, {predicate}).at(0);
  auto evaluator = std::make_shared<ExpressionEvaluator>(header, Exprs{condition});
  return [evaluator](const Block& block) {
    Block cond = evaluator->execute(block);
    ColumnPtr c = materialize(cond.at(0).column);
    Filter keep(block.rows());
    for (size_t i = 0; i < block.rows(); ++i) keep[i] = (c->isNullAt(i) || c->getUInt(i) == 0) ? 1 : 0;
    size_t kept = 0;
    for (auto k : keep) kept += k;
    Block out;
    for (const auto& col : block) out.insert({materialize(col.column)->filter(keep, ssize_t(kept)), col.type, col.name});
    out.setRows(kept);
    return out;
  };
}

/// UPDATE a = e, ... WHERE p: each assigned column becomes if(p, CAST(e, T), a).
std::function<Block(const Block&)> updateTransform(StatementContext& sc, const TableRef& ref, const AlterCommand& cmd) {
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  Block header = ref.storage->columns().physicalHeader();
  std::vector<std::string> keys = ref.merge_tree->sortingKeyNames();
  Exprs outputs;
  std::vector<std::string> names;
  for (const auto& c : header) {
    ASTPtr expr = std::make_shared<ASTIdentifier>(std::vector<std::string>{c.name});
    for (const auto& [column, value] : cmd.assignments) {
      if (column != c.name) continue;
      if (std::find(keys.begin(), keys.end(), column) != keys.end())
        throw Exception(ErrorCodes::CANNOT_UPDATE_COLUMN, "Cannot UPDATE key column `{}`", column);
      auto type_literal = std::make_shared<ASTLiteral>(Field(c.type->name()));
      ASTPtr cast = std::make_shared<ASTFunction>("CAST", ASTs{value, type_literal});
      expr = std::make_shared<ASTFunction>("if", ASTs{cmd.predicate, cast, std::make_shared<ASTIdentifier>(std::vector<std::string>{c.name})});
    }
    outputs.push_back(analyzer.resolveExpressions(header, {expr}).at(0));
    names.push_back(c.name);
  }
  for (const auto& [column, value] : cmd.assignments)
    if (header.position(column) < 0)
      throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in table {}.{}", column, ref.database, ref.table);
  auto evaluator = std::make_shared<ExpressionEvaluator>(header, outputs);
  return [evaluator, names, header](const Block& block) {
    Block computed = evaluator->execute(block);
    Block out;
    for (size_t i = 0; i < names.size(); ++i) out.insert({materialize(computed.at(i).column), header.at(i).type, names[i]});
    out.setRows(block.rows());
    return out;
  };
}

/// The stored CREATE statement of db.table, parsed.
std::shared_ptr<ASTCreateQuery> storedCreate(StatementContext& sc, const TableRef& ref) {
  std::string text = sc.session.catalog().getDatabase(ref.database)->createQuery(ref.table);
  ASTPtr ast = parseQuery(text);
  return std::static_pointer_cast<ASTCreateQuery>(ast);
}

ASTPtr declarationOf(const ColumnDescription& c) {
  auto decl = std::make_shared<ASTColumnDeclaration>();
  decl->name = c.name;
  decl->type = c.type->name();
  decl->null_modifier = false;
  decl->default_kind = c.default_kind;
  decl->default_expression = c.default_expression;
  decl->comment = c.comment;
  if (!c.codec.empty()) decl->codec = parseExpression(c.codec);
  return decl;
}

/// Applies one column command to `columns`.
void applyColumnCommand(StatementContext& sc, const TableRef& ref, const AlterCommand& cmd, std::vector<ColumnDescription>& columns) {
  auto find = [&](const std::string& name) {
    return std::find_if(columns.begin(), columns.end(), [&](const ColumnDescription& c) { return c.name == name; });
  };
  std::vector<std::string> keys = ref.merge_tree->sortingKeyNames();
  auto is_key = [&](const std::string& n) { return std::find(keys.begin(), keys.end(), n) != keys.end(); };
  // A declared column, its default resolved over the table's other columns.
  auto declared = [&](const ASTPtr& decl_ast) {
    auto create = std::make_shared<ASTCreateQuery>();
    const std::string& name = decl_ast->as<ASTColumnDeclaration>().name;
    for (const auto& c : columns)
      if (c.name != name) create->columns.push_back(declarationOf(c));
    create->columns.push_back(decl_ast);
    return columnsFromDeclarations(sc, *create).all().back();
  };
  switch (cmd.type) {
    case AlterCommand::Type::AddColumn: {
      ColumnDescription c = declared(cmd.column_declaration);
      if (find(c.name) != columns.end()) {
        if (cmd.if_not_exists) return;
        throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Cannot add column {}: column with this name already exists", c.name);
      }
      auto at = columns.end();
      if (cmd.first) at = columns.begin();
      else if (!cmd.after.empty()) {
        auto a = find(cmd.after);
        if (a == columns.end()) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "Wrong column name. Cannot find column {} to insert after", cmd.after);
        at = a + 1;
      }
      columns.insert(at, std::move(c));
      return;
    }
    case AlterCommand::Type::DropColumn: {
      auto it = find(cmd.column);
      if (it == columns.end()) {
        if (cmd.if_exists) return;
        throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Wrong column name. Cannot find column {} to drop", cmd.column);
      }
      if (is_key(cmd.column))
        throw Exception(ErrorCodes::ALTER_OF_COLUMN_IS_FORBIDDEN, "Trying to ALTER DROP key {} column which is a part of key expression", cmd.column);
      columns.erase(it);
      return;
    }
    case AlterCommand::Type::ModifyColumn: {
      ColumnDescription c = declared(cmd.column_declaration);
      auto it = find(c.name);
      if (it == columns.end()) {
        if (cmd.if_exists) return;
        throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in table", c.name);
      }
      if (is_key(c.name) && !c.type->equals(*it->type))
        throw Exception(ErrorCodes::ALTER_OF_COLUMN_IS_FORBIDDEN, "ALTER of key column {} is forbidden", c.name);
      if (c.comment.empty()) c.comment = it->comment;
      *it = std::move(c);
      return;
    }
    case AlterCommand::Type::RenameColumn: {
      auto it = find(cmd.column);
      if (it == columns.end()) {
        if (cmd.if_exists) return;
        throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Wrong column name. Cannot find column {} to rename", cmd.column);
      }
      if (find(cmd.new_name) != columns.end())
        throw Exception(ErrorCodes::DUPLICATE_COLUMN, "Cannot rename to {}: column with this name already exists", cmd.new_name);
      if (is_key(cmd.column))
        throw Exception(ErrorCodes::ALTER_OF_COLUMN_IS_FORBIDDEN, "Trying to ALTER RENAME key {} column which is a part of key expression", cmd.column);
      it->name = cmd.new_name;
      return;
    }
    case AlterCommand::Type::CommentColumn: {
      auto it = find(cmd.column);
      if (it == columns.end()) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in table", cmd.column);
      if (cmd.column_declaration && cmd.column_declaration->kind == ASTKind::Literal)
        it->comment = cmd.column_declaration->as<ASTLiteral>().value.get<std::string>();
      return;
    }
    default:
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "This ALTER command is not supported");
  }
}

/// Changes the table's columns: every part is rewritten with the new columns (renamed ones
/// keep their values, new ones get their defaults, modified ones are converted).
void alterColumns(StatementContext& sc, const TableRef& ref, const std::vector<const AlterCommand*>& commands, const std::string& text) {
  std::vector<ColumnDescription> columns = ref.storage->columns().all();
  std::map<std::string, std::string> renamed;  // new name -> old name
  for (const auto* cmd : commands) {
    applyColumnCommand(sc, ref, *cmd, columns);
    if (cmd->type == AlterCommand::Type::RenameColumn) {
      auto it = renamed.find(cmd->column);
      std::string original = it == renamed.end() ? cmd->column : it->second;
      if (it != renamed.end()) renamed.erase(it);
      renamed[cmd->new_name] = original;
    }
  }
  ColumnsDescription new_columns(columns);
  if (new_columns.physical().empty()) throw Exception(ErrorCodes::EMPTY_LIST_OF_COLUMNS_PASSED, "Cannot drop the last column of a table");

  // old physical block -> new physical block
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  Block old_header = ref.storage->columns().physicalHeader();
  Block provided;  // new columns that come from old ones (renamed / converted)
  Exprs conversions;
  for (const auto& c : new_columns.physical()) {
    auto r = renamed.find(c.name);
    std::string source = r == renamed.end() ? c.name : r->second;
    if (old_header.position(source) < 0) continue;  // added: computed by its default
    ASTPtr expr = std::make_shared<ASTIdentifier>(std::vector<std::string>{source});
    if (!old_header.at(size_t(old_header.position(source))).type->equals(*c.type)) {
      auto type_literal = std::make_shared<ASTLiteral>(Field(c.type->name()));
      expr = std::make_shared<ASTFunction>("CAST", ASTs{expr, type_literal});
    }
    ExprPtr e = analyzer.resolveExpressions(old_header, {expr}).at(0);
    conversions.push_back(e);
    provided.insert({nullptr, c.type, c.name});
  }
  auto convert = std::make_shared<ExpressionEvaluator>(old_header, conversions);
  auto filler = std::make_shared<DefaultsFiller>(analyzer, new_columns, provided);
  auto transform = [convert, filler, provided](const Block& block) {
    Block computed = convert->execute(block);
    Block named;
    for (size_t i = 0; i < provided.columns(); ++i)
      named.insert({materialize(computed.at(i).column), provided.at(i).type, provided.at(i).name});
    named.setRows(block.rows());
    return filler->fill(named);
  };
  ref.merge_tree->mutate(text, transform, &new_columns);

  // The stored definition follows.
  auto create = storedCreate(sc, ref);
  std::string engine_text = create->storage && create->storage->as<ASTStorage>().engine
                                ? formatAST(*create->storage->as<ASTStorage>().engine)
                                : ref.storage->engineName();
  if (engine_text.size() > 2 && engine_text.ends_with("()")) engine_text.resize(engine_text.size() - 2);
  std::string create_text = formatCreateQuery(ref.database, ref.table, new_columns, engine_text, *create, false);
  sc.session.catalog().getDatabase(ref.database)->replaceTable(ref.table, ref.storage, create_text);
}

}  // namespace

void interpretOptimize(StatementContext& sc, const ASTPtr& ast) {
  const auto& q = ast->as<ASTOptimizeQuery>();
  TableRef ref = resolveMergeTree(sc, q.database, q.table, "OPTIMIZE");
  std::string partition_id;
  if (q.partition) {
    AnalyzerContext actx = makeAnalyzerContext(sc);
    QueryAnalyzer analyzer(actx);
    ExprPtr e = analyzer.resolveExpressions(Block(), {q.partition}).at(0);
    if (!e->isConstant()) throw Exception(ErrorCodes::INVALID_PARTITION_VALUE, "PARTITION must be a constant expression");
    partition_id = ref.merge_tree->partitionIdOf(static_cast<const ColumnConst&>(*e->constant).getField());
  }
  bool did = ref.merge_tree->optimize(q.final, partition_id);
  if (!did && sc.context.settings.optimize_throw_if_noop)
    throw Exception(ErrorCodes::CANNOT_ASSIGN_OPTIMIZE, "There are no need to merge parts according to merge selector algorithm");
}

void interpretAlter(StatementContext& sc, const ASTPtr& ast) {
  const auto& q = ast->as<ASTAlterQuery>();
  TableRef ref = resolveMergeTree(sc, q.database, q.table, "ALTER");
  std::vector<const AlterCommand*> column_commands;
  std::string text = std::string(sc.query);
  for (const auto& cmd : q.commands) {
    switch (cmd.type) {
      case AlterCommand::Type::Delete:
        ref.merge_tree->mutate(text, deleteTransform(sc, ref.storage, cmd.predicate));
        break;
      case AlterCommand::Type::Update:
        ref.merge_tree->mutate(text, updateTransform(sc, ref, cmd));
        break;
      case AlterCommand::Type::AddColumn:
      case AlterCommand::Type::DropColumn:
      case AlterCommand::Type::ModifyColumn:
      case AlterCommand::Type::RenameColumn:
      case AlterCommand::Type::CommentColumn:
        column_commands.push_back(&cmd);
        break;
      default:
        throw Exception(ErrorCodes::NOT_IMPLEMENTED, "This ALTER command is not supported");
    }
  }
  if (!column_commands.empty()) alterColumns(sc, ref, column_commands, text);
}

void interpretDelete(StatementContext& sc, const ASTPtr& ast) {
  const auto& q = ast->as<ASTDeleteQuery>();
  TableRef ref = resolveMergeTree(sc, q.database, q.table, "DELETE");
  ref.merge_tree->mutate(std::string(sc.query), deleteTransform(sc, ref.storage, q.predicate));
}

}  // namespace tally
