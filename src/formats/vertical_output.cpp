// Output format Vertical: each row as "Row N:", a rule of ─, then one "name: value" line per
// column with the values aligned; rows separated by an empty line. NULL is ᴺᵁᴸᴸ, control
// characters are shown as Control Pictures, numbers above the tip threshold get
// " -- 1.23 million". Totals and extremes follow as "Totals:", "Min:" and "Max:" sections;
// after output_format_pretty_max_rows rows the output ends with "Showed first N.".

#include <cmath>

#include "formats/display_width.h"
#include "formats/format.h"
#include "formats/output_text.h"
#include "formats/pretty_text.h"
#include "io/write_helpers.h"

namespace tally {

namespace vertical_output {

class VerticalOutputFormat final : public IOutputFormat {
 public:
  VerticalOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings)
      : IOutputFormat(out, header, settings) {
    size_t max_width = 0;
    std::vector<size_t> widths;
    for (const auto& c : header_) {
      widths.push_back(displayWidth(c.name));
      max_width = std::max(max_width, widths.back());
      is_number_.push_back(isNumberColumnType(c.type));
    }
    for (size_t i = 0; i < header_.columns(); ++i) {
      std::string prefix = settings_.pretty.color ? "\033[1m" + header_[i].name + ":\033[0m " : header_[i].name + ": ";
      prefix.append(max_width - widths[i], ' ');
      prefixes_.push_back(std::move(prefix));
    }
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    for (size_t row = 0; row < rows; ++row) {
      ++row_number_;
      if (row_number_ > settings_.pretty.max_rows) continue;
      if (row_number_ > 1) out_.write('\n');
      out_.write("Row ");
      writeIntText(row_number_, out_);
      out_.write(":\n");
      size_t width = size_t(std::log10(double(row_number_ + 1))) + 1 + 5;
      writeRule(width);
      writeFields(columns, row);
    }
  }

  void writeTotals(const Block& totals) override {
    if (!totals.rows()) return;
    out_.write("\n\n");
    writeSpecialRow(totals, "Totals");
    totals_written_ = true;
  }

  void writeExtremes(const Block& min, const Block& max) override {
    if (!min.rows() || !max.rows()) return;
    if (!totals_written_) out_.write('\n');
    out_.write('\n');
    writeSpecialRow(min, "Min");
    out_.write('\n');
    writeSpecialRow(max, "Max");
  }

 protected:
  void writeSuffix() override {
    if (row_number_ > settings_.pretty.max_rows) {
      out_.write("Showed first ");
      writeIntText(settings_.pretty.max_rows, out_);
      out_.write(".\n");
    }
  }

 private:
  void writeRule(size_t width) {
    for (size_t i = 0; i < width; ++i) out_.write("─");
    out_.write('\n');
  }

  void writeFields(const Columns& columns, size_t row) {
    for (size_t i = 0; i < columns.size(); ++i) {
      out_.write(prefixes_[i]);
      std::string text = plainText(*header_[i].type, *columns[i], row, settings_);
      if (settings_.pretty.vertical_display_control_characters) text = replaceControlCharacters(text);
      out_.write(text);
      if (is_number_[i]) out_.write(readableNumberTip(*columns[i], row, settings_, settings_.pretty.color));
      out_.write('\n');
    }
  }

  void writeSpecialRow(const Block& block, const char* title) {
    Columns columns = fullColumns(block);
    out_.write(title);
    out_.write(":\n");
    writeRule(std::string_view(title).size() + 1);
    writeFields(columns, 0);
  }

  std::vector<std::string> prefixes_;
  std::vector<bool> is_number_;
  size_t row_number_ = 0;
  bool totals_written_ = false;
};

}  // namespace vertical_output

REGISTER_FORMAT(VerticalOutput) {
  factory.registerOutputFormat("Vertical", [](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
    return std::make_unique<vertical_output::VerticalOutputFormat>(out, header, settings);
  });
}

}  // namespace tally
