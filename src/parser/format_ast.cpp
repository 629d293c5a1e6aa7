// formatAST: one-line SQL text of an AST that parses back to the same AST. Operators are
// printed with operator syntax and nested operator operands are parenthesised, so precedence
// and n-ary flattening survive the round trip.

#include <cstring>

#include "parser/ast_access.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {

namespace {

/// Words printed in backquotes when used as names, so that they cannot be read as keywords.
constexpr std::string_view kFormatQuotedWords[] = {
    "all", "and", "anti", "any", "array", "as", "asc", "ascending", "asof", "between", "by", "case", "collate", "cross",
    "date", "desc", "descending", "distinct", "div", "else", "end", "except", "false", "fetch", "filter", "final",
    "for",
    "format", "from", "full", "global", "group", "having", "ilike", "in", "inf", "infinity", "inner", "intersect",
    "interval", "into", "is", "join", "left", "like", "limit", "local", "mod", "nan", "not", "null", "nulls", "offset",
    "on", "or", "order", "outer", "over", "partition", "paste", "prewhere", "qualify", "regexp", "right", "sample",
    "select", "semi", "settings", "then", "timestamp", "to", "true", "union", "using", "when", "where", "window",
    "with", "exists", "engine", "populate", "primary", "ttl", "sync", "async", "test", "delete", "update", "rows",
    "range", "groups", "preceding", "following", "permanently", "values",
};

std::string namePart(std::string_view name) {
  std::string lower;
  for (char c : name) lower += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (auto w : kFormatQuotedWords)
    if (lower == w) return backQuote(name);
  return backQuoteIfNeed(name);
}

std::string qualifiedName(const std::string& database, const std::string& name) {
  return database.empty() ? namePart(name) : namePart(database) + "." + namePart(name);
}

/// Literal text that re-parses to the same Field (one-element tuples get a trailing comma).
std::string literalSql(const Field& f) {
  if (f.which() == Field::Which::Array || f.which() == Field::Which::Tuple) {
    const bool is_array = f.which() == Field::Which::Array;
    const std::vector<Field>& items = is_array ? static_cast<const std::vector<Field>&>(f.get<FieldArray>())
                                               : static_cast<const std::vector<Field>&>(f.get<FieldTuple>());
    std::string s = is_array ? "[" : "(";
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) s += ", ";
      s += literalSql(items[i]);
    }
    if (!is_array && items.size() == 1) s += ",";
    s += is_array ? "]" : ")";
    return s;
  }
  return fieldToString(f);
}

const char* binaryOperator(std::string_view name) {
  static constexpr std::pair<std::string_view, const char*> kOps[] = {
      {"plus", " + "},           {"minus", " - "},           {"multiply", " * "},         {"divide", " / "},
      {"modulo", " % "},         {"intDiv", " DIV "},        {"equals", " = "},           {"notEquals", " != "},
      {"less", " < "},           {"greater", " > "},         {"lessOrEquals", " <= "},    {"greaterOrEquals", " >= "},
      {"like", " LIKE "},        {"notLike", " NOT LIKE "},  {"ilike", " ILIKE "},        {"notILike", " NOT ILIKE "},
      {"in", " IN "},            {"notIn", " NOT IN "},      {"globalIn", " GLOBAL IN "},
      {"globalNotIn", " GLOBAL NOT IN "},
      {"match", " REGEXP "},     {"and", " AND "},           {"or", " OR "},              {"concat", " || "},
      {"isNotDistinctFrom", " <=> "},
  };
  for (const auto& [n, op] : kOps)
    if (n == name) return op;
  return nullptr;
}

bool isOperatorSyntax(const IAST& ast) {
  if (ast.kind != ASTKind::Function) return false;
  const auto& f = ast.as<ASTFunction>();
  return f.is_operator && !f.is_window_function && !f.parameters;
}

/// Operator syntax that binds looser than a primary (tuples, arrays and INTERVAL do not).
bool needsParentheses(const IAST& ast) {
  if (!isOperatorSyntax(ast)) return false;
  const auto& f = ast.as<ASTFunction>();
  if (f.name == "tuple" || f.name == "array") return false;
  if (f.name.rfind("toInterval", 0) == 0 && f.args().size() == 1) return false;
  return true;
}

class AstFormatter {
 public:
  std::string out;

  void statement(const IAST& ast);

  /// An expression in a list: `expr [AS alias]`.
  void listItem(const IAST& ast) {
    body(ast);
    alias(ast);
  }
  /// A standalone expression (WHERE, ORDER BY element, ...): parenthesised only if aliased.
  void plain(const IAST& ast) {
    if (!ast.alias.empty()) {
      out += '(';
      listItem(ast);
      out += ')';
    } else {
      body(ast);
    }
  }
  /// Operand of an operator: operator expressions and aliased ones get parentheses.
  void operand(const IAST& ast) {
    if (!ast.alias.empty() || needsParentheses(ast)) {
      out += '(';
      listItem(ast);
      out += ')';
    } else {
      body(ast);
    }
  }
  /// Operand of x[i], x.1: also numbers need parentheses.
  void postfixOperand(const IAST& ast) {
    const bool bracketed_literal = ast.kind == ASTKind::Literal && (ast.as<ASTLiteral>().value.is<FieldArray>() ||
                                                                     ast.as<ASTLiteral>().value.is<FieldTuple>() ||
                                                                     ast.as<ASTLiteral>().value.is<std::string>());
    if (ast.kind == ASTKind::Literal && !bracketed_literal) {
      out += '(';
      listItem(ast);
      out += ')';
    } else {
      operand(ast);
    }
  }
  void list(const ASTs& items) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      listItem(*items[i]);
    }
  }
  void alias(const IAST& ast) {
    if (!ast.alias.empty()) out += " AS " + namePart(ast.alias);
  }

  void body(const IAST& ast);
  void function(const ASTFunction& f);
  void window(const ASTWindowDefinition& w);
  void frameBound(const WindowFrameBound& b);
  void select(const ASTSelectQuery& s);
  void unionQuery(const ASTSelectWithUnionQuery& u);
  void output(const ASTQueryWithOutput& q);
  void settings(const IAST& s);
  void tableExpression(const ASTTableExpression& t);
  void tables(const ASTTablesInSelectQuery& t);
  void create(const ASTCreateQuery& q);
  void columnDeclaration(const ASTColumnDeclaration& c);
  void storage(const ASTStorage& s);
  void keyValueFunction(const IAST& f);
  void alterCommand(const AlterCommand& c);
  void partition(const IAST& p);
};

void AstFormatter::settings(const IAST& s) {
  const auto& changes = s.as<ASTSetQuery>().changes;
  for (size_t i = 0; i < changes.size(); ++i) {
    if (i) out += ", ";
    out += namePart(changes[i].first) + " = " + literalSql(changes[i].second);
  }
}

void AstFormatter::body(const IAST& ast) {
  switch (ast.kind) {
    case ASTKind::Literal:
      out += literalSql(ast.as<ASTLiteral>().value);
      return;
    case ASTKind::Identifier: {
      const auto& id = ast.as<ASTIdentifier>();
      if (id.parts.empty() && !id.parameter_name.empty()) {
        out += "{" + namePart(id.parameter_name) + ":Identifier}";
        return;
      }
      for (size_t i = 0; i < id.parts.size(); ++i) {
        if (i) out += '.';
        out += namePart(id.parts[i]);
      }
      return;
    }
    case ASTKind::Function:
      function(ast.as<ASTFunction>());
      return;
    case ASTKind::Asterisk:
    case ASTKind::QualifiedAsterisk: {
      const std::vector<std::string>* except;
      if (ast.kind == ASTKind::Asterisk) {
        except = &ast.as<ASTAsterisk>().except;
      } else {
        for (const auto& p : ast.as<ASTQualifiedAsterisk>().qualifier) out += namePart(p) + ".";
        except = &ast.as<ASTQualifiedAsterisk>().except;
      }
      out += '*';
      if (!except->empty()) {
        out += " EXCEPT (";
        for (size_t i = 0; i < except->size(); ++i) {
          if (i) out += ", ";
          out += namePart((*except)[i]);
        }
        out += ')';
      }
      return;
    }
    case ASTKind::ColumnsMatcher: {
      const auto& m = ast.as<ASTColumnsMatcher>();
      out += "COLUMNS(";
      if (m.columns.empty()) {
        out += quoteString(m.regexp);
      } else {
        for (size_t i = 0; i < m.columns.size(); ++i) {
          if (i) out += ", ";
          out += namePart(m.columns[i]);
        }
      }
      out += ')';
      return;
    }
    case ASTKind::Subquery:
      out += '(';
      if (ast.as<ASTSubquery>().query) statement(*ast.as<ASTSubquery>().query);
      out += ')';
      return;
    case ASTKind::QueryParameter:
      out += "{" + namePart(ast.as<ASTQueryParameter>().name) + ":" + ast.as<ASTQueryParameter>().type + "}";
      return;
    case ASTKind::ExpressionList:
      list(ast.as<ASTExpressionList>().children);
      return;
    case ASTKind::OrderByElement: {
      const auto& e = ast.as<ASTOrderByElement>();
      plain(*e.expression);
      if (e.direction < 0) out += " DESC";
      if (e.nulls_direction_explicit) out += e.nulls_direction == e.direction ? " NULLS LAST" : " NULLS FIRST";
      if (!e.collation.empty()) out += " COLLATE " + quoteString(e.collation);
      return;
    }
    case ASTKind::WindowDefinition:
      window(ast.as<ASTWindowDefinition>());
      return;
    default:
      statement(ast);
      return;
  }
}

void AstFormatter::function(const ASTFunction& f) {
  const ASTs& args = f.args();
  const std::string& n = f.name;
  if (isOperatorSyntax(f)) {
    if (const char* op = binaryOperator(n); op && args.size() >= 2) {
      for (size_t i = 0; i < args.size(); ++i) {
        if (i) out += op;
        operand(*args[i]);
      }
      return;
    }
    if (n == "negate" && args.size() == 1) {
      if (args[0]->kind == ASTKind::Identifier && args[0]->alias.empty()) {
        out += '-';
        body(*args[0]);
      } else {
        out += "-(";
        listItem(*args[0]);
        out += ')';
      }
      return;
    }
    if (n == "not" && args.size() == 1) {
      out += "NOT ";
      operand(*args[0]);
      return;
    }
    if ((n == "isNull" || n == "isNotNull") && args.size() == 1) {
      operand(*args[0]);
      out += n == "isNull" ? " IS NULL" : " IS NOT NULL";
      return;
    }
    if (n == "arrayElement" && args.size() == 2) {
      postfixOperand(*args[0]);
      out += '[';
      listItem(*args[1]);
      out += ']';
      return;
    }
    if (n == "tupleElement" && args.size() == 2 && args[1]->kind == ASTKind::Literal && args[1]->alias.empty()) {
      const Field& index = args[1]->as<ASTLiteral>().value;
      bool by_number = index.which() == Field::Which::UInt64;
      bool by_name = index.which() == Field::Which::String && args[0]->kind != ASTKind::Identifier;
      if (by_number || by_name) {
        postfixOperand(*args[0]);
        out += '.';
        out += by_number ? std::to_string(index.get<uint64_t>()) : namePart(index.get<std::string>());
        return;
      }
    }
    if (n == "if" && args.size() == 3) {
      operand(*args[0]);
      out += " ? ";
      operand(*args[1]);
      out += " : ";
      operand(*args[2]);
      return;
    }
    if (n == "lambda" && args.size() == 2 && args[0]->kind == ASTKind::Function) {
      const auto& params = args[0]->as<ASTFunction>().args();
      if (params.size() == 1) {
        body(*params[0]);
      } else {
        out += '(';
        list(params);
        out += ')';
      }
      out += " -> ";
      plain(*args[1]);
      return;
    }
    if (n == "tuple" && args.size() >= 2) {
      out += '(';
      list(args);
      out += ')';
      return;
    }
    if (n == "tuple" && args.size() == 1) {
      out += '(';
      listItem(*args[0]);
      out += ",)";
      return;
    }
    if (n == "array") {
      out += '[';
      list(args);
      out += ']';
      return;
    }
    if (n.rfind("toInterval", 0) == 0 && args.size() == 1) {
      std::string unit = n.substr(10);
      for (char& c : unit) c = char(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      out += "INTERVAL ";
      operand(*args[0]);
      out += " " + unit;
      return;
    }
  }
  out += backQuoteIfNeed(n);
  if (f.parameters) {
    out += '(';
    list(f.parameters->children);
    out += ')';
  }
  out += '(';
  list(args);
  out += ')';
  if (f.is_window_function) {
    out += " OVER ";
    if (!f.window_name.empty())
      out += namePart(f.window_name);
    else if (f.window_definition)
      window(f.window_definition->as<ASTWindowDefinition>());
    else
      out += "()";
  }
}

void AstFormatter::frameBound(const WindowFrameBound& b) {
  switch (b.type) {
    case WindowBoundType::Unbounded:
      out += b.preceding ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
      return;
    case WindowBoundType::Current:
      out += "CURRENT ROW";
      return;
    case WindowBoundType::Offset:
      if (b.offset) operand(*b.offset);
      out += b.preceding ? " PRECEDING" : " FOLLOWING";
      return;
  }
}

void AstFormatter::window(const ASTWindowDefinition& w) {
  out += '(';
  bool space = false;
  auto sep = [&] {
    if (space) out += ' ';
    space = true;
  };
  if (!w.parent_window_name.empty()) {
    sep();
    out += namePart(w.parent_window_name);
  }
  if (w.partition_by) {
    sep();
    out += "PARTITION BY ";
    body(*w.partition_by);
  }
  if (w.order_by) {
    sep();
    out += "ORDER BY ";
    body(*w.order_by);
  }
  if (!w.frame_is_default) {
    sep();
    out += w.frame_type == WindowFrameType::Rows ? "ROWS" : w.frame_type == WindowFrameType::Range ? "RANGE" : "GROUPS";
    out += " BETWEEN ";
    frameBound(w.frame_begin);
    out += " AND ";
    frameBound(w.frame_end);
  }
  out += ')';
}

void AstFormatter::tableExpression(const ASTTableExpression& t) {
  if (t.subquery) {
    body(*t.subquery);
  } else if (t.table_function) {
    body(*t.table_function);
  } else if (!t.parameter_name.empty()) {
    out += "{" + namePart(t.parameter_name) + ":Identifier}";
  } else {
    out += qualifiedName(t.database, t.table);
  }
  alias(t);
  if (t.final) out += " FINAL";
  if (t.sample) {
    out += " SAMPLE ";
    plain(*t.sample);
  }
}

void AstFormatter::tables(const ASTTablesInSelectQuery& t) {
  for (size_t i = 0; i < t.elements.size(); ++i) {
    const auto& e = t.elements[i]->as<ASTTablesInSelectQueryElement>();
    if (e.array_join) {
      const auto& aj = e.array_join->as<ASTArrayJoin>();
      out += aj.left ? " LEFT ARRAY JOIN " : " ARRAY JOIN ";
      body(*aj.expressions);
      continue;
    }
    if (e.table_join) {
      const auto& j = e.table_join->as<ASTTableJoin>();
      if (j.kind == JoinKind::Comma) {
        out += ", ";
      } else {
        out += ' ';
        if (j.global) out += "GLOBAL ";
        switch (j.strictness) {
          case JoinStrictness::Any: out += "ANY "; break;
          case JoinStrictness::All: out += "ALL "; break;
          case JoinStrictness::Asof: out += "ASOF "; break;
          case JoinStrictness::Semi: out += "SEMI "; break;
          case JoinStrictness::Anti: out += "ANTI "; break;
          case JoinStrictness::Unspecified: break;
        }
        switch (j.kind) {
          case JoinKind::Inner: out += "INNER "; break;
          case JoinKind::Left: out += "LEFT "; break;
          case JoinKind::Right: out += "RIGHT "; break;
          case JoinKind::Full: out += "FULL "; break;
          case JoinKind::Cross: out += "CROSS "; break;
          case JoinKind::Comma: break;
        }
        out += "JOIN ";
      }
      if (e.table_expression) tableExpression(e.table_expression->as<ASTTableExpression>());
      if (j.on_expression) {
        out += " ON ";
        plain(*j.on_expression);
      } else if (j.using_list) {
        out += " USING (";
        body(*j.using_list);
        out += ')';
      }
      continue;
    }
    if (e.table_expression) tableExpression(e.table_expression->as<ASTTableExpression>());
  }
}

void AstFormatter::select(const ASTSelectQuery& s) {
  if (s.with) {
    out += "WITH ";
    const auto& items = s.with->as<ASTExpressionList>().children;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      if (items[i]->kind == ASTKind::Subquery && !items[i]->alias.empty()) {
        out += namePart(items[i]->alias) + " AS ";
        body(*items[i]);
      } else {
        listItem(*items[i]);
      }
    }
    out += ' ';
  }
  out += "SELECT ";
  if (s.distinct) out += "DISTINCT ";
  if (s.select) body(*s.select);
  if (s.tables) {
    out += " FROM ";
    tables(s.tables->as<ASTTablesInSelectQuery>());
  }
  if (s.prewhere) {
    out += " PREWHERE ";
    plain(*s.prewhere);
  }
  if (s.where) {
    out += " WHERE ";
    plain(*s.where);
  }
  if (s.group_by_all) out += " GROUP BY ALL";
  if (s.group_by) {
    out += " GROUP BY ";
    body(*s.group_by);
  }
  if (s.group_by_with_rollup) out += " WITH ROLLUP";
  if (s.group_by_with_cube) out += " WITH CUBE";
  if (s.group_by_with_totals) out += " WITH TOTALS";
  if (s.having) {
    out += " HAVING ";
    plain(*s.having);
  }
  if (s.window) {
    out += " WINDOW ";
    const auto& items = s.window->as<ASTExpressionList>().children;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      out += namePart(items[i]->alias) + " AS ";
      window(items[i]->as<ASTWindowDefinition>());
    }
  }
  if (s.qualify) {
    out += " QUALIFY ";
    plain(*s.qualify);
  }
  if (s.order_by) {
    out += " ORDER BY ";
    body(*s.order_by);
  }
  if (s.limit_by) {
    out += " LIMIT ";
    if (s.limit_by_offset) {
      plain(*s.limit_by_offset);
      out += ", ";
    }
    if (s.limit_by_length) plain(*s.limit_by_length);
    out += " BY ";
    body(*s.limit_by);
  }
  if (s.limit_length) {
    out += " LIMIT ";
    if (s.limit_offset) {
      plain(*s.limit_offset);
      out += ", ";
    }
    plain(*s.limit_length);
    if (s.limit_with_ties) out += " WITH TIES";
  } else if (s.limit_offset) {
    out += " OFFSET ";
    plain(*s.limit_offset);
  }
  if (s.settings) {
    out += " SETTINGS ";
    settings(*s.settings);
  }
}

void AstFormatter::output(const ASTQueryWithOutput& q) {
  if (!q.out_file.empty()) out += " INTO OUTFILE " + quoteString(q.out_file);
  if (!q.format.empty()) out += " FORMAT " + namePart(q.format);
  if (q.settings) {
    out += " SETTINGS ";
    settings(*q.settings);
  }
}

void AstFormatter::unionQuery(const ASTSelectWithUnionQuery& u) {
  for (size_t i = 0; i < u.selects.size(); ++i) {
    if (i) {
      UnionMode mode = i - 1 < u.modes.size() ? u.modes[i - 1] : UnionMode::All;
      switch (mode) {
        case UnionMode::All: out += " UNION ALL "; break;
        case UnionMode::Distinct: out += " UNION DISTINCT "; break;
        case UnionMode::Unspecified: out += " UNION "; break;
        case UnionMode::Except: out += " EXCEPT "; break;
        case UnionMode::Intersect: out += " INTERSECT "; break;
      }
    }
    const IAST& s = *u.selects[i];
    if (s.kind == ASTKind::SelectWithUnionQuery) {
      out += '(';
      statement(s);
      out += ')';
    } else {
      statement(s);
    }
  }
}

void AstFormatter::columnDeclaration(const ASTColumnDeclaration& c) {
  out += namePart(c.name);
  if (!c.type.empty()) out += " " + c.type;
  if (c.null_modifier) out += *c.null_modifier ? " NULL" : " NOT NULL";
  if (!c.default_kind.empty()) {
    out += " " + c.default_kind;
    if (c.default_expression) {
      out += ' ';
      plain(*c.default_expression);
    }
  }
  if (!c.comment.empty()) out += " COMMENT " + quoteString(c.comment);
  if (c.codec) {
    out += ' ';
    body(*c.codec);
  }
  if (c.ttl) {
    out += " TTL ";
    plain(*c.ttl);
  }
}

void AstFormatter::storage(const ASTStorage& s) {
  if (s.engine) {
    const auto& e = s.engine->as<ASTFunction>();
    out += " ENGINE = ";
    if (e.args().empty() && !e.parameters)
      out += backQuoteIfNeed(e.name);
    else
      body(e);
  }
  auto clause = [&](const char* name, const ASTPtr& p) {
    if (!p) return;
    out += name;
    plain(*p);
  };
  clause(" PARTITION BY ", s.partition_by);
  clause(" PRIMARY KEY ", s.primary_key);
  clause(" ORDER BY ", s.order_by);
  clause(" SAMPLE BY ", s.sample_by);
  if (s.ttl) {
    out += " TTL ";
    body(*s.ttl);
  }
  if (s.settings) {
    out += " SETTINGS ";
    settings(*s.settings);
  }
}

void AstFormatter::keyValueFunction(const IAST& ast) {
  const auto& f = ast.as<ASTFunction>();
  out += backQuoteIfNeed(f.name) + "(";
  for (size_t i = 0; i < f.args().size(); ++i) {
    if (i) out += ' ';
    if (f.args()[i]->as<ASTFunction>().name != "equals" || f.args()[i]->as<ASTFunction>().args().size() != 2) {
      keyValueFunction(*f.args()[i]);
      continue;
    }
    const auto& pair = f.args()[i]->as<ASTFunction>();
    out += pair.args()[0]->as<ASTIdentifier>().name() + " ";
    const IAST& value = *pair.args()[1];
    if (value.kind == ASTKind::Function && !value.as<ASTFunction>().is_operator)
      keyValueFunction(value);
    else
      operand(value);
  }
  out += ')';
}

void AstFormatter::create(const ASTCreateQuery& q) {
  out += q.attach ? "ATTACH " : "CREATE ";
  if (q.or_replace) out += "OR REPLACE ";
  if (q.temporary) out += "TEMPORARY ";
  if (q.is_database) {
    out += "DATABASE ";
    if (q.if_not_exists) out += "IF NOT EXISTS ";
    out += namePart(q.database);
    if (!q.database_engine.empty()) out += " ENGINE = " + q.database_engine;
    if (!q.comment.empty()) out += " COMMENT " + quoteString(q.comment);
    return;
  }
  out += q.is_materialized_view ? "MATERIALIZED VIEW "
         : q.is_view            ? "VIEW "
         : q.is_dictionary      ? "DICTIONARY "
                                : "TABLE ";
  if (q.if_not_exists) out += "IF NOT EXISTS ";
  out += qualifiedName(q.database, q.table);
  if (q.is_dictionary && q.dictionary) {
    const auto& d = *q.dictionary;
    out += " (";
    for (size_t i = 0; i < d.attributes.size(); ++i) {
      const auto& a = d.attributes[i];
      if (i) out += ", ";
      out += namePart(a.name) + " " + a.type;
      if (a.default_value) {
        out += " DEFAULT ";
        operand(*a.default_value);
      }
      if (a.expression) {
        out += " EXPRESSION ";
        plain(*a.expression);
      }
      if (a.hierarchical) out += " HIERARCHICAL";
      if (a.injective) out += " INJECTIVE";
      if (a.is_object_id) out += " IS_OBJECT_ID";
    }
    out += ')';
    if (!d.primary_key.empty()) {
      out += " PRIMARY KEY ";
      for (size_t i = 0; i < d.primary_key.size(); ++i) {
        if (i) out += ", ";
        out += namePart(d.primary_key[i]);
      }
    }
    if (d.source) {
      out += " SOURCE(";
      keyValueFunction(*d.source);
      out += ')';
    }
    if (d.layout) {
      out += " LAYOUT(";
      keyValueFunction(*d.layout);
      out += ')';
    }
    if (d.lifetime_min || d.lifetime_max)
      out += " LIFETIME(MIN " + std::to_string(d.lifetime_min) + " MAX " + std::to_string(d.lifetime_max) + ")";
    if (d.range) {
      const auto& r = d.range->as<ASTFunction>().args();
      out += " RANGE(MIN ";
      operand(*r[0]);
      out += " MAX ";
      operand(*r[1]);
      out += ')';
    }
    if (d.settings) {
      out += " SETTINGS(";
      settings(*d.settings);
      out += ')';
    }
    if (!q.comment.empty()) out += " COMMENT " + quoteString(q.comment);
    return;
  }
  if (!q.to_table.empty()) out += " TO " + qualifiedName(q.to_database, q.to_table);
  if (!q.columns.empty() || !q.indices.empty() || !q.constraints.empty()) {
    out += " (";
    bool first = true;
    auto sep = [&] {
      if (!first) out += ", ";
      first = false;
    };
    for (const auto& c : q.columns) {
      sep();
      columnDeclaration(c->as<ASTColumnDeclaration>());
    }
    for (const auto& i : q.indices) {
      sep();
      const auto& f = i->as<ASTFunction>();
      out += "INDEX " + namePart(f.alias) + " ";
      plain(*f.args()[0]);
      const auto& type = f.args()[1]->as<ASTFunction>();
      out += " TYPE ";
      if (type.args().empty())
        out += backQuoteIfNeed(type.name);
      else
        body(type);
      if (f.args().size() > 2) {
        out += " GRANULARITY ";
        operand(*f.args()[2]);
      }
    }
    for (const auto& c : q.constraints) {
      sep();
      const auto& f = c->as<ASTFunction>();
      out += "CONSTRAINT " + namePart(f.alias) + (f.name == "assume" ? " ASSUME " : " CHECK ");
      plain(*f.args()[0]);
    }
    out += ')';
  }
  if (q.storage) storage(q.storage->as<ASTStorage>());
  if (q.populate) out += " POPULATE";
  if (q.empty) out += " EMPTY";
  if (!q.comment.empty()) out += " COMMENT " + quoteString(q.comment);
  if (q.select) {
    out += " AS ";
    statement(*q.select);
  } else if (q.as_table_function) {
    out += " AS ";
    body(*q.as_table_function);
  } else if (!q.as_table.empty()) {
    out += " AS " + qualifiedName(q.as_database, q.as_table);
  }
}

void AstFormatter::partition(const IAST& p) {
  if (p.kind == ASTKind::Function && p.as<ASTFunction>().name == "ID" && !p.as<ASTFunction>().is_operator &&
      p.as<ASTFunction>().args().size() == 1) {
    out += "ID ";
    body(*p.as<ASTFunction>().args()[0]);
  } else {
    plain(p);
  }
}

void AstFormatter::alterCommand(const AlterCommand& c) {
  using Type = AlterCommand::Type;
  auto in_partition = [&] {
    if (c.partition) {
      out += " IN PARTITION ";
      partition(*c.partition);
    }
  };
  switch (c.type) {
    case Type::AddColumn:
      out += "ADD COLUMN ";
      if (c.if_not_exists) out += "IF NOT EXISTS ";
      columnDeclaration(c.column_declaration->as<ASTColumnDeclaration>());
      if (c.first) out += " FIRST";
      if (!c.after.empty()) out += " AFTER " + namePart(c.after);
      return;
    case Type::DropColumn:
      out += std::string("DROP COLUMN ") + (c.if_exists ? "IF EXISTS " : "") + namePart(c.column);
      return;
    case Type::ModifyColumn:
      out += "MODIFY COLUMN ";
      if (c.if_exists) out += "IF EXISTS ";
      columnDeclaration(c.column_declaration->as<ASTColumnDeclaration>());
      if (c.first) out += " FIRST";
      if (!c.after.empty()) out += " AFTER " + namePart(c.after);
      return;
    case Type::RenameColumn:
      out += std::string("RENAME COLUMN ") + (c.if_exists ? "IF EXISTS " : "") + namePart(c.column) + " TO " +
             namePart(c.new_name);
      return;
    case Type::CommentColumn:
      out += std::string("COMMENT COLUMN ") + (c.if_exists ? "IF EXISTS " : "") + namePart(c.column) + " " +
             quoteString(c.column_declaration ? c.column_declaration->as<ASTColumnDeclaration>().comment : "");
      return;
    case Type::ClearColumn:
      out += std::string("CLEAR COLUMN ") + (c.if_exists ? "IF EXISTS " : "") + namePart(c.column);
      in_partition();
      return;
    case Type::MaterializeColumn:
      out += "MATERIALIZE COLUMN " + namePart(c.column);
      in_partition();
      return;
    case Type::Delete:
      out += "DELETE";
      in_partition();
      out += " WHERE ";
      plain(*c.predicate);
      return;
    case Type::Update:
      out += "UPDATE ";
      for (size_t i = 0; i < c.assignments.size(); ++i) {
        if (i) out += ", ";
        out += namePart(c.assignments[i].first) + " = ";
        plain(*c.assignments[i].second);
      }
      in_partition();
      out += " WHERE ";
      plain(*c.predicate);
      return;
    case Type::DropPartition:
      out += "DROP PARTITION ";
      partition(*c.partition);
      return;
    case Type::ModifySetting:
      out += "MODIFY SETTING ";
      settings(*c.settings);
      return;
    case Type::ModifyTTL:
      out += "MODIFY TTL ";
      if (c.ttl) body(*c.ttl);
      return;
  }
}

void AstFormatter::statement(const IAST& ast) {
  switch (ast.kind) {
    case ASTKind::CreateAccessEntityQuery:
    case ASTKind::DropAccessEntityQuery:
    case ASTKind::GrantQuery:
      out += formatAccessStatement(ast);
      return;
    case ASTKind::ShowAccessQuery:
      out += formatAccessStatement(ast);
      output(ast.as<ASTShowAccessQuery>());
      return;
    case ASTKind::SelectQuery:
      select(ast.as<ASTSelectQuery>());
      return;
    case ASTKind::SelectWithUnionQuery:
      unionQuery(ast.as<ASTSelectWithUnionQuery>());
      output(ast.as<ASTQueryWithOutput>());
      return;
    case ASTKind::SetQuery:
      out += "SET ";
      settings(ast);
      return;
    case ASTKind::ColumnDeclaration:
      columnDeclaration(ast.as<ASTColumnDeclaration>());
      return;
    case ASTKind::Storage:
      storage(ast.as<ASTStorage>());
      if (!out.empty() && out[0] == ' ') out.erase(0, 1);
      return;
    case ASTKind::TableExpression:
      tableExpression(ast.as<ASTTableExpression>());
      return;
    case ASTKind::TablesInSelectQuery:
      tables(ast.as<ASTTablesInSelectQuery>());
      return;
    case ASTKind::CreateQuery:
      create(ast.as<ASTCreateQuery>());
      return;
    case ASTKind::InsertQuery: {
      const auto& q = ast.as<ASTInsertQuery>();
      out += "INSERT INTO ";
      if (q.table_function) {
        out += "FUNCTION ";
        body(*q.table_function);
      } else {
        out += qualifiedName(q.database, q.table);
      }
      if (q.columns) {
        out += " (";
        body(*q.columns);
        out += ')';
      }
      if (q.settings) {
        out += " SETTINGS ";
        settings(*q.settings);
      }
      if (q.select) {
        out += ' ';
        statement(*q.select);
      } else if (q.format == "Values") {
        out += " VALUES";
      } else if (!q.format.empty()) {
        out += " FORMAT " + namePart(q.format);
      }
      return;
    }
    case ASTKind::DropQuery: {
      const auto& q = ast.as<ASTDropQuery>();
      out += q.drop_kind == ASTDropQuery::Kind::Drop     ? "DROP "
             : q.drop_kind == ASTDropQuery::Kind::Detach ? "DETACH "
                                                         : "TRUNCATE ";
      if (q.temporary) out += "TEMPORARY ";
      out += q.is_database ? "DATABASE " : q.is_dictionary ? "DICTIONARY " : q.is_view ? "VIEW " : "TABLE ";
      if (q.if_exists) out += "IF EXISTS ";
      out += q.is_database ? namePart(q.database) : qualifiedName(q.database, q.table);
      if (q.sync) out += " SYNC";
      return;
    }
    case ASTKind::ShowTablesQuery: {
      const auto& q = ast.as<ASTShowTablesQuery>();
      using What = ASTShowTablesQuery::What;
      out += "SHOW ";
      if (q.temporary) out += "TEMPORARY ";
      switch (q.what) {
        case What::Tables: out += "TABLES"; break;
        case What::Databases: out += "DATABASES"; break;
        case What::Dictionaries: out += "DICTIONARIES"; break;
        case What::Processlist: out += "PROCESSLIST"; break;
        case What::Settings: out += "SETTINGS"; break;
        case What::Functions: out += "FUNCTIONS"; break;
        case What::Columns: out += "COLUMNS FROM " + namePart(q.from); break;
      }
      if (q.what == What::Columns) {
        if (!q.from_database.empty()) out += " FROM " + namePart(q.from_database);
      } else if (!q.from.empty()) {
        out += " FROM " + namePart(q.from);
      }
      if (q.has_like) {
        out += q.not_like ? " NOT" : "";
        out += q.case_insensitive_like ? " ILIKE " : " LIKE ";
        out += quoteString(q.like);
      }
      if (q.where) {
        out += " WHERE ";
        plain(*q.where);
      }
      if (q.limit) {
        out += " LIMIT ";
        plain(*q.limit);
      }
      output(q);
      return;
    }
    case ASTKind::ShowCreateQuery: {
      const auto& q = ast.as<ASTShowCreateQuery>();
      using What = ASTShowCreateQuery::What;
      out += "SHOW CREATE ";
      if (q.temporary) out += "TEMPORARY ";
      if (q.what == What::Database) {
        out += "DATABASE " + namePart(q.database);
      } else {
        out += q.what == What::View ? "VIEW " : q.what == What::Dictionary ? "DICTIONARY " : "TABLE ";
        out += qualifiedName(q.database, q.table);
      }
      output(q);
      return;
    }
    case ASTKind::DescribeQuery: {
      const auto& q = ast.as<ASTDescribeQuery>();
      out += "DESCRIBE TABLE ";
      if (q.table_expression) tableExpression(q.table_expression->as<ASTTableExpression>());
      output(q);
      return;
    }
    case ASTKind::ExistsQuery: {
      const auto& q = ast.as<ASTExistsQuery>();
      using What = ASTExistsQuery::What;
      out += "EXISTS ";
      if (q.temporary) out += "TEMPORARY ";
      if (q.what == What::Database) {
        out += "DATABASE " + namePart(q.database);
      } else {
        out += q.what == What::View ? "VIEW " : q.what == What::Dictionary ? "DICTIONARY " : "TABLE ";
        out += qualifiedName(q.database, q.table);
      }
      output(q);
      return;
    }
    case ASTKind::UseQuery:
      out += "USE " + namePart(ast.as<ASTUseQuery>().database);
      return;
    case ASTKind::ExplainQuery: {
      const auto& q = ast.as<ASTExplainQuery>();
      using Kind = ASTExplainQuery::Kind;
      out += "EXPLAIN ";
      switch (q.explain_kind) {
        case Kind::Plan: out += "PLAN "; break;
        case Kind::Pipeline: out += "PIPELINE "; break;
        case Kind::AST: out += "AST "; break;
        case Kind::Syntax: out += "SYNTAX "; break;
        case Kind::Estimate: out += "ESTIMATE "; break;
      }
      if (q.explain_settings) {
        settings(*q.explain_settings);
        out += ' ';
      }
      if (q.query) statement(*q.query);
      output(q);
      return;
    }
    case ASTKind::OptimizeQuery: {
      const auto& q = ast.as<ASTOptimizeQuery>();
      out += "OPTIMIZE TABLE " + qualifiedName(q.database, q.table);
      if (q.partition) {
        out += " PARTITION ";
        partition(*q.partition);
      }
      if (q.final) out += " FINAL";
      if (q.deduplicate) out += " DEDUPLICATE";
      return;
    }
    case ASTKind::AlterQuery: {
      const auto& q = ast.as<ASTAlterQuery>();
      out += "ALTER TABLE " + qualifiedName(q.database, q.table) + " ";
      for (size_t i = 0; i < q.commands.size(); ++i) {
        if (i) out += ", ";
        alterCommand(q.commands[i]);
      }
      return;
    }
    case ASTKind::RenameQuery: {
      const auto& q = ast.as<ASTRenameQuery>();
      out += q.exchange ? "EXCHANGE " : "RENAME ";
      out += q.is_database ? "DATABASE " : q.is_dictionary ? (q.exchange ? "DICTIONARIES " : "DICTIONARY ")
                                                           : (q.exchange ? "TABLES " : "TABLE ");
      for (size_t i = 0; i < q.elements.size(); ++i) {
        const auto& e = q.elements[i];
        if (i) out += ", ";
        out += qualifiedName(e.from_database, e.from_table) + (q.exchange ? " AND " : " TO ") +
               qualifiedName(e.to_database, e.to_table);
      }
      return;
    }
    case ASTKind::SystemQuery: {
      const auto& q = ast.as<ASTSystemQuery>();
      out += "SYSTEM " + q.command;
      if (!q.target.empty()) out += " " + qualifiedName(q.database, q.target);
      return;
    }
    case ASTKind::KillQuery: {
      const auto& q = ast.as<ASTKillQuery>();
      out += q.mutation ? "KILL MUTATION WHERE " : "KILL QUERY WHERE ";
      if (q.where) plain(*q.where);
      if (q.sync) out += " SYNC";
      if (q.test) out += " TEST";
      output(q);
      return;
    }
    case ASTKind::DeleteQuery: {
      const auto& q = ast.as<ASTDeleteQuery>();
      out += "DELETE FROM " + qualifiedName(q.database, q.table) + " WHERE ";
      if (q.predicate) plain(*q.predicate);
      return;
    }
    default:
      body(ast);
      return;
  }
}

}  // namespace

std::string formatAST(const IAST& ast) {
  AstFormatter f;
  switch (ast.kind) {
    case ASTKind::Literal:
    case ASTKind::Identifier:
    case ASTKind::Function:
    case ASTKind::Asterisk:
    case ASTKind::QualifiedAsterisk:
    case ASTKind::ColumnsMatcher:
    case ASTKind::Subquery:
    case ASTKind::QueryParameter:
    case ASTKind::ExpressionList:
    case ASTKind::OrderByElement:
    case ASTKind::WindowDefinition:
      f.listItem(ast);
      break;
    default:
      f.statement(ast);
      break;
  }
  return f.out;
}

}  // namespace tally
