// Which materialized-view queries may read collapsed rows, and how they are rewritten: count()
// becomes sum of the row counts, result names stay, everything doubtful is left alone.

#include <gtest/gtest.h>

#include "interpreters/view_preaggregation.h"
#include "parser/parser.h"

namespace tally {
namespace {

const std::set<std::string> kSource = {"date", "project", "version", "country_code", "value"};

/// The rewritten query as text, or "" when the query does not qualify; `read` gets its columns.
std::string rewrite(const std::string& sql, std::set<std::string>* read = nullptr) {
  std::set<std::string> columns;
  ASTPtr rewritten = rewriteForCollapsedRows(parseQuery(sql), kSource, FunctionContext{}, columns);
  if (read) *read = columns;
  return rewritten ? formatAST(*rewritten) : "";
}

TEST(ViewPreaggregation, CountBecomesSumOfRowCounts) {
  std::set<std::string> read;
  std::string r = rewrite("SELECT project, date, count() AS c FROM pypi.pypi GROUP BY project, date", &read);
  EXPECT_NE(r.find("sum(__tally_collapsed_rows) AS c"), std::string::npos) << r;
  EXPECT_EQ(r.find("count()"), std::string::npos) << r;
  EXPECT_EQ(read, (std::set<std::string>{"date", "project"}));
}

TEST(ViewPreaggregation, UnaliasedItemsKeepTheirNames) {
  std::string r = rewrite("SELECT project, count(), toInt64(count()) FROM t GROUP BY project");
  EXPECT_NE(r.find("AS `count()`"), std::string::npos) << r;
  EXPECT_NE(r.find("AS `toInt64(count())`"), std::string::npos) << r;
}

TEST(ViewPreaggregation, DuplicateInsensitiveAggregatesAndFilters) {
  std::set<std::string> read;
  std::string r = rewrite(
      "SELECT toStartOfMonth(date) AS month, project, maxSimpleState(date) AS last, min(version) AS v, "
      "uniqExact(country_code) AS countries, count() AS c FROM t WHERE country_code != 'US' GROUP BY month, project "
      "HAVING count() > 1 ORDER BY month",
      &read);
  EXPECT_FALSE(r.empty());
  EXPECT_NE(r.find("HAVING sum(__tally_collapsed_rows) > 1"), std::string::npos) << r;
  EXPECT_EQ(read, (std::set<std::string>{"date", "project", "version", "country_code"}));
}

TEST(ViewPreaggregation, LeavesOtherQueriesAlone) {
  for (const char* sql : {
           "SELECT project, sum(value) FROM t GROUP BY project",           // sums count duplicates
           "SELECT project, countIf(value > 1) FROM t GROUP BY project",   // combinator
           "SELECT project, count(value) FROM t GROUP BY project",         // count of non-NULL values
           "SELECT project, uniq(version) FROM t GROUP BY project",        // approximate
           "SELECT project, date FROM t",                                  // no aggregate
           "SELECT * FROM t",
           "SELECT rand() % 2 AS r, count() FROM t GROUP BY r",            // not deterministic
           "SELECT project, count() FROM t GROUP BY project WITH TOTALS",
           "SELECT DISTINCT project, count() FROM t GROUP BY project",
           "SELECT project, count() FROM t GROUP BY project LIMIT 10",
           "SELECT project, count() FROM t JOIN u USING (project) GROUP BY project",
           "SELECT project, count() FROM t ARRAY JOIN [1, 2] AS x GROUP BY project",
           "SELECT project, count() FROM (SELECT * FROM t) GROUP BY project",
           "SELECT project, count() FROM t WHERE project IN (SELECT project FROM u) GROUP BY project",
           "SELECT t.project, count() FROM t GROUP BY t.project",          // qualified name
           "SELECT other, count() FROM t GROUP BY other",                  // not a column of the source
           "SELECT project, count() OVER () FROM t",
           "SELECT project, count() FROM t GROUP BY project UNION ALL SELECT project, count() FROM t GROUP BY project",
       })
    EXPECT_EQ(rewrite(sql), "") << sql;
}

TEST(ViewPreaggregation, CollapseQueryGroupsByTheColumns) {
  EXPECT_EQ(formatAST(*collapseQuery("pypi", "pypi", {"date", "project"})),
            "SELECT `date`, project, count() AS __tally_collapsed_rows FROM pypi.pypi GROUP BY `date`, project");
}

}  // namespace
}  // namespace tally
