#include "dictionaries/dictionary_definition_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "common/exception.h"
#include "dictionaries/dictionary_structure.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

/// File names as ClickHouse makes them (escapeForFileName): letters, digits and '_' stay,
/// every other byte becomes %XX — so no name can leave its directory.
std::string escapeFileName(const std::string& name) {
  std::string res;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '_') res += char(c);
    else res += fmt::format("%{:02X}", c);
  }
  return res;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string unescapeFileName(const std::string& name) {
  std::string res;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && hexDigit(name[i + 1]) >= 0 && hexDigit(name[i + 2]) >= 0) {
      res += char(hexDigit(name[i + 1]) * 16 + hexDigit(name[i + 2]));
      i += 2;
    } else {
      res += name[i];
    }
  }
  return res;
}

void fsyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open {}: {}", path, std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw Exception(ErrorCodes::CANNOT_FSYNC, "Cannot fsync {}: {}", path, std::strerror(errno));
}

bool isDictionaryStatement(const std::string& text) {
  std::istringstream in(text);
  std::string first, second;
  in >> first >> second;
  first = upperCaseAscii(first);
  second = upperCaseAscii(second);
  if (second == "OR") in >> second >> second;  // CREATE OR REPLACE DICTIONARY
  return (first == "CREATE" || first == "ATTACH") && upperCaseAscii(second) == "DICTIONARY";
}

}  // namespace

std::string DictionaryDefinitionStore::fileFor(const std::string& database, const std::string& name) const {
  return (fs::path(data_path_) / "metadata" / escapeFileName(database) / (escapeFileName(name) + ".sql")).string();
}

void DictionaryDefinitionStore::save(const std::string& database, const std::string& name, const std::string& create_query) const {
  if (!enabled()) return;
  const std::string path = fileFor(database, name);
  const std::string dir = fs::path(path).parent_path().string();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot create directory {}: {}", dir, ec.message());
  const std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open {}: {}", tmp, std::strerror(errno));
  std::string text = create_query + "\n";
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot write {}: {}", tmp, std::strerror(err));
    }
    written += size_t(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw Exception(ErrorCodes::CANNOT_FSYNC, "Cannot fsync {}: {}", tmp, std::strerror(err));
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot rename {} to {}: {}", tmp, path, std::strerror(err));
  }
  fsyncPath(dir, O_RDONLY | O_DIRECTORY);
}

void DictionaryDefinitionStore::remove(const std::string& database, const std::string& name) const {
  if (!enabled()) return;
  const std::string path = fileFor(database, name);
  std::error_code ec;
  if (fs::remove(path, ec)) fsyncPath(fs::path(path).parent_path().string(), O_RDONLY | O_DIRECTORY);
}

std::vector<DictionaryDefinitionStore::Definition> DictionaryDefinitionStore::loadAll() const {
  std::vector<Definition> res;
  if (!enabled()) return res;
  const fs::path root = fs::path(data_path_) / "metadata";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return res;
  for (const auto& db_dir : fs::directory_iterator(root)) {
    if (!db_dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(db_dir.path())) {
      if (!file.is_regular_file() || file.path().extension() != ".sql") continue;
      std::ifstream in(file.path());
      std::stringstream text;
      text << in.rdbuf();
      if (!isDictionaryStatement(text.str())) continue;
      res.push_back({unescapeFileName(db_dir.path().filename().string()), unescapeFileName(file.path().stem().string()), text.str()});
    }
  }
  std::sort(res.begin(), res.end(), [](const Definition& a, const Definition& b) {
    return std::tie(a.database, a.name) < std::tie(b.database, b.name);
  });
  return res;
}

}  // namespace tally
