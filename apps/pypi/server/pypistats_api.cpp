// The pypistats.org JSON API (../shared/reference/pypi-data.md §1.3) over the last 180 days:
// /api/packages/<package>/recent, /overall, /python_major, /python_minor, /system, with its
// shapes, parameters, 404s and mirror exclusion. `__all__` is every package.
#include <cctype>

#include "app_context.h"
#include "json_text.h"
#include "url_query.h"

namespace tally::pypi {

namespace {

constexpr const char* kNotMirror = "installer NOT IN ('bandersnatch', 'z3c.pypimirror', 'Artifactory', 'devpi')";

server::AppResponse notFound() { return jsonError(404, "Not Found"); }

struct Scope {
  std::string package;  // as answered ("__all__" or the normalized name)
  std::string where;    // " AND project = {package:String}" or ""
  std::map<std::string, std::string> params;
};

/// Rows (category, date, downloads) as pypistats' list, sorted by category then date.
std::string seriesJson(const QueryResult& r) {
  std::string out = "[";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    if (i) out += ',';
    out += "{\"category\":" + jsonString(r.rows[i][0]) + ",\"date\":" + jsonString(r.rows[i][1]) +
           ",\"downloads\":" + r.rows[i][2] + "}";
  }
  return out + "]";
}

server::AppResponse answer(const Scope& s, const std::string& data, const std::string& type) {
  server::AppResponse r;
  r.body = "{\"data\":" + data + ",\"package\":" + jsonString(s.package) + ",\"type\":" + jsonString(type) + "}";
  r.headers.emplace_back("Cache-Control", "max-age=3600");
  r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return r;
}

}  // namespace

server::AppResponse handlePypistats(AppContext& context, const std::string& path, const std::string& query_string) {
  // path: /api/packages/<package>/<endpoint>
  const std::string rest = path.substr(std::string("/api/packages/").size());
  const size_t slash = rest.find('/');
  if (slash == std::string::npos) return notFound();
  const std::string raw = percentDecode(rest.substr(0, slash));
  const std::string endpoint = rest.substr(slash + 1);
  auto query = parseQueryString(query_string);
  Scope s;
  if (raw == "__all__") {
    s.package = raw;
  } else {
    s.package = normalizeProjectName(raw);
    if (!isNormalizedProjectName(s.package)) return notFound();
    s.where = " AND project = {package:String}";
    s.params["package"] = s.package;
  }
  try {
    const std::string newest = "(SELECT max(date) FROM " + context.chooser.choose({"date"}).table + ")";
    if (endpoint == "recent") {
      std::string period = query.count("period") ? query["period"] : "";
      if (!period.empty() && period != "day" && period != "week" && period != "month") return notFound();
      if (s.package != "__all__" && !packageExists(context, s.package)) return notFound();
      TableChoice t = context.chooser.choose({"project", "date", "installer"});
      auto r = context.runner.run("WITH " + newest + " AS last SELECT " + t.countIf("date = last") + ", " +
                                      t.countIf("date > last - 7") + ", " + t.countIf("date > last - 30") + " FROM " +
                                      t.table + " WHERE date > last - 30 AND " + kNotMirror + s.where,
                                  s.params);
      const auto& v = r.rows.at(0);
      std::string data = "{";
      if (period.empty() || period == "day") data += "\"last_day\":" + v[0];
      if (period.empty()) data += ",";
      if (period.empty() || period == "month") data += "\"last_month\":" + v[2];
      if (period.empty()) data += ",";
      if (period.empty() || period == "week") data += "\"last_week\":" + v[1];
      return answer(s, data + "}", "recent_downloads");
    }
    if (endpoint == "overall") {
      std::string mirrors = query.count("mirrors") ? query["mirrors"] : "";
      TableChoice t = context.chooser.choose({"project", "date", "installer"});
      std::string with = "SELECT 'with_mirrors' AS category, toString(date) AS day, " + t.count() + " AS downloads FROM " +
                         t.table + " WHERE date > " + newest + " - 180" + s.where + " GROUP BY day";
      std::string without = "SELECT 'without_mirrors' AS category, toString(date) AS day, " + t.count() +
                            " AS downloads FROM " + t.table + " WHERE date > " + newest + " - 180 AND " + kNotMirror +
                            s.where + " GROUP BY day";
      std::string sql = mirrors == "true" ? with : mirrors == "false" ? without : with + " UNION ALL " + without;
      auto r = context.runner.run("SELECT category, day, downloads FROM (" + sql +
                                      ") ORDER BY category, day",
                                  s.params);
      if (r.rows.empty()) return notFound();
      return answer(s, seriesJson(r), "overall_downloads");
    }
    std::string category, filter_param, filter_value, type;
    if (endpoint == "python_major") {
      category = "if(python_minor = '', 'null', splitByChar('.', python_minor)[1])";
      filter_param = "version";
      type = "python_major_downloads";
    } else if (endpoint == "python_minor") {
      category = "if(python_minor = '', 'null', python_minor)";
      filter_param = "version";
      type = "python_minor_downloads";
    } else if (endpoint == "system") {
      category = "multiIf(system = '', 'null', system IN ('Windows', 'Linux', 'Darwin'), system, 'other')";
      filter_param = "os";
      type = "system_downloads";
    } else {
      return notFound();
    }
    const std::string dimension = endpoint == "system" ? "system" : "python_minor";
    std::string having;
    if (query.count(filter_param)) {
      filter_value = query[filter_param];
      if (filter_param == "os" && !filter_value.empty()) {  // pypistats title-cases the value
        for (auto& ch : filter_value) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        filter_value[0] = char(std::toupper(static_cast<unsigned char>(filter_value[0])));
      }
      having = " AND category = {category:String}";
      s.params["category"] = filter_value;
    }
    // Without mirrors, from two rollups instead of the raw table: the breakdown's counts, minus
    // the mirrors' downloads from the "null" category — linehaul's mirror user agents
    // (bandersnatch, z3c.pypimirror, Artifactory, devpi) carry no Python and no system.
    TableChoice by_dimension = context.chooser.choose({"project", "date", dimension});
    TableChoice by_installer = context.chooser.choose({"project", "date", "installer"});
    const std::string since = " WHERE date > " + newest + " - 180";
    auto r = context.runner.run(
        "SELECT category, day, sum(d) AS downloads FROM (SELECT " + category + " AS category, toString(date) AS day, " +
            by_dimension.count() + " AS d FROM " + by_dimension.table + since + s.where +
            " GROUP BY category, day UNION ALL SELECT 'null' AS category, toString(date) AS day, -" + by_installer.count() +
            " AS d FROM " + by_installer.table + since + " AND NOT (" + kNotMirror + ")" + s.where +
            " GROUP BY day) GROUP BY category, day HAVING downloads > 0" + having + " ORDER BY category, day",
        s.params);
    return answer(s, seriesJson(r), type);
  } catch (const api::Error& e) {
    return jsonError(500, e.displayText(), e.code());
  }
}

}  // namespace tally::pypi
