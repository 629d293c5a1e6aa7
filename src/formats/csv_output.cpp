// Output formats CSV, CSVWithNames, CSVWithNamesAndTypes.
//
// Values in their CSV form (strings, dates and arrays double-quoted with '"' doubled; numbers
// and Bool bare; NULL as \N; tuples as separate fields) separated by format_csv_delimiter,
// rows ending with '\n' (CRLF with output_format_csv_crlf_end_of_line). WithNames adds a row of
// quoted names, WithNamesAndTypes a row of quoted type names. Totals and extremes follow the
// data after an empty line each.

#include "formats/format.h"
#include "formats/output_text.h"
#include "io/write_helpers.h"

namespace tally {

namespace csv_output {

class CSVOutputFormat final : public IOutputFormat {
 public:
  CSVOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, bool with_names,
                  bool with_types)
      : IOutputFormat(out, header, settings), with_names_(with_names), with_types_(with_types) {}

  void writePrefix() override {
    size_t n = header_.columns();
    if (with_names_) {
      for (size_t i = 0; i < n; ++i) {
        if (i) out_.write(settings_.csv.delimiter);
        writeCSVString(header_[i].name, out_);
      }
      writeLineEnd();
    }
    if (with_types_) {
      for (size_t i = 0; i < n; ++i) {
        if (i) out_.write(settings_.csv.delimiter);
        writeCSVString(header_[i].type->name(), out_);
      }
      writeLineEnd();
    }
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    for (size_t row = 0; row < rows; ++row) writeRow(columns, row);
  }

  void writeTotals(const Block& totals) override {
    Columns columns = fullColumns(totals);
    writeLineEnd();
    if (totals.rows()) writeRow(columns, 0);
  }

  void writeExtremes(const Block& min, const Block& max) override {
    Columns min_columns = fullColumns(min), max_columns = fullColumns(max);
    writeLineEnd();
    if (min.rows()) writeRow(min_columns, 0);
    if (max.rows()) writeRow(max_columns, 0);
  }

  std::string contentType() const override {
    return std::string("text/csv; charset=UTF-8; header=") + (with_names_ || with_types_ ? "present" : "absent");
  }

 private:
  void writeLineEnd() {
    if (settings_.csv.crlf_end_of_line) out_.write('\r');
    out_.write('\n');
  }

  void writeRow(const Columns& columns, size_t row) {
    size_t n = columns.size();
    for (size_t i = 0; i < n; ++i) {
      if (i) out_.write(settings_.csv.delimiter);
      header_[i].type->serializeTextCSV(*columns[i], row, out_, settings_);
    }
    writeLineEnd();
  }

  bool with_names_, with_types_;
};

}  // namespace csv_output

REGISTER_FORMAT(CSVOutput) {
  using csv_output::CSVOutputFormat;
  struct Variant {
    const char* name;
    bool with_names, with_types;
  };
  static const Variant variants[] = {
      {"CSV", false, false}, {"CSVWithNames", true, false}, {"CSVWithNamesAndTypes", true, true}};
  for (const auto& v : variants) {
    factory.registerOutputFormat(v.name, [v](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
      return std::make_unique<CSVOutputFormat>(out, header, settings, v.with_names, v.with_types);
    });
  }
}

}  // namespace tally
