#pragma once
// Settings that change how values are written and read as text or binary, shared by the data
// types (which serialise single values) and the formats (which arrange them).

#include <cstdint>
#include <string>

namespace tally {

struct FormatSettings {
  struct Csv {
    char delimiter = ',';
    bool allow_single_quotes = false;
    bool allow_double_quotes = true;
    bool empty_as_default = true;
    bool crlf_end_of_line = false;
    bool trim_whitespaces = true;
    std::string null_representation = "\\N";
    /// Input: a first row equal to the column names (and a second of type names) is a header.
    bool detect_header = true;
  } csv;

  struct Tsv {
    bool crlf_end_of_line = false;
    bool empty_as_default = false;
    std::string null_representation = "\\N";
    bool detect_header = true;
  } tsv;

  struct Json {
    bool quote_64bit_integers = true;
    bool quote_64bit_floats = false;
    bool quote_denormals = false;
    bool escape_forward_slashes = true;
    bool named_tuples_as_objects = true;
    bool validate_utf8 = false;
    bool array_of_rows = false;
    bool read_numbers_as_strings = true;
    bool read_bools_as_numbers = true;
  } json;

  struct Pretty {
    uint64_t max_rows = 10000;
    uint64_t max_column_pad_width = 250;
    uint64_t max_value_width = 10000;
    bool color = false;
    bool row_numbers = false;
    bool utf8 = true;
    /// Repeat the column names below tables of at least footer_min_rows rows.
    bool display_footer_column_names = true;
    uint64_t footer_min_rows = 50;
    /// " -- 1.00 million" after a single number above this (0 = never).
    uint64_t single_large_number_tip_threshold = 1000000;
    /// Values with line feeds span several table lines.
    bool multiline_fields = true;
    /// Small wide tables (or ones with multi-line values) are printed as Vertical.
    bool fallback_to_vertical = true;
    uint64_t fallback_to_vertical_max_rows_per_chunk = 10;
    uint64_t fallback_to_vertical_min_columns = 5;
    uint64_t fallback_to_vertical_min_table_width = 250;
    /// Vertical shows control characters as Unicode Control Pictures (U+2400..).
    bool vertical_display_control_characters = true;
  } pretty;

  /// Schema inference from text (input_format_try_infer_*).
  struct SchemaInference {
    bool try_infer_integers = true;
    bool try_infer_dates = true;
    bool try_infer_datetimes = true;
  } inference;

  struct Values {
    bool interpret_expressions = true;
  } values;

  /// Parquet output (output_format_parquet_*).
  struct Parquet {
    std::string compression_method = "zstd";
    uint64_t row_group_rows = 1000000;
    uint64_t row_group_bytes = 536870912;
    uint64_t max_dictionary_bytes = 1048576;
    bool use_dictionary = true;
  } parquet;

  std::string bool_true_representation = "true";
  std::string bool_false_representation = "false";

  /// date_time_input_format: false = basic, true = best_effort.
  bool date_time_best_effort = false;
  /// date_time_output_format: "simple" | "iso" | "unix_timestamp".
  std::string date_time_output_format = "simple";

  bool null_as_default = true;
  bool skip_unknown_fields = true;
  bool with_names_use_header = true;
  bool write_statistics = true;
  /// Column-name and type-name headers for WithNames formats are validated on input.
  bool with_types_use_header = true;
};

}  // namespace tally
