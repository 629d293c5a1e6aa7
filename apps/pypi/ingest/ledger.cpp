#include "ledger.h"

namespace tally::pypi::ingest {

Ledger::Ledger(api::Connection& connection, std::string database)
    : connection_(connection), database_(std::move(database)) {}

std::string Ledger::dedupToken(const std::string& hash, uint64_t size) {
  return "tally-pypi-load:" + hash + ":" + std::to_string(size);
}

void Ledger::open() {
  api::ExecuteOptions options;
  connection_.execute("CREATE TABLE IF NOT EXISTS " + database_ +
                          ".load_ledger (path String, size UInt64, mtime_ns Int64, content_hash String, "
                          "kind String, rows_loaded UInt64, rows_rejected UInt64, loaded_at DateTime) "
                          "ENGINE = MergeTree ORDER BY path",
                      options);
  auto result = connection_.query("SELECT path, size, mtime_ns, content_hash, kind, rows_loaded, rows_rejected, "
                                  "toString(loaded_at) FROM " + database_ + ".load_ledger ORDER BY loaded_at");
  while (result->next()) {
    for (size_t r = 0; r < result->rows(); ++r) {
      LedgerEntry e;
      e.path = result->getString(0, r);
      e.size = result->getUInt64(1, r);
      e.mtime_ns = result->getInt64(2, r);
      e.content_hash = result->getString(3, r);
      e.kind = result->getString(4, r);
      e.rows_loaded = result->getUInt64(5, r);
      e.rows_rejected = result->getUInt64(6, r);
      e.loaded_at = result->getString(7, r);
      by_content_[e.content_hash + ":" + std::to_string(e.size)] = e;
      by_path_[e.path] = std::move(e);
    }
  }
}

LedgerVerdict Ledger::check(const SourceFile& file, const std::string& hash, LedgerEntry& match) const {
  if (auto it = by_path_.find(file.path); it != by_path_.end()) {
    match = it->second;
    bool same = it->second.size == file.size && it->second.content_hash == hash;
    return same ? LedgerVerdict::AlreadyLoaded : LedgerVerdict::Changed;
  }
  if (auto it = by_content_.find(hash + ":" + std::to_string(file.size)); it != by_content_.end()) {
    match = it->second;
    return LedgerVerdict::CopyOfLoaded;
  }
  return LedgerVerdict::New;
}

void Ledger::record(const SourceFile& file, const std::string& hash, uint64_t rows_loaded, uint64_t rows_rejected) {
  api::ExecuteOptions options;
  options.parameters = {{"path", file.path},
                        {"size", std::to_string(file.size)},
                        {"mtime", std::to_string(file.mtime_ns)},
                        {"hash", hash},
                        {"kind", sourceKindName(file.kind)},
                        {"loaded", std::to_string(rows_loaded)},
                        {"rejected", std::to_string(rows_rejected)}};
  connection_.execute("INSERT INTO " + database_ +
                          ".load_ledger SELECT {path:String}, {size:UInt64}, {mtime:Int64}, {hash:String}, "
                          "{kind:String}, {loaded:UInt64}, {rejected:UInt64}, now()",
                      options);
  LedgerEntry e{file.path, hash, sourceKindName(file.kind), "now", file.size, rows_loaded, rows_rejected, file.mtime_ns};
  by_content_[hash + ":" + std::to_string(file.size)] = e;
  by_path_[file.path] = e;
}

}  // namespace tally::pypi::ingest
