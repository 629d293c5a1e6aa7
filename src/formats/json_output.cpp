// Output formats JSON, JSONCompact, JSONStrings, JSONCompactStrings: one JSON document with
// TAB indentation:
//   {\n\t"meta":\n\t[ {name, type} ... ],\n\n\t"data":\n\t[ rows ],\n\n
//   [\t"totals": ...,\n\n] [\t"extremes": {min, max},\n\n] \t"rows": N
//   [,\n\n\t"rows_before_limit_at_least": N] [,\n\n\t"statistics": {elapsed, rows_read, bytes_read}]\n}\n
// JSON rows are objects ("name": value per line), Compact rows are arrays [v, v]; the Strings
// variants write every value as a JSON string of its plain text. Output is UTF-8 validated
// (invalid bytes become U+FFFD).

#include "formats/format.h"
#include "formats/output_text.h"
#include "formats/valid_utf8_write_buffer.h"
#include "io/write_helpers.h"

namespace tally {

namespace json_output {

class JSONOutputFormat final : public IOutputFormat {
 public:
  JSONOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, bool compact, bool strings)
      : IOutputFormat(out, header, settings), valid_(out), compact_(compact), strings_(strings) {
    for (const auto& c : header_) {
      std::string quoted;
      {
        WriteBufferFromString buf(quoted);
        writeJSONString(c.name, buf, settings_.json.escape_forward_slashes);
        buf.finalize();
      }
      names_.push_back(quoted);
    }
  }

  void writePrefix() override {
    valid_.write("{\n\t\"meta\":\n\t[\n");
    for (size_t i = 0; i < header_.columns(); ++i) {
      valid_.write("\t\t{\n\t\t\t\"name\": ");
      valid_.write(names_[i]);
      valid_.write(",\n\t\t\t\"type\": ");
      writeJSONString(header_[i].type->name(), valid_, settings_.json.escape_forward_slashes);
      valid_.write("\n\t\t}");
      if (i + 1 < header_.columns()) valid_.write(",\n");
    }
    valid_.write("\n\t],\n\n\t\"data\":\n\t[\n");
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    for (size_t row = 0; row < rows; ++row) {
      if (rows_written_) valid_.write(",\n");
      if (compact_) {
        valid_.write("\t\t[");
        writeCompactValues(columns, row);
        valid_.write(']');
      } else {
        valid_.write("\t\t{\n");
        writeObjectFields(columns, row, "\t\t\t");
        valid_.write("\n\t\t}");
      }
      ++rows_written_;
    }
  }

  void writeTotals(const Block& totals) override {
    closeData();
    if (!totals.rows()) return;
    Columns columns = fullColumns(totals);
    if (compact_) {
      valid_.write(",\n\n\t\"totals\": [");
      writeCompactValues(columns, 0);
      valid_.write(']');
    } else {
      valid_.write(",\n\n\t\"totals\":\n\t{\n");
      writeObjectFields(columns, 0, "\t\t");
      valid_.write("\n\t}");
    }
  }

  void writeExtremes(const Block& min, const Block& max) override {
    closeData();
    if (!min.rows() || !max.rows()) return;
    valid_.write(",\n\n\t\"extremes\":\n\t{\n");
    writeExtreme("min", min);
    valid_.write(",\n");
    writeExtreme("max", max);
    valid_.write("\n\t}");
  }

  void flush() override { valid_.flush(); }

  void finalize() override {
    closeData();
    valid_.write(",\n\n\t\"rows\": ");
    writeIntText(rows_written_, valid_);
    if (statistics_.rows_before_limit) {
      valid_.write(",\n\n\t\"rows_before_limit_at_least\": ");
      writeIntText(*statistics_.rows_before_limit, valid_);
    }
    if (settings_.write_statistics) {
      valid_.write(",\n\n\t\"statistics\":\n\t{\n\t\t\"elapsed\": ");
      writeFloatText(statistics_.elapsed_seconds, valid_);
      valid_.write(",\n\t\t\"rows_read\": ");
      writeIntText(statistics_.rows_read, valid_);
      valid_.write(",\n\t\t\"bytes_read\": ");
      writeIntText(statistics_.bytes_read, valid_);
      valid_.write("\n\t}");
    }
    valid_.write("\n}\n");
    valid_.finalize();
    out_.next();
  }

  std::string contentType() const override { return "application/json; charset=UTF-8"; }

 private:
  void closeData() {
    if (data_closed_) return;
    data_closed_ = true;
    valid_.write("\n\t]");
  }

  void writeCompactValues(const Columns& columns, size_t row) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) valid_.write(", ");
      writeJSONValue(*header_[i].type, *columns[i], row, strings_, valid_, settings_);
    }
  }

  void writeObjectFields(const Columns& columns, size_t row, const char* indent) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) valid_.write(",\n");
      valid_.write(indent);
      valid_.write(names_[i]);
      valid_.write(": ");
      writeJSONValue(*header_[i].type, *columns[i], row, strings_, valid_, settings_);
    }
  }

  void writeExtreme(const char* title, const Block& block) {
    Columns columns = fullColumns(block);
    valid_.write("\t\t\"");
    valid_.write(title);
    if (compact_) {
      valid_.write("\": [");
      writeCompactValues(columns, 0);
      valid_.write(']');
    } else {
      valid_.write("\":\n\t\t{\n");
      writeObjectFields(columns, 0, "\t\t\t");
      valid_.write("\n\t\t}");
    }
  }

  ValidUTF8WriteBuffer valid_;
  bool compact_, strings_;
  std::vector<std::string> names_;
  size_t rows_written_ = 0;
  bool data_closed_ = false;
};

}  // namespace json_output

REGISTER_FORMAT(JSONOutput) {
  using json_output::JSONOutputFormat;
  struct Variant {
    const char* name;
    bool compact, strings;
  };
  static const Variant variants[] = {{"JSON", false, false},
                                     {"JSONCompact", true, false},
                                     {"JSONStrings", false, true},
                                     {"JSONCompactStrings", true, true}};
  for (const auto& v : variants) {
    factory.registerOutputFormat(v.name, [v](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
      return std::make_unique<JSONOutputFormat>(out, header, settings, v.compact, v.strings);
    });
  }
}

}  // namespace tally
