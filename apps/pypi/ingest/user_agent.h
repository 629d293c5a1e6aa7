#pragma once
// The user-agent rules of linehaul (pypi/linehaul-cloud-function, linehaul/ua/parser.py): what
// PyPI's BigQuery `details` record holds for a download's user agent.
//
//   - ignored user agents (bots, `(null)`, ...): the download is not loaded at all;
//   - recognised installers: pip >= 6 and uv >= 0.1.22 send `<name>/<version> <JSON>` (the JSON
//     is `details` itself); pip 1.4-5, poetry, pdm, twine, setuptools/distribute, pex, conda,
//     Bazel, maturin, bandersnatch, devpi, z3c.pypimirror, Artifactory, Nexus, pep381client,
//     requests, Homebrew, OS fetchers, browsers and bare Python-urllib have fixed shapes;
//   - anything else (including a pip/uv JSON that does not parse): kept, `details` NULL.
//
// The pip/uv JSON case (nearly every download) is parsed with simdjson, without regular
// expressions. Not thread-safe: use one UserAgentParser per thread.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tally::pypi::ingest {

enum class CiFlag { Null, True, False };

/// `details` of a download; unset optionals are NULL.
struct UserAgentDetails {
  std::optional<std::string> installer_name, installer_version;
  std::optional<std::string> python;
  std::optional<std::string> implementation_name, implementation_version;
  std::optional<std::string> distro_name, distro_version, distro_id;
  std::optional<std::string> libc_lib, libc_version;
  std::optional<std::string> system_name, system_release;
  std::optional<std::string> cpu;
  CiFlag ci = CiFlag::Null;

  void clear() { *this = UserAgentDetails(); }
};

enum class UserAgentKind {
  Ignored,       ///< on linehaul's ignore list: the download is dropped
  Recognised,    ///< `details` filled
  Unrecognised,  ///< kept with `details` NULL
};

class UserAgentParser {
 public:
  UserAgentParser();
  ~UserAgentParser();
  UserAgentParser(const UserAgentParser&) = delete;
  UserAgentParser& operator=(const UserAgentParser&) = delete;

  /// Classifies `user_agent` and fills `details` (cleared first).
  UserAgentKind parse(std::string_view user_agent, UserAgentDetails& details);

 private:
  struct Json;
  bool parseJson(std::string_view json, UserAgentDetails& details);
  std::unique_ptr<Json> json_;
};

/// Whether linehaul ignores this user agent (the download is not loaded).
bool isIgnoredUserAgent(std::string_view user_agent);

/// Compares dotted versions by their leading numeric components ("20.1.1" >= "6"); a
/// component with a suffix ("0b1") counts by its digits. Used for pip >= 6 / uv >= 0.1.22.
int compareVersions(std::string_view a, std::string_view b);

}  // namespace tally::pypi::ingest
