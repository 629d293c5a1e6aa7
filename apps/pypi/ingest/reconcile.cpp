#include "reconcile.h"

#include <algorithm>
#include <set>

#include "sql_text.h"

namespace tally::pypi::ingest {

namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows fetch(api::Connection& connection, const std::string& sql) {
  Rows rows;
  auto r = connection.query(sql);
  while (r->next())
    for (size_t i = 0; i < r->rows(); ++i) {
      std::vector<std::string> row;
      for (size_t c = 0; c < r->columnCount(); ++c) row.push_back(r->isNull(c, i) ? "NULL" : r->getString(c, i));
      rows.push_back(std::move(row));
    }
  return rows;
}

std::map<std::string, uint64_t> perDay(api::Connection& connection, const std::string& sql) {
  std::map<std::string, uint64_t> out;
  for (const auto& row : fetch(connection, sql)) out[row[0]] = std::strtoull(row[1].c_str(), nullptr, 10);
  return out;
}

struct NonDailyCheck {
  std::string key_raw;    // key expressions over the raw table
  std::string key_names;  // the same keys in the rollup
  std::string value_raw, value_rollup;
};

NonDailyCheck nonDailyCheck(const std::string& table) {
  if (table == "pypi_downloads") return {"project, ci", "project, ci", "toInt64(count())", "sum(count)"};
  if (table == "pypi_downloads_by_version")
    return {"project, version, ci", "project, version, ci", "toInt64(count())", "sum(count)"};
  if (table == "pypi_downloads_per_month")
    return {"toStartOfMonth(date), project, ci", "month, project, ci", "toInt64(count())", "sum(count)"};
  // pypi_downloads_max_min
  return {"project", "project", "concat(toString(max(date)), '/', toString(min(date)))",
          "concat(toString(max(max_date)), '/', toString(min(min_date)))"};
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else out += c;
  }
  return out + "\"";
}

}  // namespace

const std::vector<std::string>& nonDailyRollups() {
  static const std::vector<std::string> tables = {"pypi_downloads", "pypi_downloads_by_version",
                                                  "pypi_downloads_max_min", "pypi_downloads_per_month"};
  return tables;
}

std::string rebuildNonDailySql(const std::string& database, const std::string& table, const std::string& target) {
  NonDailyCheck c = nonDailyCheck(table);
  std::string raw = database + ".pypi";
  if (table == "pypi_downloads_max_min")
    return "INSERT INTO " + target + " (project, max_date, min_date) SELECT project, max(date), min(date) FROM " + raw +
           " GROUP BY project";
  return "INSERT INTO " + target + " (" + c.key_names + ", count) SELECT " + c.key_raw + ", " + c.value_raw + " FROM " + raw +
         " GROUP BY " + c.key_raw;
}

RollupTables listRollups(api::Connection& connection, const std::string& database) {
  RollupTables out;
  auto rows = fetch(connection, "SELECT table, countIf(name = 'date'), countIf(name = 'count') FROM system.columns "
                                "WHERE database = " + sqlQuote(database) +
                                    " AND startsWith(table, 'pypi_downloads') AND NOT endsWith(table, '_repair_shadow') "
                                    "GROUP BY table ORDER BY table");
  // system.columns lists views' columns too: only tables count.
  std::set<std::string> views, present;
  for (const auto& row : fetch(connection, "SELECT name FROM system.tables WHERE database = " + sqlQuote(database) +
                                               " AND engine IN ('MaterializedView', 'View')"))
    views.insert(row[0]);
  for (const auto& row : rows) {
    if (views.count(row[0])) continue;
    present.insert(row[0]);
    if (row[1] != "0" && row[2] != "0") out.daily.push_back(row[0]);
  }
  for (const auto& t : nonDailyRollups())
    if (present.count(t)) out.non_daily.push_back(t);
  return out;
}

bool ReconcileReport::ok() const {
  for (const auto& d : days)
    if (!d.ok()) return false;
  for (const auto& n : non_daily)
    if (!n.ok()) return false;
  return true;
}

ReconcileReport reconcile(api::Connection& connection, const std::string& database,
                          const std::map<std::string, uint64_t>* source_days, const std::string& only_date) {
  ReconcileReport report;
  RollupTables tables = listRollups(connection, database);
  std::string where = only_date.empty() ? "" : " WHERE date = toDate(" + sqlQuote(only_date) + ")";
  auto raw = perDay(connection, "SELECT toString(date), count() FROM " + database + ".pypi" + where + " GROUP BY date");
  std::map<std::string, std::map<std::string, uint64_t>> rollups;  // table -> day -> sum
  std::set<std::string> days;
  for (const auto& [d, n] : raw) days.insert(d);
  for (const auto& t : tables.daily) {
    rollups[t] = perDay(connection, "SELECT toString(date), sum(count) FROM " + database + "." + t + where + " GROUP BY date");
    for (const auto& [d, n] : rollups[t]) days.insert(d);
  }
  if (source_days)
    for (const auto& [d, n] : *source_days)
      if (only_date.empty() || d == only_date) days.insert(d);
  if (!only_date.empty()) days.insert(only_date);
  for (const auto& d : days) {
    DayReport day;
    day.date = d;
    auto get = [&](const std::map<std::string, uint64_t>& m) -> uint64_t {
      auto it = m.find(d);
      return it == m.end() ? 0 : it->second;
    };
    day.raw = get(raw);
    if (source_days && (source_days->count(d) || d == only_date)) day.source = get(*source_days);
    for (const auto& t : tables.daily) {
      ++day.rollups_checked;
      uint64_t v = get(rollups[t]);
      if (v != day.raw) day.differing.emplace_back(t, v);
    }
    ++report.days_checked;
    if (day.source || !day.ok()) report.days.push_back(std::move(day));
  }
  for (const auto& t : tables.non_daily) {
    NonDailyCheck c = nonDailyCheck(t);
    auto split = [](const std::string& list) {
      std::vector<std::string> parts;
      size_t depth = 0, start = 0;
      for (size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || (list[i] == ',' && depth == 0)) {
          std::string p = list.substr(start, i - start);
          p.erase(0, p.find_first_not_of(' '));
          parts.push_back(p);
          start = i + 1;
        } else if (list[i] == '(') ++depth;
        else if (list[i] == ')') --depth;
      }
      return parts;
    };
    auto raw_keys = split(c.key_raw), rollup_keys = split(c.key_names);
    std::string rollup_sel, keys, key_text;
    for (size_t i = 0; i < raw_keys.size(); ++i) {
      std::string k = "k" + std::to_string(i);
      rollup_sel += "toString(" + rollup_keys[i] + ") AS " + k + ", ";
      keys += (i ? ", " : "") + k;
      key_text += std::string(i ? ", ' ', " : "") + "toString(" + k + ")";
    }
    // toString on both sides: Enum/Date keys compare as text.
    std::string raw_q = "SELECT ";
    for (size_t i = 0; i < raw_keys.size(); ++i) raw_q += "toString(" + raw_keys[i] + ") AS k" + std::to_string(i) + ", ";
    raw_q += "toString(" + c.value_raw + ") AS raw_v, '' AS tab_v FROM " + database + ".pypi GROUP BY " + keys;
    std::string tab_q = "SELECT " + rollup_sel + "'' AS raw_v, toString(" + c.value_rollup + ") AS tab_v FROM " + database +
                        "." + t + " GROUP BY " + keys;
    std::string sql = "SELECT concat(" + key_text + "), max(raw_v), max(tab_v) FROM (" + raw_q + " UNION ALL " + tab_q +
                      ") GROUP BY " + keys + " HAVING max(raw_v) != max(tab_v) ORDER BY " + keys;
    NonDailyReport nd;
    nd.table = t;
    for (const auto& row : fetch(connection, sql)) {
      ++nd.keys_differing;
      if (nd.examples.size() < 3)
        nd.examples.push_back(row[0] + ": table " + (row[2].empty() ? "-" : row[2]) + ", raw " + (row[1].empty() ? "-" : row[1]));
    }
    report.non_daily.push_back(std::move(nd));
  }
  return report;
}

std::string formatReportText(const ReconcileReport& report) {
  std::string out;
  size_t bad_days = 0;
  for (const auto& d : report.days) {
    out += d.date;
    if (d.source) out += "  source " + std::to_string(*d.source);
    out += "  raw " + std::to_string(d.raw);
    if (d.ok()) {
      out += "  rollups " + std::to_string(d.rollups_checked) + "/" + std::to_string(d.rollups_checked) + " equal  OK\n";
      continue;
    }
    ++bad_days;
    out += "  DIFFERS:";
    if (d.source && *d.source != d.raw)
      out += " raw-source " + std::to_string(int64_t(d.raw) - int64_t(*d.source)) + ";";
    for (const auto& [t, v] : d.differing) out += " " + t + " " + std::to_string(v) + ";";
    if (!out.empty() && out.back() == ';') out.pop_back();
    out += '\n';
  }
  size_t bad_tables = 0;
  for (const auto& n : report.non_daily) {
    out += n.table + (n.ok() ? "  equal to raw  OK" : "  DIFFERS: " + std::to_string(n.keys_differing) + " keys");
    for (const auto& e : n.examples) out += " [" + e + "]";
    out += '\n';
    bad_tables += !n.ok();
  }
  out += "summary: " + std::to_string(report.days_checked) + " days checked, " + std::to_string(bad_days) + " differ; " +
         std::to_string(report.non_daily.size()) + " non-daily rollups checked, " + std::to_string(bad_tables) + " differ: " +
         (report.ok() ? "ALL EQUAL" : "DIFFERENCES FOUND") + "\n";
  return out;
}

std::string formatReportJson(const ReconcileReport& report) {
  std::string out = "{\"days\":[";
  bool first = true;
  for (const auto& d : report.days) {
    out += first ? "" : ",";
    first = false;
    out += "{\"date\":" + jsonString(d.date) + ",\"source\":" + (d.source ? std::to_string(*d.source) : "null") +
           ",\"raw\":" + std::to_string(d.raw) + ",\"rollups_checked\":" + std::to_string(d.rollups_checked) +
           ",\"differing\":{";
    for (size_t i = 0; i < d.differing.size(); ++i)
      out += (i ? "," : "") + jsonString(d.differing[i].first) + ":" + std::to_string(d.differing[i].second);
    out += "},\"ok\":" + std::string(d.ok() ? "true" : "false") + "}";
  }
  out += "],\"non_daily\":[";
  first = true;
  for (const auto& n : report.non_daily) {
    out += first ? "" : ",";
    first = false;
    out += "{\"table\":" + jsonString(n.table) + ",\"keys_differing\":" + std::to_string(n.keys_differing) + ",\"examples\":[";
    for (size_t i = 0; i < n.examples.size(); ++i) out += (i ? "," : "") + jsonString(n.examples[i]);
    out += "],\"ok\":" + std::string(n.ok() ? "true" : "false") + "}";
  }
  out += "],\"days_checked\":" + std::to_string(report.days_checked) + ",\"ok\":" + (report.ok() ? "true" : "false") + "}\n";
  return out;
}

}  // namespace tally::pypi::ingest
