// Projects, releases and files of the generated PyPI (see catalog.h).

#include "catalog.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "columns/column_string.h"
#include "common/exception.h"
#include "rng.h"

namespace tally::pypi_gen {

namespace {

int32_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return int32_t(era * 146097 + int64_t(doe) - 719468);
}

enum Purpose : uint64_t { kProject = 11, kRelease = 12, kFile = 13, kDeps = 14 };

const char* platformTag(int platform) {
  switch (platform) {
    case ManylinuxX86: return "manylinux_2_17_x86_64.manylinux2014_x86_64";
    case ManylinuxArm: return "manylinux_2_17_aarch64.manylinux2014_aarch64";
    case MacArm: return "macosx_11_0_arm64";
    default: return "win_amd64";
  }
}

std::string hex64(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  char buf[65];
  std::snprintf(buf, sizeof buf, "%016llx%016llx%016llx%016llx", (unsigned long long)a, (unsigned long long)b,
                (unsigned long long)c, (unsigned long long)d);
  return buf;
}

std::shared_ptr<LowCardinalityDictionary> stringDictionary() {
  return std::make_shared<LowCardinalityDictionary>(ColumnString::create(), false);
}

}  // namespace

const std::vector<PythonMinor>& pythonMinors() {
  static const std::vector<PythonMinor> minors = {
      {"2.7", daysFromCivil(2010, 7, 3)},  {"3.6", daysFromCivil(2016, 12, 23)}, {"3.7", daysFromCivil(2018, 6, 27)},
      {"3.8", daysFromCivil(2019, 10, 14)}, {"3.9", daysFromCivil(2020, 10, 5)},  {"3.10", daysFromCivil(2021, 10, 4)},
      {"3.11", daysFromCivil(2022, 10, 24)}, {"3.12", daysFromCivil(2023, 10, 2)}, {"3.13", daysFromCivil(2024, 10, 7)},
      {"3.14", daysFromCivil(2025, 10, 7)},
  };
  return minors;
}

std::string dayToString(int32_t day) {
  int64_t z = int64_t(day) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = int64_t(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", (long long)(y + (m <= 2)), m, d);
  return buf;
}

int32_t parseDay(std::string_view text) {
  unsigned y = 0, m = 0, d = 0;
  char tail = 0;
  std::string s(text);
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 ||
      d > 31 || y < 1971 || y > 2200)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Cannot parse date '{}': expected YYYY-MM-DD", text);
  int32_t day = daysFromCivil(y, m, d);
  if (dayToString(day) != s) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Invalid date '{}'", text);
  return day;
}

std::unique_ptr<Catalog> buildCatalog(std::string_view csv, uint32_t max_projects, int32_t first_day,
                                      int32_t last_day, uint64_t seed) {
  auto catalog = std::make_unique<Catalog>();
  Catalog& c = *catalog;
  c.first_day = first_day;
  c.last_day = last_day;

  // The CSV: `download_count,project` then `<count>,"<name>"` in rank order.
  std::vector<std::pair<double, std::string>> rows;
  size_t pos = 0;
  bool header = true;
  while (pos < csv.size() && rows.size() < max_projects) {
    size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    size_t comma = line.find(',');
    if (comma == std::string_view::npos) continue;
    double count = std::strtod(std::string(line.substr(0, comma)).c_str(), nullptr);
    std::string name(line.substr(comma + 1));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    if (name.empty() || count <= 0) continue;
    rows.emplace_back(count, std::move(name));
  }
  if (rows.empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "The top-packages list is empty");
  double total = 0;
  for (const auto& r : rows) total += r.first;

  c.project_names = stringDictionary();
  c.versions = stringDictionary();
  c.filenames = stringDictionary();
  c.urls = stringDictionary();
  c.types = stringDictionary();
  const uint32_t sdist_code = c.types->insertRaw("sdist");
  const uint32_t wheel_code = c.types->insertRaw("bdist_wheel");
  const auto& minors = pythonMinors();

  std::vector<double> cumulative;  // of weights, for choosing dependencies by popularity
  c.projects.reserve(rows.size());
  for (uint32_t k = 0; k < rows.size(); ++k) {
    Rng rng(streamSeed(seed, kProject, k));
    Project p;
    p.name = rows[k].second;
    p.weight = rows[k].first / total;
    p.name_code = c.project_names->insertRaw(p.name);
    p.compiled = rng.chance(k < 200 ? 0.3 : k < 2000 ? 0.1 : 0.04);
    p.has_wheels = p.compiled || rng.chance(0.85);
    p.trend = k < 10 ? 0.0 : std::clamp(rng.normal() * 0.15, -0.5, 0.5);
    const double mean_interval = k < 50 ? 10 : k < 500 ? 30 : k < 3000 ? 60 : 150;
    if (k >= 500 && rng.chance(0.06) && last_day - first_day > 60)
      p.birth_day = first_day + int32_t(rng.below(uint32_t(last_day - first_day - 30)));
    else
      p.birth_day = first_day - 400 - int32_t(rng.below(3000));

    // Releases: the first one at birth (or a few intervals before the window), then every
    // exponential(mean) days until the last day.
    Rng rr(streamSeed(seed, kRelease, k));
    int32_t day = std::max(p.birth_day, first_day - int32_t(2 * mean_interval) - 1);
    int major = p.birth_day >= first_day ? 0 : int(rr.below(3)) + (k < 1000 ? 1 : 0);
    int minor = int(rr.below(p.birth_day >= first_day ? 2 : 30));
    int patch = int(rr.below(5));
    p.first_release = uint32_t(c.releases.size());
    while (day <= last_day && p.release_count < 400) {
      Release r;
      r.project = k;
      r.day = day;
      r.upload_seconds = int64_t(day) * 86400 + int64_t(rr.below(86400));
      r.version = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
      r.version_code = c.versions->insertRaw(r.version);
      r.first_file = uint32_t(c.files.size());
      // Compiled wheels for the newest five Python minors released by then.
      int newest = 0;
      for (int i = 0; i < int(minors.size()); ++i)
        if (minors[size_t(i)].released <= day) newest = i;
      r.py_lo = uint8_t(std::max(0, newest - 4));
      r.py_count = uint8_t(newest - r.py_lo + 1);

      const std::string base = [&] {
        std::string s = p.name;
        std::replace(s.begin(), s.end(), '-', '_');
        std::replace(s.begin(), s.end(), '.', '_');
        return s + "-" + r.version;
      }();
      auto add_file = [&](std::string filename, bool wheel, std::string python_version) {
        const uint32_t index = uint32_t(c.files.size());
        Rng fr(streamSeed(seed, kFile, index));
        File f;
        f.release = uint32_t(c.releases.size());
        f.wheel = wheel;
        f.filename = std::move(filename);
        f.blake2 = hex64(fr.next(), fr.next(), fr.next(), fr.next());
        f.size = int64_t(std::exp(11.5 + (p.compiled && wheel ? 1.5 : 0.0) + rr.normal()));
        f.upload_ms = (r.upload_seconds + int64_t(index - r.first_file) * int64_t(1 + fr.below(30))) * 1000 +
                      int64_t(fr.below(1000));
        f.python_version = std::move(python_version);
        f.filename_code = c.filenames->insertRaw(f.filename);
        f.url_code = c.urls->insertRaw("/packages/" + f.blake2.substr(0, 2) + "/" + f.blake2.substr(2, 2) + "/" +
                                       f.blake2.substr(4) + "/" + f.filename);
        f.type_code = wheel ? wheel_code : sdist_code;
        c.files.push_back(std::move(f));
      };
      add_file(base + ".tar.gz", false, "source");
      if (p.compiled) {
        for (int py = r.py_lo; py < r.py_lo + r.py_count; ++py) {
          std::string tag = minors[size_t(py)].name;
          tag.erase(std::remove(tag.begin(), tag.end(), '.'), tag.end());
          for (int platform = 0; platform < kPlatforms; ++platform)
            add_file(base + "-cp" + tag + "-cp" + tag + "-" + platformTag(platform) + ".whl", true, "cp" + tag);
        }
      } else if (p.has_wheels) {
        add_file(base + "-py3-none-any.whl", true, "py3");
      }
      r.file_count = uint32_t(c.files.size()) - r.first_file;
      c.releases.push_back(std::move(r));
      ++p.release_count;

      double step = rr.uniform();
      if (step < 0.70) {
        ++patch;
      } else if (step < 0.95) {
        ++minor;
        patch = 0;
      } else {
        ++major;
        minor = patch = 0;
      }
      day += 1 + int32_t(rr.exponential(mean_interval));
    }

    // Dependencies: 0-6 earlier (more popular) projects, chosen by popularity.
    if (k > 0) {
      Rng dr(streamSeed(seed, kDeps, k));
      uint32_t n = dr.below(7);
      for (uint32_t i = 0; i < n; ++i) {
        double u = dr.uniform() * cumulative.back();
        uint32_t dep = uint32_t(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
        dep = std::min<uint32_t>(dep, k - 1);
        if (std::find(p.dependencies.begin(), p.dependencies.end(), dep) == p.dependencies.end())
          p.dependencies.push_back(dep);
      }
    }
    cumulative.push_back((cumulative.empty() ? 0 : cumulative.back()) + p.weight);
    c.projects.push_back(std::move(p));
  }
  for (const File& f : c.files) c.files_hot.push_back({f.url_code, f.filename_code, f.release, f.type_code});
  for (const Release& r : c.releases) {
    const Project& p = c.projects[r.project];
    c.releases_hot.push_back({r.project, r.version_code, r.first_file, p.name_code, uint16_t(r.file_count), r.py_lo,
                              r.py_count, p.compiled});
  }
  return catalog;
}

}  // namespace tally::pypi_gen
