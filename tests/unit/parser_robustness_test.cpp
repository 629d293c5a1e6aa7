// Parser robustness: random and mutated queries must either parse (and then format and
// re-parse to the same text) or fail with a clean tally::Exception — never crash, hang or
// throw anything else. Also checks that large inputs are parsed in linear time.

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "common/exception.h"
#include "parser/parser.h"

namespace tally {
namespace {

const std::vector<std::string> kSeeds = {
    "SELECT a + b * c, -1, NOT x = 2, f(DISTINCT y) FROM db.t AS t1 WHERE x BETWEEN 1 AND 2 ORDER BY a DESC LIMIT 10",
    "WITH 1 AS x, s AS (SELECT 1) SELECT count(*), quantile(0.5)(v) OVER (PARTITION BY k ORDER BY t ROWS BETWEEN 1 "
    "PRECEDING AND CURRENT ROW) FROM s ARRAY JOIN arr AS a LEFT JOIN u USING (id) GROUP BY k WITH TOTALS",
    "SELECT CASE WHEN a THEN 'x' ELSE 'y' END, CAST(x AS Nullable(String)), x::Int8, INTERVAL 1 DAY, [1, 2][1], (1, 'a').1",
    "SELECT arrayMap(x -> x + 1, arr), (a, b) -> a, EXTRACT(YEAR FROM d), substring(s FROM 1 FOR 2), trim(BOTH ' ' FROM s)",
    "SELECT * EXCEPT (a), t.*, COLUMNS('x'), {p:UInt8}, EXISTS (SELECT 1), x IN (SELECT 1) FROM {t:Identifier}",
    "SELECT 1 UNION ALL (SELECT 2 EXCEPT SELECT 3) FORMAT JSON SETTINGS max_threads = 1",
    "CREATE TABLE IF NOT EXISTS db.t (a UInt8 DEFAULT 1 CODEC(ZSTD(1)), b Tuple(x String, y Array(Enum8('a' = 1))), "
    "INDEX i a TYPE minmax GRANULARITY 1) ENGINE = MergeTree ORDER BY (a, b) PARTITION BY a SETTINGS index_granularity = 1",
    "CREATE MATERIALIZED VIEW mv TO t (a UInt8) AS SELECT a FROM s",
    "CREATE DICTIONARY d (k UInt64, v String DEFAULT '') PRIMARY KEY k SOURCE(CLICKHOUSE(TABLE 'x')) LAYOUT(HASHED()) "
    "LIFETIME(MIN 0 MAX 300)",
    "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')",
    "INSERT INTO t FORMAT CSV\n1,2\n",
    "ALTER TABLE t ADD COLUMN c UInt8 AFTER b, UPDATE a = 1 WHERE b, DELETE WHERE c, MODIFY SETTING x = 1",
    "SHOW TABLES FROM db LIKE '%x%' LIMIT 5",
    "SYSTEM RELOAD DICTIONARY d; KILL QUERY WHERE 1 SYNC; OPTIMIZE TABLE t FINAL; SET a = 1, b = 'c'",
    "SELECT 1e10, 0x1F, .5, 'a\\'b', $$x$$, \"q\".`r`, a.1.2, x[1][2], date_add(DAY, 1, d), 1 ? 2 : 3",
};

const std::vector<std::string> kFragments = {
    "(",  ")",  "[",  "]",   "{",   "}",     ",",    ";",     ".",     "*",      "+",       "-",    "/",      "%",
    "->", "?",  ":",  "::",  "=",   "!=",    "<",    ">",     "<=",    "||",     "'",       "\"",   "`",      "$$",
    "--", "/*", "*/", "#",   "\\",  "1",     "1.5",  "1e",    "0x",    "-1",     "'s'",     "x",    "SELECT", "FROM",
    "WHERE", "AND", "OR", "NOT", "IN", "AS", "CASE", "WHEN", "THEN", "END", "INTERVAL", "CAST", "NULL", "JOIN",
    "ON", "UNION", "ALL", "WITH", "OVER", "BY", "ORDER", "GROUP", "LIMIT", "VALUES", "FORMAT", "SETTINGS", "ENGINE",
    "\n", " ", "\t", "\xff", "\xc2\xa0", "EXCEPT", "DISTINCT", "ARRAY", "TUPLE", "{x:", "BETWEEN", "IS", "LIKE",
};

/// Parses `q` (and when it parses, its formatted text); any failure must be a clean tally::Exception.
void checkQuery(const std::string& q, size_t& parsed, size_t& rejected) {
  try {
    auto statements = parseMultipleQueries(q);
    for (const auto& st : statements) {
      std::string text = formatAST(*st.ast);
      std::string again;
      try {
        again = formatAST(*parseQuery(text));
      } catch (const Exception& e) {
        ADD_FAILURE() << "formatted text does not parse: " << text << "\n  from: " << q << "\n  " << e.message();
        continue;
      }
      EXPECT_EQ(again, text) << "from: " << q;
    }
    ++parsed;
  } catch (const Exception& e) {
    EXPECT_TRUE(e.code() == ErrorCodes::SYNTAX_ERROR || e.code() == ErrorCodes::TOO_DEEP_RECURSION ||
                e.code() == ErrorCodes::QUERY_IS_TOO_LARGE)
        << e.code() << " " << e.message() << "\n  for: " << q;
    EXPECT_FALSE(e.message().empty());
    ++rejected;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "unexpected exception " << e.what() << " for: " << q;
  }
}

TEST(ParserRobustness, MutatedQueries) {
  std::mt19937 rng(12345);
  auto pick = [&](size_t n) { return size_t(rng() % n); };
  size_t parsed = 0, rejected = 0;
  for (const auto& seed : kSeeds) checkQuery(seed, parsed, rejected);
  EXPECT_EQ(parsed, kSeeds.size());  // the seeds themselves are valid
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::string q = kSeeds[pick(kSeeds.size())];
    int mutations = 1 + int(pick(4));
    for (int m = 0; m < mutations && !q.empty(); ++m) {
      size_t at = pick(q.size() + 1);
      switch (pick(6)) {
        case 0: q.erase(at, 1 + pick(8)); break;
        case 1: q.insert(at, kFragments[pick(kFragments.size())]); break;
        case 2: q.insert(at, " " + kFragments[pick(kFragments.size())] + " "); break;
        case 3: {
          size_t from = pick(q.size());
          q.insert(at, q.substr(from, 1 + pick(12)));
          break;
        }
        case 4: q.resize(at); break;
        case 5: if (at < q.size()) q[at] = char(pick(256)); break;
      }
    }
    checkQuery(q, parsed, rejected);
  }
  EXPECT_GT(parsed, 1000u);
  EXPECT_GT(rejected, 1000u);
}

TEST(ParserRobustness, RandomTokenSoup) {
  std::mt19937 rng(777);
  size_t parsed = 0, rejected = 0;
  for (int iteration = 0; iteration < 5000; ++iteration) {
    std::string q = rng() % 2 ? "SELECT " : "";
    size_t n = 1 + rng() % 30;
    for (size_t i = 0; i < n; ++i) q += kFragments[rng() % kFragments.size()] + (rng() % 3 ? " " : "");
    checkQuery(q, parsed, rejected);
  }
  EXPECT_GT(rejected, 0u);
}

TEST(ParserRobustness, DeepNesting) {
  for (const char* open : {"(", "[", "-", "NOT ", "f(", "CASE WHEN ", "x -> ", "(SELECT ", "1 + ", "a[", "a ? "}) {
    std::string q = "SELECT ";
    for (int i = 0; i < 100000; ++i) q += open;
    q += "1";
    int code = 0;
    try {
      parseQuery(q);
    } catch (const Exception& e) {
      code = e.code();
    }
    EXPECT_TRUE(code == ErrorCodes::TOO_DEEP_RECURSION || code == ErrorCodes::SYNTAX_ERROR) << open << " " << code;
  }
}

double secondsToParse(const std::string& q) {
  auto start = std::chrono::steady_clock::now();
  ASTPtr ast = parseQuery(q);
  EXPECT_TRUE(ast != nullptr);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(ParserRobustness, LinearTime) {
  std::string small = "INSERT INTO t VALUES ";
  std::string large = small;
  for (int i = 0; i < 2000; ++i) small += "(1, 'abc', [1, 2], 3.5),";
  for (int i = 0; i < 40000; ++i) large += "(1, 'abc', [1, 2], 3.5),";  // ~1 MB
  ASSERT_GT(large.size(), 900000u);
  double t_small = secondsToParse(small), t_large = secondsToParse(large);
  EXPECT_LT(t_large, 10.0);  // generous: debug and sanitizer builds
  EXPECT_LT(t_large, t_small * 20 * 8 + 0.05);  // linear, with generous slack

  std::string in_list = "SELECT x IN (0";
  for (int i = 1; i < 50000; ++i) in_list += ", " + std::to_string(i);
  in_list += ")";
  EXPECT_LT(secondsToParse(in_list), 10.0);

  std::string script;
  for (int i = 0; i < 5000; ++i) script += "SELECT " + std::to_string(i) + " FROM t WHERE x = 'a;b';\n";
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(parseMultipleQueries(script).size(), 5000u);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
}

}  // namespace
}  // namespace tally
