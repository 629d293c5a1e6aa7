// The package page's widgets. Every one filters on `project = {package:String}` and the page's
// filters, and reads the table the rollup chooser picks for its columns.
#include "widget.h"

namespace tally::pypi {

namespace {

/// The table for a package widget reading `columns` besides the filters' and `project`.
TableChoice tableFor(const WidgetRequest& request, WidgetContext& context, std::set<std::string> columns,
                     const std::string& except = {}) {
  auto f = request.filters.columns(except);
  columns.insert(f.begin(), f.end());
  columns.insert("project");
  return context.chooser.choose(columns, "project");
}

std::string packageWhere(const WidgetRequest& request, WidgetQuery& q, const std::string& except = {}) {
  q.params["package"] = request.package;
  return " WHERE project = {package:String}" + request.filters.sql(q.params, except);
}

/// The request with its date range resolved (both ends set) when there is data.
WidgetRequest withDates(const WidgetRequest& request, WidgetContext& context) {
  WidgetRequest r = request;
  std::string min_date, max_date;
  if (resolveDateRange(request, context, min_date, max_date)) {
    r.filters.min_date = min_date;
    r.filters.max_date = max_date;
  }
  return r;
}

/// A normalized project name from a requirement string ("Foo_Bar>=1; extra == 'x'" -> "foo-bar").
const char* kRequirementName = "lower(replaceRegexpAll(extract(req, '^\\\\s*([A-Za-z0-9][A-Za-z0-9._-]*)'), '[-_.]+', '-'))";

WidgetQuery packageDetails(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  const std::string projects = context.database + ".projects";
  q.table = projects;
  q.params["package"] = request.package;
  q.sql = "SELECT name, version, summary, author, author_email, license, home_page, requires_python, "
          "(SELECT toDateTime(max(upload_time)) FROM " + projects + " WHERE name = {package:String}) AS last_upload FROM " + projects +
          " WHERE name = {package:String} ORDER BY arrayMap(x -> toUInt64OrZero(x), splitByChar('.', version)) DESC, "
          "upload_time DESC LIMIT 1";
  return q;
}

WidgetQuery dateRange(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  TableChoice t = tableFor(request, context, {"date"});
  q.table = t.table;
  q.sql = "SELECT min(date) AS min_date, max(date) AS max_date FROM " + t.table + packageWhere(request, q) +
          " HAVING count() > 0";
  return q;
}

WidgetQuery rank(const WidgetRequest& request, WidgetContext& context) {
  // Rank among all packages over the same range and filters (version excluded: it is per package).
  // Every project's count over a date range reads a slice of a date-first table.
  WidgetQuery q;
  TableChoice t = tableFor(request, context, {}, "version");
  auto columns = request.filters.columns("version");
  columns.insert("project");
  TableChoice all = context.chooser.choose(columns, request.filters.rangeColumn());
  q.table = all.table;
  q.params["package"] = request.package;
  const std::string filters = request.filters.sql(q.params, "version");
  q.sql = "WITH (SELECT " + t.count() + " FROM " + t.table + " WHERE project = {package:String}" + filters +
          ") AS mine SELECT countIf(downloads > mine) + 1 AS rank, count() AS packages, "
          "round(rank / packages * 100, 2) AS percentile FROM (SELECT project, " + all.count() + " AS downloads FROM " +
          all.table + " WHERE 1" + filters + " GROUP BY project) HAVING mine > 0";
  return q;
}

WidgetQuery downloadsByPeriod(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  WidgetRequest r = withDates(request, context);
  TableChoice t = tableFor(r, context, {"date"});
  q.table = t.table;
  // The last day/week/month end at the range's last day, whatever its first day.
  WidgetRequest open = r;
  open.filters.min_date.clear();
  q.params["range_min"] = r.filters.min_date.empty() ? "1970-01-01" : r.filters.min_date;
  q.sql = "SELECT " + t.countIf("date = {max_date:Date}") + " AS last_day, " + t.countIf("date > {max_date:Date} - 7") +
          " AS last_week, " + t.countIf("date > {max_date:Date} - 30") + " AS last_month, " +
          t.countIf("date >= {range_min:Date}") + " AS total FROM " + t.table + packageWhere(open, q);
  if (!q.params.count("max_date")) q.params["max_date"] = "1970-01-01";
  return q;
}

WidgetQuery overTime(const WidgetRequest& request, WidgetContext& context, const std::string& breakdown, int top) {
  WidgetQuery q;
  WidgetRequest r = withDates(request, context);
  std::set<std::string> columns = {"date"};
  if (!breakdown.empty()) columns.insert(breakdown);
  TableChoice t = tableFor(r, context, columns);
  q.table = t.table;
  q.granularity = r.filters.min_date.empty() ? "day" : granularityFor(r.filters.min_date, r.filters.max_date);
  const std::string where = packageWhere(r, q);
  // Weekly: the last, partial week is left out.
  const std::string last_week = q.granularity == "week" ? " AND date < toMonday({max_date:Date} + 1)" : "";
  const std::string bucket = bucketExpression(q.granularity);
  if (breakdown.empty()) {
    q.sql = "SELECT " + bucket + " AS x, " + t.count() + " AS downloads FROM " + t.table + where + last_week +
            " GROUP BY x ORDER BY x";
    return q;
  }
  q.sql = "SELECT x, name AS " + breakdown + ", downloads FROM (SELECT " + bucket + " AS x, if(" + breakdown +
          " IN (SELECT " + breakdown + " FROM " + t.table + where + " GROUP BY " + breakdown + " ORDER BY " + t.count() +
          " DESC, " + breakdown + " LIMIT " + std::to_string(top) + "), " + breakdown + ", 'other') AS name, " + t.count() +
          " AS downloads FROM " + t.table + where + last_week + " GROUP BY x, name) ORDER BY x, " + breakdown;
  return q;
}

WidgetQuery downloadsOverTime(const WidgetRequest& r, WidgetContext& c) { return overTime(r, c, "", 0); }
WidgetQuery pythonOverTime(const WidgetRequest& r, WidgetContext& c) { return overTime(r, c, "python_minor", 10); }
WidgetQuery systemOverTime(const WidgetRequest& r, WidgetContext& c) { return overTime(r, c, "system", 4); }

WidgetQuery topVersions(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  TableChoice t = tableFor(request, context, {"version"});
  q.table = t.table;
  q.sql = "SELECT version, " + t.count() + " AS downloads FROM " + t.table + packageWhere(request, q) +
          " GROUP BY version ORDER BY downloads DESC, version LIMIT 6";
  return q;
}

WidgetQuery countries(const WidgetRequest& request, WidgetContext& context) {
  // The country filter only highlights a country on the map: it does not filter this widget.
  WidgetQuery q;
  TableChoice t = tableFor(request, context, {"country_code"}, "country_code");
  q.table = t.table;
  const std::string dict = "'" + context.database + ".countries_dict'";
  q.sql = "SELECT country_code, dictGetOrDefault(" + dict + ", 'name', tuple(country_code), '') AS name, " + t.count() +
          " AS downloads FROM " + t.table + packageWhere(request, q, "country_code") +
          " GROUP BY country_code ORDER BY downloads DESC, country_code";
  return q;
}

WidgetQuery fileTypesByInstaller(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  TableChoice t = tableFor(request, context, {"installer", "type"});
  q.table = t.table;
  const std::string where = packageWhere(request, q);
  q.sql = "SELECT installer, type, " + t.count() + " AS downloads FROM " + t.table + where +
          " AND installer IN (SELECT installer FROM " + t.table + where + " GROUP BY installer ORDER BY " + t.count() +
          " DESC, installer LIMIT 6) GROUP BY installer, type ORDER BY installer, type";
  return q;
}

WidgetQuery related(const WidgetRequest& request, WidgetContext& context, bool dependents) {
  // Names are compared after PEP 503 normalization, whole names only (ClickPy matched prefixes).
  WidgetQuery q;
  auto columns = request.filters.columns("version");
  columns.insert("project");
  TableChoice t = context.chooser.choose(columns);
  q.table = t.table;
  q.params["package"] = request.package;
  const std::string projects = context.database + ".projects";
  std::string names;
  if (dependents)  // one key range of project_dependencies
    names = "SELECT project FROM " + context.database +
            ".project_dependencies WHERE dependency = {package:String} AND project != {package:String}";
  else  // the latest upload's requirements; the inner query reads only the package's rows
    names = "SELECT DISTINCT " + std::string(kRequirementName) + " FROM (SELECT requires_dist FROM " + projects +
            " WHERE name = {package:String} AND upload_time = (SELECT max(upload_time) FROM " + projects +
            " WHERE name = {package:String})) ARRAY JOIN requires_dist AS req";
  q.sql = "SELECT project, " + t.count() + " AS downloads FROM " + t.table + " WHERE project IN (" + names + ")" +
          request.filters.sql(q.params, "version") + " GROUP BY project ORDER BY downloads DESC, project LIMIT 9";
  return q;
}

WidgetQuery dependentsWidget(const WidgetRequest& r, WidgetContext& c) { return related(r, c, true); }
WidgetQuery dependenciesWidget(const WidgetRequest& r, WidgetContext& c) { return related(r, c, false); }

WidgetQuery filterValues(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  auto it = request.args.find("column");
  std::string column = it == request.args.end() ? "" : it->second;
  bool known = false;
  for (const auto& c : filterColumns()) known = known || c == column;
  if (!known) throw api::Error(36, "BAD_ARGUMENTS", "Unknown filter column '" + column + "'");
  TableChoice t = tableFor(request, context, {column}, column);
  q.table = t.table;
  q.sql = "SELECT toString(" + column + ") AS value, " + t.count() + " AS downloads FROM " + t.table +
          packageWhere(request, q, column) + " GROUP BY value ORDER BY downloads DESC, value LIMIT 50";
  return q;
}

WidgetQuery compareOverTime(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  WidgetRequest r = withDates(request, context);
  auto columns = r.filters.columns();
  columns.insert("project");
  columns.insert("date");
  TableChoice t = context.chooser.choose(columns);
  q.table = t.table;
  q.granularity = r.filters.min_date.empty() ? "day" : granularityFor(r.filters.min_date, r.filters.max_date);
  std::string list = "[";
  for (size_t i = 0; i < r.packages.size(); ++i) list += (i ? ",'" : "'") + r.packages[i] + "'";
  q.params["packages"] = list + "]";
  const std::string last_week = q.granularity == "week" ? " AND date < toMonday({max_date:Date} + 1)" : "";
  q.sql = "SELECT " + bucketExpression(q.granularity) + " AS x, project, " + t.count() + " AS downloads FROM " + t.table +
          " WHERE project IN {packages:Array(String)}" + r.filters.sql(q.params) + last_week +
          " GROUP BY x, project ORDER BY x, project";
  return q;
}

}  // namespace

std::vector<Widget> packageWidgets() {
  return {
      {"package_details", true, false, packageDetails},
      {"date_range", true, false, dateRange},
      {"rank", true, false, rank},
      {"downloads_by_period", true, false, downloadsByPeriod},
      {"downloads_over_time", true, false, downloadsOverTime},
      {"top_versions", true, false, topVersions},
      {"python_over_time", true, false, pythonOverTime},
      {"system_over_time", true, false, systemOverTime},
      {"countries", true, false, countries},
      {"file_types_by_installer", true, false, fileTypesByInstaller},
      {"dependents", true, false, dependentsWidget},
      {"dependencies", true, false, dependenciesWidget},
      {"filter_values", true, false, filterValues},
      {"compare_over_time", false, true, compareOverTime},
  };
}

}  // namespace tally::pypi
