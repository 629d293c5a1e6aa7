#pragma once
// The per-download attributes (BigQuery's `details` record, country, TLS) and their mixes:
// the shares of pypi-data.md §5.10 (installers with uv growing over time, Python minors
// drifting from a mid-2024 to a mid-2026 mix, Linux ~95 %, US ~72 %, CI on 20-40 % of pip/uv
// rows) and linehaul's correlations (which installers send which fields). Every string column
// is a nullable LowCardinality dictionary built once; rows carry codes (0 = NULL).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "columns/column_low_cardinality.h"
#include "rng.h"

namespace tally::pypi_gen {

/// The string columns of a download row other than the file's.
enum Field : uint8_t {
  kCountry, kInstallerName, kInstallerVersion, kPython, kImplName, kImplVersion, kDistroName, kDistroVersion,
  kDistroId, kLibcLib, kLibcVersion, kSystemName, kSystemRelease, kCpu, kOpenssl, kSetuptools, kRustc,
  kTlsProtocol, kTlsCipher, kFieldCount,
};

/// One download's attributes as dictionary codes.
struct RowDetails {
  uint32_t code[kFieldCount];
  int8_t ci;         // 1 TRUE, 0 NULL
  int8_t py_minor;   // index in pythonMinors(), -1 unknown
  uint8_t platform;  // Platform of catalog.h for wheel choice
  bool want_sdist;   // this installer takes any file / the sdist
  bool any_file;     // mirrors and browsers fetch any file of the release
};

class Details {
 public:
  Details();

  /// Dictionary of a field (nullable: code 0 is NULL).
  const std::shared_ptr<LowCardinalityDictionary>& dictionary(Field f) const { return dicts_[f]; }

  /// Mixes that change over time, prepared once per day.
  struct DayMix {
    std::vector<uint32_t> installer_cut;  // cumulative thresholds over installers()
    std::vector<uint32_t> python_cut;     // over pythonMinors()
    int newest_python = 0;
    std::vector<uint32_t> pip_codes, pip_cut;  // pip and uv versions released by the day,
    std::vector<uint32_t> uv_codes, uv_cut;    // newer ones more common
  };
  DayMix dayMix(int32_t day) const;

  /// Fills `row` for a regular download (mirror = false) or a mirror's fetch (bandersnatch).
  void sample(const DayMix& mix, int32_t day, bool mirror, Rng& rng, RowDetails& row) const;

  /// Installer names in the order of DayMix::installer_cut (for tests and docs).
  static const std::vector<std::string>& installers();

 private:
  struct Choice {
    std::vector<uint32_t> codes;
    std::vector<uint32_t> cut;  // cumulative, scaled to 2^32
    uint32_t pick(Rng& rng) const;
  };
  Choice choice(Field f, const std::vector<std::pair<const char*, double>>& values);
  struct DatedVersion {
    uint32_t code;
    int32_t released;
    double weight;  // base weight (system pips of long-term distros persist)
  };
  std::vector<DatedVersion> pip_versions_, uv_versions_;
  uint32_t code(Field f, const std::string& value) const;

  std::shared_ptr<LowCardinalityDictionary> dicts_[kFieldCount];
  Choice country_, tls13_cipher_, tls12_cipher_, openssl_, setuptools_, rustc_,
      poetry_version_, requests_version_, other_version_, mac_version_, win_release_, pypy_version_;
  struct Distro {
    uint32_t name, version, id, libc_lib, libc_version;
    Choice kernel;
  };
  std::vector<Distro> distros_;
  std::vector<uint32_t> distro_cut_;
  std::vector<uint32_t> installer_codes_;
  std::vector<uint32_t> python_codes_;  // "3.12" -> full versions are built per row
  uint32_t tls13_, tls12_, linux_, darwin_, windows_, x86_64_, aarch64_, arm64_, amd64_, cpython_, pypy_, macos_,
      glibc_, bandersnatch_, osx_, darwin_release_;
  // full python versions per minor: codes of "<minor>.<patch>" for patch 0..15
  std::vector<std::vector<uint32_t>> python_full_, impl_full_;  // the same texts in kPython / kImplVersion
};

}  // namespace tally::pypi_gen
