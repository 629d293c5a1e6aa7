// Formats RowBinary, RowBinaryWithNames, RowBinaryWithNamesAndTypes (input and output).
//
// Rows one after another, each value in its binary form (little-endian numbers, LEB128 length
// + bytes for strings, a NULL flag byte before Nullable values, LEB128 count before array
// elements). WithNames starts with LEB128 N and N column names as strings, WithNamesAndTypes
// adds N type names. On input the header maps the fields to columns by name; a field of an
// unknown column can be skipped only when its type is known (WithNamesAndTypes).

#include "common/exception.h"
#include "formats/output_text.h"
#include "formats/row_input_format.h"
#include "types/data_type_factory.h"
#include "types/data_type_string.h"

namespace tally {

namespace row_binary {

void writeBinaryString(std::string_view s, WriteBuffer& out) {
  writeVarUInt(s.size(), out);
  out.write(s);
}

std::string readBinaryString(ReadBuffer& in) {
  uint64_t size = readVarUInt(in);
  if (size > (uint64_t(1) << 30))
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "Too large string size: {}. The maximum is: 1073741824", size);
  std::string s(size, '\0');
  in.readStrict(s.data(), size);
  return s;
}

class RowBinaryOutputFormat final : public IOutputFormat {
 public:
  RowBinaryOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, bool with_names,
                        bool with_types)
      : IOutputFormat(out, header, settings), with_names_(with_names), with_types_(with_types) {}

  void writePrefix() override {
    if (!with_names_ && !with_types_) return;
    writeVarUInt(header_.columns(), out_);
    if (with_names_)
      for (const auto& c : header_) writeBinaryString(c.name, out_);
    if (with_types_)
      for (const auto& c : header_) writeBinaryString(c.type->name(), out_);
  }

  void write(const Block& block) override {
    Columns columns = fullColumns(block);
    size_t rows = block.rows();
    size_t n = columns.size();
    for (size_t row = 0; row < rows; ++row)
      for (size_t i = 0; i < n; ++i) header_[i].type->serializeBinary(*columns[i], row, out_);
  }

  std::string contentType() const override { return "application/octet-stream"; }

 private:
  bool with_names_, with_types_;
};

class RowBinaryInputFormat final : public RowInputFormat {
 public:
  RowBinaryInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings, bool with_names,
                       bool with_types)
      : RowInputFormat(in, header, settings), with_names_(with_names), with_types_(with_types) {
    mapping_.setIdentity(header_.columns());
  }

 protected:
  void readPrefix() override {
    if (!with_names_ && !with_types_) return;
    uint64_t count = readVarUInt(in_);
    if (count > (uint64_t(1) << 20))
      throw Exception(ErrorCodes::INCORRECT_DATA, "Too many columns in the RowBinary header: {}", count);
    std::vector<std::string> names, type_names;
    for (uint64_t i = 0; i < count; ++i) names.push_back(readBinaryString(in_));
    if (with_types_)
      for (uint64_t i = 0; i < count; ++i) type_names.push_back(readBinaryString(in_));
    if (settings_.with_names_use_header) {
      mapping_.setFromNames(names, header_, settings_.skip_unknown_fields);
    } else if (count != header_.columns()) {
      throw Exception(ErrorCodes::INCORRECT_DATA,
                      "The number of columns in the RowBinary header ({}) differs from the number of columns in the "
                      "table ({})",
                      count, header_.columns());
    }
    for (size_t i = 0; i < mapping_.field_to_column.size(); ++i) {
      if (mapping_.field_to_column[i] >= 0) continue;
      if (!with_types_)
        throw Exception(ErrorCodes::INCORRECT_DATA,
                        "Cannot skip unknown field '{}' in RowBinaryWithNames format, because its type is unknown",
                        names[i]);
    }
    if (with_types_) {
      skip_types_.resize(type_names.size());
      for (size_t i = 0; i < type_names.size(); ++i)
        if (mapping_.field_to_column[i] < 0) skip_types_[i] = dataTypeFromString(type_names[i]);
      if (settings_.with_types_use_header) mapping_.checkTypes(type_names, header_);
    }
  }

  bool readRow(MutableColumns& columns) override {
    if (in_.eof()) return false;
    size_t num_fields = mapping_.field_to_column.size();
    // A row of no fields consumes no bytes: data after such a header could never be read.
    if (num_fields == 0)
      throw Exception(ErrorCodes::INCORRECT_DATA, "The RowBinary header declares no columns, but data follows it");
    for (size_t i = 0; i < num_fields; ++i) {
      int column = mapping_.field_to_column[i];
      if (column >= 0) {
        types()[size_t(column)]->deserializeBinary(*columns[size_t(column)], in_);
      } else {
        auto scratch = skip_types_[i]->createColumn();
        skip_types_[i]->deserializeBinary(*scratch, in_);
      }
    }
    for (size_t column : mapping_.missing_columns) columns[column]->insertDefault();
    return true;
  }

 private:
  bool with_names_, with_types_;
  ColumnMapping mapping_;
  DataTypes skip_types_;
};

}  // namespace row_binary

REGISTER_FORMAT(RowBinary) {
  using row_binary::RowBinaryInputFormat;
  using row_binary::RowBinaryOutputFormat;
  struct Variant {
    const char* name;
    bool with_names, with_types;
  };
  static const Variant variants[] = {{"RowBinary", false, false},
                                     {"RowBinaryWithNames", true, false},
                                     {"RowBinaryWithNamesAndTypes", true, true}};
  for (const auto& v : variants) {
    factory.registerOutputFormat(v.name, [v](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
      return std::make_unique<RowBinaryOutputFormat>(out, header, settings, v.with_names, v.with_types);
    });
    factory.registerInputFormat(v.name, [v](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
      return std::make_unique<RowBinaryInputFormat>(in, header, settings, v.with_names, v.with_types);
    });
  }
}

}  // namespace tally
