#include <chrono>
#include <cstdio>

#include "widget.h"

namespace tally::pypi {

const std::vector<std::string>& filterColumns() {
  static const std::vector<std::string> columns = {"version", "country_code", "type", "python_minor",
                                                   "system", "installer", "ci"};
  return columns;
}

std::set<std::string> Filters::columns(const std::string& except) const {
  std::set<std::string> out;
  if (!min_date.empty() || !max_date.empty()) out.insert("date");
  for (const auto& [column, value] : equal)
    if (column != except) out.insert(column);
  return out;
}

std::string Filters::sql(std::map<std::string, std::string>& params, const std::string& except) const {
  std::string out;
  if (!min_date.empty()) {
    out += " AND date >= {min_date:Date}";
    params["min_date"] = min_date;
  }
  if (!max_date.empty()) {
    out += " AND date <= {max_date:Date}";
    params["max_date"] = max_date;
  }
  for (const auto& [column, value] : equal) {
    if (column == except) continue;
    if (column == "ci" && value == "exclude") {
      out += " AND ci != 'true'";
      continue;
    }
    out += " AND " + column + " = {" + column + ":String}";
    params[column] = value;
  }
  return out;
}

bool resolveDateRange(const WidgetRequest& request, WidgetContext& context, std::string& min_date, std::string& max_date) {
  min_date = request.filters.min_date;
  max_date = request.filters.max_date;
  if (!min_date.empty() && !max_date.empty()) return true;
  Filters open = request.filters;
  open.min_date.clear();
  open.max_date.clear();
  std::set<std::string> columns = open.columns();
  columns.insert("date");
  std::map<std::string, std::string> params;
  std::string where = "1" + open.sql(params);
  if (!request.package.empty()) {
    columns.insert("project");
    where += " AND project = {package:String}";
    params["package"] = request.package;
  } else if (!request.packages.empty()) {
    columns.insert("project");
    where += " AND project IN {packages:Array(String)}";
    std::string list = "[";
    for (size_t i = 0; i < request.packages.size(); ++i) list += (i ? ",'" : "'") + request.packages[i] + "'";
    params["packages"] = list + "]";
  }
  TableChoice t = context.chooser.choose(columns);
  auto r = context.runner.run("SELECT min(date), max(date), count() FROM " + t.table + " WHERE " + where, params);
  if (r.rows.empty() || r.rows[0][2] == "0") return false;
  if (min_date.empty()) min_date = r.rows[0][0];
  if (max_date.empty()) max_date = r.rows[0][1];
  return true;
}

namespace {
int daysFromCivil(const std::string& d) {
  int y = 0, m = 0, day = 0;
  std::sscanf(d.c_str(), "%d-%d-%d", &y, &m, &day);
  auto ymd = std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)), std::chrono::day(unsigned(day)));
  return int(std::chrono::sys_days(ymd).time_since_epoch().count());
}
}  // namespace

std::string granularityFor(const std::string& min_date, const std::string& max_date) {
  return daysFromCivil(max_date) - daysFromCivil(min_date) <= 183 ? "day" : "week";
}

std::string bucketExpression(const std::string& granularity) {
  return granularity == "day" ? "date" : "toMonday(date)";
}

}  // namespace tally::pypi
