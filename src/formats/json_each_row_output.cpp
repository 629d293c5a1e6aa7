// Output formats of one JSON value per row:
//   JSONEachRow (JSONLines, NDJSON, JSONL)  {"a":1,"b":"x"}\n
//   JSONStringsEachRow                      {"a":"1","b":"x"}\n
//   JSONCompactEachRow[WithNames[AndTypes]] [1, "x"]\n  (names / types as leading rows)
//   JSONCompactStringsEachRow[WithNames[AndTypes]]
// output_format_json_array_of_rows wraps the JSONEachRow rows in "[\n" ... ",\n" ... "\n]\n".
// The compact formats with names write totals after an empty line.

#include "formats/format.h"
#include "formats/output_text.h"
#include "io/write_helpers.h"

namespace tally {

namespace json_each_row_output {

class JSONEachRowOutputFormat final : public IOutputFormat {
 public:
  JSONEachRowOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, bool strings)
      : IOutputFormat(out, header, settings), strings_(strings) {
    for (const auto& c : header_) {
      std::string key;
      {
        WriteBufferFromString buf(key);
        writeJSONString(c.name, buf, settings_.json.escape_forward_slashes);
        buf.write(':');
        buf.finalize();
      }
      keys_.push_back(std::move(key));
    }
  }

  void writePrefix() override {
    if (settings_.json.array_of_rows) out_.write("[\n");
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    bool array = settings_.json.array_of_rows;
    for (size_t row = 0; row < rows; ++row) {
      if (array && rows_written_) out_.write(",\n");
      out_.write('{');
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i) out_.write(',');
        out_.write(keys_[i]);
        writeJSONValue(*header_[i].type, *columns[i], row, strings_, out_, settings_);
      }
      out_.write(array ? "}" : "}\n");
      ++rows_written_;
    }
  }

  std::string contentType() const override {
    return settings_.json.array_of_rows ? "application/json; charset=UTF-8" : "application/x-ndjson; charset=UTF-8";
  }

 protected:
  void writeSuffix() override {
    if (settings_.json.array_of_rows) out_.write("\n]\n");
  }

 private:
  bool strings_;
  std::vector<std::string> keys_;
  size_t rows_written_ = 0;
};

class JSONCompactEachRowOutputFormat final : public IOutputFormat {
 public:
  JSONCompactEachRowOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, bool strings,
                                 bool with_names, bool with_types)
      : IOutputFormat(out, header, settings), strings_(strings), with_names_(with_names), with_types_(with_types) {}

  void writePrefix() override {
    if (with_names_) {
      std::vector<std::string> names;
      for (const auto& c : header_) names.push_back(c.name);
      writeLine(names);
    }
    if (with_types_) {
      std::vector<std::string> types;
      for (const auto& c : header_) types.push_back(c.type->name());
      writeLine(types);
    }
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    for (size_t row = 0; row < rows; ++row) writeRow(columns, row);
  }

  void writeTotals(const Block& totals) override {
    if (!with_names_ || !totals.rows()) return;
    Columns columns = fullColumns(totals);
    out_.write('\n');
    writeRow(columns, 0);
  }

 private:
  void writeLine(const std::vector<std::string>& values) {
    out_.write('[');
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out_.write(", ");
      writeJSONString(values[i], out_, settings_.json.escape_forward_slashes);
    }
    out_.write("]\n");
  }

  void writeRow(const Columns& columns, size_t row) {
    out_.write('[');
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) out_.write(", ");
      writeJSONValue(*header_[i].type, *columns[i], row, strings_, out_, settings_);
    }
    out_.write("]\n");
  }

  bool strings_, with_names_, with_types_;
};

}  // namespace json_each_row_output

REGISTER_FORMAT(JSONEachRowOutput) {
  using json_each_row_output::JSONCompactEachRowOutputFormat;
  using json_each_row_output::JSONEachRowOutputFormat;
  for (bool strings : {false, true}) {
    factory.registerOutputFormat(strings ? "JSONStringsEachRow" : "JSONEachRow",
                                 [strings](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
                                   return std::make_unique<JSONEachRowOutputFormat>(out, header, settings, strings);
                                 });
  }
  struct Variant {
    const char* name;
    bool strings, with_names, with_types;
  };
  static const Variant variants[] = {
      {"JSONCompactEachRow", false, false, false},
      {"JSONCompactEachRowWithNames", false, true, false},
      {"JSONCompactEachRowWithNamesAndTypes", false, true, true},
      {"JSONCompactStringsEachRow", true, false, false},
      {"JSONCompactStringsEachRowWithNames", true, true, false},
      {"JSONCompactStringsEachRowWithNamesAndTypes", true, true, true},
  };
  for (const auto& v : variants) {
    factory.registerOutputFormat(v.name, [v](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
      return std::make_unique<JSONCompactEachRowOutputFormat>(out, header, settings, v.strings, v.with_names,
                                                              v.with_types);
    });
  }
  factory.registerAlias("JSONLines", "JSONEachRow");
  factory.registerAlias("NDJSON", "JSONEachRow");
  factory.registerAlias("JSONL", "JSONEachRow");
  factory.registerFileExtension("ndjson", "JSONEachRow");
  factory.registerFileExtension("jsonl", "JSONEachRow");
}

}  // namespace tally
