#include "storage/insert_transaction.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <sstream>

#include "common/exception.h"
#include "io/durable_file.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

std::atomic<uint64_t> journal_counter{0};

std::string escapeLine(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '\\') r += "\\\\";
    else if (c == '\n') r += "\\n";
    else if (c == '\t') r += "\\t";
    else r += c;
  }
  return r;
}

std::string unescapeLine(const std::string& s) {
  std::string r;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      r += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      r += s[i];
    }
  }
  return r;
}

void doRenames(const Renames& renames) {
  for (const auto& [from, to] : renames)
    if (fs::exists(from)) renameUnsynced(from, to);
}

}  // namespace

void commitRenames(const std::string& journal_dir, const Renames& renames) {
  if (renames.empty()) return;
  if (journal_dir.empty()) {
    doRenames(renames);
    return;
  }
  fs::create_directories(journal_dir);
  // The prepared data reaches the disk first; then the journal (the commit point); then the
  // renames, synced before the journal goes. A crash after the journal is durable redoes the
  // renames at start.
  syncFileSystem(journal_dir);
  std::string text = "tally rename journal 1\n";
  for (const auto& [from, to] : renames) text += escapeLine(from) + "\t" + escapeLine(to) + "\n";
  auto now = std::chrono::system_clock::now().time_since_epoch().count();
  std::string path = journal_dir + "/journal_" + std::to_string(::getpid()) + "_" + std::to_string(now) + "_" +
                     std::to_string(journal_counter.fetch_add(1)) + ".txt";
  writeFileDurably(path, text);  // the commit point
  doRenames(renames);
  syncFileSystem(journal_dir);
  fs::remove(path);
}

void recoverRenameJournals(const std::string& journal_dir) {
  std::error_code ec;
  if (!fs::is_directory(journal_dir, ec)) return;
  std::vector<std::string> journals;
  for (const auto& entry : fs::directory_iterator(journal_dir)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("journal_") && name.ends_with(".txt")) journals.push_back(entry.path().string());
    // A journal whose write never completed is not a commit.
    if (name.starts_with("journal_") && name.ends_with(".txt.tmp")) fs::remove(entry.path());
  }
  std::sort(journals.begin(), journals.end());
  for (const auto& path : journals) {
    std::istringstream in(readWholeFile(path));
    std::string line;
    std::getline(in, line);
    if (line != "tally rename journal 1")
      throw Exception(ErrorCodes::CORRUPTED_DATA, "Unknown journal format in {}", path);
    Renames renames;
    while (std::getline(in, line)) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos) throw Exception(ErrorCodes::CORRUPTED_DATA, "Bad journal line in {}", path);
      renames.emplace_back(unescapeLine(line.substr(0, tab)), unescapeLine(line.substr(tab + 1)));
    }
    doRenames(renames);
    syncFileSystem(journal_dir);
    fs::remove(path);
  }
  if (!journals.empty()) fsyncDirectory(journal_dir);
}

void InsertTransaction::add(StoragePtr storage, std::unique_ptr<PreparedInsert> prepared) {
  std::lock_guard lock(mutex_);
  writes_.emplace_back(std::move(storage), std::move(prepared));
}

void InsertTransaction::commit() {
  Renames renames;
  for (const auto& [storage, prepared] : writes_)
    for (auto& r : prepared->renames()) renames.push_back(std::move(r));
  commitRenames(journal_dir_, renames);
  for (auto& [storage, prepared] : writes_) prepared->publish();
  writes_.clear();
}

}  // namespace tally
