#pragma once
// The abstract syntax tree produced by the parser. Plain structs with public fields: the
// parser builds them, the analyzer reads them. Operators are already normalised to
// ClickHouse's function names (a + b -> plus(a, b), a AND b AND c -> and(a, b, c), x[i] ->
// arrayElement(x, i), t.1 -> tupleElement(t, 1), a ? b : c -> if(a, b, c), CASE -> multiIf /
// caseWithExpression, x BETWEEN a AND b -> and(greaterOrEquals(x, a), lessOrEquals(x, b)),
// CAST(x AS T) and x::T -> CAST(x, 'T'), INTERVAL n UNIT -> toIntervalUnit(n),
// lambda x -> e -> lambda(tuple(x), e), count(DISTINCT x) -> countDistinct(x)).
//
// Every node records the byte range [begin, end) of the query text it came from, for error
// messages. ASTs are shared immutably after parsing (ASTPtr); clone() deep-copies.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/field.h"

namespace tally {

struct IAST;
using ASTPtr = std::shared_ptr<IAST>;
using ASTs = std::vector<ASTPtr>;

enum class ASTKind : uint8_t {
  // expressions
  Literal,
  Identifier,
  Function,
  Asterisk,
  QualifiedAsterisk,
  ColumnsMatcher,
  Subquery,
  QueryParameter,
  ExpressionList,
  OrderByElement,
  WindowDefinition,
  // SELECT
  SelectQuery,
  SelectWithUnionQuery,
  TablesInSelectQuery,
  TablesInSelectQueryElement,
  TableExpression,
  TableJoin,
  ArrayJoin,
  // statements
  SetQuery,
  ColumnDeclaration,
  Storage,
  CreateQuery,
  InsertQuery,
  DropQuery,
  ShowTablesQuery,
  ShowCreateQuery,
  DescribeQuery,
  ExistsQuery,
  UseQuery,
  ExplainQuery,
  OptimizeQuery,
  AlterQuery,
  RenameQuery,
  SystemQuery,
  KillQuery,
  DeleteQuery,
  // access control (ast_access.h)
  CreateAccessEntityQuery,
  DropAccessEntityQuery,
  GrantQuery,
  ShowAccessQuery,
};

struct IAST {
  explicit IAST(ASTKind kind_) : kind(kind_) {}
  virtual ~IAST() = default;
  virtual ASTPtr clone() const = 0;

  ASTKind kind;
  std::string alias;            // `expr AS alias`; empty if none
  size_t begin = 0, end = 0;    // byte range in the query text

  template <typename T>
  T& as() { return static_cast<T&>(*this); }
  template <typename T>
  const T& as() const { return static_cast<const T&>(*this); }
};

template <typename T>
std::shared_ptr<T> astAs(const ASTPtr& ast) {
  return std::static_pointer_cast<T>(ast);
}

#define TALLY_AST_CLONE(T) \
  ASTPtr clone() const override { return cloneInto(std::make_shared<T>(*this)); }

// Deep clone helper: copies the node then clones the children through cloneChildren().
template <typename T>
ASTPtr cloneInto(std::shared_ptr<T> copy) {
  copy->cloneChildren();
  return copy;
}

inline ASTPtr cloneOrNull(const ASTPtr& p) { return p ? p->clone() : nullptr; }
inline void cloneAll(ASTs& list) {
  for (auto& p : list) p = cloneOrNull(p);
}

// ------------------------------------------------------------------------------------------
// Expressions

/// A constant. Numbers get the narrowest Field kind: non-negative integers UInt64, negative
/// Int64, others Float64; strings String; NULL Null; [..] Array; tuples of literals Tuple;
/// true/false Bool.
struct ASTLiteral : IAST {
  ASTLiteral() : IAST(ASTKind::Literal) {}
  explicit ASTLiteral(Field v) : IAST(ASTKind::Literal), value(std::move(v)) {}
  TALLY_AST_CLONE(ASTLiteral)
  void cloneChildren() {}
  Field value;
  /// Set when the literal stands for a typed value (a substituted {name:Type} parameter):
  /// the type name the value must get.
  std::string type_name;
};

/// A (possibly compound) name: x, t.x, db.t.x. Quoting (`x`, "x") is removed by the parser.
struct ASTIdentifier : IAST {
  ASTIdentifier() : IAST(ASTKind::Identifier) {}
  explicit ASTIdentifier(std::vector<std::string> p) : IAST(ASTKind::Identifier), parts(std::move(p)) {}
  TALLY_AST_CLONE(ASTIdentifier)
  void cloneChildren() {}
  std::vector<std::string> parts;
  std::string name() const {
    std::string s;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i) s += '.';
      s += parts[i];
    }
    return s;
  }
  bool compound() const { return parts.size() > 1; }
  /// Set when written as a {name:Identifier} parameter (resolved later).
  std::string parameter_name;
};

struct ASTExpressionList : IAST {
  ASTExpressionList() : IAST(ASTKind::ExpressionList) {}
  TALLY_AST_CLONE(ASTExpressionList)
  void cloneChildren() { cloneAll(children); }
  ASTs children;
};

struct ASTWindowDefinition;

/// f(args), f(params)(args), f(args) OVER (...), lambda(tuple(x), body).
struct ASTFunction : IAST {
  ASTFunction() : IAST(ASTKind::Function) {}
  ASTFunction(std::string n, ASTs args) : IAST(ASTKind::Function), name(std::move(n)) {
    arguments = std::make_shared<ASTExpressionList>();
    arguments->children = std::move(args);
  }
  TALLY_AST_CLONE(ASTFunction)
  void cloneChildren() {
    if (arguments) arguments = astAs<ASTExpressionList>(arguments->clone());
    if (parameters) parameters = astAs<ASTExpressionList>(parameters->clone());
    window_definition = cloneOrNull(window_definition);
  }
  std::string name;
  std::shared_ptr<ASTExpressionList> arguments;   // never null for calls (may be empty)
  std::shared_ptr<ASTExpressionList> parameters;  // quantile(0.9)(x): {0.9}; null if none
  /// OVER: either a named window (window_name) or an inline definition.
  bool is_window_function = false;
  std::string window_name;
  ASTPtr window_definition;  // ASTWindowDefinition
  /// Written with operator syntax (a + b): formatting only.
  bool is_operator = false;
  /// Function name was written in lowercase/mixed case: kept as written; lookup is
  /// case-insensitive where ClickHouse's is.
  ASTs& args() { return arguments->children; }
  const ASTs& args() const { return arguments->children; }
};

/// * (optionally with EXCEPT (cols) ).
struct ASTAsterisk : IAST {
  ASTAsterisk() : IAST(ASTKind::Asterisk) {}
  TALLY_AST_CLONE(ASTAsterisk)
  void cloneChildren() {}
  std::vector<std::string> except;
};

/// t.*
struct ASTQualifiedAsterisk : IAST {
  ASTQualifiedAsterisk() : IAST(ASTKind::QualifiedAsterisk) {}
  TALLY_AST_CLONE(ASTQualifiedAsterisk)
  void cloneChildren() {}
  std::vector<std::string> qualifier;
  std::vector<std::string> except;
};

/// COLUMNS('regexp') or COLUMNS(a, b).
struct ASTColumnsMatcher : IAST {
  ASTColumnsMatcher() : IAST(ASTKind::ColumnsMatcher) {}
  TALLY_AST_CLONE(ASTColumnsMatcher)
  void cloneChildren() {}
  std::string regexp;                 // empty when a list was given
  std::vector<std::string> columns;
};

/// ( SELECT ... ) used as an expression or table.
struct ASTSubquery : IAST {
  ASTSubquery() : IAST(ASTKind::Subquery) {}
  TALLY_AST_CLONE(ASTSubquery)
  void cloneChildren() { query = cloneOrNull(query); }
  ASTPtr query;  // ASTSelectWithUnionQuery
  /// Set for `WITH name AS (SELECT ...)`: a common table expression (a table), as opposed to
  /// `WITH (SELECT ...) AS name`, a scalar subquery.
  bool is_cte = false;
};

/// {name:Type}
struct ASTQueryParameter : IAST {
  ASTQueryParameter() : IAST(ASTKind::QueryParameter) {}
  TALLY_AST_CLONE(ASTQueryParameter)
  void cloneChildren() {}
  std::string name;
  std::string type;  // type text, e.g. "Array(UInt16)"
};

struct ASTOrderByElement : IAST {
  ASTOrderByElement() : IAST(ASTKind::OrderByElement) {}
  TALLY_AST_CLONE(ASTOrderByElement)
  void cloneChildren() { expression = cloneOrNull(expression); }
  ASTPtr expression;
  int direction = 1;        // 1 ASC, -1 DESC
  int nulls_direction = 1;  // 1 = NULLS LAST for ASC; set to `direction` unless NULLS FIRST/LAST given
  bool nulls_direction_explicit = false;
  std::string collation;    // COLLATE 'x' (accepted, ignored)
};

enum class WindowFrameType : uint8_t { Rows, Range, Groups };
enum class WindowBoundType : uint8_t { Unbounded, Current, Offset };

struct WindowFrameBound {
  WindowBoundType type = WindowBoundType::Unbounded;
  bool preceding = true;  // for Unbounded and Offset
  ASTPtr offset;          // for Offset
};

/// ( [parent] [PARTITION BY ...] [ORDER BY ...] [frame] )
struct ASTWindowDefinition : IAST {
  ASTWindowDefinition() : IAST(ASTKind::WindowDefinition) {}
  TALLY_AST_CLONE(ASTWindowDefinition)
  void cloneChildren() {
    partition_by = cloneOrNull(partition_by);
    order_by = cloneOrNull(order_by);
    frame_begin.offset = cloneOrNull(frame_begin.offset);
    frame_end.offset = cloneOrNull(frame_end.offset);
  }
  std::string parent_window_name;
  ASTPtr partition_by;  // ASTExpressionList
  ASTPtr order_by;      // ASTExpressionList of ASTOrderByElement
  bool frame_is_default = true;
  WindowFrameType frame_type = WindowFrameType::Range;
  WindowFrameBound frame_begin{WindowBoundType::Unbounded, true, nullptr};
  WindowFrameBound frame_end{WindowBoundType::Current, false, nullptr};
};

// ------------------------------------------------------------------------------------------
// SELECT

/// FROM element: a table (db.t), a table function (f(...)) or a subquery, with alias.
struct ASTTableExpression : IAST {
  ASTTableExpression() : IAST(ASTKind::TableExpression) {}
  TALLY_AST_CLONE(ASTTableExpression)
  void cloneChildren() {
    table_function = cloneOrNull(table_function);
    subquery = cloneOrNull(subquery);
    sample = cloneOrNull(sample);
  }
  std::string database;  // empty if not given
  std::string table;     // set for a table (or CTE) name
  ASTPtr table_function; // ASTFunction
  ASTPtr subquery;       // ASTSubquery
  bool final = false;
  ASTPtr sample;         // SAMPLE expression (accepted)
  std::string parameter_name;  // FROM {name:Identifier}: the table comes from a query parameter
  // alias: IAST::alias
};

enum class JoinKind : uint8_t { Inner, Left, Right, Full, Cross, Comma };
enum class JoinStrictness : uint8_t { Unspecified, Any, All, Asof, Semi, Anti };

struct ASTTableJoin : IAST {
  ASTTableJoin() : IAST(ASTKind::TableJoin) {}
  TALLY_AST_CLONE(ASTTableJoin)
  void cloneChildren() {
    using_list = cloneOrNull(using_list);
    on_expression = cloneOrNull(on_expression);
  }
  JoinKind kind = JoinKind::Inner;
  JoinStrictness strictness = JoinStrictness::Unspecified;
  bool global = false;
  ASTPtr using_list;     // ASTExpressionList of identifiers
  ASTPtr on_expression;
};

struct ASTArrayJoin : IAST {
  ASTArrayJoin() : IAST(ASTKind::ArrayJoin) {}
  TALLY_AST_CLONE(ASTArrayJoin)
  void cloneChildren() { expressions = cloneOrNull(expressions); }
  bool left = false;
  ASTPtr expressions;  // ASTExpressionList (elements may carry aliases)
};

/// One element of FROM: the first has only table_expression; later ones have a join (with
/// its table_expression) or are an ARRAY JOIN.
struct ASTTablesInSelectQueryElement : IAST {
  ASTTablesInSelectQueryElement() : IAST(ASTKind::TablesInSelectQueryElement) {}
  TALLY_AST_CLONE(ASTTablesInSelectQueryElement)
  void cloneChildren() {
    table_join = cloneOrNull(table_join);
    table_expression = cloneOrNull(table_expression);
    array_join = cloneOrNull(array_join);
  }
  ASTPtr table_join;        // ASTTableJoin
  ASTPtr table_expression;  // ASTTableExpression
  ASTPtr array_join;        // ASTArrayJoin
};

struct ASTTablesInSelectQuery : IAST {
  ASTTablesInSelectQuery() : IAST(ASTKind::TablesInSelectQuery) {}
  TALLY_AST_CLONE(ASTTablesInSelectQuery)
  void cloneChildren() { cloneAll(elements); }
  ASTs elements;  // ASTTablesInSelectQueryElement
};

struct ASTSetQuery;

/// Fields shared by statements that can end in INTO OUTFILE / FORMAT / SETTINGS.
struct ASTQueryWithOutput : IAST {
  using IAST::IAST;
  std::string format;       // FORMAT name, empty if none
  std::string out_file;     // INTO OUTFILE 'path'
  ASTPtr settings;          // ASTSetQuery from a trailing SETTINGS clause (after or before FORMAT)
  void cloneOutput() { settings = cloneOrNull(settings); }
};

struct ASTSelectQuery : IAST {
  ASTSelectQuery() : IAST(ASTKind::SelectQuery) {}
  TALLY_AST_CLONE(ASTSelectQuery)
  void cloneChildren() {
    for (ASTPtr* p : {&with, &select, &tables, &prewhere, &where, &group_by, &having, &window, &qualify, &order_by,
                      &limit_by_length, &limit_by_offset, &limit_by, &limit_offset, &limit_length, &settings})
      *p = cloneOrNull(*p);
  }
  bool distinct = false;
  bool group_by_all = false;
  bool group_by_with_totals = false;
  bool group_by_with_rollup = false;
  bool group_by_with_cube = false;
  bool limit_with_ties = false;
  ASTPtr with;          // ASTExpressionList: aliased expressions (`expr AS name`) and CTEs (ASTSubquery with alias)
  ASTPtr select;        // ASTExpressionList
  ASTPtr tables;        // ASTTablesInSelectQuery or null
  ASTPtr prewhere;
  ASTPtr where;
  ASTPtr group_by;      // ASTExpressionList
  ASTPtr having;
  ASTPtr window;        // ASTExpressionList of ASTWindowDefinition whose alias is the window name
  ASTPtr qualify;
  ASTPtr order_by;      // ASTExpressionList of ASTOrderByElement
  ASTPtr limit_by_length, limit_by_offset, limit_by;  // LIMIT [offset,] n BY exprs
  ASTPtr limit_offset, limit_length;                  // LIMIT [offset,] n / LIMIT n OFFSET m
  ASTPtr settings;      // SETTINGS inside the SELECT (ASTSetQuery)
};

enum class UnionMode : uint8_t { All, Distinct, Unspecified, Except, Intersect };

/// SELECT ... [UNION ALL|DISTINCT SELECT ...]... — also the root of every SELECT statement.
struct ASTSelectWithUnionQuery : ASTQueryWithOutput {
  ASTSelectWithUnionQuery() : ASTQueryWithOutput(ASTKind::SelectWithUnionQuery) {}
  TALLY_AST_CLONE(ASTSelectWithUnionQuery)
  void cloneChildren() {
    cloneAll(selects);
    cloneOutput();
  }
  ASTs selects;                 // ASTSelectQuery or nested ASTSelectWithUnionQuery (parenthesised)
  std::vector<UnionMode> modes; // modes[i] joins selects[i] and selects[i+1]
};

// ------------------------------------------------------------------------------------------
// Other statements

/// SET a = 1, b = 'x' — and the SETTINGS clause of other statements.
struct ASTSetQuery : IAST {
  ASTSetQuery() : IAST(ASTKind::SetQuery) {}
  TALLY_AST_CLONE(ASTSetQuery)
  void cloneChildren() {}
  std::vector<std::pair<std::string, Field>> changes;
};

/// name Type [NULL|NOT NULL] [DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL expr] [COMMENT 'c']
/// [CODEC(...)] [TTL expr]
struct ASTColumnDeclaration : IAST {
  ASTColumnDeclaration() : IAST(ASTKind::ColumnDeclaration) {}
  TALLY_AST_CLONE(ASTColumnDeclaration)
  void cloneChildren() {
    default_expression = cloneOrNull(default_expression);
    codec = cloneOrNull(codec);
    ttl = cloneOrNull(ttl);
  }
  std::string name;
  std::string type;               // type text; empty if omitted
  std::optional<bool> null_modifier;  // NULL -> true, NOT NULL -> false
  std::string default_kind;       // "DEFAULT", "MATERIALIZED", "ALIAS", "EPHEMERAL" or ""
  ASTPtr default_expression;
  ASTPtr codec;                   // ASTFunction "CODEC" with the codec calls as arguments
  ASTPtr ttl;
  std::string comment;
};

/// ENGINE = E(args) [PARTITION BY ..] [PRIMARY KEY ..] [ORDER BY ..] [SAMPLE BY ..] [TTL ..] [SETTINGS ..]
struct ASTStorage : IAST {
  ASTStorage() : IAST(ASTKind::Storage) {}
  TALLY_AST_CLONE(ASTStorage)
  void cloneChildren() {
    for (ASTPtr* p : {&engine, &partition_by, &primary_key, &order_by, &sample_by, &ttl, &settings}) *p = cloneOrNull(*p);
  }
  ASTPtr engine;       // ASTFunction (arguments may be empty)
  ASTPtr partition_by, primary_key, order_by, sample_by, ttl;
  ASTPtr settings;     // ASTSetQuery
};

/// Parts of CREATE DICTIONARY.
struct DictionaryDefinition {
  struct Attribute {
    std::string name, type;
    ASTPtr default_value;
    ASTPtr expression;
    bool hierarchical = false, injective = false, is_object_id = false;
  };
  std::vector<Attribute> attributes;
  std::vector<std::string> primary_key;
  ASTPtr source;     // ASTFunction, e.g. CLICKHOUSE(TABLE 'x') with key-value args as equals(k, v)
  ASTPtr layout;     // ASTFunction, e.g. HASHED()
  uint64_t lifetime_min = 0, lifetime_max = 0;
  ASTPtr range;      // RANGE(MIN a MAX b): ASTFunction "range"(a, b)
  ASTPtr settings;
};

struct ASTCreateQuery : ASTQueryWithOutput {
  ASTCreateQuery() : ASTQueryWithOutput(ASTKind::CreateQuery) {}
  TALLY_AST_CLONE(ASTCreateQuery)
  void cloneChildren() {
    cloneAll(columns);
    cloneAll(indices);
    cloneAll(constraints);
    storage = cloneOrNull(storage);
    select = cloneOrNull(select);
    as_table_function = cloneOrNull(as_table_function);
    cloneOutput();
  }
  bool attach = false;
  bool if_not_exists = false;
  bool or_replace = false;
  bool temporary = false;
  bool is_database = false;
  bool is_view = false;
  bool is_materialized_view = false;
  bool is_dictionary = false;
  bool populate = false;
  bool empty = false;               // CREATE TABLE ... EMPTY AS SELECT
  std::string database;             // database part of the name (or the database itself)
  std::string table;
  ASTs columns;                     // ASTColumnDeclaration
  ASTs indices;                     // INDEX name expr TYPE t GRANULARITY n: ASTFunction "index" with alias
                                    // name and arguments (expr, type function[, granularity literal])
  ASTs constraints;                 // CONSTRAINT c CHECK|ASSUME e: ASTFunction "check"/"assume"(e), alias c
  ASTPtr storage;                   // ASTStorage
  ASTPtr select;                    // AS SELECT / view query (ASTSelectWithUnionQuery)
  std::string as_database, as_table;  // CREATE TABLE t AS other
  ASTPtr as_table_function;           // CREATE TABLE t AS file(...)
  std::string to_database, to_table;  // materialized view TO target
  std::string database_engine;        // CREATE DATABASE d ENGINE = X
  std::shared_ptr<DictionaryDefinition> dictionary;
  std::string comment;
  std::string select_text;            // original text of the view / AS SELECT query
};

/// INSERT INTO [TABLE] [db.]t [(cols)] [SETTINGS ...] VALUES ... | FORMAT f <data> | SELECT ...
/// INSERT INTO FUNCTION f(...) ...
struct ASTInsertQuery : IAST {
  ASTInsertQuery() : IAST(ASTKind::InsertQuery) {}
  TALLY_AST_CLONE(ASTInsertQuery)
  void cloneChildren() {
    table_function = cloneOrNull(table_function);
    columns = cloneOrNull(columns);
    select = cloneOrNull(select);
    settings = cloneOrNull(settings);
  }
  std::string database, table;
  ASTPtr table_function;
  ASTPtr columns;        // ASTExpressionList of identifiers, or null
  ASTPtr select;         // INSERT ... SELECT
  std::string format;    // "Values" for VALUES; the FORMAT name otherwise; empty for SELECT
  /// Inline data: byte range in the query text ([data_begin, data_end)); empty when the data
  /// comes from elsewhere (stdin, HTTP body). For FORMAT, the spaces/tabs and then one line
  /// break after the format name are not part of the data. For VALUES the data runs from the
  /// first row to the terminating ';' (excluded) or the end of the text.
  size_t data_begin = 0, data_end = 0;
  bool has_inline_data = false;
  ASTPtr settings;
};

struct ASTDropQuery : IAST {
  ASTDropQuery() : IAST(ASTKind::DropQuery) {}
  TALLY_AST_CLONE(ASTDropQuery)
  void cloneChildren() {}
  enum class Kind : uint8_t { Drop, Detach, Truncate } drop_kind = Kind::Drop;
  bool if_exists = false;
  bool is_database = false;
  bool is_view = false;
  bool is_dictionary = false;
  bool temporary = false;
  bool sync = false;
  std::string database, table;
};

/// SHOW DATABASES | SHOW [TEMPORARY] TABLES [FROM db] [[NOT] [I]LIKE 'p'] [LIMIT n] |
/// SHOW DICTIONARIES | SHOW PROCESSLIST | SHOW SETTINGS ...
struct ASTShowTablesQuery : ASTQueryWithOutput {
  ASTShowTablesQuery() : ASTQueryWithOutput(ASTKind::ShowTablesQuery) {}
  TALLY_AST_CLONE(ASTShowTablesQuery)
  void cloneChildren() {
    where = cloneOrNull(where);
    limit = cloneOrNull(limit);
    cloneOutput();
  }
  enum class What : uint8_t { Tables, Databases, Dictionaries, Processlist, Columns, Settings, Functions } what = What::Tables;
  bool temporary = false;
  std::string from;      // database (or table for SHOW COLUMNS)
  std::string from_database;  // SHOW COLUMNS FROM t FROM db / FROM db.t
  std::string like;
  bool has_like = false;
  bool not_like = false;
  bool case_insensitive_like = false;
  ASTPtr where;
  ASTPtr limit;
};

/// SHOW CREATE [TABLE|VIEW|DICTIONARY|DATABASE] x
struct ASTShowCreateQuery : ASTQueryWithOutput {
  ASTShowCreateQuery() : ASTQueryWithOutput(ASTKind::ShowCreateQuery) {}
  TALLY_AST_CLONE(ASTShowCreateQuery)
  void cloneChildren() { cloneOutput(); }
  enum class What : uint8_t { Table, View, Dictionary, Database } what = What::Table;
  bool temporary = false;
  std::string database, table;
};

/// DESCRIBE [TABLE] x | DESC (SELECT ...) | DESCRIBE file(...)
struct ASTDescribeQuery : ASTQueryWithOutput {
  ASTDescribeQuery() : ASTQueryWithOutput(ASTKind::DescribeQuery) {}
  TALLY_AST_CLONE(ASTDescribeQuery)
  void cloneChildren() {
    table_expression = cloneOrNull(table_expression);
    cloneOutput();
  }
  ASTPtr table_expression;  // ASTTableExpression
};

/// EXISTS [TEMPORARY] [TABLE|DATABASE|DICTIONARY|VIEW] x
struct ASTExistsQuery : ASTQueryWithOutput {
  ASTExistsQuery() : ASTQueryWithOutput(ASTKind::ExistsQuery) {}
  TALLY_AST_CLONE(ASTExistsQuery)
  void cloneChildren() { cloneOutput(); }
  enum class What : uint8_t { Table, Database, Dictionary, View } what = What::Table;
  bool temporary = false;
  std::string database, table;
};

struct ASTUseQuery : IAST {
  ASTUseQuery() : IAST(ASTKind::UseQuery) {}
  TALLY_AST_CLONE(ASTUseQuery)
  void cloneChildren() {}
  std::string database;
};

/// EXPLAIN [AST|SYNTAX|PLAN|PIPELINE|ESTIMATE] [setting = value, ...] query
struct ASTExplainQuery : ASTQueryWithOutput {
  ASTExplainQuery() : ASTQueryWithOutput(ASTKind::ExplainQuery) {}
  TALLY_AST_CLONE(ASTExplainQuery)
  void cloneChildren() {
    query = cloneOrNull(query);
    explain_settings = cloneOrNull(explain_settings);
    cloneOutput();
  }
  enum class Kind : uint8_t { Plan, Pipeline, AST, Syntax, Estimate } explain_kind = Kind::Plan;
  ASTPtr query;
  ASTPtr explain_settings;  // ASTSetQuery
};

/// OPTIMIZE TABLE x [PARTITION p] [FINAL] [DEDUPLICATE]
struct ASTOptimizeQuery : IAST {
  ASTOptimizeQuery() : IAST(ASTKind::OptimizeQuery) {}
  TALLY_AST_CLONE(ASTOptimizeQuery)
  void cloneChildren() { partition = cloneOrNull(partition); }
  std::string database, table;
  ASTPtr partition;
  bool final = false;
  bool deduplicate = false;
};

/// One ALTER command.
struct AlterCommand {
  enum class Type : uint8_t {
    AddColumn,
    DropColumn,
    ModifyColumn,
    RenameColumn,
    CommentColumn,
    Delete,
    Update,
    DropPartition,
    ModifyTTL,
    ModifySetting,
    MaterializeColumn,
    ClearColumn,
  } type;
  bool if_exists = false, if_not_exists = false;
  std::string column;       // column name (or old name for RENAME)
  std::string new_name;     // RENAME COLUMN a TO b
  std::string after;        // ADD COLUMN ... AFTER x
  bool first = false;       // ADD COLUMN ... FIRST
  ASTPtr column_declaration;                  // ADD/MODIFY COLUMN: ASTColumnDeclaration
  ASTPtr predicate;                           // DELETE/UPDATE ... WHERE
  std::vector<std::pair<std::string, ASTPtr>> assignments;  // UPDATE a = expr, ...
  ASTPtr partition;
  ASTPtr settings;
  ASTPtr ttl;                                 // MODIFY TTL: ASTExpressionList of TTL expressions
};

struct ASTAlterQuery : IAST {
  ASTAlterQuery() : IAST(ASTKind::AlterQuery) {}
  TALLY_AST_CLONE(ASTAlterQuery)
  void cloneChildren() {}
  std::string database, table;
  std::vector<AlterCommand> commands;
};

/// RENAME TABLE a TO b, ... | EXCHANGE TABLES a AND b
struct ASTRenameQuery : IAST {
  ASTRenameQuery() : IAST(ASTKind::RenameQuery) {}
  TALLY_AST_CLONE(ASTRenameQuery)
  void cloneChildren() {}
  struct Element {
    std::string from_database, from_table, to_database, to_table;
  };
  std::vector<Element> elements;
  bool exchange = false;
  bool is_database = false;
  bool is_dictionary = false;
};

/// SYSTEM <command words> [target]
struct ASTSystemQuery : IAST {
  ASTSystemQuery() : IAST(ASTKind::SystemQuery) {}
  TALLY_AST_CLONE(ASTSystemQuery)
  void cloneChildren() {}
  std::string command;          // upper-case words joined by ' ', e.g. "RELOAD DICTIONARY", "FLUSH LOGS"
  std::string database, target; // optional object name
};

/// KILL QUERY WHERE expr [SYNC|ASYNC|TEST]
struct ASTKillQuery : ASTQueryWithOutput {
  ASTKillQuery() : ASTQueryWithOutput(ASTKind::KillQuery) {}
  TALLY_AST_CLONE(ASTKillQuery)
  void cloneChildren() {
    where = cloneOrNull(where);
    cloneOutput();
  }
  ASTPtr where;
  bool sync = false;
  bool test = false;
  bool mutation = false;  // KILL MUTATION
};

/// DELETE FROM t WHERE expr (lightweight delete)
struct ASTDeleteQuery : IAST {
  ASTDeleteQuery() : IAST(ASTKind::DeleteQuery) {}
  TALLY_AST_CLONE(ASTDeleteQuery)
  void cloneChildren() { predicate = cloneOrNull(predicate); }
  std::string database, table;
  ASTPtr predicate;
};

}  // namespace tally
