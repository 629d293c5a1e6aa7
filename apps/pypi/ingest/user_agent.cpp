#include "user_agent.h"

#include <re2/re2.h>
#include <simdjson.h>

#include <array>
#include <cstring>
#include <vector>

namespace tally::pypi::ingest {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// The leading run of digits of `s` as a number (0 when none); advances `s` past it.
uint64_t leadingNumber(std::string_view& s) {
  uint64_t n = 0;
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') n = n * 10 + uint64_t(s[i++] - '0');
  s.remove_prefix(i);
  return n;
}

bool looksLikeVersion(std::string_view v) { return !v.empty() && v[0] >= '0' && v[0] <= '9'; }

/// The shapes with a fixed grammar, checked (as linehaul does) with regular expressions; they
/// are rare, so RE2 is fast enough. Each family: a pattern and how its groups fill `details`.
struct Family {
  enum Fill {
    PipOld, Distribute, Setuptools, Pex, Conda, Bazel, Bandersnatch, Devpi, Z3c, Artifactory, Nexus,
    Pep381, Maturin, Pdm, Poetry, Twine, UrllibOnly, Requests, Homebrew, Os, Browser
  };
  Fill fill;
  std::unique_ptr<RE2> re;
  /// Cheap pre-check: the agent starts with one of these (ASCII case-insensitively when
  /// `nocase`), or contains `contains`; the regex runs only then.
  std::vector<std::string_view> prefixes;
  std::string_view contains;
  bool nocase = false;
};

std::vector<Family> makeFamilies() {
  RE2::Options plain;
  plain.set_log_errors(false);
  RE2::Options nocase = plain;
  nocase.set_case_sensitive(false);
  std::vector<Family> f;
  auto add = [&](Family::Fill fill, const char* pattern, const RE2::Options& options) {
    f.push_back({fill, std::make_unique<RE2>(pattern, options), {}, {}, !options.case_sensitive()});
  };
  add(Family::PipOld, R"(^pip/(\S+) (\S+)/(\S+) (\S+)/(\S+)$)", plain);
  add(Family::Distribute, R"(^Python-urllib/(\d\.\d) distribute/(\S+)$)", plain);
  add(Family::Setuptools, R"(^Python-urllib/(\d\.\d) setuptools/(\S+)$)", plain);
  add(Family::Setuptools, R"(^setuptools/(\S+) Python-urllib/(\d\.\d)$)", plain);  // groups swapped below
  add(Family::Pex, R"(pex/(\S+)$)", plain);
  add(Family::Conda, R"(^conda/(\S+)(?: .+)?$)", plain);
  add(Family::Bazel, R"(^Bazel/(?:release\s+)?(.+)$)", plain);
  add(Family::Bandersnatch, R"(^bandersnatch/(\S+) \(.+\)$)", plain);
  add(Family::Devpi, R"(devpi-server/(\S+) \(.+\)$)", plain);
  add(Family::Z3c, R"(^z3c\.pypimirror/(\S+)$)", plain);
  add(Family::Artifactory, R"(^Artifactory/(\S+)$)", plain);
  add(Family::Nexus, R"(^Nexus/(\S+))", plain);
  add(Family::Pep381, R"(^pep381client(?:-proxy)?/(\S+)$)", plain);
  add(Family::Maturin, R"(^maturin/(\S+)$)", plain);
  add(Family::Pdm, R"(^pdm/(\S+) (\S+)/(\S+)$)", plain);
  add(Family::Poetry, R"(^poetry/(\S+) (\S+)/(\S+) (\S+)/(\S+)?$)", plain);
  add(Family::Twine, R"(^twine/(\S+)(?: .+)? (\S+)/(\S+)$)", plain);
  add(Family::UrllibOnly, R"(^Python-urllib/(\d\.\d)$)", plain);
  add(Family::Requests, R"(^python-requests/(\S+)(?: .+)?$)", plain);
  add(Family::Homebrew, R"(^Homebrew/(\S+) \(Macintosh; Intel (?:Mac OS X|macOS) ([^)]+)\)(?: .+)?$)", plain);
  add(Family::Os,
      R"(^fetch libfetch/\S+$|^libfetch/\S+$|^OpenBSD ftp$|^MacPorts/?|^NetBSD-ftp/|^slapt-get|^pypi-install/|)"
      R"(^slackrepo$|^PTXdist|^GARstow/|^xbps/)",
      plain);
  add(Family::Browser,
      R"(^(?:Mozilla|Safari|wget|curl|Opera|aria2|AndroidDownloadManager|com\.apple\.WebKit\.Networking/|FDM \S+|)"
      R"(URL/Emacs|Firefox/|UCWEB|Links|okhttp|Apache-HttpClient)(?:/|$))",
      nocase);
  using P = std::vector<std::string_view>;
  const P prefixes[] = {
      {"pip/"}, {"Python-urllib/"}, {"Python-urllib/"}, {"setuptools/"}, {}, {"conda/"}, {"Bazel/"}, {"bandersnatch/"},
      {}, {"z3c.pypimirror/"}, {"Artifactory/"}, {"Nexus/"}, {"pep381client"}, {"maturin/"}, {"pdm/"}, {"poetry/"},
      {"twine/"}, {"Python-urllib/"}, {"python-requests/"}, {"Homebrew/"},
      {"fetch libfetch/", "libfetch/", "OpenBSD ftp", "MacPorts", "NetBSD-ftp/", "slapt-get", "pypi-install/", "slackrepo",
       "PTXdist", "GARstow/", "xbps/"},
      {"mozilla", "safari", "wget", "curl", "opera", "aria2", "androiddownloadmanager", "com.apple.webkit.networking/",
       "fdm ", "url/emacs", "firefox/", "ucweb", "links", "okhttp", "apache-httpclient"}};
  static_assert(std::size(prefixes) == 22);
  for (size_t i = 0; i < f.size(); ++i) f[i].prefixes = prefixes[i];
  f[4].contains = "pex/";
  f[8].contains = "devpi-server/";
  return f;
}

bool startsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i)
    if (char(std::tolower(static_cast<unsigned char>(s[i]))) != lower_prefix[i]) return false;
  return true;
}

bool mayMatch(const Family& family, std::string_view ua) {
  if (!family.contains.empty()) return ua.find(family.contains) != std::string_view::npos;
  for (std::string_view p : family.prefixes)
    if (family.nocase ? startsWithNoCase(ua, p) : startsWith(ua, p)) return true;
  return false;
}

const std::vector<Family>& families() {
  static const std::vector<Family> f = makeFamilies();
  return f;
}

const RE2& ignoreRe() {
  static const RE2 re(
      R"(^Datadog Agent/|^\(null\)$|^WordPress/|^Chef (?:Client|Knife)/|^Ruby$|^Slackbot-LinkExpanding|)"
      R"(^TextualInlineMedia/|^WeeChat/|^Download Master$|^Java/|^Go \d\.\d package http$|^Go-http-client/|)"
      R"(^GNU Guile$|^github-olee$|^YisouSpider$|^Apache Ant/|^Salt/|^ansible-httpget$|)"
      R"(^ltx71 - \(http://ltx71.com/\)|^Scrapy/|^spectool/|Nutch|^AWSBrewLinkChecker/|^Y!J-ASR/|)"
      R"(^NSIS_Inetc \(Mozilla\)$|^Debian uscan|^Pingdom\.com_bot_version_\d+\.\d+_\(https?://www.pingdom.com/\)$|)"
      R"(^MauiBot \(crawler\.feedback\+dc@gmail\.com\)$|^inspector\.pypi\.io$)");
  return re;
}

bool isCpython(std::string_view name) {
  if (name.size() != 7) return false;
  for (size_t i = 0; i < 7; ++i)
    if (char(std::tolower(static_cast<unsigned char>(name[i]))) != "cpython"[i]) return false;
  return true;
}

bool isUnknownWord(std::string_view s) {
  if (s.size() != 7) return false;
  for (size_t i = 0; i < 7; ++i)
    if (char(std::tolower(static_cast<unsigned char>(s[i]))) != "unknown"[i]) return false;
  return true;
}

void installer(UserAgentDetails& d, std::string_view name, std::string_view version) {
  d.installer_name = std::string(name);
  d.installer_version = std::string(version);
}

/// Applies a matched fixed-shape family; false when the family's extra condition fails
/// (pip 1.4..6 only), so other families may still match.
bool applyFamily(const Family& family, std::string_view ua, UserAgentDetails& d) {
  std::array<re2::StringPiece, 6> g;
  int groups = family.re->NumberOfCapturingGroups();
  if (!family.re->Match(re2::StringPiece(ua.data(), ua.size()), 0, ua.size(), RE2::UNANCHORED, g.data(), groups + 1))
    return false;
  auto s = [&](int i) { return std::string_view(g[i].data() ? g[i].data() : "", g[i].size()); };
  switch (family.fill) {
    case Family::PipOld: {
      if (!looksLikeVersion(s(1)) || compareVersions(s(1), "1.4") < 0 || compareVersions(s(1), "6") >= 0) return false;
      installer(d, "pip", s(1));
      if (!isUnknownWord(s(2))) d.implementation_name = std::string(s(2));
      if (!isUnknownWord(s(3))) d.implementation_version = std::string(s(3));
      if (!isUnknownWord(s(4))) d.system_name = std::string(s(4));
      if (!isUnknownWord(s(5))) d.system_release = std::string(s(5));
      if (isCpython(s(2))) d.python = std::string(s(3));
      return true;
    }
    case Family::Distribute:
      installer(d, "distribute", s(2));
      d.python = std::string(s(1));
      return true;
    case Family::Setuptools: {
      bool urllib_first = startsWith(ua, "Python-urllib/");
      installer(d, "setuptools", urllib_first ? s(2) : s(1));
      d.python = std::string(urllib_first ? s(1) : s(2));
      return true;
    }
    case Family::Pex: installer(d, "pex", s(1)); return true;
    case Family::Conda: installer(d, "conda", s(1)); return true;
    case Family::Bazel: installer(d, "Bazel", s(1)); return true;
    case Family::Bandersnatch: installer(d, "bandersnatch", s(1)); return true;
    case Family::Devpi: installer(d, "devpi", s(1)); return true;
    case Family::Z3c: installer(d, "z3c.pypimirror", s(1)); return true;
    case Family::Artifactory: installer(d, "Artifactory", s(1)); return true;
    case Family::Nexus: installer(d, "Nexus", s(1)); return true;
    case Family::Pep381: installer(d, "pep381client", s(1)); return true;
    case Family::Maturin: installer(d, "maturin", s(1)); return true;
    case Family::Pdm:
    case Family::Twine:
      installer(d, family.fill == Family::Pdm ? "pdm" : "twine", s(1));
      d.implementation_name = std::string(s(2));
      d.implementation_version = std::string(s(3));
      return true;
    case Family::Poetry:
      installer(d, "poetry", s(1));
      d.implementation_name = std::string(s(2));
      d.implementation_version = std::string(s(3));
      d.system_name = std::string(s(4));
      if (g[5].data()) d.system_release = std::string(s(5));
      return true;
    case Family::UrllibOnly: d.python = std::string(s(1)); return true;
    case Family::Requests: installer(d, "requests", s(1)); return true;
    case Family::Homebrew:
      installer(d, "Homebrew", s(1));
      d.distro_name = "OS X";
      d.distro_version = std::string(s(2));
      return true;
    case Family::Os: d.installer_name = "OS"; return true;
    case Family::Browser: d.installer_name = "Browser"; return true;
  }
  return false;
}

}  // namespace

int compareVersions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    uint64_t x = leadingNumber(a), y = leadingNumber(b);
    if (x != y) return x < y ? -1 : 1;
    // Skip the rest of this component (a suffix such as "b1") and the dot.
    auto skip = [](std::string_view& s) {
      size_t dot = s.find('.');
      s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    };
    skip(a);
    skip(b);
  }
  return 0;
}

bool isIgnoredUserAgent(std::string_view user_agent) {
  return RE2::PartialMatch(re2::StringPiece(user_agent.data(), user_agent.size()), ignoreRe());
}

struct UserAgentParser::Json {
  simdjson::dom::parser parser;
  std::string buffer;
};

UserAgentParser::UserAgentParser() : json_(std::make_unique<Json>()) {}
UserAgentParser::~UserAgentParser() = default;

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// A JSON string field, or NULL for JSON null; false for any other type.
bool readOptionalString(element v, std::optional<std::string>& out) {
  if (v.type() == element_type::NULL_VALUE) {
    out.reset();
    return true;
  }
  std::string_view s;
  if (v.get_string().get(s)) return false;
  out = std::string(s);
  return true;
}

/// Calls field(key, value) for each member of an object value; null is an empty object.
template <typename Field>
bool forEachField(element v, Field&& field) {
  if (v.type() == element_type::NULL_VALUE) return true;
  simdjson::dom::object o;
  if (v.get_object().get(o)) return false;
  for (auto [key, inner] : o)
    if (!field(key, inner)) return false;
  return true;
}

}  // namespace

bool UserAgentParser::parseJson(std::string_view text, UserAgentDetails& d) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: parse from a padded copy. The
  // DOM parser validates the whole text (trailing content included), as json.loads does.
  std::string& buf = json_->buffer;
  buf.assign(text);
  buf.resize(text.size() + simdjson::SIMDJSON_PADDING, '\0');
  element root;
  if (json_->parser.parse(buf.data(), text.size(), false).get(root)) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object)) return false;
  for (auto [key, v] : object) {
    bool ok = true;
    if (key == "installer") {
      ok = forEachField(v, [&](std::string_view k, element x) {
        if (k == "name") return readOptionalString(x, d.installer_name);
        if (k == "version") return readOptionalString(x, d.installer_version);
        return true;
      });
    } else if (key == "python") {
      ok = readOptionalString(v, d.python);
    } else if (key == "implementation") {
      ok = forEachField(v, [&](std::string_view k, element x) {
        if (k == "name") return readOptionalString(x, d.implementation_name);
        if (k == "version") return readOptionalString(x, d.implementation_version);
        return true;
      });
    } else if (key == "distro") {
      ok = forEachField(v, [&](std::string_view k, element x) {
        if (k == "name") return readOptionalString(x, d.distro_name);
        if (k == "version") return readOptionalString(x, d.distro_version);
        if (k == "id") return readOptionalString(x, d.distro_id);
        if (k == "libc")
          return forEachField(x, [&](std::string_view lk, element lx) {
            if (lk == "lib") return readOptionalString(lx, d.libc_lib);
            if (lk == "version") return readOptionalString(lx, d.libc_version);
            return true;
          });
        return true;
      });
    } else if (key == "system") {
      ok = forEachField(v, [&](std::string_view k, element x) {
        if (k == "name") return readOptionalString(x, d.system_name);
        if (k == "release") return readOptionalString(x, d.system_release);
        return true;
      });
    } else if (key == "cpu") {
      ok = readOptionalString(v, d.cpu);
    } else if (key == "ci") {
      if (v.type() == element_type::BOOL) d.ci = v.get_bool().value_unsafe() ? CiFlag::True : CiFlag::False;
      else if (v.type() == element_type::NULL_VALUE) d.ci = CiFlag::Null;
      else ok = false;
    }
    if (!ok) return false;
  }
  return true;
}

UserAgentKind UserAgentParser::parse(std::string_view ua, UserAgentDetails& d) {
  d.clear();
  // pip >= 6 and uv >= 0.1.22: "<name>/<version> <JSON>" (the common case; no regex).
  bool pip = startsWith(ua, "pip/"), uv = startsWith(ua, "uv/");
  if (pip || uv) {
    std::string_view rest = ua.substr(pip ? 4 : 3);
    size_t space = rest.find_first_of(" \t");
    std::string_view version = rest.substr(0, space);
    if (looksLikeVersion(version) && compareVersions(version, pip ? "6" : "0.1.22") >= 0 &&
        space != std::string_view::npos) {
      std::string_view json = rest.substr(space);
      size_t start = json.find_first_not_of(" \t");
      if (start != std::string_view::npos && parseJson(json.substr(start), d)) return UserAgentKind::Recognised;
      d.clear();
    }
  } else if (startsWith(ua, "Hatch/")) {
    size_t open = ua.find('{'), close = ua.rfind('}');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open &&
        parseJson(ua.substr(open, close - open + 1), d))
      return UserAgentKind::Recognised;
    d.clear();
  }
  for (const Family& family : families()) {
    if (!mayMatch(family, ua)) continue;
    if (applyFamily(family, ua, d)) return UserAgentKind::Recognised;
    d.clear();
  }
  return isIgnoredUserAgent(ua) ? UserAgentKind::Ignored : UserAgentKind::Unrecognised;
}

}  // namespace tally::pypi::ingest
