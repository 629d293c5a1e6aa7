// Attribute mixes of generated downloads (see details.h).

#include "details.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "catalog.h"
#include "columns/column_string.h"

namespace tally::pypi_gen {

namespace {

int32_t dayOf(int y, int m, int d) {
  // days since epoch (proleptic Gregorian), as catalog.cpp
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int(doe) - 719468;
}

std::vector<uint32_t> cumulativeCut(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  std::vector<uint32_t> cut;
  double acc = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    acc += weights[i];
    double x = i + 1 == weights.size() ? 4294967295.0 : acc / total * 4294967295.0;
    cut.push_back(uint32_t(std::min(x, 4294967295.0)));
  }
  return cut;
}

uint32_t pickCut(const std::vector<uint32_t>& cut, Rng& rng) {
  uint32_t u = uint32_t(rng.next() >> 32);
  size_t i = 0;
  while (i + 1 < cut.size() && u >= cut[i]) ++i;
  return uint32_t(i);
}

// Python minor shares (pythonMinors() order: 2.7 3.6 3.7 3.8 3.9 3.10 3.11 3.12 3.13 3.14) in
// mid-2024 (pypi-tools Feb 2025 pip-only mix, shifted back) and Aug 2026 (manylinux-timeline).
const double kPythonEarly[] = {1.0, 1.5, 8.0, 10.0, 16.0, 26.0, 22.0, 14.0, 1.5, 0.0};
const double kPythonLate[] = {0.1, 0.2, 1.5, 1.3, 6.0, 19.7, 17.9, 32.4, 15.4, 5.6};

// Installers of regular (non-mirror) downloads; "" is an unrecognised user agent (details NULL).
const double kInstallerFixed[] = {0 /*pip: the rest*/, 0 /*uv: by date*/, 0.020, 0.022, 0.010, 0.0010, 0.0010,
                                  0.0008, 0.0005, 0.0004, 0.0001, 0.0005, 0.0002, 0.0001, 0.0001};

}  // namespace

uint32_t Details::Choice::pick(Rng& rng) const { return codes[pickCut(cut, rng)]; }

const std::vector<std::string>& Details::installers() {
  static const std::vector<std::string> names = {"pip",         "uv",       "poetry",   "requests", "",
                                                 "setuptools",  "Bazel",    "Browser",  "Nexus",    "Homebrew",
                                                 "Artifactory", "pdm",      "conda",    "pex",      "devpi"};
  return names;
}

uint32_t Details::code(Field f, const std::string& value) const { return dicts_[f]->insertRaw(value); }

Details::Choice Details::choice(Field f, const std::vector<std::pair<const char*, double>>& values) {
  Choice c;
  std::vector<double> weights;
  for (const auto& [value, weight] : values) {
    c.codes.push_back(value ? code(f, value) : 0);
    weights.push_back(weight);
  }
  c.cut = cumulativeCut(weights);
  return c;
}

Details::Details() {
  for (auto& d : dicts_) d = std::make_shared<LowCardinalityDictionary>(ColumnString::create(), true);
  country_ = choice(kCountry, {{"US", 72.0}, {"IE", 3.6}, {"DE", 3.0}, {"IN", 2.3}, {"NL", 2.1}, {"GB", 1.9},
                               {"SG", 1.4}, {"FR", 1.3}, {"BE", 1.2}, {"JP", 1.2}, {"CN", 1.0}, {"CA", 1.0},
                               {"KR", 0.7}, {"AU", 0.7}, {"BR", 0.6}, {"SE", 0.4}, {"FI", 0.4}, {"CH", 0.3},
                               {"PL", 0.3}, {"IL", 0.3}, {"HK", 0.3}, {"ES", 0.25}, {"IT", 0.25}, {"TW", 0.2},
                               {"RU", 0.2}, {"VN", 0.15}, {"ZA", 0.15}, {"MX", 0.15}, {"ID", 0.12}, {"TR", 0.1},
                               {"AT", 0.1}, {"NO", 0.1}, {"DK", 0.1}, {"AR", 0.06}, {"CL", 0.05}, {"NZ", 0.05},
                               {"PT", 0.05}, {"CZ", 0.05}, {"UA", 0.05}, {"TH", 0.05}, {"MY", 0.05}, {"PH", 0.04},
                               {"EG", 0.03}, {"NG", 0.02}, {"KE", 0.02}, {"PK", 0.03}, {"BD", 0.02}, {"CO", 0.03},
                               {"RO", 0.03}, {"GR", 0.02}, {nullptr, 2.0}});
  tls13_ = code(kTlsProtocol, "TLSv1.3");
  tls12_ = code(kTlsProtocol, "TLSv1.2");
  tls13_cipher_ = choice(kTlsCipher, {{"TLS_AES_128_GCM_SHA256", 70}, {"TLS_AES_256_GCM_SHA384", 25},
                                      {"TLS_CHACHA20_POLY1305_SHA256", 5}});
  tls12_cipher_ = choice(kTlsCipher, {{"ECDHE-RSA-AES128-GCM-SHA256", 80}, {"ECDHE-RSA-AES256-GCM-SHA384", 15},
                                      {"AES256-GCM", 5}});
  openssl_ = choice(kOpenssl, {{"OpenSSL 3.0.13 30 Jan 2024", 30}, {"OpenSSL 3.0.2 15 Mar 2022", 18},
                               {"OpenSSL 3.0.15 3 Sep 2024", 14}, {"OpenSSL 1.1.1w  11 Sep 2023", 12},
                               {"OpenSSL 1.1.1f  31 Mar 2020", 8}, {"OpenSSL 3.3.2 3 Sep 2024", 6},
                               {"OpenSSL 1.0.2k-fips  26 Jan 2017", 4}, {"OpenSSL 3.4.0 22 Oct 2024", 4},
                               {"LibreSSL 3.3.6", 2}, {nullptr, 2}});
  setuptools_ = choice(kSetuptools, {{"75.8.0", 16}, {"70.3.0", 10}, {"69.5.1", 10}, {"65.5.0", 14}, {"59.6.0", 8},
                                     {"58.1.0", 10}, {"68.2.2", 6}, {"80.9.0", 10}, {"78.1.0", 6}, {nullptr, 10}});
  rustc_ = choice(kRustc, {{nullptr, 88}, {"1.83.0", 3}, {"1.84.1", 3}, {"1.86.0", 3}, {"1.75.0", 2}, {"1.70.0", 1}});
  poetry_version_ = choice(kInstallerVersion, {{"1.8.3", 30}, {"1.8.5", 20}, {"2.0.1", 20}, {"2.1.2", 15},
                                               {"1.7.1", 10}, {"1.5.1", 5}});
  requests_version_ = choice(kInstallerVersion, {{"2.32.3", 60}, {"2.31.0", 30}, {"2.28.2", 10}});
  other_version_ = choice(kInstallerVersion, {{"6.5.0", 40}, {"7.4.1", 30}, {"3.12.0", 30}});
  mac_version_ = choice(kDistroVersion, {{"15.3", 30}, {"14.7", 25}, {"26.1", 25}, {"13.6", 10}, {"12.7", 10}});
  win_release_ = choice(kSystemRelease, {{"10", 60}, {"11", 30}, {"2022Server", 10}});
  pypy_version_ = choice(kImplVersion, {{"7.3.17", 60}, {"7.3.15", 40}});

  linux_ = code(kSystemName, "Linux");
  darwin_ = code(kSystemName, "Darwin");
  windows_ = code(kSystemName, "Windows");
  x86_64_ = code(kCpu, "x86_64");
  aarch64_ = code(kCpu, "aarch64");
  arm64_ = code(kCpu, "arm64");
  amd64_ = code(kCpu, "AMD64");
  cpython_ = code(kImplName, "CPython");
  pypy_ = code(kImplName, "PyPy");
  macos_ = code(kDistroName, "macOS");
  glibc_ = code(kLibcLib, "glibc");

  struct DistroSpec {
    const char *name, *version, *id, *lib, *libc;
    double weight;
    std::vector<std::pair<const char*, double>> kernels;
  };
  const std::vector<DistroSpec> specs = {
      {"Ubuntu", "22.04", "jammy", "glibc", "2.35", 22, {{"6.8.0-1021-azure", 40}, {"5.15.0-1064-aws", 30}, {"6.5.0-1025-gcp", 30}}},
      {"Ubuntu", "24.04", "noble", "glibc", "2.39", 20, {{"6.8.0-1017-aws", 40}, {"6.11.0-1012-azure", 40}, {"6.8.0-51-generic", 20}}},
      {"Ubuntu", "20.04", "focal", "glibc", "2.31", 6, {{"5.15.0-1057-azure", 50}, {"5.4.0-196-generic", 50}}},
      {"Debian GNU/Linux", "12", "bookworm", "glibc", "2.36", 20, {{"6.1.0-28-cloud-amd64", 50}, {"5.10.230-223.885.amzn2.x86_64", 50}}},
      {"Debian GNU/Linux", "11", "bullseye", "glibc", "2.31", 6, {{"5.10.0-33-cloud-amd64", 100}}},
      {"Debian GNU/Linux", "13", "trixie", "glibc", "2.41", 4, {{"6.12.12-cloud-amd64", 100}}},
      {"Alpine Linux", "3.21.2", nullptr, "musl", "1.2.5", 5, {{"6.1.119-129.201.amzn2023.x86_64", 100}}},
      {"Amazon Linux", "2023", nullptr, "glibc", "2.34", 7, {{"6.1.119-129.201.amzn2023.x86_64", 100}}},
      {"Amazon Linux", "2", nullptr, "glibc", "2.26", 4, {{"5.10.230-223.885.amzn2.x86_64", 100}}},
      {"Rocky Linux", "9.5", nullptr, "glibc", "2.34", 2, {{"5.14.0-503.19.1.el9_5.x86_64", 100}}},
      {"Red Hat Enterprise Linux", "8.10", "Ootpa", "glibc", "2.28", 2, {{"4.18.0-553.el8_10.x86_64", 100}}},
      {"Fedora Linux", "41", nullptr, "glibc", "2.40", 1, {{"6.12.9-200.fc41.x86_64", 100}}},
      {nullptr, nullptr, nullptr, "glibc", "2.36", 1, {{"6.6.63-linuxkit", 100}}},  // containers without os-release
  };
  std::vector<double> weights;
  for (const auto& s : specs) {
    Distro d;
    d.name = s.name ? code(kDistroName, s.name) : 0;
    d.version = s.version ? code(kDistroVersion, s.version) : 0;
    d.id = s.id ? code(kDistroId, s.id) : 0;
    d.libc_lib = code(kLibcLib, s.lib);
    d.libc_version = code(kLibcVersion, s.libc);
    d.kernel = choice(kSystemRelease, s.kernels);
    distros_.push_back(std::move(d));
    weights.push_back(s.weight);
  }
  distro_cut_ = cumulativeCut(weights);

  for (const auto& name : installers()) installer_codes_.push_back(name.empty() ? 0 : code(kInstallerName, name));
  for (const auto& m : pythonMinors()) {
    std::vector<uint32_t> full, impl;
    for (int patch = 0; patch < 16; ++patch) {
      full.push_back(code(kPython, std::string(m.name) + "." + std::to_string(patch)));
      impl.push_back(code(kImplVersion, std::string(m.name) + "." + std::to_string(patch)));
    }
    python_full_.push_back(std::move(full));
    impl_full_.push_back(std::move(impl));
    python_codes_.push_back(code(kPython, m.name));
  }
  const std::vector<std::tuple<const char*, int, int, int, double>> pips = {
      {"9.0.1", 2016, 11, 6, 0.3},  {"20.0.2", 2020, 1, 24, 1.5}, {"21.2.4", 2021, 8, 12, 0.8},
      {"22.0.2", 2022, 2, 1, 1.5},  {"22.3.1", 2022, 11, 5, 0.8}, {"23.0.1", 2023, 2, 17, 1.0},
      {"23.3.1", 2023, 10, 21, 0.8}, {"24.0", 2024, 2, 3, 1.5},   {"24.2", 2024, 7, 28, 1.0},
      {"24.3.1", 2024, 10, 27, 1.2}, {"25.0.1", 2025, 2, 9, 1.5}, {"25.1.1", 2025, 5, 2, 1.0},
      {"25.2", 2025, 7, 30, 1.0},   {"25.3", 2025, 10, 25, 1.2}};
  for (const auto& [v, y, m, d, w] : pips) pip_versions_.push_back({code(kInstallerVersion, v), dayOf(y, m, d), w});
  const std::vector<std::tuple<const char*, int, int, int, double>> uvs = {
      {"0.1.45", 2024, 5, 21, 1}, {"0.2.37", 2024, 8, 16, 1}, {"0.3.5", 2024, 8, 28, 1}, {"0.4.30", 2024, 11, 5, 1},
      {"0.5.11", 2024, 12, 20, 1}, {"0.6.3", 2025, 2, 24, 1}, {"0.7.2", 2025, 5, 1, 1},  {"0.8.4", 2025, 7, 29, 1},
      {"0.9.5", 2025, 10, 22, 1}};
  for (const auto& [v, y, m, d, w] : uvs) uv_versions_.push_back({code(kInstallerVersion, v), dayOf(y, m, d), w});
  bandersnatch_ = code(kInstallerName, "bandersnatch");
  osx_ = code(kDistroName, "OS X");
  darwin_release_ = code(kSystemRelease, "24.3.0");
}

Details::DayMix Details::dayMix(int32_t day) const {
  DayMix mix;
  const int32_t early = dayOf(2024, 6, 1), late = dayOf(2026, 8, 1);
  const double t = std::clamp(double(day - early) / double(late - early), 0.0, 1.0);
  const auto& minors = pythonMinors();
  std::vector<double> py;
  for (size_t i = 0; i < minors.size(); ++i) {
    double w = kPythonEarly[i] * (1 - t) + kPythonLate[i] * t;
    if (minors[i].released > day) w = 0;
    else if (day - minors[i].released < 365) w = std::max(w, 0.3);  // a new minor starts small
    if (minors[i].released <= day) mix.newest_python = int(i);
    py.push_back(w);
  }
  mix.python_cut = cumulativeCut(py);

  const int32_t uv_start = dayOf(2024, 3, 1);
  const double tu = std::clamp(double(day - uv_start) / double(late - uv_start), 0.0, 1.0);
  std::vector<double> inst(std::begin(kInstallerFixed), std::end(kInstallerFixed));
  inst[1] = 0.05 + 0.17 * tu;
  double rest = 0;
  for (double w : inst) rest += w;
  inst[0] = 1.0 - rest;
  mix.installer_cut = cumulativeCut(inst);

  // Installer versions out by this day: new ones ramp up over a month, old ones fade (pip over
  // ~1.5 years, with the system pips of long-term distros sticking; uv over ~4 months).
  auto dated = [&](const std::vector<DatedVersion>& versions, double fade, std::vector<uint32_t>& codes,
                   std::vector<uint32_t>& cut) {
    std::vector<double> w;
    for (const auto& v : versions) {
      if (v.released > day) continue;
      double age = double(day - v.released);
      codes.push_back(v.code);
      w.push_back(v.weight * (1 - std::exp(-(age + 1) / 30)) * std::max(0.03, std::exp(-age / fade)));
    }
    if (codes.empty()) {  // before the first one: the oldest
      codes.push_back(versions.front().code);
      w.push_back(1);
    }
    cut = cumulativeCut(w);
  };
  dated(pip_versions_, 550, mix.pip_codes, mix.pip_cut);
  dated(uv_versions_, 120, mix.uv_codes, mix.uv_cut);
  return mix;
}

void Details::sample(const DayMix& mix, int32_t day, bool mirror, Rng& rng, RowDetails& row) const {
  std::fill(std::begin(row.code), std::end(row.code), 0u);
  row.ci = 0;
  row.py_minor = -1;
  row.platform = ManylinuxX86;
  row.want_sdist = false;
  row.any_file = false;

  row.code[kCountry] = country_.pick(rng);
  if (rng.chance(0.88)) {
    row.code[kTlsProtocol] = tls13_;
    row.code[kTlsCipher] = tls13_cipher_.pick(rng);
  } else {
    row.code[kTlsProtocol] = tls12_;
    row.code[kTlsCipher] = tls12_cipher_.pick(rng);
  }
  if (mirror) {
    row.code[kInstallerName] = bandersnatch_;
    row.code[kInstallerVersion] = other_version_.pick(rng);
    row.any_file = true;
    return;
  }
  const uint32_t installer = pickCut(mix.installer_cut, rng);
  const std::string& name = installers()[installer];
  row.code[kInstallerName] = installer_codes_[installer];
  if (name.empty()) {  // unrecognised user agent: details NULL
    row.any_file = true;
    return;
  }
  const bool pip = installer == 0, uv = installer == 1, poetry = installer == 2, pdm = name == "pdm";
  if (pip) row.code[kInstallerVersion] = mix.pip_codes[pickCut(mix.pip_cut, rng)];
  else if (uv) row.code[kInstallerVersion] = mix.uv_codes[pickCut(mix.uv_cut, rng)];
  else if (poetry || pdm) row.code[kInstallerVersion] = poetry_version_.pick(rng);
  else if (name == "requests") row.code[kInstallerVersion] = requests_version_.pick(rng);
  else row.code[kInstallerVersion] = other_version_.pick(rng);

  if (!(pip || uv || poetry || pdm)) {
    // requests, Browser, mirrors/proxies, Bazel, ...: installer only (setuptools: python X.Y).
    if (name == "setuptools") row.code[kPython] = python_codes_[size_t(std::min(mix.newest_python, 7))];
    if (name == "Homebrew") {
      row.code[kDistroName] = osx_;
      row.code[kDistroVersion] = mac_version_.pick(rng);
    }
    row.any_file = name != "Bazel";
    return;
  }

  // Python and implementation.
  const int minor = int(pickCut(mix.python_cut, rng));
  row.py_minor = int8_t(minor);
  const uint32_t patch = rng.below(minor >= 8 ? 6 : 14);
  const uint32_t full = python_full_[size_t(minor)][patch];
  const bool is_pypy = rng.chance(0.005);
  row.code[kImplName] = is_pypy ? pypy_ : cpython_;
  row.code[kImplVersion] = is_pypy ? pypy_version_.pick(rng) : impl_full_[size_t(minor)][patch];
  if (pdm) return;
  if (!poetry) row.code[kPython] = full;

  // System, distro, cpu.
  const uint32_t s = uint32_t(rng.next() >> 32);
  const bool is_linux = s < uint32_t(0.955 * 4294967295.0), is_mac = !is_linux && s < uint32_t(0.977 * 4294967295.0);
  if (is_linux) {
    row.code[kSystemName] = linux_;
    const Distro& d = distros_[pickCut(distro_cut_, rng)];
    row.code[kSystemRelease] = d.kernel.pick(rng);
    const bool arm = rng.chance(0.08);
    row.code[kCpu] = arm ? aarch64_ : x86_64_;
    row.platform = arm ? ManylinuxArm : ManylinuxX86;
    if (!poetry) {
      row.code[kDistroName] = d.name;
      row.code[kDistroVersion] = d.version;
      row.code[kDistroId] = d.id;
      row.code[kLibcLib] = d.libc_lib;
      row.code[kLibcVersion] = d.libc_version;
    }
  } else if (is_mac) {
    row.code[kSystemName] = darwin_;
    row.code[kSystemRelease] = darwin_release_;
    row.code[kCpu] = rng.chance(0.85) ? arm64_ : x86_64_;
    row.platform = MacArm;
    if (!poetry) {
      row.code[kDistroName] = macos_;
      row.code[kDistroVersion] = mac_version_.pick(rng);
    }
  } else {
    row.code[kSystemName] = windows_;
    row.code[kSystemRelease] = win_release_.pick(rng);
    row.code[kCpu] = amd64_;
    row.platform = WinAmd64;
  }
  if (poetry) {
    row.code[kCpu] = 0;
    return;
  }

  if (pip) {
    row.code[kOpenssl] = openssl_.pick(rng);
    row.code[kSetuptools] = setuptools_.pick(rng);
    row.code[kRustc] = rustc_.pick(rng);
  }
  // CI: TRUE on ~25 % of pip rows and ~45 % of uv rows (pip < 19 never sends it).
  row.ci = int8_t(rng.chance(uv ? 0.45 : 0.25));
  row.want_sdist = rng.chance(0.03);
}

}  // namespace tally::pypi_gen
