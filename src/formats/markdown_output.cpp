// Output format Markdown (MD): a Markdown table.
//   | name1 | name2 |\n|-:|:-|\n| v | v |\n
// The alignment row has "-:|" for right-aligned (number and date) columns and ":-|" for the
// others; names and values are written in the escaped text form.

#include "formats/format.h"
#include "formats/output_text.h"
#include "io/write_helpers.h"

namespace tally {

namespace markdown_output {

class MarkdownOutputFormat final : public IOutputFormat {
 public:
  MarkdownOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings)
      : IOutputFormat(out, header, settings) {}

  void writePrefix() override {
    size_t n = header_.columns();
    out_.write("| ");
    for (size_t i = 0; i < n; ++i) {
      writeEscapedString(header_[i].name, out_);
      out_.write(i + 1 == n ? " |" : " | ");
    }
    out_.write("\n|");
    for (size_t i = 0; i < n; ++i) out_.write(header_[i].type->shouldAlignRightInPrettyFormats() ? "-:|" : ":-|");
    out_.write('\n');
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    for (size_t row = 0; row < rows; ++row) {
      out_.write("| ");
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i) out_.write(" | ");
        header_[i].type->serializeTextEscaped(*columns[i], row, out_, settings_);
      }
      out_.write(" |\n");
    }
  }
};

}  // namespace markdown_output

REGISTER_FORMAT(MarkdownOutput) {
  factory.registerOutputFormat("Markdown", [](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
    return std::make_unique<markdown_output::MarkdownOutputFormat>(out, header, settings);
  });
  factory.registerAlias("MD", "Markdown");
  factory.registerFileExtension("md", "Markdown");
}

}  // namespace tally
