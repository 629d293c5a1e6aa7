// Parser: statements (CREATE, INSERT, DROP, SHOW, ALTER, ...), multi-statement splitting,
// inline INSERT data ranges and error messages.

#include <gtest/gtest.h>

#include <string>

#include "common/exception.h"
#include "parser/parser.h"

namespace tally {
namespace {

std::string errorMessage(std::string_view query, int* code = nullptr) {
  try {
    parseQuery(query);
  } catch (const Exception& e) {
    if (code) *code = e.code();
    return e.message();
  }
  return "";
}

template <typename T>
const T& parseAs(std::string_view query) {
  static ASTPtr keep;
  keep = parseQuery(query);
  return keep->as<T>();
}

void expectRoundTrip(const std::string& query) {
  SCOPED_TRACE(query);
  ASTPtr first = parseQuery(query);
  std::string text = formatAST(*first);
  ASTPtr second;
  ASSERT_NO_THROW(second = parseQuery(text)) << text;
  EXPECT_EQ(formatAST(*second), text);
}

TEST(ParserCreate, Table) {
  const auto& q = parseAs<ASTCreateQuery>(
      "CREATE TABLE IF NOT EXISTS db.t (a UInt8 NULL DEFAULT 1 CODEC(Delta, ZSTD(1)) TTL d + INTERVAL 1 DAY COMMENT 'x', "
      "b Nullable(String) NOT NULL MATERIALIZED 'a', c ALIAS a + 1, e UInt8 EPHEMERAL, "
      "INDEX i a TYPE minmax GRANULARITY 1, INDEX j (a, b) TYPE bloom_filter(0.01), CONSTRAINT c1 CHECK a > 0, "
      "PRIMARY KEY (a)) ENGINE = MergeTree() ORDER BY (a, b) PARTITION BY toYYYYMM(d) SAMPLE BY a "
      "TTL d + INTERVAL 1 DAY SETTINGS index_granularity = 8192 COMMENT 'tbl'");
  EXPECT_TRUE(q.if_not_exists);
  EXPECT_EQ(q.database, "db");
  EXPECT_EQ(q.table, "t");
  ASSERT_EQ(q.columns.size(), 4u);
  const auto& a = q.columns[0]->as<ASTColumnDeclaration>();
  EXPECT_EQ(a.name, "a");
  EXPECT_EQ(a.type, "UInt8");
  EXPECT_EQ(a.null_modifier, std::optional<bool>(true));
  EXPECT_EQ(a.default_kind, "DEFAULT");
  EXPECT_EQ(formatAST(*a.default_expression), "1");
  EXPECT_EQ(formatAST(*a.codec), "CODEC(Delta, ZSTD(1))");
  EXPECT_EQ(formatAST(*a.ttl), "d + INTERVAL 1 DAY");
  EXPECT_EQ(a.comment, "x");
  const auto& b = q.columns[1]->as<ASTColumnDeclaration>();
  EXPECT_EQ(b.type, "Nullable(String)");
  EXPECT_EQ(b.null_modifier, std::optional<bool>(false));
  EXPECT_EQ(b.default_kind, "MATERIALIZED");
  const auto& c = q.columns[2]->as<ASTColumnDeclaration>();
  EXPECT_EQ(c.type, "");
  EXPECT_EQ(c.default_kind, "ALIAS");
  EXPECT_EQ(q.columns[3]->as<ASTColumnDeclaration>().default_kind, "EPHEMERAL");
  ASSERT_EQ(q.indices.size(), 2u);
  EXPECT_EQ(q.indices[0]->alias, "i");
  EXPECT_EQ(formatAST(*q.indices[1]->as<ASTFunction>().args()[1]), "bloom_filter(0.01)");
  ASSERT_EQ(q.constraints.size(), 1u);
  EXPECT_EQ(q.constraints[0]->alias, "c1");
  const auto& st = q.storage->as<ASTStorage>();
  EXPECT_EQ(st.engine->as<ASTFunction>().name, "MergeTree");
  EXPECT_EQ(formatAST(*st.order_by), "(a, b)");
  EXPECT_EQ(formatAST(*st.partition_by), "toYYYYMM(d)");
  EXPECT_EQ(formatAST(*st.primary_key), "a");
  EXPECT_EQ(formatAST(*st.sample_by), "a");
  ASSERT_TRUE(st.settings);
  EXPECT_EQ(st.settings->as<ASTSetQuery>().changes[0].first, "index_granularity");
  EXPECT_EQ(st.settings->as<ASTSetQuery>().changes[0].second, Field(uint64_t(8192)));
  EXPECT_EQ(q.comment, "tbl");
}

TEST(ParserCreate, Types) {
  const auto& q = parseAs<ASTCreateQuery>(
      "CREATE TABLE t (index UInt8, x Tuple(a UInt8, b String), y Enum8('a' = 1, 'b' = -2), z DateTime64(3, 'UTC'), "
      "w Decimal(10,2), m Map(String, Array(Nullable(UInt64))), d DOUBLE PRECISION, "
      "s AggregateFunction(quantiles(0.5, 0.9), UInt64), l LowCardinality(String)) ENGINE = Memory");
  std::vector<std::string> types;
  for (const auto& c : q.columns) types.push_back(c->as<ASTColumnDeclaration>().type);
  EXPECT_EQ(types, (std::vector<std::string>{"UInt8", "Tuple(a UInt8, b String)", "Enum8('a' = 1, 'b' = -2)",
                                             "DateTime64(3, 'UTC')", "Decimal(10, 2)",
                                             "Map(String, Array(Nullable(UInt64)))", "DOUBLE PRECISION",
                                             "AggregateFunction(quantiles(0.5, 0.9), UInt64)", "LowCardinality(String)"}));
  EXPECT_EQ(q.columns[0]->as<ASTColumnDeclaration>().name, "index");
}

TEST(ParserCreate, OtherForms) {
  {
    const auto& q = parseAs<ASTCreateQuery>("CREATE TABLE t AS other ENGINE = Memory");
    EXPECT_EQ(q.as_table, "other");
    EXPECT_EQ(q.storage->as<ASTStorage>().engine->as<ASTFunction>().name, "Memory");
  }
  {
    const auto& q = parseAs<ASTCreateQuery>("CREATE TABLE t AS file('a.csv', 'CSV')");
    EXPECT_EQ(formatAST(*q.as_table_function), "file('a.csv', 'CSV')");
  }
  {
    const auto& q = parseAs<ASTCreateQuery>("CREATE TABLE t ENGINE = MergeTree ORDER BY tuple() AS SELECT 1 AS x");
    EXPECT_EQ(q.select_text, "SELECT 1 AS x");
    EXPECT_EQ(formatAST(*q.select), "SELECT 1 AS x");
  }
  {
    const auto& q = parseAs<ASTCreateQuery>("CREATE OR REPLACE VIEW v AS SELECT a  FROM   t");
    EXPECT_TRUE(q.is_view);
    EXPECT_TRUE(q.or_replace);
    EXPECT_EQ(q.select_text, "SELECT a  FROM   t");
  }
  {
    const auto& q = parseAs<ASTCreateQuery>(
        "CREATE MATERIALIZED VIEW IF NOT EXISTS mv TO db.target (a UInt8) ENGINE = Memory POPULATE AS SELECT a FROM s");
    EXPECT_TRUE(q.is_materialized_view);
    EXPECT_EQ(q.to_database, "db");
    EXPECT_EQ(q.to_table, "target");
    EXPECT_TRUE(q.populate);
    EXPECT_EQ(q.columns.size(), 1u);
  }
  {
    const auto& q = parseAs<ASTCreateQuery>("CREATE DATABASE IF NOT EXISTS d ENGINE = Atomic");
    EXPECT_TRUE(q.is_database);
    EXPECT_EQ(q.database, "d");
    EXPECT_EQ(q.database_engine, "Atomic");
  }
  {
    const auto& q = parseAs<ASTCreateQuery>("CREATE TEMPORARY TABLE tmp (x UInt8)");
    EXPECT_TRUE(q.temporary);
    EXPECT_FALSE(q.storage);
  }
}

TEST(ParserCreate, Dictionary) {
  const auto& q = parseAs<ASTCreateQuery>(
      "CREATE DICTIONARY IF NOT EXISTS db.d (k UInt64, v String DEFAULT '' EXPRESSION upper(x) HIERARCHICAL INJECTIVE, "
      "p UInt64) PRIMARY KEY k SOURCE(CLICKHOUSE(TABLE 'x' DB 'y' QUERY 'SELECT 1')) LAYOUT(HASHED()) "
      "LIFETIME(MIN 10 MAX 300) RANGE(MIN a MAX b)");
  ASSERT_TRUE(q.is_dictionary);
  const auto& d = *q.dictionary;
  ASSERT_EQ(d.attributes.size(), 3u);
  EXPECT_EQ(d.attributes[1].name, "v");
  EXPECT_EQ(d.attributes[1].type, "String");
  EXPECT_EQ(formatAST(*d.attributes[1].default_value), "''");
  EXPECT_EQ(formatAST(*d.attributes[1].expression), "upper(x)");
  EXPECT_TRUE(d.attributes[1].hierarchical);
  EXPECT_TRUE(d.attributes[1].injective);
  EXPECT_EQ(d.primary_key, std::vector<std::string>{"k"});
  const auto& source = d.source->as<ASTFunction>();
  EXPECT_EQ(source.name, "CLICKHOUSE");
  ASSERT_EQ(source.args().size(), 3u);
  EXPECT_EQ(source.args()[0]->as<ASTFunction>().name, "equals");
  EXPECT_EQ(source.args()[0]->as<ASTFunction>().args()[0]->as<ASTIdentifier>().name(), "TABLE");
  EXPECT_EQ(source.args()[0]->as<ASTFunction>().args()[1]->as<ASTLiteral>().value, Field("x"));
  EXPECT_EQ(d.layout->as<ASTFunction>().name, "HASHED");
  EXPECT_EQ(d.lifetime_min, 10u);
  EXPECT_EQ(d.lifetime_max, 300u);
  EXPECT_EQ(formatAST(*d.range), "range(a, b)");
  const auto& q2 = parseAs<ASTCreateQuery>("CREATE DICTIONARY d (k UInt64) PRIMARY KEY k SOURCE(NULL()) LAYOUT(FLAT()) LIFETIME(300)");
  EXPECT_EQ(q2.dictionary->lifetime_min, 0u);
  EXPECT_EQ(q2.dictionary->lifetime_max, 300u);
}

TEST(ParserInsert, InlineData) {
  {
    std::string q = "INSERT INTO t VALUES (1, 'a'), (2, 'b;c')";
    const auto& ins = parseAs<ASTInsertQuery>(q);
    EXPECT_EQ(ins.table, "t");
    EXPECT_EQ(ins.format, "Values");
    ASSERT_TRUE(ins.has_inline_data);
    EXPECT_EQ(q.substr(ins.data_begin, ins.data_end - ins.data_begin), "(1, 'a'), (2, 'b;c')");
  }
  {
    std::string q = "INSERT INTO t VALUES (1);  ";
    const auto& ins = parseAs<ASTInsertQuery>(q);
    EXPECT_EQ(q.substr(ins.data_begin, ins.data_end - ins.data_begin), "(1)");
  }
  {
    std::string q = "INSERT INTO TABLE db.t (a, b) SETTINGS async_insert = 1 FORMAT CSV 1,2\n3,4\n";
    const auto& ins = parseAs<ASTInsertQuery>(q);
    EXPECT_EQ(ins.database, "db");
    EXPECT_EQ(ins.format, "CSV");
    EXPECT_EQ(ins.columns->as<ASTExpressionList>().children.size(), 2u);
    EXPECT_EQ(ins.settings->as<ASTSetQuery>().changes.size(), 1u);
    EXPECT_EQ(q.substr(ins.data_begin, ins.data_end - ins.data_begin), "1,2\n3,4\n");
  }
  {
    std::string q = "INSERT INTO t FORMAT TSV\n\ta\tb\n";
    const auto& ins = parseAs<ASTInsertQuery>(q);
    EXPECT_EQ(q.substr(ins.data_begin, ins.data_end - ins.data_begin), "\ta\tb\n");
  }
  {
    const auto& ins = parseAs<ASTInsertQuery>("INSERT INTO t FORMAT JSONEachRow");
    EXPECT_FALSE(ins.has_inline_data);
    EXPECT_EQ(ins.format, "JSONEachRow");
  }
  {
    const auto& ins = parseAs<ASTInsertQuery>("INSERT INTO t VALUES");
    EXPECT_FALSE(ins.has_inline_data);
  }
  {
    const auto& ins = parseAs<ASTInsertQuery>("INSERT INTO t WITH 1 AS x SELECT x");
    ASSERT_TRUE(ins.select);
    EXPECT_EQ(formatAST(*ins.select), "WITH 1 AS x SELECT x");
  }
  {
    const auto& ins = parseAs<ASTInsertQuery>("INSERT INTO FUNCTION file('out.csv', 'CSV') SELECT 1");
    EXPECT_EQ(formatAST(*ins.table_function), "file('out.csv', 'CSV')");
  }
  int code = 0;
  std::string msg = errorMessage("INSERT INTO t VALUES (1); SELECT 1", &code);
  EXPECT_EQ(code, ErrorCodes::SYNTAX_ERROR);
  EXPECT_NE(msg.find("Multi-statements are not allowed"), std::string::npos) << msg;
}

TEST(ParserMultiStatements, Splitting) {
  std::string text =
      "SELECT 1; ;; SELECT 2 -- c;\n;\nINSERT INTO t FORMAT CSV\n1,2\nSELECT 3;\n"
      "INSERT INTO t VALUES (1, 'a;b'), (2, 'c') ; INSERT INTO t FORMAT TSV a\tb\nSELECT 4 /* ; */; SELECT \"a;b\";";
  auto statements = parseMultipleQueries(text);
  std::vector<std::string> texts;
  for (const auto& s : statements) texts.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(texts, (std::vector<std::string>{"SELECT 1", "SELECT 2", "INSERT INTO t FORMAT CSV\n1,2", "SELECT 3",
                                             "INSERT INTO t VALUES (1, 'a;b'), (2, 'c')",
                                             "INSERT INTO t FORMAT TSV a\tb", "SELECT 4", "SELECT \"a;b\""}));
  ASSERT_EQ(statements.size(), 8u);
  auto data = [&](size_t i) {
    const auto& ins = statements[i].ast->as<ASTInsertQuery>();
    return texts[i].substr(ins.data_begin, ins.data_end - ins.data_begin);
  };
  EXPECT_EQ(data(2), "1,2");
  EXPECT_EQ(data(4), "(1, 'a;b'), (2, 'c')");
  EXPECT_EQ(data(5), "a\tb");
  EXPECT_EQ(formatAST(*statements[7].ast), "SELECT `a;b`");
  EXPECT_TRUE(parseMultipleQueries("  ;; -- nothing\n /* x */ ;").empty());
  // Errors report positions relative to the failing statement.
  try {
    parseMultipleQueries("SELECT 1;\nSELECT FROM t");
    FAIL();
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCodes::SYNTAX_ERROR);
    EXPECT_NE(e.message().find("failed at position 8 ('FROM')"), std::string::npos) << e.message();
  }
}

TEST(ParserStatements, Various) {
  {
    const auto& q = parseAs<ASTDropQuery>("DROP TEMPORARY TABLE IF EXISTS db.t SYNC");
    EXPECT_EQ(q.drop_kind, ASTDropQuery::Kind::Drop);
    EXPECT_TRUE(q.temporary && q.if_exists && q.sync);
    EXPECT_EQ(q.database, "db");
    EXPECT_EQ(q.table, "t");
  }
  EXPECT_TRUE(parseAs<ASTDropQuery>("DROP DATABASE IF EXISTS d").is_database);
  EXPECT_TRUE(parseAs<ASTDropQuery>("DROP DICTIONARY d").is_dictionary);
  EXPECT_TRUE(parseAs<ASTDropQuery>("DROP VIEW v").is_view);
  EXPECT_EQ(parseAs<ASTDropQuery>("DETACH TABLE t").drop_kind, ASTDropQuery::Kind::Detach);
  EXPECT_EQ(parseAs<ASTDropQuery>("TRUNCATE t").drop_kind, ASTDropQuery::Kind::Truncate);
  {
    const auto& q = parseAs<ASTShowTablesQuery>("SHOW TEMPORARY TABLES FROM db NOT ILIKE '%a%' LIMIT 10");
    EXPECT_EQ(q.what, ASTShowTablesQuery::What::Tables);
    EXPECT_TRUE(q.temporary && q.has_like && q.not_like && q.case_insensitive_like);
    EXPECT_EQ(q.from, "db");
    EXPECT_EQ(q.like, "%a%");
    EXPECT_EQ(formatAST(*q.limit), "10");
  }
  EXPECT_EQ(parseAs<ASTShowTablesQuery>("SHOW DATABASES").what, ASTShowTablesQuery::What::Databases);
  EXPECT_EQ(parseAs<ASTShowTablesQuery>("SHOW DICTIONARIES").what, ASTShowTablesQuery::What::Dictionaries);
  EXPECT_EQ(parseAs<ASTShowTablesQuery>("SHOW PROCESSLIST").what, ASTShowTablesQuery::What::Processlist);
  {
    const auto& q = parseAs<ASTShowCreateQuery>("SHOW CREATE TEMPORARY TABLE db.t FORMAT TSVRaw");
    EXPECT_TRUE(q.temporary);
    EXPECT_EQ(q.table, "t");
    EXPECT_EQ(q.format, "TSVRaw");
  }
  EXPECT_EQ(parseAs<ASTShowCreateQuery>("SHOW CREATE DICTIONARY d").what, ASTShowCreateQuery::What::Dictionary);
  EXPECT_EQ(parseAs<ASTShowCreateQuery>("SHOW CREATE DATABASE d").database, "d");
  EXPECT_EQ(parseAs<ASTDescribeQuery>("DESC t").table_expression->as<ASTTableExpression>().table, "t");
  EXPECT_TRUE(parseAs<ASTDescribeQuery>("DESCRIBE (SELECT 1)").table_expression->as<ASTTableExpression>().subquery);
  EXPECT_TRUE(parseAs<ASTDescribeQuery>("DESC file('a.csv')").table_expression->as<ASTTableExpression>().table_function);
  EXPECT_EQ(parseAs<ASTExistsQuery>("EXISTS DATABASE d").what, ASTExistsQuery::What::Database);
  EXPECT_EQ(parseAs<ASTExistsQuery>("EXISTS TABLE db.t").table, "t");
  EXPECT_EQ(parseAs<ASTUseQuery>("USE db").database, "db");
  {
    const auto& q = parseAs<ASTSetQuery>("SET a = 1, b = 'x', param_p = [1, 2], c = -1.5, d = true");
    ASSERT_EQ(q.changes.size(), 5u);
    EXPECT_EQ(q.changes[2].first, "param_p");
    EXPECT_EQ(q.changes[3].second, Field(-1.5));
    EXPECT_EQ(q.changes[4].second, Field(true));
  }
  {
    const auto& q = parseAs<ASTExplainQuery>("EXPLAIN PIPELINE header = 1 SELECT 1 FORMAT TSV");
    EXPECT_EQ(q.explain_kind, ASTExplainQuery::Kind::Pipeline);
    EXPECT_EQ(q.explain_settings->as<ASTSetQuery>().changes.size(), 1u);
    EXPECT_EQ(q.format, "TSV");
    EXPECT_EQ(formatAST(*q.query), "SELECT 1");
  }
  {
    const auto& q = parseAs<ASTOptimizeQuery>("OPTIMIZE TABLE x PARTITION 2020 FINAL DEDUPLICATE");
    EXPECT_TRUE(q.final && q.deduplicate);
    EXPECT_EQ(formatAST(*q.partition), "2020");
  }
  {
    const auto& q = parseAs<ASTRenameQuery>("RENAME TABLE a TO b, db.c TO db.d");
    ASSERT_EQ(q.elements.size(), 2u);
    EXPECT_EQ(q.elements[1].to_database, "db");
    EXPECT_TRUE(parseAs<ASTRenameQuery>("EXCHANGE TABLES a AND b").exchange);
  }
  {
    const auto& q = parseAs<ASTSystemQuery>("SYSTEM RELOAD DICTIONARY db.dict");
    EXPECT_EQ(q.command, "RELOAD DICTIONARY");
    EXPECT_EQ(q.database, "db");
    EXPECT_EQ(q.target, "dict");
    EXPECT_EQ(parseAs<ASTSystemQuery>("system flush logs").command, "FLUSH LOGS");
    EXPECT_EQ(parseAs<ASTSystemQuery>("SYSTEM STOP MERGES t").target, "t");
    EXPECT_EQ(parseAs<ASTSystemQuery>("SYSTEM RELOAD DICTIONARIES").command, "RELOAD DICTIONARIES");
  }
  {
    const auto& q = parseAs<ASTKillQuery>("KILL QUERY WHERE query_id = 'x' SYNC");
    EXPECT_TRUE(q.sync);
    EXPECT_FALSE(q.mutation);
    EXPECT_TRUE(parseAs<ASTKillQuery>("KILL MUTATION WHERE 1 TEST").mutation);
  }
  EXPECT_EQ(formatAST(*parseAs<ASTDeleteQuery>("DELETE FROM t WHERE x = 1").predicate), "x = 1");
}

TEST(ParserStatements, Alter) {
  const auto& q = parseAs<ASTAlterQuery>(
      "ALTER TABLE db.x ADD COLUMN IF NOT EXISTS c UInt8 DEFAULT 1 AFTER y, DROP COLUMN IF EXISTS d, MODIFY COLUMN c "
      "String, RENAME COLUMN a TO b, COMMENT COLUMN c 'x', DELETE WHERE e = 1, UPDATE a = 1, b = 2 WHERE p, DROP "
      "PARTITION '2020', MODIFY SETTING k = 1, MODIFY TTL d + INTERVAL 1 DAY, MATERIALIZE COLUMN c, CLEAR COLUMN c IN "
      "PARTITION 1");
  using Type = AlterCommand::Type;
  ASSERT_EQ(q.commands.size(), 12u);
  EXPECT_EQ(q.database, "db");
  EXPECT_EQ(q.commands[0].type, Type::AddColumn);
  EXPECT_TRUE(q.commands[0].if_not_exists);
  EXPECT_EQ(q.commands[0].after, "y");
  EXPECT_EQ(q.commands[0].column, "c");
  EXPECT_EQ(q.commands[1].type, Type::DropColumn);
  EXPECT_TRUE(q.commands[1].if_exists);
  EXPECT_EQ(q.commands[2].column_declaration->as<ASTColumnDeclaration>().type, "String");
  EXPECT_EQ(q.commands[3].new_name, "b");
  EXPECT_EQ(q.commands[4].type, Type::CommentColumn);
  EXPECT_EQ(formatAST(*q.commands[5].predicate), "e = 1");
  ASSERT_EQ(q.commands[6].assignments.size(), 2u);
  EXPECT_EQ(q.commands[6].assignments[1].first, "b");
  EXPECT_EQ(formatAST(*q.commands[6].predicate), "p");
  EXPECT_EQ(formatAST(*q.commands[7].partition), "'2020'");
  EXPECT_EQ(q.commands[8].settings->as<ASTSetQuery>().changes[0].first, "k");
  EXPECT_EQ(formatAST(*q.commands[9].ttl), "d + INTERVAL 1 DAY");
  EXPECT_EQ(q.commands[10].type, Type::MaterializeColumn);
  EXPECT_EQ(formatAST(*q.commands[11].partition), "1");
}

TEST(ParserStatements, RoundTrips) {
  const char* queries[] = {
      "CREATE OR REPLACE TEMPORARY TABLE IF NOT EXISTS db.t (a UInt8 NULL DEFAULT 1 CODEC(Delta, ZSTD(1)) COMMENT 'x', "
      "b Nullable(String) NOT NULL MATERIALIZED 'a', c ALIAS a + 1, INDEX i a TYPE minmax GRANULARITY 1, CONSTRAINT c "
      "CHECK a > 0, PRIMARY KEY (a)) ENGINE = MergeTree() ORDER BY (a, b) PARTITION BY toYYYYMM(d) SETTINGS x = 1",
      "CREATE TABLE t (`select` String, `a b` Tuple(`c d` UInt8)) ENGINE = Log",
      "CREATE TABLE t AS other ENGINE = Memory",
      "CREATE MATERIALIZED VIEW mv TO db.t AS SELECT a FROM s",
      "CREATE VIEW v AS SELECT 1 UNION ALL SELECT 2",
      "CREATE DATABASE d ENGINE = MySQL('host:3306', 'db', 'u', 'p')",
      "CREATE DICTIONARY d (k UInt64, v String DEFAULT '' INJECTIVE) PRIMARY KEY k SOURCE(MYSQL(HOST 'h' PORT 3306 "
      "replica(host 'r' priority 1))) LAYOUT(COMPLEX_KEY_HASHED(SIZE_IN_CELLS 100)) LIFETIME(300) "
      "SETTINGS(format_csv_allow_single_quotes = 0)",
      "INSERT INTO db.t (a, b) SETTINGS x = 1 VALUES (1, 2)",
      "INSERT INTO t FORMAT CSV",
      "INSERT INTO t SELECT * FROM s",
      "DROP TABLE IF EXISTS t SYNC",
      "SHOW TABLES FROM db LIKE 'a%' LIMIT 3 FORMAT JSON",
      "SHOW CREATE VIEW v",
      "DESCRIBE TABLE (SELECT 1)",
      "EXISTS DICTIONARY d",
      "SET a = 1, b = 'x'",
      "EXPLAIN SYNTAX SELECT 1",
      "OPTIMIZE TABLE x PARTITION ID '2020' FINAL",
      "ALTER TABLE x ADD COLUMN c UInt8 FIRST, UPDATE a = 1 WHERE 1, MODIFY SETTING a = 1, b = 2, DROP COLUMN z",
      "RENAME TABLE a TO b",
      "SYSTEM STOP MERGES db.t",
      "KILL QUERY WHERE user = 'x' SYNC",
      "DELETE FROM db.t WHERE x IN (1, 2)",
      "USE `my db`",
  };
  for (const char* q : queries) expectRoundTrip(q);
}

TEST(ParserErrors, Messages) {
  int code = 0;
  std::string m = errorMessage("SELECT x FRM t", &code);
  EXPECT_EQ(code, ErrorCodes::SYNTAX_ERROR);
  EXPECT_EQ(m.rfind("Syntax error: failed at position 14 ('t') (line 1, col 14): t. Expected one of: ", 0), 0u) << m;
  EXPECT_NE(m.find("FROM"), std::string::npos);

  m = errorMessage("SELECT * FROM t WHER x = 1");
  EXPECT_NE(m.find("failed at position 22 ('x') (line 1, col 22)"), std::string::npos) << m;

  m = errorMessage("SELECT ");
  EXPECT_EQ(m, "Syntax error: failed at position 8 (end of query) (line 1, col 8). Expected one of: DISTINCT, expression");

  m = errorMessage("SELECT (1");
  EXPECT_NE(m.find("failed at position 10 (end of query)"), std::string::npos) << m;
  EXPECT_NE(m.find("')'"), std::string::npos) << m;

  m = errorMessage("SELECT 1,\n  2 +");
  EXPECT_NE(m.find("(end of query) (line 2, col 6)"), std::string::npos) << m;

  m = errorMessage("SELECT 'abc");
  EXPECT_NE(m.find("failed at position 8 (''abc')"), std::string::npos) << m;
  EXPECT_NE(m.find("Single quoted string is not closed"), std::string::npos) << m;

  m = errorMessage("SELECT 1; SELECT 2");
  EXPECT_NE(m.find("Multi-statements are not allowed"), std::string::npos) << m;
  EXPECT_NE(m.find("position 11"), std::string::npos) << m;

  m = errorMessage("SELEC 1");
  EXPECT_NE(m.find("failed at position 1 ('SELEC')"), std::string::npos) << m;
  EXPECT_NE(m.find("SELECT"), std::string::npos) << m;

  m = errorMessage("CREATE TABLE t (x) ENGINE = Memory");
  EXPECT_NE(m.find("data type"), std::string::npos) << m;

  EXPECT_EQ(errorMessage("SELECT 1;"), "");
  EXPECT_EQ(errorMessage("  SELECT 1  ;  -- trailing comment"), "");
}

TEST(ParserErrors, Limits) {
  int code = 0;
  ParserLimits limits;
  limits.max_query_size = 10;
  try {
    parseQuery("SELECT 1234567890", limits);
  } catch (const Exception& e) {
    code = e.code();
  }
  EXPECT_EQ(code, ErrorCodes::QUERY_IS_TOO_LARGE);
  code = 0;
  try {
    parseQuery("SELECT FROM WHERE 1234567890", limits);  // too large wins over the syntax error
  } catch (const Exception& e) {
    code = e.code();
  }
  EXPECT_EQ(code, ErrorCodes::QUERY_IS_TOO_LARGE);
  // Inline INSERT data does not count against max_query_size.
  limits.max_query_size = 40;
  std::string insert = "INSERT INTO t VALUES (1)" + std::string(1000, ' ') + ", (2)";
  EXPECT_NO_THROW(parseQuery(insert, limits));

  std::string deep = "SELECT " + std::string(2000, '(') + "1" + std::string(2000, ')');
  code = 0;
  try {
    parseQuery(deep);
  } catch (const Exception& e) {
    code = e.code();
  }
  EXPECT_EQ(code, ErrorCodes::TOO_DEEP_RECURSION);
  limits = ParserLimits{};
  limits.max_parser_depth = 5000;
  std::string ok = "SELECT " + std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_NO_THROW(parseQuery(ok, limits));
  std::string chain = "SELECT 1";
  for (int i = 0; i < 3000; ++i) chain += " + 1";
  code = 0;
  try {
    parseQuery(chain);
  } catch (const Exception& e) {
    code = e.code();
  }
  EXPECT_EQ(code, ErrorCodes::TOO_DEEP_RECURSION);
  std::string wide = "SELECT 1";
  for (int i = 0; i < 3000; ++i) wide += " AND 1";
  EXPECT_NO_THROW(parseQuery(wide));
}

}  // namespace
}  // namespace tally
