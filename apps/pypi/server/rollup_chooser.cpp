#include "rollup_chooser.h"

#include <algorithm>

namespace tally::pypi {

namespace {
constexpr auto kCatalogLifetime = std::chrono::seconds(30);
}

RollupChooser::RollupChooser(QueryRunner& runner, std::string database, std::string raw_table)
    : runner_(runner), database_(std::move(database)), raw_table_(std::move(raw_table)) {}

void RollupChooser::invalidate() {
  std::lock_guard lock(mutex_);
  refreshed_ = {};
}

void RollupChooser::refreshLocked() {
  std::map<std::string, Table> by_name;
  // Only tables that store rows (MergeTree family): not views, dictionaries or other engines.
  std::set<std::string> stored;
  std::map<std::string, std::string> first_key;
  auto tables = runner_.run(
      "SELECT name, sorting_key FROM system.tables WHERE database = {db:String} AND engine LIKE '%MergeTree'", {{"db", database_}});
  for (const auto& row : tables.rows) {
    stored.insert(row[0]);
    first_key[row[0]] = row[1].substr(0, row[1].find(','));
  }
  auto columns = runner_.run("SELECT table, name, type FROM system.columns WHERE database = {db:String}", {{"db", database_}});
  for (const auto& row : columns.rows) {
    if (!stored.count(row[0])) continue;
    Table& t = by_name[row[0]];
    t.name = row[0];
    t.columns.insert(row[1]);
    if (row[1] == "count" && row[2] != "Int64") t.columns.erase("count");  // not a download count
  }
  auto rows = runner_.run(
      "SELECT table, sum(rows) FROM system.parts WHERE database = {db:String} AND active GROUP BY table", {{"db", database_}});
  for (const auto& row : rows.rows)
    if (auto it = by_name.find(row[0]); it != by_name.end()) it->second.rows = std::stoull(row[1]);
  tables_.clear();
  for (auto& [name, t] : by_name) {
    t.raw = name == raw_table_;
    t.first_key_column = first_key[name];
    if (t.raw || t.columns.count("count")) tables_.push_back(std::move(t));
  }
  // Smallest first: fewest rows, then fewest columns, then name (deterministic).
  std::sort(tables_.begin(), tables_.end(), [](const Table& a, const Table& b) {
    if (a.rows != b.rows) return a.rows < b.rows;
    if (a.columns.size() != b.columns.size()) return a.columns.size() < b.columns.size();
    return a.name < b.name;
  });
  refreshed_ = std::chrono::steady_clock::now();
}

TableChoice RollupChooser::choose(const std::set<std::string>& columns, const std::string& leading) {
  std::lock_guard lock(mutex_);
  if (refreshed_ == std::chrono::steady_clock::time_point{} || std::chrono::steady_clock::now() - refreshed_ > kCatalogLifetime)
    refreshLocked();
  auto covers = [&](const Table& t) {
    return std::all_of(columns.begin(), columns.end(), [&](const std::string& c) { return t.columns.count(c) > 0; });
  };
  if (!leading.empty())
    for (const auto& t : tables_)
      if (t.first_key_column == leading && covers(t)) return {database_ + "." + t.name, t.raw};
  for (const auto& t : tables_)
    if (covers(t)) return {database_ + "." + t.name, t.raw};
  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
  throw api::Error(60, "UNKNOWN_TABLE", "No table of database " + database_ + " has the columns " + list);
}

}  // namespace tally::pypi
