// pepy-style SVG badges: /badge/<package> (total), /badge/<package>/month (last 30 days),
// /badge/<package>/week (last 7 days), with pepy's personalized-badge parameters
// (units, left_color, right_color, left_text).
#include <algorithm>
#include <cctype>
#include <map>
#include <cmath>
#include <cstdio>

#include "app_context.h"
#include "url_query.h"

namespace tally::pypi {

namespace {

std::string xmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

/// pepy's number text: the value floored in its unit (1,300 -> "1k").
std::string formatCount(uint64_t n, const std::string& units) {
  if (units == "none") return std::to_string(n);
  static const char* si[] = {"", "k", "M", "G", "T", "P"};
  static const char* abbreviation[] = {"", "k", "M", "B", "T", "Q"};
  const char** names = units == "abbreviation" ? abbreviation : si;
  size_t unit = 0;
  uint64_t v = n;
  while (v >= 1000 && unit < 5) {
    v /= 1000;
    ++unit;
  }
  return std::to_string(v) + names[unit];
}

/// Approximate width in pixels of `text` in 11px Verdana (the badge font).
double textWidth(std::string_view text) {
  double w = 0;
  for (unsigned char c : text) {
    if (std::string_view("iljI.,:;!|'").find(char(c)) != std::string_view::npos) w += 3.6;
    else if (std::string_view("ftr()/[]{} -").find(char(c)) != std::string_view::npos) w += 4.9;
    else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') w += 10.5;
    else if (std::isupper(c)) w += 7.8;
    else w += 7.0;
  }
  return w;
}

/// A colour name from shields' palette or a hex value; anything else falls back.
std::string colour(const std::string& value, const std::string& fallback) {
  static const std::map<std::string, std::string> named = {
      {"brightgreen", "#4c1"}, {"green", "#97ca00"}, {"yellowgreen", "#a4a61d"}, {"yellow", "#dfb317"},
      {"orange", "#fe7d37"},   {"red", "#e05d44"},   {"blue", "#007ec6"},        {"grey", "#555"},
      {"gray", "#555"},        {"lightgrey", "#9f9f9f"}, {"black", "#000"},     {"blueviolet", "#8a2be2"}};
  if (value.empty()) return fallback;
  if (auto it = named.find(value); it != named.end()) return it->second;
  std::string hex = value[0] == '#' ? value.substr(1) : value;
  if ((hex.size() == 3 || hex.size() == 6) && std::all_of(hex.begin(), hex.end(), ::isxdigit)) return "#" + hex;
  return fallback;
}

std::string badgeSvg(const std::string& label, const std::string& value, const std::string& left, const std::string& right) {
  const double lw = std::round(textWidth(label) + 10), rw = std::round(textWidth(value) + 10), w = lw + rw;
  char buf[2048];
  std::snprintf(buf, sizeof(buf),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"20\" role=\"img\" aria-label=\"%s: %s\">"
                "<title>%s: %s</title>"
                "<linearGradient id=\"s\" x2=\"0\" y2=\"100%%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                "<clipPath id=\"r\"><rect width=\"%.0f\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                "<g clip-path=\"url(#r)\"><rect width=\"%.0f\" height=\"20\" fill=\"%s\"/>"
                "<rect x=\"%.0f\" width=\"%.0f\" height=\"20\" fill=\"%s\"/><rect width=\"%.0f\" height=\"20\" fill=\"url(#s)\"/></g>"
                "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
                "<text x=\"%.1f\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">%s</text><text x=\"%.1f\" y=\"14\">%s</text>"
                "<text x=\"%.1f\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">%s</text><text x=\"%.1f\" y=\"14\">%s</text></g></svg>",
                w, label.c_str(), value.c_str(), label.c_str(), value.c_str(), w, lw, left.c_str(), lw, rw, right.c_str(), w,
                lw / 2, label.c_str(), lw / 2, label.c_str(), lw + rw / 2, value.c_str(), lw + rw / 2, value.c_str());
  return buf;
}

}  // namespace

server::AppResponse handleBadge(AppContext& context, const std::string& path, const std::string& query_string) {
  // path: /badge/<package>[/month|/week]
  std::string rest = path.substr(std::string("/badge/").size());
  std::string period = "total";
  if (size_t slash = rest.find('/'); slash != std::string::npos) {
    period = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  auto query = parseQueryString(query_string);
  if (query.count("period")) period = query["period"];  // personalized-badge style
  if (period != "total" && period != "month" && period != "week") return jsonError(404, "Unknown badge period '" + period + "'");
  const std::string package = normalizeProjectName(percentDecode(rest));
  const std::string units = query.count("units") ? query["units"] : "international_system";
  const std::string default_label = period == "total" ? "downloads" : "downloads/" + period;
  const std::string label = xmlEscape(query.count("left_text") ? query["left_text"].substr(0, 100) : default_label);
  const std::string left = colour(query.count("left_color") ? query["left_color"] : "", "#555");
  const std::string right = colour(query.count("right_color") ? query["right_color"] : "", "#4c1");
  server::AppResponse r;
  r.content_type = "image/svg+xml; charset=UTF-8";
  r.headers.emplace_back("Cache-Control", "max-age=3600");
  try {
    if (!isNormalizedProjectName(package) || !packageExists(context, package)) {
      r.status = 404;
      r.body = badgeSvg(label, "package not found", left, "#9f9f9f");
      return r;
    }
    std::string count;
    if (period == "total") {
      TableChoice t = context.chooser.choose({"project"});
      count = context.runner.scalar("SELECT " + t.count() + " FROM " + t.table + " WHERE project = {package:String}",
                                    {{"package", package}}, "0");
    } else {
      TableChoice t = context.chooser.choose({"project", "date"});
      const std::string newest = "(SELECT max(date) FROM " + context.chooser.choose({"date"}).table + ")";
      count = context.runner.scalar("SELECT " + t.count() + " FROM " + t.table + " WHERE project = {package:String} AND date > " +
                                        newest + (period == "month" ? " - 30" : " - 7"),
                                    {{"package", package}}, "0");
    }
    r.body = badgeSvg(label, xmlEscape(formatCount(std::stoull(count), units)), left, right);
  } catch (const api::Error& e) {
    return jsonError(500, e.displayText(), e.code());
  }
  return r;
}

}  // namespace tally::pypi
