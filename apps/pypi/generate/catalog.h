#pragma once
// The generated PyPI: projects (real names and rank-size weights from the top-packages CSV),
// their releases over the generated window and before it, and each release's files (sdist,
// pure or platform wheels), with the string dictionaries the download columns use. Built once,
// deterministically from the options, then only read (shared by the generating threads).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "columns/column_low_cardinality.h"

namespace tally::pypi_gen {

/// Python minor versions the generator knows, oldest first, with their release days.
struct PythonMinor {
  const char* name;
  int32_t released;  // days since epoch
};
const std::vector<PythonMinor>& pythonMinors();

/// Wheel platforms of compiled projects.
enum Platform : uint8_t { ManylinuxX86 = 0, ManylinuxArm = 1, MacArm = 2, WinAmd64 = 3, kPlatforms = 4 };

struct Release {
  uint32_t project = 0;
  int32_t day = 0;             // upload day (days since epoch)
  int64_t upload_seconds = 0;  // upload time of the first file
  std::string version;
  uint32_t first_file = 0, file_count = 0;
  uint8_t py_lo = 0, py_count = 0;  // compiled wheels: python minors [py_lo, py_lo + py_count)
  uint32_t version_code = 0;        // in Catalog::versions
};

struct File {
  uint32_t release = 0;
  bool wheel = false;
  std::string filename;
  std::string blake2;  // 64 hex digits: the URL path is /packages/b[0:2]/b[2:4]/b[4:]/filename
  int64_t size = 0;
  int64_t upload_ms = 0;
  std::string python_version;  // "source", "py3", "cp312"
  uint32_t url_code = 0, filename_code = 0, type_code = 0;
};

struct Project {
  std::string name;  // normalized (PEP 503)
  double weight = 0; // share of downloads (the CSV's count / total of the chosen projects)
  double trend = 0;  // log growth per year relative to the whole
  int32_t birth_day = 0;
  bool has_wheels = true, compiled = false;
  uint32_t first_release = 0, release_count = 0;
  uint32_t name_code = 0;
  std::vector<uint32_t> dependencies;  // indices of projects it requires
};

/// Compact copies of what every download row reads (cache-friendly random access).
struct FileHot {
  uint32_t url_code, filename_code, release, type_code;
};
struct ReleaseHot {
  uint32_t project, version_code, first_file, name_code;  // name_code: the project's
  uint16_t file_count;
  uint8_t py_lo, py_count;
  bool compiled;
};

struct Catalog {
  std::vector<Project> projects;
  std::vector<FileHot> files_hot;
  std::vector<ReleaseHot> releases_hot;
  std::vector<Release> releases;
  std::vector<File> files;
  /// String dictionaries of the download columns (code 0 is the default "").
  std::shared_ptr<LowCardinalityDictionary> project_names, versions, filenames, urls, types;
  int32_t first_day = 0, last_day = 0;

  /// The file of `release` a download with python minor `py` (index in pythonMinors(), -1 for
  /// none) on `platform` gets: the matching wheel, else the pure wheel, else the sdist.
  uint32_t fileFor(const ReleaseHot& release, int py, int platform, bool want_sdist) const {
    if (want_sdist || release.file_count == 1) return release.first_file;
    if (!release.compiled) return release.first_file + 1;
    if (py >= int(release.py_lo) && py < int(release.py_lo) + int(release.py_count))
      return release.first_file + 1 + uint32_t(py - release.py_lo) * kPlatforms + uint32_t(platform);
    return release.first_file;
  }
};

/// Builds the catalog: `projects` names from the CSV (rank order), releases from well before
/// `first_day` to `last_day`.
std::unique_ptr<Catalog> buildCatalog(std::string_view csv, uint32_t projects, int32_t first_day, int32_t last_day,
                                      uint64_t seed);

/// YYYY-MM-DD of a day number, and back (throws BAD_ARGUMENTS on a malformed date).
std::string dayToString(int32_t day);
int32_t parseDay(std::string_view text);

}  // namespace tally::pypi_gen
