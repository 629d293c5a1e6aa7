#pragma once
// A widget of the PyPI app: one parameterized query over the table the rollup chooser picks.
// Each widget is a function from the request (package, filters, arguments) to its SQL and
// parameters; the registry (widget_registry.cpp) maps names to them. Adding a widget touches
// one widgets_*.cpp file and the registry list.

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "query_runner.h"
#include "rollup_chooser.h"

namespace tally::pypi {

/// The filters of a package page, as URL parameters: each is a column of the raw table.
struct Filters {
  std::string min_date, max_date;           // YYYY-MM-DD, inclusive; empty: open
  std::map<std::string, std::string> equal;  // version, country_code, type, python_minor, system, installer, ci

  /// Columns the filters read (for the rollup choice), leaving out `except`.
  std::set<std::string> columns(const std::string& except = {}) const;
  /// "date" when a date range is set: the column a query over every project narrows by (see
  /// RollupChooser::choose); "" otherwise.
  std::string rangeColumn() const { return min_date.empty() && max_date.empty() ? "" : "date"; }
  /// " AND col = {col:String} ..." (dates included), leaving out `except`; adds the parameters.
  std::string sql(std::map<std::string, std::string>& params, const std::string& except = {}) const;
};

/// The filter columns a request may set besides dates.
const std::vector<std::string>& filterColumns();

struct WidgetRequest {
  std::string package;                // normalized; empty for landing widgets
  std::vector<std::string> packages;  // compare
  Filters filters;
  std::map<std::string, std::string> args;  // other URL parameters (q, limit, column, ...)
};

struct WidgetQuery {
  std::string sql;
  std::map<std::string, std::string> params;
  std::string table;
  std::string granularity;  // "day" / "week" for time series
};

struct WidgetContext {
  QueryRunner& runner;
  RollupChooser& chooser;
  std::string database;  // "pypi"
};

using WidgetBuilder = std::function<WidgetQuery(const WidgetRequest&, WidgetContext&)>;

struct Widget {
  std::string name;
  bool needs_package = false;
  bool needs_packages = false;
  WidgetBuilder build;
};

/// Every widget, by name. nullptr for an unknown name.
const Widget* findWidget(const std::string& name);

/// The widgets of each page (registered by widgets_landing.cpp and widgets_package.cpp).
std::vector<Widget> landingWidgets();
std::vector<Widget> packageWidgets();

/// Shared pieces of widget SQL.
/// The date range to use: the filters' dates, with missing ends filled from the package's (or
/// packages') data. Returns false when there is no data at all.
bool resolveDateRange(const WidgetRequest& request, WidgetContext& context, std::string& min_date, std::string& max_date);
/// "day" when the range spans at most 6 months, else "week"; and the bucket expression.
std::string granularityFor(const std::string& min_date, const std::string& max_date);
std::string bucketExpression(const std::string& granularity);

}  // namespace tally::pypi
