#include <algorithm>
#include <cctype>

#include "common/exception.h"
#include "formats/format.h"

namespace tally {

namespace {
std::string lowerName(const std::string& s) {
  std::string r = s;
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}
}  // namespace

FormatFactory& FormatFactory::instance() {
  static FormatFactory factory;
  return factory;
}

void FormatFactory::registerOutputFormat(const std::string& name, OutputCreator creator) {
  outputs_[name] = std::move(creator);
  lower_names_[lowerName(name)] = name;
}
void FormatFactory::registerInputFormat(const std::string& name, InputCreator creator) {
  inputs_[name] = std::move(creator);
  lower_names_[lowerName(name)] = name;
}
void FormatFactory::registerSchemaReader(const std::string& name, SchemaReader reader) {
  schema_readers_[name] = std::move(reader);
}
void FormatFactory::registerRowBoundaryFinder(const std::string& name, RowBoundaryFinder finder) {
  boundary_finders_[name] = std::move(finder);
}
void FormatFactory::registerAlias(const std::string& alias, const std::string& target) {
  aliases_[alias] = target;
  lower_names_[lowerName(alias)] = alias;
}
void FormatFactory::markSupportsSubsetOfColumns(const std::string& name) { subset_of_columns_.insert(name); }

bool FormatFactory::supportsSubsetOfColumns(const std::string& name) const {
  try {
    return subset_of_columns_.count(canonicalName(name)) > 0;
  } catch (const Exception&) {
    return false;
  }
}

void FormatFactory::registerFileExtension(const std::string& extension, const std::string& format) {
  extensions_[lowerName(extension)] = format;
}

std::string FormatFactory::canonicalName(const std::string& name) const {
  std::string n = name;
  if (!outputs_.count(n) && !inputs_.count(n) && !aliases_.count(n)) {
    // Format names are case-insensitive for lookup.
    auto it = lower_names_.find(lowerName(n));
    if (it == lower_names_.end()) throw Exception(ErrorCodes::UNKNOWN_FORMAT, "Unknown format {}", name);
    n = it->second;
  }
  if (auto it = aliases_.find(n); it != aliases_.end()) n = it->second;
  return n;
}

bool FormatFactory::hasOutputFormat(const std::string& name) const {
  try {
    return outputs_.count(canonicalName(name)) > 0;
  } catch (const Exception&) {
    return false;
  }
}

bool FormatFactory::hasInputFormat(const std::string& name) const {
  try {
    return inputs_.count(canonicalName(name)) > 0;
  } catch (const Exception&) {
    return false;
  }
}

OutputFormatPtr FormatFactory::getOutput(const std::string& name, WriteBuffer& out, const Block& header,
                                         const FormatSettings& settings) const {
  std::string canonical = canonicalName(name);
  auto it = outputs_.find(canonical);
  if (it == outputs_.end())
    throw Exception(ErrorCodes::FORMAT_IS_NOT_SUITABLE_FOR_OUTPUT, "Format {} is not suitable for output", name);
  return it->second(out, header, settings);
}

InputFormatPtr FormatFactory::getInput(const std::string& name, ReadBuffer& in, const Block& header,
                                       const FormatSettings& settings) const {
  std::string canonical = canonicalName(name);
  auto it = inputs_.find(canonical);
  if (it == inputs_.end())
    throw Exception(ErrorCodes::FORMAT_IS_NOT_SUITABLE_FOR_INPUT, "Format {} is not suitable for input", name);
  return it->second(in, header, settings);
}

const FormatFactory::SchemaReader* FormatFactory::schemaReader(const std::string& name) const {
  auto it = schema_readers_.find(canonicalName(name));
  return it == schema_readers_.end() ? nullptr : &it->second;
}

const RowBoundaryFinder* FormatFactory::rowBoundaryFinder(const std::string& name) const {
  auto it = boundary_finders_.find(canonicalName(name));
  return it == boundary_finders_.end() ? nullptr : &it->second;
}

std::string FormatFactory::formatFromFileName(const std::string& path) const {
  std::string name = path;
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  static const char* compressions[] = {"gz", "gzip", "zst", "zstd", "xz", "lzma", "lz4", "bz2", "br", "brotli",
                                       "deflate", "snappy"};
  for (int pass = 0; pass < 2; ++pass) {
    size_t dot = name.find_last_of('.');
    if (dot == std::string::npos) return {};
    std::string ext = lowerName(name.substr(dot + 1));
    bool is_compression = std::find(std::begin(compressions), std::end(compressions), ext) != std::end(compressions);
    if (is_compression && pass == 0) {
      name = name.substr(0, dot);
      continue;
    }
    if (auto it = extensions_.find(ext); it != extensions_.end()) return it->second;
    if (auto it = lower_names_.find(ext); it != lower_names_.end()) {
      std::string n = it->second;
      if (auto a = aliases_.find(n); a != aliases_.end()) n = a->second;
      return n;
    }
    return {};
  }
  return {};
}

std::vector<FormatFactory::FormatInfo> FormatFactory::formats() const {
  std::map<std::string, FormatInfo> all;
  for (const auto& [n, c] : inputs_) {
    all[n].name = n;
    all[n].is_input = true;
  }
  for (const auto& [n, c] : outputs_) {
    all[n].name = n;
    all[n].is_output = true;
  }
  for (const auto& [a, t] : aliases_) {
    all[a].name = a;
    all[a].is_input = inputs_.count(t) > 0;
    all[a].is_output = outputs_.count(t) > 0;
  }
  std::vector<FormatInfo> res;
  for (auto& [n, i] : all) res.push_back(i);
  return res;
}

FormatSettings makeFormatSettings(const Settings& s, bool output_is_terminal) {
  FormatSettings f;
  f.csv.delimiter = s.format_csv_delimiter.empty() ? ',' : s.format_csv_delimiter[0];
  f.csv.allow_single_quotes = s.format_csv_allow_single_quotes;
  f.csv.allow_double_quotes = s.format_csv_allow_double_quotes;
  f.csv.empty_as_default = s.input_format_csv_empty_as_default;
  f.csv.crlf_end_of_line = s.output_format_csv_crlf_end_of_line;
  f.csv.null_representation = s.format_csv_null_representation;
  f.tsv.crlf_end_of_line = s.output_format_tsv_crlf_end_of_line;
  f.tsv.empty_as_default = s.input_format_tsv_empty_as_default;
  f.tsv.null_representation = s.format_tsv_null_representation;
  f.json.quote_64bit_integers = s.output_format_json_quote_64bit_integers;
  f.json.quote_64bit_floats = s.output_format_json_quote_64bit_floats;
  f.json.quote_denormals = s.output_format_json_quote_denormals;
  f.json.escape_forward_slashes = s.output_format_json_escape_forward_slashes;
  f.json.named_tuples_as_objects = s.output_format_json_named_tuples_as_objects;
  f.json.array_of_rows = s.output_format_json_array_of_rows;
  f.parquet.compression_method = s.output_format_parquet_compression_method;
  f.parquet.row_group_rows = s.output_format_parquet_row_group_size;
  f.parquet.row_group_bytes = s.output_format_parquet_row_group_size_bytes;
  f.parquet.max_dictionary_bytes = s.output_format_parquet_max_dictionary_size;
  f.parquet.use_dictionary = s.output_format_parquet_use_dictionary;
  f.json.read_numbers_as_strings = s.input_format_json_read_numbers_as_strings;
  f.pretty.max_rows = s.output_format_pretty_max_rows;
  f.pretty.max_column_pad_width = s.output_format_pretty_max_column_pad_width;
  f.pretty.max_value_width = s.output_format_pretty_max_value_width;
  f.pretty.color = s.output_format_pretty_color == "1" || s.output_format_pretty_color == "true" ||
                   (s.output_format_pretty_color == "auto" && output_is_terminal);
  f.pretty.row_numbers = s.output_format_pretty_row_numbers;
  f.pretty.utf8 = s.output_format_pretty_grid_charset != "ASCII";
  f.pretty.display_footer_column_names = s.output_format_pretty_display_footer_column_names != 0;
  f.pretty.footer_min_rows = s.output_format_pretty_display_footer_column_names_min_rows;
  f.pretty.single_large_number_tip_threshold = s.output_format_pretty_single_large_number_tip_threshold;
  f.pretty.multiline_fields = s.output_format_pretty_multiline_fields;
  f.pretty.fallback_to_vertical = s.output_format_pretty_fallback_to_vertical;
  f.csv.detect_header = s.input_format_csv_detect_header;
  f.tsv.detect_header = s.input_format_tsv_detect_header;
  f.inference.try_infer_integers = s.input_format_try_infer_integers;
  f.inference.try_infer_dates = s.input_format_try_infer_dates;
  f.inference.try_infer_datetimes = s.input_format_try_infer_datetimes;
  f.values.interpret_expressions = s.input_format_values_interpret_expressions;
  f.bool_true_representation = s.bool_true_representation;
  f.bool_false_representation = s.bool_false_representation;
  f.date_time_best_effort = s.date_time_input_format == "best_effort";
  f.date_time_output_format = s.date_time_output_format;
  f.null_as_default = s.input_format_null_as_default;
  f.skip_unknown_fields = s.input_format_skip_unknown_fields;
  f.with_names_use_header = s.input_format_with_names_use_header;
  f.with_types_use_header = s.input_format_with_types_use_header;
  f.write_statistics = s.output_format_write_statistics;
  return f;
}

}  // namespace tally
