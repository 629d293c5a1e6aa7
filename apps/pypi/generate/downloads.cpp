// Generation of a day's downloads (see downloads.h).

#include "downloads.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "formats/format.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/writer.h"
#include "io/compression.h"
#include "io/write_buffer.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally::pypi_gen {

namespace {

enum Purpose : uint64_t { kDays = 21, kDayNoise = 22, kRows = 23 };
constexpr size_t kBatch = 65536;

/// 1970-01-01 was a Thursday: 0 = Monday.
int weekday(int32_t day) { return int((day % 7 + 7 + 3) % 7); }

double holidayFactor(int32_t day) {
  std::string s = dayToString(day);
  int month = std::stoi(s.substr(5, 2)), dom = std::stoi(s.substr(8, 2));
  if ((month == 12 && (dom == 24 || dom == 25 || dom == 26 || dom == 31)) || (month == 1 && dom == 1)) return 0.62;
  if (month == 12 && dom >= 27) return 0.75;
  if (month == 7 && dom == 4) return 0.82;
  if (month == 11 && weekday(day) == 3 && dom >= 22 && dom <= 28) return 0.72;  // Thanksgiving
  return 1.0;
}

/// Share of a day's downloads per UTC hour (US working hours dominate).
const double kHourWeights[24] = {3.4, 3.2, 3.1, 3.0, 3.0, 3.1, 3.3, 3.6, 3.9, 4.1, 4.3, 4.5,
                                 4.7, 5.0, 5.3, 5.5, 5.5, 5.3, 5.0, 4.6, 4.2, 3.9, 3.7, 3.5};

/// Vose's alias table over weights: O(1) sampling.
class Alias {
 public:
  void build(const std::vector<double>& weights) {
    const size_t n = weights.size();
    prob_.assign(n, 0);
    alias_.assign(n, 0);
    double total = 0;
    for (double w : weights) total += w;
    std::vector<double> scaled(n);
    small_.clear();
    large_.clear();
    for (size_t i = 0; i < n; ++i) {
      scaled[i] = total > 0 ? weights[i] * double(n) / total : 1.0;
      (scaled[i] < 1.0 ? small_ : large_).push_back(uint32_t(i));
    }
    while (!small_.empty() && !large_.empty()) {
      uint32_t s = small_.back(), l = large_.back();
      small_.pop_back();
      prob_[s] = scaled[s];
      alias_[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        large_.pop_back();
        small_.push_back(l);
      }
    }
    for (uint32_t i : large_) prob_[i] = 1.0;
    for (uint32_t i : small_) prob_[i] = 1.0;
  }
  uint32_t sample(Rng& rng) const {
    uint64_t r = rng.next();
    uint32_t i = uint32_t(((r >> 32) * prob_.size()) >> 32);
    double u = double(r & 0xffffffffULL) * 0x1.0p-32;
    return u < prob_[i] ? i : alias_[i];
  }

 private:
  std::vector<double> prob_;
  std::vector<uint32_t> alias_;
  std::vector<uint32_t> small_, large_;
};

DataTypePtr lcString() { return std::make_shared<DataTypeLowCardinality>(std::make_shared<DataTypeString>()); }
DataTypePtr lcNullable() {
  return std::make_shared<DataTypeLowCardinality>(std::make_shared<DataTypeNullable>(std::make_shared<DataTypeString>()));
}
DataTypePtr tuple(DataTypes types, std::vector<std::string> names) {
  return std::make_shared<DataTypeTuple>(std::move(types), std::move(names));
}

ColumnPtr lcColumn(const std::shared_ptr<LowCardinalityDictionary>& dict, std::shared_ptr<ColumnUInt32> codes) {
  return std::make_shared<ColumnLowCardinality>(dict, std::move(codes));
}

}  // namespace

std::vector<uint64_t> dailyCounts(uint64_t total, int32_t first_day, uint32_t days, uint64_t seed) {
  static const double kWeekday[7] = {0.92, 1.0, 1.0, 1.0, 0.91, 0.60, 0.60};
  std::vector<double> w(days);
  double sum = 0;
  for (uint32_t j = 0; j < days; ++j) {
    int32_t day = first_day + int32_t(j);
    w[j] = std::pow(1.07, double(j) / 30.44) * kWeekday[weekday(day)] * holidayFactor(day);
    sum += w[j];
  }
  // Systematic rounding of the cumulative expectation: exact total, each day within one of its
  // expected count.
  Rng rng(streamSeed(seed, kDays));
  const double u = rng.uniform();
  std::vector<uint64_t> counts(days);
  double acc = 0;
  uint64_t previous = 0;
  for (uint32_t j = 0; j < days; ++j) {
    acc += w[j];
    uint64_t upto = j + 1 == days ? total : std::min<uint64_t>(total, uint64_t(std::floor(double(total) * acc / sum + u)));
    upto = std::max(upto, previous);
    counts[j] = upto - previous;
    previous = upto;
  }
  return counts;
}

Block downloadsHeader(bool json) {
  Block h;
  auto add = [&](const char* name, DataTypePtr type) { h.insert({nullptr, std::move(type), name}); };
  add("timestamp", json ? DataTypePtr(std::make_shared<DataTypeString>())
                        : DataTypePtr(std::make_shared<DataTypeDateTime64>(6, "UTC")));
  add("country_code", lcNullable());
  add("url", lcString());
  add("project", lcString());
  add("file", tuple({lcString(), lcString(), lcString(), lcString()}, {"filename", "project", "version", "type"}));
  DataTypePtr pair = tuple({lcNullable(), lcNullable()}, {"name", "version"});
  add("details",
      tuple({pair, lcNullable(), pair,
             tuple({lcNullable(), lcNullable(), lcNullable(), tuple({lcNullable(), lcNullable()}, {"lib", "version"})},
                   {"name", "version", "id", "libc"}),
             tuple({lcNullable(), lcNullable()}, {"name", "release"}), lcNullable(), lcNullable(), lcNullable(),
             lcNullable(), std::make_shared<DataTypeNullable>(typeBool())},
            {"installer", "python", "implementation", "distro", "system", "cpu", "openssl_version",
             "setuptools_version", "rustc_version", "ci"}));
  add("tls_protocol", lcNullable());
  add("tls_cipher", lcNullable());
  return h;
}

void DayWriter::writeDay(int32_t day, uint64_t rows) const {
  namespace fs = std::filesystem;
  if (rows == 0) return;
  const Catalog& c = catalog;
  const bool json = options.format == "jsonl";
  const std::string day_text = dayToString(day);
  const fs::path dir = fs::path(options.out_dir) / "file_downloads" / day_text;
  fs::create_directories(dir);

  // Project shares of the day: the CSV weight, the project's trend, its birth, daily noise.
  Rng noise(streamSeed(options.seed, kDayNoise, uint64_t(day)));
  const double years_to_end = double(c.last_day - day) / 365.25;
  std::vector<double> weights(c.projects.size());
  for (size_t k = 0; k < c.projects.size(); ++k) {
    const Project& p = c.projects[k];
    double n = noise.normal();
    if (day < p.birth_day) {
      weights[k] = 0;
      continue;
    }
    double ramp = 1.0 - std::exp(-double(day - p.birth_day + 1) / 20.0);
    weights[k] = p.weight * std::exp(-p.trend * years_to_end + 0.12 * n) * ramp;
  }
  Alias projects;
  projects.build(weights);

  // Mirror fetches: every file uploaded in the last two days, chosen uniformly.
  std::vector<uint32_t> recent_files;
  for (size_t r = 0; r < c.releases.size(); ++r) {
    const Release& rel = c.releases[r];
    if (rel.day <= day && rel.day >= day - 1)
      for (uint32_t f = 0; f < rel.file_count; ++f) recent_files.push_back(rel.first_file + f);
  }

  // Version choice per project (computed on first use): cumulative thresholds over its
  // releases up to this day. A release ramps up over a few days after its upload and decays
  // once the next one is out; old releases keep a small pinned share.
  std::vector<int32_t> version_table(c.projects.size(), -1);
  std::vector<uint32_t> table_release, table_cut;
  auto pickRelease = [&](uint32_t project, Rng& rng) -> uint32_t {
    const Project& p = c.projects[project];
    int32_t& at = version_table[project];
    if (at < 0) {
      at = int32_t(table_release.size());
      uint32_t last = p.first_release;
      while (last + 1 < p.first_release + p.release_count && c.releases[last + 1].day <= day) ++last;
      uint32_t first = last >= p.first_release + 11 ? last - 11 : p.first_release;
      std::vector<double> w;
      for (uint32_t r = first; r <= last; ++r) {
        const Release& rel = c.releases[r];
        double age = double(day - rel.day);
        double ramp = 1.0 - std::exp(-(age + 0.5) / 2.0);
        double weight = ramp;
        if (r < last) {
          double since_next = double(day - c.releases[r + 1].day);
          weight *= 0.85 * std::exp(-since_next / 10.0) + 0.15 * std::exp(-since_next / 180.0);
        }
        w.push_back(std::max(weight, 1e-4));
      }
      double total = 0;
      for (double x : w) total += x;
      double acc = 0;
      for (size_t i = 0; i < w.size(); ++i) {
        acc += w[i];
        table_release.push_back(first + uint32_t(i));
        table_cut.push_back(i + 1 == w.size() ? UINT32_MAX : uint32_t(std::min(4294967295.0, acc / total * 4294967295.0)));
      }
      table_release.push_back(UINT32_MAX);  // end marker
      table_cut.push_back(UINT32_MAX);
    }
    uint32_t u = uint32_t(rng.next() >> 32);
    size_t i = size_t(at);
    while (table_release[i + 1] != UINT32_MAX && u >= table_cut[i]) ++i;
    return table_release[i];
  };

  // Hour CDF for timestamps.
  double hour_cdf[25] = {0};
  for (int h = 0; h < 24; ++h) hour_cdf[h + 1] = hour_cdf[h] + kHourWeights[h];
  for (double& x : hour_cdf) x /= hour_cdf[24];

  const Details::DayMix mix = details.dayMix(day);
  Rng rng(streamSeed(options.seed, kRows, uint64_t(day)));
  const uint64_t parts = std::max<uint64_t>(1, (rows + options.rows_per_file - 1) / options.rows_per_file);
  const Block header = downloadsHeader(json);
  const int64_t day_seconds = int64_t(day) * 86400;
  RowDetails d;

  for (uint64_t part = 0; part < parts; ++part) {
    const uint64_t begin = rows * part / parts, end = rows * (part + 1) / parts;
    char name[32];
    std::snprintf(name, sizeof name, "%012llu", (unsigned long long)part);
    std::string path = (dir / name).string();
    std::unique_ptr<WriteBuffer> out;
    std::unique_ptr<parquet::ParquetWriter> writer;
    OutputFormatPtr json_format;
    if (json) {
      bool gzip = options.compression != "none";
      path += gzip ? ".jsonl.gz" : ".jsonl";
      out = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromFile>(path),
                                           gzip ? CompressionMethod::Gzip : CompressionMethod::None);
      FormatSettings fs;
      fs.json.escape_forward_slashes = false;
      json_format = FormatFactory::instance().getOutput("JSONEachRow", *out, header, fs);
      json_format->writePrefix();
    } else {
      path += ".parquet";
      out = std::make_unique<WriteBufferFromFile>(path);
      parquet::WriterOptions wo;
      wo.codec = parquet::codecFromName(options.compression.empty() ? "snappy" : options.compression);
      wo.max_dictionary_bytes = 16ull << 20;
      wo.plain_columns = {"timestamp"};  // distinct per second: a dictionary would not pay
      wo.created_by = "tally pypi generate";
      writer = std::make_unique<parquet::ParquetWriter>(*out, header, wo);
    }

    for (uint64_t row = begin; row < end;) {
      const size_t n = size_t(std::min<uint64_t>(kBatch, end - row));
      auto ts = ColumnInt64::create(n);
      auto ts_text = ColumnString::create();
      std::shared_ptr<ColumnUInt32> f_codes[kFieldCount];
      for (auto& col : f_codes) col = ColumnUInt32::create(n);
      auto url = ColumnUInt32::create(n), project = ColumnUInt32::create(n), filename = ColumnUInt32::create(n),
           version = ColumnUInt32::create(n), type = ColumnUInt32::create(n);
      auto ci = ColumnUInt8::create(n), ci_null = ColumnUInt8::create(n);
      uint32_t* fc[kFieldCount];
      for (int f = 0; f < kFieldCount; ++f) fc[f] = f_codes[f]->getData().data();
      int64_t last_second = -1;
      char text[32];
      int h = 0;

      for (size_t i = 0; i < n; ++i, ++row) {
        // Stratified, increasing timestamps over the day's hour profile.
        double u = (double(row) + rng.uniform()) / double(rows);
        while (h < 23 && u >= hour_cdf[h + 1]) ++h;  // u only grows
        double within = (u - hour_cdf[h]) / (hour_cdf[h + 1] - hour_cdf[h]);
        int64_t second = day_seconds + h * 3600 + std::min<int64_t>(3599, int64_t(within * 3600.0));
        ts->getData()[i] = second * 1000000;
        if (json) {
          if (second != last_second) {
            int64_t sod = second - day_seconds;
            std::snprintf(text, sizeof text, "%s %02d:%02d:%02d UTC", day_text.c_str(), int(sod / 3600),
                          int(sod / 60 % 60), int(sod % 60));
            last_second = second;
          }
          ts_text->insertData(text, std::strlen(text));
        }

        const bool mirror = !recent_files.empty() && rng.chance(0.005);
        details.sample(mix, day, mirror, rng, d);
        uint32_t file_index;
        if (mirror) {
          file_index = recent_files[rng.below(uint32_t(recent_files.size()))];
        } else {
          uint32_t p = projects.sample(rng);
          const ReleaseHot& rel = c.releases_hot[pickRelease(p, rng)];
          file_index = d.any_file ? rel.first_file + rng.below(rel.file_count)
                                  : c.fileFor(rel, d.py_minor, d.platform, d.want_sdist);
        }
        const FileHot& file = c.files_hot[file_index];
        const ReleaseHot& rel = c.releases_hot[file.release];
        for (int f = 0; f < kFieldCount; ++f) fc[f][i] = d.code[f];
        url->getData()[i] = file.url_code;
        project->getData()[i] = rel.name_code;
        filename->getData()[i] = file.filename_code;
        version->getData()[i] = rel.version_code;
        type->getData()[i] = file.type_code;
        ci->getData()[i] = d.ci > 0;
        ci_null->getData()[i] = d.ci > 0 ? 0 : 1;
      }

      auto field = [&](Field f) { return lcColumn(details.dictionary(f), f_codes[f]); };
      auto tup = [&](Columns cols) { return ColumnTuple::create(cols, n); };
      ColumnPtr project_col = lcColumn(c.project_names, project);
      Block block;
      block.insert({json ? ColumnPtr(ts_text) : ColumnPtr(ts), header.at(0).type, "timestamp"});
      block.insert({field(kCountry), header.at(1).type, "country_code"});
      block.insert({lcColumn(c.urls, url), header.at(2).type, "url"});
      block.insert({project_col, header.at(3).type, "project"});
      block.insert({tup({lcColumn(c.filenames, filename), project_col, lcColumn(c.versions, version),
                         lcColumn(c.types, type)}),
                    header.at(4).type, "file"});
      block.insert({tup({tup({field(kInstallerName), field(kInstallerVersion)}), field(kPython),
                         tup({field(kImplName), field(kImplVersion)}),
                         tup({field(kDistroName), field(kDistroVersion), field(kDistroId),
                              tup({field(kLibcLib), field(kLibcVersion)})}),
                         tup({field(kSystemName), field(kSystemRelease)}), field(kCpu), field(kOpenssl),
                         field(kSetuptools), field(kRustc), ColumnNullable::create(ColumnPtr(ci), ColumnPtr(ci_null))}),
                    header.at(5).type, "details"});
      block.insert({field(kTlsProtocol), header.at(6).type, "tls_protocol"});
      block.insert({field(kTlsCipher), header.at(7).type, "tls_cipher"});
      if (json)
        json_format->write(block);
      else
        writer->write(block);
      rows_done.fetch_add(n, std::memory_order_relaxed);
    }
    if (json)
      json_format->finalize();
    else
      writer->finish();
    out->finalize();
    bytes_done.fetch_add(fs::file_size(path), std::memory_order_relaxed);
    files_done.fetch_add(1, std::memory_order_relaxed);
  }
}

}  // namespace tally::pypi_gen
