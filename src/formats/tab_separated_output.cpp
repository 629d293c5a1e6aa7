// Output formats TabSeparated (TSV), TabSeparatedRaw (TSVRaw, Raw), TabSeparatedWithNames,
// TabSeparatedWithNamesAndTypes and their Raw variants.
//
// Each value in the escaped text form (raw text for Raw) followed by '\t', the last of a row
// by '\n' (CRLF with output_format_tsv_crlf_end_of_line). WithNames adds a line of escaped
// column names, WithNamesAndTypes a second line of type names. Totals and extremes follow
// the data after an empty line each.

#include "formats/format.h"
#include "formats/tab_separated_variants.h"
#include "formats/output_text.h"
#include "io/write_helpers.h"

namespace tally {

namespace tab_separated_output {

class TabSeparatedOutputFormat final : public IOutputFormat {
 public:
  TabSeparatedOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, bool with_names,
                           bool with_types, bool raw)
      : IOutputFormat(out, header, settings), with_names_(with_names), with_types_(with_types), raw_(raw) {}

  void writePrefix() override {
    size_t n = header_.columns();
    if (with_names_) {
      for (size_t i = 0; i < n; ++i) {
        if (i) out_.write('\t');
        if (raw_)
          out_.write(header_[i].name);
        else
          writeEscapedString(header_[i].name, out_);
      }
      writeLineEnd();
    }
    if (with_types_) {
      for (size_t i = 0; i < n; ++i) {
        if (i) out_.write('\t');
        if (raw_)
          out_.write(header_[i].type->name());
        else
          writeEscapedString(header_[i].type->name(), out_);
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

  std::string contentType() const override { return "text/tab-separated-values; charset=UTF-8"; }

 private:
  void writeLineEnd() {
    if (settings_.tsv.crlf_end_of_line) out_.write('\r');
    out_.write('\n');
  }

  void writeRow(const Columns& columns, size_t row) {
    size_t n = columns.size();
    for (size_t i = 0; i < n; ++i) {
      if (i) out_.write('\t');
      const DataType& type = *header_[i].type;
      if (raw_)
        writeRawText(type, *columns[i], row, out_, settings_);
      else
        type.serializeTextEscaped(*columns[i], row, out_, settings_);
    }
    writeLineEnd();
  }

  bool with_names_, with_types_, raw_;
};

}  // namespace tab_separated_output

REGISTER_FORMAT(TabSeparatedOutput) {
  using tab_separated_output::TabSeparatedOutputFormat;
  for (const auto& v : kTabSeparatedVariants) {
    factory.registerOutputFormat(v.name, [v](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
      return std::make_unique<TabSeparatedOutputFormat>(out, header, settings, v.with_names, v.with_types, v.raw);
    });
  }
}

}  // namespace tally
