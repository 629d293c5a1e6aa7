#include "functions/regexp/regexp_cache.h"

#include <mutex>
#include <string>
#include <unordered_map>

#include "common/exception.h"

namespace tally {

namespace regexp_cache {

constexpr size_t kMaxCachedRegexps = 4096;

struct RegexpCache {
  std::mutex mutex;
  std::unordered_map<std::string, RegexpPtr> entries;
};

RegexpCache& cache() {
  static RegexpCache c;
  return c;
}

RegexpPtr compileUncached(const std::string& pattern, bool case_insensitive) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  options.set_case_sensitive(!case_insensitive);
  auto re = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok())
    throw Exception(
        ErrorCodes::CANNOT_COMPILE_REGEXP,
        "OptimizedRegularExpression: cannot compile re2: {}, error: {}. Look at "
        "https://github.com/google/re2/wiki/Syntax "
        "for reference. Please note that if you specify regex as an SQL string literal, the slashes have to be "
        "additionally escaped. For example, to match an opening brace, write '\\\\(' -- the first slash is for "
        "SQL and the second one is for regex",
        pattern, re->error());
  return re;
}

}  // namespace regexp_cache

RegexpPtr compileRegexp(std::string_view pattern, bool case_insensitive) {
  using namespace regexp_cache;
  std::string key;
  key.reserve(pattern.size() + 1);
  key += case_insensitive ? 'i' : 's';
  key.append(pattern);
  auto& c = cache();
  {
    std::lock_guard lock(c.mutex);
    if (auto it = c.entries.find(key); it != c.entries.end()) return it->second;
  }
  RegexpPtr re = compileUncached(std::string(pattern), case_insensitive);
  std::lock_guard lock(c.mutex);
  if (c.entries.size() >= kMaxCachedRegexps) c.entries.clear();
  c.entries.emplace(std::move(key), re);
  return re;
}

}  // namespace tally
