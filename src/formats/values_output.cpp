// Output format Values: rows as SQL tuples of quoted literals, "(1,'a',NULL),(2,'b',[1,2])",
// separated by ',' with no spaces and no trailing line feed.

#include "formats/format.h"
#include "formats/output_text.h"

namespace tally {

namespace values_output {

class ValuesOutputFormat final : public IOutputFormat {
 public:
  ValuesOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings)
      : IOutputFormat(out, header, settings) {}

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    for (size_t row = 0; row < rows; ++row) {
      if (rows_written_) out_.write(',');
      out_.write('(');
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i) out_.write(',');
        header_[i].type->serializeTextQuoted(*columns[i], row, out_, settings_);
      }
      out_.write(')');
      ++rows_written_;
    }
  }

 private:
  size_t rows_written_ = 0;
};

}  // namespace values_output

REGISTER_FORMAT(ValuesOutput) {
  factory.registerOutputFormat("Values", [](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
    return std::make_unique<values_output::ValuesOutputFormat>(out, header, settings);
  });
}

}  // namespace tally
