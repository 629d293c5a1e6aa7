#pragma once
// The load ledger `<db>.load_ledger`: one row per loaded file (path, size, mtime, sampled
// content hash, kind, rows loaded/rejected, loaded_at). A file whose path, size, mtime and
// hash match a row is skipped; a path whose row differs is reported as changed (not reloaded);
// the same content under another path is skipped as a copy.
//
// Exactly-once: each file's data INSERT carries insert_deduplication_token = dedupToken(), so
// a file whose data committed but whose ledger row did not (a crash in between) is skipped by
// the engine on the rerun, its views included.

#include <cstdint>
#include <map>
#include <string>

#include "source_files.h"
#include "tally/tally.h"

namespace tally::pypi::ingest {

struct LedgerEntry {
  std::string path, content_hash, kind, loaded_at;
  uint64_t size = 0, rows_loaded = 0, rows_rejected = 0;
  int64_t mtime_ns = 0;
};

enum class LedgerVerdict { New, AlreadyLoaded, Changed, CopyOfLoaded };

class Ledger {
 public:
  Ledger(api::Connection& connection, std::string database);
  /// Creates the table if needed and reads it.
  void open();
  /// What to do with `file` of content hash `hash`; `match` is the ledger row involved.
  LedgerVerdict check(const SourceFile& file, const std::string& hash, LedgerEntry& match) const;
  /// Records a loaded file.
  void record(const SourceFile& file, const std::string& hash, uint64_t rows_loaded, uint64_t rows_rejected);
  /// The insert_deduplication_token of a file's data.
  static std::string dedupToken(const std::string& hash, uint64_t size);

 private:
  api::Connection& connection_;
  std::string database_;
  std::map<std::string, LedgerEntry> by_path_;
  std::map<std::string, LedgerEntry> by_content_;  // hash + size
};

}  // namespace tally::pypi::ingest
