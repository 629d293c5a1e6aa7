// distribution_metadata: one row per uploaded file of every generated release, with the
// columns of BigQuery's `bigquery-public-data.pypi.distribution_metadata` (ClickPy's
// `pypi.projects`). Dependencies (requires_dist) point at other generated projects.

#include "metadata.h"

#include <cstdio>
#include <filesystem>

#include "columns/column_array.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "formats/format.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/writer.h"
#include "io/compression.h"
#include "io/write_buffer.h"
#include "rng.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally::pypi_gen {

namespace {

enum Purpose : uint64_t { kMeta = 31 };

const char* const kStringColumns[] = {
    "metadata_version", "name", "version", "summary", "description", "description_content_type", "author",
    "author_email", "maintainer", "maintainer_email", "license", "keywords"};
const char* const kStringColumns2[] = {"home_page", "download_url", "requires_python"};
const char* const kArrayColumns2[] = {"requires", "provides", "obsoletes", "requires_dist", "provides_dist",
                                      "obsoletes_dist", "requires_external", "project_urls"};

const char* const kLicenses[] = {"MIT", "MIT", "MIT", "Apache-2.0", "Apache-2.0", "BSD-3-Clause", "BSD-3-Clause",
                                 "GPL-3.0-or-later", "MPL-2.0", "", "ISC", "LGPL-2.1"};
const char* const kWords[] = {"fast", "simple", "modern", "async", "typed", "lightweight", "extensible", "robust"};
const char* const kNouns[] = {"client library", "toolkit", "framework", "utilities", "SDK", "parser", "wrapper",
                              "plugin", "command-line tool", "bindings"};
const char* const kFirst[] = {"Alex", "Sam", "Maria", "Wei", "Priya", "Jonas", "Emma", "Kenji", "Olga", "Luis"};
const char* const kLast[] = {"Smith", "Chen", "Garcia", "Kumar", "Müller", "Tanaka", "Novak", "Silva", "Brown", "Kim"};

struct Strings {
  std::shared_ptr<ColumnString> col = ColumnString::create();
  void add(std::string_view s) { col->insertData(s.data(), s.size()); }
};

struct StringArrays {
  std::shared_ptr<ColumnString> data = ColumnString::create();
  Offsets offsets;
  size_t count = 0;
  void add(const std::vector<std::string>& values) {
    for (const auto& v : values) data->insertData(v.data(), v.size());
    count += values.size();
    offsets.push_back(count);
  }
  ColumnPtr column() { return ColumnArray::create(MutableColumnPtr(data), offsets); }
};

std::string requiresPythonFor(int32_t day) {
  std::string d = dayToString(day);
  if (d < "2023-06-01") return ">=3.7";
  if (d < "2024-10-01") return ">=3.8";
  if (d < "2025-10-01") return ">=3.9";
  return ">=3.10";
}

}  // namespace

uint64_t writeDistributionMetadata(const GenerateOptions& options, const Catalog& c, uint64_t& bytes) {
  namespace fs = std::filesystem;
  const bool json = options.format == "jsonl";
  const fs::path dir = fs::path(options.out_dir) / "distribution_metadata";
  fs::create_directories(dir);

  Strings strings[std::size(kStringColumns)];
  StringArrays classifiers, platform;
  Strings strings2[std::size(kStringColumns2)];
  StringArrays arrays2[std::size(kArrayColumns2)];
  Strings uploaded_via, filename, path, python_version, packagetype, comment_text, md5, sha256, blake2;
  auto upload_time = ColumnInt64::create();
  auto size = ColumnInt64::create();
  auto has_signature = ColumnUInt8::create();

  for (const File& file : c.files) {
    const Release& rel = c.releases[file.release];
    const Project& p = c.projects[rel.project];
    Rng rng(streamSeed(options.seed, kMeta, rel.project));  // per project: the same texts for every file
    const std::string who = std::string(kFirst[rng.below(10)]) + " " + kLast[rng.below(10)];
    const std::string email = p.name + "-maintainers@example.org";
    const std::string summary = std::string("A ") + kWords[rng.below(8)] + " " + kNouns[rng.below(10)] + " (" + p.name + ")";
    const char* license = kLicenses[rng.below(12)];
    const std::string home = "https://github.com/" + p.name + "/" + p.name;
    const std::string values[] = {"2.1", p.name, rel.version, summary, "# " + p.name + "\n\n" + summary + ".\n",
                                  "text/markdown", who, email, "", "", license, std::string(kWords[rng.below(8)]) + ",python"};
    for (size_t i = 0; i < std::size(kStringColumns); ++i) strings[i].add(values[i]);
    classifiers.add({"Programming Language :: Python :: 3", std::string("License :: OSI Approved :: ") + license +
                                                               " License",
                     "Operating System :: OS Independent"});
    platform.add({});
    strings2[0].add(home);
    strings2[1].add("");
    strings2[2].add(requiresPythonFor(rel.day));
    std::vector<std::string> deps;
    Rng dr(streamSeed(options.seed, kMeta + 1, file.release));
    for (uint32_t dep : p.dependencies) {
      int lo = int(dr.below(3));
      deps.push_back(c.projects[dep].name + ">=" + std::to_string(lo) + "." + std::to_string(dr.below(20)));
    }
    for (size_t i = 0; i < std::size(kArrayColumns2); ++i) {
      if (std::string_view(kArrayColumns2[i]) == "requires_dist")
        arrays2[i].add(deps);
      else if (std::string_view(kArrayColumns2[i]) == "project_urls")
        arrays2[i].add({"Homepage, " + home, "Source, " + home});
      else
        arrays2[i].add({});
    }
    uploaded_via.add("twine/5.1.1 CPython/3.12.4");
    upload_time->getData().push_back(file.upload_ms * 1000);
    filename.add(file.filename);
    size->getData().push_back(file.size);
    path.add(file.blake2.substr(0, 2) + "/" + file.blake2.substr(2, 2) + "/" + file.blake2.substr(4) + "/" +
             file.filename);
    python_version.add(file.python_version);
    packagetype.add(file.wheel ? "bdist_wheel" : "sdist");
    comment_text.add("");
    has_signature->getData().push_back(0);
    Rng hr(streamSeed(options.seed, kMeta + 2, uint64_t(&file - c.files.data())));
    char hex[65];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", (unsigned long long)hr.next(), (unsigned long long)hr.next());
    md5.add(hex);
    std::snprintf(hex, sizeof hex, "%016llx%016llx%016llx%016llx", (unsigned long long)hr.next(),
                  (unsigned long long)hr.next(), (unsigned long long)hr.next(), (unsigned long long)hr.next());
    sha256.add(hex);
    blake2.add(file.blake2);
  }

  Block block;
  auto str = std::make_shared<DataTypeString>();
  auto arr = std::make_shared<DataTypeArray>(str);
  for (size_t i = 0; i < std::size(kStringColumns); ++i) block.insert({strings[i].col, str, kStringColumns[i]});
  block.insert({classifiers.column(), arr, "classifiers"});
  block.insert({platform.column(), arr, "platform"});
  for (size_t i = 0; i < std::size(kStringColumns2); ++i) block.insert({strings2[i].col, str, kStringColumns2[i]});
  for (size_t i = 0; i < std::size(kArrayColumns2); ++i) block.insert({arrays2[i].column(), arr, kArrayColumns2[i]});
  block.insert({uploaded_via.col, str, "uploaded_via"});
  block.insert({upload_time, std::make_shared<DataTypeDateTime64>(6, "UTC"), "upload_time"});
  block.insert({filename.col, str, "filename"});
  block.insert({size, std::make_shared<DataTypeInt64>(), "size"});
  block.insert({path.col, str, "path"});
  block.insert({python_version.col, str, "python_version"});
  block.insert({packagetype.col, str, "packagetype"});
  block.insert({comment_text.col, str, "comment_text"});
  block.insert({has_signature, typeBool(), "has_signature"});
  block.insert({md5.col, str, "md5_digest"});
  block.insert({sha256.col, str, "sha256_digest"});
  block.insert({blake2.col, str, "blake2_256_digest"});

  std::string file_path = (dir / "000000000000").string();
  std::unique_ptr<WriteBuffer> out;
  if (json) {
    bool gzip = options.compression != "none";
    file_path += gzip ? ".jsonl.gz" : ".jsonl";
    out = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromFile>(file_path),
                                         gzip ? CompressionMethod::Gzip : CompressionMethod::None);
    FormatSettings fs;
    fs.json.escape_forward_slashes = false;
    auto format = FormatFactory::instance().getOutput("JSONEachRow", *out, block.cloneEmpty(), fs);
    format->writePrefix();
    format->write(block);
    format->finalize();
  } else {
    file_path += ".parquet";
    out = std::make_unique<WriteBufferFromFile>(file_path);
    parquet::WriterOptions wo;
    wo.codec = parquet::codecFromName(options.compression.empty() ? "snappy" : options.compression);
    wo.created_by = "tally pypi generate";
    parquet::ParquetWriter writer(*out, block.cloneEmpty(), wo);
    writer.write(block);
    writer.finish();
  }
  out->finalize();
  bytes += fs::file_size(file_path);
  return c.files.size();
}

}  // namespace tally::pypi_gen
