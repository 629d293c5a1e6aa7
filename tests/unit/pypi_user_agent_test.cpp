// The linehaul user-agent rules (apps/pypi/ingest/user_agent.h) over linehaul-style fixtures:
// every installer family, the ignore list, unknown agents, and the version gates.
#include <gtest/gtest.h>

#include "pypi/ingest/download_row.h"
#include "pypi/ingest/json_row.h"
#include "pypi/ingest/linehaul_line.h"
#include "pypi/ingest/project_name.h"
#include "pypi/ingest/user_agent.h"

using namespace tally::pypi::ingest;

namespace {

UserAgentDetails parsed(std::string_view ua, UserAgentKind expected = UserAgentKind::Recognised) {
  UserAgentParser parser;
  UserAgentDetails d;
  EXPECT_EQ(parser.parse(ua, d), expected) << ua;
  return d;
}

std::string opt(const std::optional<std::string>& v) { return v ? *v : "<NULL>"; }

}  // namespace

TEST(PypiUserAgent, Pip6Json) {
  auto d = parsed(
      R"(pip/21.1.1 {"ci":null,"cpu":"x86_64","distro":{"id":"groovy","libc":{"lib":"glibc","version":"2.32"},"name":"Ubuntu","version":"20.10"},"implementation":{"name":"CPython","version":"3.8.6"},"installer":{"name":"pip","version":"21.1.1"},"openssl_version":"OpenSSL 1.1.1f  31 Mar 2020","python":"3.8.6","setuptools_version":"46.4.0","system":{"name":"Linux","release":"5.8.0-53-generic"}})");
  EXPECT_EQ(opt(d.installer_name), "pip");
  EXPECT_EQ(opt(d.installer_version), "21.1.1");
  EXPECT_EQ(opt(d.python), "3.8.6");
  EXPECT_EQ(opt(d.implementation_name), "CPython");
  EXPECT_EQ(opt(d.implementation_version), "3.8.6");
  EXPECT_EQ(opt(d.distro_name), "Ubuntu");
  EXPECT_EQ(opt(d.distro_version), "20.10");
  EXPECT_EQ(opt(d.distro_id), "groovy");
  EXPECT_EQ(opt(d.libc_lib), "glibc");
  EXPECT_EQ(opt(d.libc_version), "2.32");
  EXPECT_EQ(opt(d.system_name), "Linux");
  EXPECT_EQ(opt(d.system_release), "5.8.0-53-generic");
  EXPECT_EQ(opt(d.cpu), "x86_64");
  EXPECT_EQ(d.ci, CiFlag::Null);
  EXPECT_EQ(ciValue(d.ci, *d.installer_name), CiValue::False);
}

TEST(PypiUserAgent, UvJsonWithCi) {
  auto d = parsed(
      R"(uv/0.9.11 {"installer":{"name":"uv","version":"0.9.11","subcommand":"pip install"},"python":"3.12.2","implementation":{"name":"CPython","version":"3.12.2"},"distro":{"name":"macOS","version":"14.4","id":null,"libc":null},"system":{"name":"Darwin","release":"23.4.0"},"cpu":"arm64","openssl_version":null,"setuptools_version":null,"rustc_version":null,"ci":true})");
  EXPECT_EQ(opt(d.installer_name), "uv");
  EXPECT_EQ(opt(d.python), "3.12.2");
  EXPECT_EQ(opt(d.distro_name), "macOS");
  EXPECT_EQ(opt(d.distro_id), "<NULL>");
  EXPECT_EQ(opt(d.libc_lib), "<NULL>");
  EXPECT_EQ(opt(d.system_name), "Darwin");
  EXPECT_EQ(opt(d.cpu), "arm64");
  EXPECT_EQ(d.ci, CiFlag::True);
  EXPECT_EQ(ciValue(d.ci, "uv"), CiValue::True);
}

TEST(PypiUserAgent, WindowsPipHasNoDistro) {
  auto d = parsed(
      R"(pip/24.0 {"ci":true,"cpu":"AMD64","implementation":{"name":"CPython","version":"3.11.4"},"installer":{"name":"pip","version":"24.0"},"openssl_version":"OpenSSL 3.0.9 30 May 2023","python":"3.11.4","setuptools_version":"65.5.0","system":{"name":"Windows","release":"10"}})");
  EXPECT_EQ(opt(d.system_name), "Windows");
  EXPECT_EQ(opt(d.distro_name), "<NULL>");
  EXPECT_EQ(d.ci, CiFlag::True);
}

TEST(PypiUserAgent, VersionGates) {
  // pip < 6 with JSON, uv < 0.1.22 with JSON: not those shapes, and nothing else matches.
  parsed(R"(pip/5.9 {"installer":{"name":"pip","version":"5.9"}})", UserAgentKind::Unrecognised);
  parsed(R"(uv/0.1.21 {"installer":{"name":"uv","version":"0.1.21"}})", UserAgentKind::Unrecognised);
  auto d = parsed(R"(uv/0.1.22 {"installer":{"name":"uv","version":"0.1.22"},"python":"3.12.2"})");
  EXPECT_EQ(opt(d.installer_name), "uv");
  d = parsed(R"(pip/6.0.dev1 {"installer":{"name":"pip","version":"6.0.dev1"}})");
  EXPECT_EQ(opt(d.installer_version), "6.0.dev1");
  // Broken JSON: kept with NULL details.
  parsed(R"(pip/23.0 {"installer":{"name":"pip")", UserAgentKind::Unrecognised);
  parsed(R"(pip/23.0 {"installer":{"name":"pip"}} trailing)", UserAgentKind::Unrecognised);
  parsed("pip/23.0", UserAgentKind::Unrecognised);
  EXPECT_LT(compareVersions("5.1.1", "6"), 0);
  EXPECT_GT(compareVersions("20.1.1", "6"), 0);
  EXPECT_LT(compareVersions("0.1.9", "0.1.22"), 0);
  EXPECT_EQ(compareVersions("6.0", "6"), 0);
}

TEST(PypiUserAgent, OldPip) {
  auto d = parsed("pip/1.4.1 CPython/2.7.14 Darwin/17.7.0");
  EXPECT_EQ(opt(d.installer_name), "pip");
  EXPECT_EQ(opt(d.installer_version), "1.4.1");
  EXPECT_EQ(opt(d.implementation_name), "CPython");
  EXPECT_EQ(opt(d.implementation_version), "2.7.14");
  EXPECT_EQ(opt(d.python), "2.7.14");
  EXPECT_EQ(opt(d.system_name), "Darwin");
  EXPECT_EQ(opt(d.system_release), "17.7.0");
  EXPECT_EQ(ciValue(d.ci, "pip"), CiValue::False);
  d = parsed("pip/1.5.6 PyPy/2.3.1 Linux/3.13.0-32-generic");
  EXPECT_EQ(opt(d.implementation_name), "PyPy");
  EXPECT_EQ(opt(d.python), "<NULL>");
  d = parsed("pip/1.5.4 Unknown/Unknown Unknown/Unknown");
  EXPECT_EQ(opt(d.implementation_name), "<NULL>");
  EXPECT_EQ(opt(d.system_name), "<NULL>");
  parsed("pip/1.3.1 CPython/2.7.3 Linux/3.2.0", UserAgentKind::Unrecognised);  // before 1.4
}

TEST(PypiUserAgent, FixedShapeInstallers) {
  struct Case {
    const char* ua;
    const char* installer;
    const char* version;
  } cases[] = {
      {"poetry/1.1.11 CPython/3.9.2 Linux/5.10.16.3-microsoft-standard-WSL2", "poetry", "1.1.11"},
      {"pdm/2.1.6 CPython/3.11.0", "pdm", "2.1.6"},
      {"twine/4.0.2 importlib_metadata/6.0.0 pkginfo/1.9.6 requests/2.28.2 requests-toolbelt/0.10.1 urllib3/1.26.14 CPython/3.11.1",
       "twine", "4.0.2"},
      {"Python-urllib/2.7 setuptools/0.6c11", "setuptools", "0.6c11"},
      {"setuptools/3.4.4 Python-urllib/3.4", "setuptools", "3.4.4"},
      {"Python-urllib/2.6 distribute/0.6.10", "distribute", "0.6.10"},
      {"pex/2.1.137", "pex", "2.1.137"},
      {"something pex/1.4.5", "pex", "1.4.5"},
      {"conda/4.3.21 requests/2.14.2 CPython/3.6.1 Linux/4.4.0", "conda", "4.3.21"},
      {"Bazel/release 0.6.1", "Bazel", "0.6.1"},
      {"Bazel/7.1.0", "Bazel", "7.1.0"},
      {"maturin/1.5.1", "maturin", "1.5.1"},
      {"bandersnatch/2.2.1 (cpython 3.7.0-final0, Darwin x86_64)", "bandersnatch", "2.2.1"},
      {"devpi-server/4.3.0 (py2.7.12; linux2)", "devpi", "4.3.0"},
      {"z3c.pypimirror/1.0.16", "z3c.pypimirror", "1.0.16"},
      {"Artifactory/5.4.6", "Artifactory", "5.4.6"},
      {"Nexus/3.7.1-02 (OSS; Linux; 4.9.0; amd64; 1.8.0_151)", "Nexus", "3.7.1-02"},
      {"pep381client/1.5", "pep381client", "1.5"},
      {"pep381client-proxy/1.5", "pep381client", "1.5"},
      {"python-requests/2.31.0", "requests", "2.31.0"},
      {"python-requests/2.18.4 CPython/3.6.3 Linux/4.9.0", "requests", "2.18.4"},
      {"Homebrew/1.3.1-27-gd3cd9a5 (Macintosh; Intel Mac OS X 10.12.6) curl/7.54.0", "Homebrew", "1.3.1-27-gd3cd9a5"},
  };
  for (const auto& c : cases) {
    auto d = parsed(c.ua);
    EXPECT_EQ(opt(d.installer_name), c.installer) << c.ua;
    EXPECT_EQ(opt(d.installer_version), c.version) << c.ua;
    EXPECT_EQ(ciValue(d.ci, *d.installer_name), CiValue::Unknown) << c.ua;
  }
  auto d = parsed("poetry/1.1.11 CPython/3.9.2 Linux/5.10.16.3-microsoft-standard-WSL2");
  EXPECT_EQ(opt(d.python), "<NULL>");
  EXPECT_EQ(opt(d.implementation_version), "3.9.2");
  EXPECT_EQ(opt(d.system_name), "Linux");
  d = parsed("Python-urllib/2.7 setuptools/0.6c11");
  EXPECT_EQ(opt(d.python), "2.7");
  d = parsed("setuptools/3.4.4 Python-urllib/3.4");
  EXPECT_EQ(opt(d.python), "3.4");
  d = parsed("Homebrew/1.3.1 (Macintosh; Intel Mac OS X 10.12.6) curl/7.54.0");
  EXPECT_EQ(opt(d.distro_name), "OS X");
  EXPECT_EQ(opt(d.distro_version), "10.12.6");
  d = parsed("Python-urllib/3.6");
  EXPECT_EQ(opt(d.installer_name), "<NULL>");
  EXPECT_EQ(opt(d.python), "3.6");
}

TEST(PypiUserAgent, OsAndBrowsers) {
  for (const char* ua : {"fetch libfetch/2.0", "libfetch/2.0", "OpenBSD ftp", "MacPorts/2.4.2", "NetBSD-ftp/20110812",
                         "slapt-get/0.10.2", "pypi-install/0.1", "slackrepo", "PTXdist 2017.10", "GARstow/1.0",
                         "xbps/0.51"})
    EXPECT_EQ(opt(parsed(ua).installer_name), "OS") << ua;
  for (const char* ua : {"Mozilla/5.0 (X11; Linux x86_64)", "Wget/1.19.4 (linux-gnu)", "curl/7.81.0", "aria2/1.36.0",
                         "okhttp/4.9.3", "Apache-HttpClient/4.5.13 (Java/11.0.20)", "Safari/604.1", "Links",
                         "com.apple.WebKit.Networking//8613", "FDM 6.x", "Firefox//115.0", "URL/Emacs"})
    EXPECT_EQ(opt(parsed(ua).installer_name), "Browser") << ua;
  parsed("Mozillas/5.0", UserAgentKind::Unrecognised);
  // linehaul's quirk, kept: the alternatives ending in '/' must be followed by another '/' or
  // the end, so the real "Firefox/115.0" and WebKit agents are not recognised as browsers.
  parsed("Firefox/115.0", UserAgentKind::Unrecognised);
  parsed("com.apple.WebKit.Networking/8613.1.17.0.2", UserAgentKind::Unrecognised);
}

TEST(PypiUserAgent, IgnoredAndUnknown) {
  for (const char* ua : {"Datadog Agent/7.40.0", "(null)", "WordPress/6.1", "Chef Client/17.0", "Ruby", "Java/1.8.0_151",
                         "Go-http-client/1.1", "Go 1.1 package http", "Scrapy/2.8.0 (+https://scrapy.org)", "spectool/4.0",
                         "Apache Ant/1.10", "Salt/3006", "ansible-httpget", "Debian uscan 2.22", "inspector.pypi.io",
                         "Nutch-1.19 crawler", "GNU Guile", "Y!J-ASR/0.1"})
    parsed(ua, UserAgentKind::Ignored);
  // Nutch anywhere, but a recognised shape wins over the ignore list (Mozilla is a browser).
  EXPECT_EQ(opt(parsed("Mozilla/5.0 (compatible; Nutch)").installer_name), "Browser");
  parsed("Apache-Nutch/1.19", UserAgentKind::Ignored);
  parsed("my-internal-tool/1.0", UserAgentKind::Unrecognised);
  parsed("", UserAgentKind::Unrecognised);
}

TEST(PypiUserAgent, LinehaulLines) {
  LinehaulLineParser p;
  DownloadRow row;
  std::string pip = "download|Thu, 07 Jan 2021 20:54:54 GMT|US|/packages/f7/12/ec3f/threadpoolctl-2.1.0-py3-none-any.whl|"
                    "TLSv1.2|ECDHE-RSA-AES128-GCM-SHA256|Threadpool_Ctl|2.1.0|bdist_wheel|"
                    R"(pip/20.1.1 {"installer":{"name":"pip","version":"20.1.1"},"python":"3.7.9","system":{"name":"Linux","release":"5.4"}})";
  ASSERT_EQ(p.parse(pip, row), LineKind::Download);
  EXPECT_EQ(row.date, daysFromCivil(2021, 1, 7));
  EXPECT_EQ(row.country_code, "US");
  EXPECT_EQ(row.project, "threadpool-ctl");
  EXPECT_EQ(row.version, "2.1.0");
  EXPECT_EQ(row.type, "bdist_wheel");
  EXPECT_EQ(row.installer, "pip");
  EXPECT_EQ(row.python_minor, "3.7");
  EXPECT_EQ(row.system, "Linux");
  EXPECT_EQ(row.ci, CiValue::False);
  // A '|' inside the user agent stays in it.
  ASSERT_EQ(p.parse("download|Fri, 08 Jan 2021 00:00:01 GMT||/p|TLSv1.3|X|requests|2.0|sdist|weird|agent", row),
            LineKind::Download);
  EXPECT_EQ(row.country_code, "");
  EXPECT_EQ(row.installer, "");
  EXPECT_EQ(row.ci, CiValue::Unknown);
  EXPECT_EQ(p.parse("simple|Thu, 07 Jan 2021 20:54:54 GMT|US|/simple/numpy/|TLSv1.2|X||||pip/20.1", row), LineKind::Simple);
  EXPECT_EQ(p.parse("", row), LineKind::Empty);
  EXPECT_EQ(p.parse("download|Thu, 07 Jan 2021 20:54:54 GMT|US|/p|TLSv1.2|X|(null)|1.0|sdist|curl/7", row),
            LineKind::Rejected);
  EXPECT_EQ(p.reason(), "null project");
  EXPECT_EQ(p.parse("download|Thu, 37 Jan 2021 20:54:54 GMT|US|/p|TLSv1.2|X|a|1.0|sdist|curl/7", row), LineKind::Rejected);
  EXPECT_EQ(p.reason(), "bad time");
  EXPECT_EQ(p.parse("download|Thu, 07 Jan 2021 20:54:54 GMT|US|/p|TLSv1.2|X|a|1.0|sdist|(null)", row), LineKind::Rejected);
  EXPECT_EQ(p.reason(), "ignored user agent");
  EXPECT_EQ(p.parse("download|Thu, 07 Jan 2021 20:54:54 GMT|US|/p", row), LineKind::Rejected);
  EXPECT_EQ(p.reason(), "missing fields: 4 of 10");
  EXPECT_EQ(p.parse("\x8f\x01garbage", row), LineKind::Rejected);
  EXPECT_EQ(p.parse("download|Thu, 07 Jan 2021 20:54:54 GMT|US|/p|TLSv1.2|X|a\xff|1.0|sdist|curl/7", row),
            LineKind::Rejected);
  EXPECT_EQ(p.reason(), "invalid UTF-8");
}

TEST(PypiUserAgent, Normalization) {
  EXPECT_EQ(normalizeProjectName("Django_REST.framework"), "django-rest-framework");
  EXPECT_EQ(normalizeProjectName("a__-.b"), "a-b");
  EXPECT_EQ(normalizeProjectName("zope.interface"), "zope-interface");
  EXPECT_EQ(pythonMinor("3.11.4"), "3.11");
  EXPECT_EQ(pythonMinor("3.12"), "3.12");
  EXPECT_EQ(pythonMinor("3.13rc1"), "3.13");
  EXPECT_EQ(pythonMinor("3"), "");
  EXPECT_EQ(pythonMinor("cpython"), "");
  EXPECT_EQ(pythonMinor(""), "");
}

TEST(PypiUserAgent, JsonRows) {
  JsonRowParser p;
  DownloadRow row;
  ASSERT_TRUE(p.parse(
      R"({"timestamp":"2021-01-07 20:54:54 UTC","country_code":"US","url":"/x","project":"Django-Crum","file":{"filename":"f.whl","project":"django-crum","version":"0.7.9","type":"bdist_wheel"},"details":{"installer":{"name":"uv","version":"0.9.11"},"python":"3.9.10","system":{"name":"Darwin","release":"21.4.0"},"ci":true}})",
      row));
  EXPECT_EQ(row.project, "django-crum");
  EXPECT_EQ(row.installer, "uv");
  EXPECT_EQ(row.python_minor, "3.9");
  EXPECT_EQ(row.ci, CiValue::True);
  // Missing details.ci (BigQuery leaves NULLs out) from pip: false.
  ASSERT_TRUE(p.parse(R"({"timestamp":"2021-01-07 23:54:54 -02:00","project":"a","file":{"project":"a","version":"1","type":"sdist"},"details":{"installer":{"name":"pip"}}})", row));
  EXPECT_EQ(row.ci, CiValue::False);
  EXPECT_EQ(row.date, daysFromCivil(2021, 1, 8));
  EXPECT_FALSE(p.parse(R"({"timestamp":"2021-01-07 20:54:54 UTC","file":{"version":"1"}})", row));
  EXPECT_EQ(p.reason(), "missing project");
  EXPECT_FALSE(p.parse(R"({"timestamp":"yesterday","project":"a","file":{"version":"1"}})", row));
  EXPECT_EQ(p.reason(), "bad timestamp");
  EXPECT_FALSE(p.parse(R"({"timestamp":"2021-01-07 20:54:54 UTC","project":"a")", row));
  EXPECT_EQ(parseTimestampDate("2021-01-07T20:54:54.123456Z"), daysFromCivil(2021, 1, 7));
  EXPECT_EQ(parseTimestampDate("2021-02-30 00:00:00 UTC"), -1);
}
