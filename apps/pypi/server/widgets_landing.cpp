// The landing page's widgets: totals, top packages, search, recent releases, emerging, stable
// and hot packages, package-manager trends and data freshness.
#include "widget.h"

namespace tally::pypi {

namespace {

WidgetQuery totals(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  auto columns = request.filters.columns();
  columns.insert("project");
  TableChoice t = context.chooser.choose(columns, request.filters.rangeColumn());
  q.table = t.table;
  // Packages as the groups of a GROUP BY project (which keys a LowCardinality column by code)
  // rather than uniqExact(project) (which hashes every row's name).
  q.sql = "SELECT count() AS packages, sum(downloads) AS downloads FROM (SELECT project, " + t.count() +
          " AS downloads FROM " + t.table + " WHERE 1" + request.filters.sql(q.params) + " GROUP BY project)";
  return q;
}

WidgetQuery topPackages(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  auto columns = request.filters.columns();
  columns.insert("project");
  TableChoice t = context.chooser.choose(columns, request.filters.rangeColumn());
  q.table = t.table;
  auto it = request.args.find("limit");
  q.params["limit"] = it == request.args.end() ? "5" : it->second;
  q.sql = "SELECT project, " + t.count() + " AS downloads FROM " + t.table + " WHERE 1" + request.filters.sql(q.params) +
          " GROUP BY project ORDER BY downloads DESC, project LIMIT {limit:UInt32}";
  return q;
}

WidgetQuery search(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  TableChoice t = context.chooser.choose({"project"});
  q.table = t.table;
  auto it = request.args.find("q");
  q.params["prefix"] = it == request.args.end() ? "" : it->second;
  q.sql = "SELECT project, " + t.count() + " AS downloads FROM " + t.table +
          " WHERE startsWith(project, {prefix:String}) GROUP BY project ORDER BY downloads DESC, project LIMIT 6";
  return q;
}

WidgetQuery recentReleases(const WidgetRequest&, WidgetContext& context) {
  WidgetQuery q;
  TableChoice top = context.chooser.choose({"project"});
  const std::string projects = context.database + ".projects";
  q.table = projects;
  q.sql = "SELECT toStartOfMonth(upload_time) AS month, name AS project, uniqExact(version) AS versions FROM " + projects +
          " WHERE name IN (SELECT project FROM " + top.table + " GROUP BY project ORDER BY " + top.count() +
          " DESC, project LIMIT 5) AND upload_time > (SELECT max(upload_time) FROM " + projects +
          ") - toIntervalMonth(6) GROUP BY month, project ORDER BY month, project";
  return q;
}

WidgetQuery emerging(const WidgetRequest& request, WidgetContext& context) {
  // Projects first downloaded in the last 91 days (from the small max/min table), by downloads.
  // Every download of such a project falls in the window, so its downloads are its total: the
  // smallest table by project (one row per project and ci) has them, and max/min its first day.
  WidgetQuery q;
  auto columns = request.filters.columns();
  columns.insert("project");
  TableChoice t = context.chooser.choose(columns, "project");
  TableChoice newest = context.chooser.choose({"date"});
  q.table = t.table;
  const std::string filters = request.filters.sql(q.params);
  const std::string max_min = context.database + ".pypi_downloads_max_min";
  // A scalar subquery instead of a WITH alias: those are not visible in subqueries everywhere
  // (ClickHouse 18.16).
  const std::string start = "(SELECT max(date) FROM " + newest.table + ") - 91";
  q.sql = "SELECT project, downloads, first_date FROM (SELECT project, " + t.count() + " AS downloads FROM " + t.table +
          " WHERE project IN (SELECT project FROM " + max_min + " GROUP BY project HAVING min(min_date) > " + start + ")" +
          filters + " GROUP BY project) ANY LEFT JOIN (SELECT project, min(min_date) AS first_date FROM " + max_min +
          " GROUP BY project) USING project ORDER BY downloads DESC, project LIMIT 7";
  return q;
}

WidgetQuery stable(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  auto columns = request.filters.columns();
  columns.insert("project");
  TableChoice t = context.chooser.choose(columns);
  q.table = t.table;
  const std::string dict = "'" + context.database + ".last_updated_dict'";
  // The dictionary is asked once per project (in HAVING), not once per row.
  q.sql = "SELECT project, " + t.count() + " AS downloads, dictGet(" + dict +
          ", 'last_update', tuple(project)) AS last_update FROM " + t.table + " WHERE 1" + request.filters.sql(q.params) +
          " GROUP BY project HAVING dictHas(" + dict + ", tuple(project)) AND last_update < (SELECT max(upload_time) FROM " +
          context.database + ".projects) - toIntervalMonth(6) ORDER BY downloads DESC, project LIMIT 7";
  return q;
}

WidgetQuery hot(const WidgetRequest&, WidgetContext& context) {
  // Growth between the last two complete months among projects with at least 1,000 downloads in
  // the earlier one; the chart shows their last 6 complete months.
  WidgetQuery q;
  TableChoice t = context.chooser.choose({"month", "project"});
  TableChoice newest = context.chooser.choose({"date"});
  q.table = t.table;
  const std::string last = "(SELECT toStartOfMonth(max(date) + 1) - toIntervalMonth(1) FROM " + newest.table + ")";
  const std::string before = "(" + last + " - toIntervalMonth(1))";
  q.sql = "SELECT month, project, " + t.count() + " AS downloads FROM " + t.table + " WHERE month > " + last +
          " - toIntervalMonth(6) AND month <= " + last + " AND project IN (SELECT project FROM " + t.table +
          " WHERE month >= " + before + " AND month <= " + last + " GROUP BY project HAVING " +
          t.countIf("month = " + before) + " >= 1000 ORDER BY " + t.countIf("month = " + last) + " / " +
          t.countIf("month = " + before) + " DESC, project LIMIT 5) GROUP BY month, project ORDER BY month, project";
  return q;
}

WidgetQuery installerTrends(const WidgetRequest& request, WidgetContext& context) {
  WidgetQuery q;
  auto columns = request.filters.columns("installer");
  columns.insert("date");
  columns.insert("installer");
  TableChoice t = context.chooser.choose(columns);
  q.table = t.table;
  const std::string filters = request.filters.sql(q.params, "installer");
  q.granularity = "week";
  const std::string newest = "(SELECT max(date) FROM " + t.table + ")";
  q.sql = "SELECT x, name AS installer, downloads FROM (SELECT toMonday(date) AS x, if(installer IN (SELECT installer FROM " +
          t.table + " WHERE date > " + newest + " - 548" + filters + " GROUP BY installer ORDER BY " + t.count() +
          " DESC, installer LIMIT 6), installer, 'other') AS name, " + t.count() + " AS downloads FROM " + t.table + " WHERE date > " +
          newest + " - 548 AND date < toMonday(" + newest + " + 1)" + filters + " GROUP BY x, name) ORDER BY x, installer";
  return q;
}

WidgetQuery freshness(const WidgetRequest&, WidgetContext& context) {
  WidgetQuery q;
  TableChoice t = context.chooser.choose({"date"});
  q.table = t.table;
  q.sql = "SELECT max(date) AS newest_day, dateDiff('day', newest_day, today()) AS age_days, age_days > 2 AS stale FROM " +
          t.table;
  return q;
}

}  // namespace

std::vector<Widget> landingWidgets() {
  return {
      {"totals", false, false, totals},
      {"top_packages", false, false, topPackages},
      {"search", false, false, search},
      {"recent_releases", false, false, recentReleases},
      {"emerging", false, false, emerging},
      {"stable", false, false, stable},
      {"hot", false, false, hot},
      {"installer_trends", false, false, installerTrends},
      {"freshness", false, false, freshness},
  };
}

}  // namespace tally::pypi
