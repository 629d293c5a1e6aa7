// /api/app/widgets/<name>: parses the request, builds the widget's query, runs it and answers
// JSON (with the SQL, its parameters and a /play link) or a CSV/JSON download.
#include <algorithm>

#include "app_context.h"
#include "json_text.h"
#include "url_query.h"
#include "widget.h"

namespace tally::pypi {

namespace {

/// Base64 (standard alphabet) for the /play link's fragment.
std::string base64(std::string_view s) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    uint32_t v = (uint8_t(s[i]) << 16) | (uint8_t(s[i + 1]) << 8) | uint8_t(s[i + 2]);
    out += a[v >> 18];
    out += a[(v >> 12) & 63];
    out += a[(v >> 6) & 63];
    out += a[v & 63];
  }
  if (i + 1 == s.size()) {
    uint32_t v = uint8_t(s[i]) << 16;
    out += a[v >> 18];
    out += a[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == s.size()) {
    uint32_t v = (uint8_t(s[i]) << 16) | (uint8_t(s[i + 1]) << 8);
    out += a[v >> 18];
    out += a[(v >> 12) & 63];
    out += a[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

struct BadRequest {
  std::string message;
};

std::string packageParameter(const std::string& raw) {
  std::string name = normalizeProjectName(raw);
  if (!isNormalizedProjectName(name)) throw BadRequest{"Invalid package name '" + raw + "'"};
  return name;
}

WidgetRequest parseRequest(const Widget& widget, const std::map<std::string, std::string>& query) {
  WidgetRequest r;
  for (const auto& [name, value] : query) {
    if (name == "format") continue;
    if (name == "package") {
      r.package = packageParameter(value);
    } else if (name == "packages") {
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        std::string one = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!one.empty()) {
          std::string p = packageParameter(one);
          if (std::find(r.packages.begin(), r.packages.end(), p) == r.packages.end()) r.packages.push_back(p);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      if (r.packages.size() > 5) throw BadRequest{"At most 5 packages can be compared"};
    } else if (name == "min_date" || name == "max_date") {
      if (value.empty()) continue;
      if (!isIsoDate(value)) throw BadRequest{"Invalid " + name + " '" + value + "': expected YYYY-MM-DD"};
      (name == "min_date" ? r.filters.min_date : r.filters.max_date) = value;
    } else if (std::find(filterColumns().begin(), filterColumns().end(), name) != filterColumns().end()) {
      if (value.size() > 200) throw BadRequest{"Value of " + name + " is too long"};
      if (name == "ci" && value != "true" && value != "false" && value != "unknown" && value != "exclude")
        throw BadRequest{"Invalid ci '" + value + "': expected true, false, unknown or exclude"};
      r.filters.equal[name] = value;
    } else if (name == "limit") {
      if (value.empty() || value.size() > 3 || !std::all_of(value.begin(), value.end(), ::isdigit) || std::stoi(value) > 100)
        throw BadRequest{"Invalid limit '" + value + "': expected 0 to 100"};
      r.args[name] = value;
    } else if (name == "q") {
      r.args[name] = normalizeProjectName(value.substr(0, 200));
    } else if (name == "column") {
      r.args[name] = value;
    } else {
      throw BadRequest{"Unknown parameter '" + name + "'"};
    }
  }
  if (widget.needs_package && r.package.empty()) throw BadRequest{"Parameter 'package' is required"};
  if (widget.needs_packages && r.packages.empty()) throw BadRequest{"Parameter 'packages' is required"};
  return r;
}

std::string playLink(const std::string& base, const WidgetQuery& q) {
  std::string link = base + "?user=play";
  for (const auto& [name, value] : q.params) link += "&param_" + percentEncode(name) + "=" + percentEncode(value);
  return link + "#" + base64(q.sql);
}

}  // namespace

server::AppResponse jsonError(unsigned status, const std::string& message, int code) {
  server::AppResponse r;
  r.status = status;
  r.body = "{\"error\":" + jsonString(message) + (code ? ",\"code\":" + std::to_string(code) : std::string()) + "}";
  return r;
}

server::AppResponse handleWidget(AppContext& context, const std::string& name, const std::string& query_string) {
  const Widget* widget = findWidget(name);
  if (!widget) return jsonError(404, "Unknown widget '" + name + "'");
  auto query = parseQueryString(query_string);
  const std::string format = query.count("format") ? query["format"] : "";
  if (!format.empty() && format != "csv" && format != "json") return jsonError(400, "Unknown format '" + format + "'", 36);
  WidgetRequest request;
  try {
    request = parseRequest(*widget, query);
  } catch (const BadRequest& e) {
    return jsonError(400, e.message, 36);
  }
  WidgetContext wc{context.runner, context.chooser, context.database};
  try {
    WidgetQuery q = widget->build(request, wc);
    QueryResult result = context.runner.run(q.sql, q.params);
    if (widget->needs_package && result.rows.empty() && !packageExists(context, request.package)) {
      std::string body = "{\"error\":" + jsonString("Unknown package '" + request.package + "'") + ",\"suggestions\":[";
      auto suggestions = suggestPackages(context, request.package);
      for (size_t i = 0; i < suggestions.size(); ++i) body += (i ? "," : "") + jsonString(suggestions[i]);
      server::AppResponse r;
      r.status = 404;
      r.body = body + "]}";
      return r;
    }
    server::AppResponse r;
    if (format == "csv") {
      r.content_type = "text/csv; charset=UTF-8";
      r.body = result.csv();
      r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
      return r;
    }
    if (format == "json") {
      r.body = result.rowsJson();
      r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + ".json\"");
      return r;
    }
    std::string params = "{";
    for (const auto& [k, v] : q.params) params += (params.size() > 1 ? "," : "") + jsonString(k) + ":" + jsonString(v);
    params += "}";
    r.body = "{\"widget\":" + jsonString(name) + ",\"table\":" + jsonString(q.table) + ",\"sql\":" + jsonString(q.sql) +
             ",\"params\":" + params +
             (context.play_url.empty() ? std::string() : ",\"play\":" + jsonString(playLink(context.play_url, q))) + ",\"columns\":" + result.columnsJson() +
             ",\"rows\":" + result.rowsJson() +
             (q.granularity.empty() ? std::string() : ",\"granularity\":" + jsonString(q.granularity)) +
             ",\"elapsed_ms\":" + std::to_string(result.elapsed_ms) + "}";
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  } catch (const api::Error& e) {
    return jsonError(500, e.displayText(), e.code());
  }
}

bool packageExists(AppContext& context, const std::string& package) {
  TableChoice t = context.chooser.choose({"project"});
  return context.runner.scalar("SELECT count() FROM " + t.table + " WHERE project = {package:String}",
                               {{"package", package}}, "0") != "0";
}

namespace {
size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::vector<std::string> suggestPackages(AppContext& context, const std::string& package) {
  // Candidates share the first letter; the closest by edit distance, then the most downloaded.
  TableChoice t = context.chooser.choose({"project"});
  auto r = context.runner.run("SELECT project, " + t.count() + " AS d FROM " + t.table +
                                  " WHERE startsWith(project, {first:String}) GROUP BY project ORDER BY d DESC LIMIT 5000",
                              {{"first", package.substr(0, 1)}});
  std::vector<std::pair<size_t, size_t>> ranked;  // (distance, position by downloads)
  for (size_t i = 0; i < r.rows.size(); ++i) ranked.emplace_back(editDistance(package, r.rows[i][0]), i);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && out.size() < 5; ++i)
    if (ranked[i].first <= std::max<size_t>(3, package.size() / 2)) out.push_back(r.rows[ranked[i].second][0]);
  return out;
}

}  // namespace tally::pypi
