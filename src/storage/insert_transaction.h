#pragma once
// All-or-nothing writes across tables. Each storage prepares its part of an insert (written,
// durable, invisible); commit() records every directory rename in a journal file (fsynced),
// performs the renames, publishes every storage's rows, then deletes the journal. After a
// crash, recoverRenameJournals() completes the renames of any journal that reached the disk;
// prepared data without a journal is temporary and removed when its table loads.

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "storage/storage.h"

namespace tally {

using Renames = std::vector<std::pair<std::string, std::string>>;

/// Performs `renames` atomically with respect to crashes, using a journal in `journal_dir`
/// (created if missing). With an empty `journal_dir` the renames are done without a journal.
void commitRenames(const std::string& journal_dir, const Renames& renames);

/// Completes the journals found in `journal_dir` (left by a crash) and deletes them.
void recoverRenameJournals(const std::string& journal_dir);

class InsertTransaction {
 public:
  explicit InsertTransaction(std::string journal_dir) : journal_dir_(std::move(journal_dir)) {}
  /// Adds a prepared write (keeps `storage` alive until commit). Thread-safe.
  void add(StoragePtr storage, std::unique_ptr<PreparedInsert> prepared);
  /// Makes every prepared write durable and visible, or (on exception before the journal is
  /// written) none of them.
  void commit();

 private:
  std::string journal_dir_;
  std::mutex mutex_;
  std::vector<std::pair<StoragePtr, std::unique_ptr<PreparedInsert>>> writes_;
};

}  // namespace tally
