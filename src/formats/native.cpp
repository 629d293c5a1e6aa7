// Native: ClickHouse's columnar block format, as sent over HTTP (serialization revision 0: no
// BlockInfo, no custom-serialization flags). Each block is
//   VarUInt columns, VarUInt rows, then per column: String name, String type, column data,
// where the data of a column is
//   numbers, dates, enums, Bool: rows fixed-width little-endian values (raw memory);
//   String: per value LEB128 length + bytes; FixedString(N): N bytes per value;
//   Nullable(T): rows null-map bytes (1 = NULL), then the data of T for all rows;
//   Array(T): rows cumulative UInt64 end offsets, then the data of T for all elements;
//   Tuple(...): the data of each element in turn;
//   any other type: its RowBinary value per row.
// LowCardinality(T) columns are written as T (their type name says T): tally does not emit
// ClickHouse's dictionary-encoded form. On input, a column's type must equal the target
// column's type (or be T for a LowCardinality(T) target); columns are matched by name (unknown ones are skipped with
// input_format_skip_unknown_fields, missing ones get defaults).

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "formats/format.h"
#include "types/data_type_array.h"
#include "types/data_type_factory.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"
#include "types/data_type_string.h"

namespace tally {

namespace native {

constexpr size_t kChunkRows = 65536;

void writeString(std::string_view s, WriteBuffer& out) {
  writeVarUInt(s.size(), out);
  out.write(s);
}

std::string readString(ReadBuffer& in, const char* what) {
  uint64_t size = readVarUInt(in);
  if (size > (uint64_t(1) << 20))
    throw Exception(ErrorCodes::INCORRECT_DATA, "Native block: the {} is {} bytes long, which is not plausible", what,
                    size);
  std::string s(size, '\0');
  in.readStrict(s.data(), size);
  return s;
}

/// The type a column is written as: LowCardinality(T) -> T, recursively inside composites is not
/// needed (LowCardinality is only allowed at the top or inside Nullable/Array in tally).
DataTypePtr outputType(const DataTypePtr& type) {
  if (type->typeId() == TypeIndex::LowCardinality)
    return static_cast<const DataTypeLowCardinality&>(*type).getDictionaryType();
  if (type->typeId() == TypeIndex::Array) {
    auto nested = outputType(static_cast<const DataTypeArray&>(*type).getNestedType());
    return nested == static_cast<const DataTypeArray&>(*type).getNestedType() ? type : std::make_shared<DataTypeArray>(nested);
  }
  return type;
}

ColumnPtr fullColumn(const ColumnPtr& column) {
  ColumnPtr c = materialize(column);
  if (c->kind() == ColumnKind::LowCardinality) c = static_cast<const ColumnLowCardinality&>(*c).convertToFullColumn();
  return c;
}

void serializeColumn(const DataType& type, const Column& column, WriteBuffer& out) {
  const size_t rows = column.size();
  switch (column.kind()) {
    case ColumnKind::Nullable: {
      const auto& nullable = static_cast<const ColumnNullable&>(column);
      const auto& null_map = nullable.getNullMapData();
      out.write(reinterpret_cast<const char*>(null_map.data()), null_map.size());
      serializeColumn(*static_cast<const DataTypeNullable&>(type).getNestedType(), nullable.getNestedColumn(), out);
      return;
    }
    case ColumnKind::Array: {
      const auto& array = static_cast<const ColumnArray&>(column);
      const auto& offsets = array.getOffsets();
      out.write(reinterpret_cast<const char*>(offsets.data()), offsets.size() * sizeof(uint64_t));
      serializeColumn(*static_cast<const DataTypeArray&>(type).getNestedType(), array.getData(), out);
      return;
    }
    case ColumnKind::Tuple: {
      const auto& tuple = static_cast<const ColumnTuple&>(column);
      const auto& elements = static_cast<const DataTypeTuple&>(type).getElements();
      for (size_t i = 0; i < tuple.tupleSize(); ++i) serializeColumn(*elements[i], tuple.getColumn(i), out);
      return;
    }
    case ColumnKind::String: {
      const auto& strings = static_cast<const ColumnString&>(column);
      for (size_t i = 0; i < rows; ++i) writeString(strings.getDataAt(i), out);
      return;
    }
    case ColumnKind::Const:
    case ColumnKind::LowCardinality: {
      ColumnPtr full = fullColumn(column.shared_from_this());
      serializeColumn(type, *full, out);
      return;
    }
    default: break;
  }
  if (column.kind() == ColumnKind::Vector && type.isValueRepresentedByNumber() && rows > 0) {
    std::string_view first = column.getDataAt(0);
    out.write(first.data(), first.size() * rows);
    return;
  }
  for (size_t i = 0; i < rows; ++i) type.serializeBinary(column, i, out);
}

template <typename T>
bool readVector(Column& column, ReadBuffer& in, size_t rows) {
  auto* vector = dynamic_cast<ColumnVector<T>*>(&column);
  if (!vector) return false;
  auto& data = vector->getData();
  for (size_t done = 0; done < rows;) {
    size_t n = std::min(rows - done, kChunkRows);
    size_t old = data.size();
    data.resize(old + n);
    in.readStrict(reinterpret_cast<char*>(data.data() + old), n * sizeof(T));
    done += n;
  }
  return true;
}

void deserializeColumn(const DataType& type, Column& column, ReadBuffer& in, size_t rows) {
  switch (column.kind()) {
    case ColumnKind::Nullable: {
      auto& nullable = static_cast<ColumnNullable&>(column);
      auto& null_map = nullable.getNullMapData();
      for (size_t done = 0; done < rows;) {
        size_t n = std::min(rows - done, kChunkRows);
        size_t old = null_map.size();
        null_map.resize(old + n);
        in.readStrict(reinterpret_cast<char*>(null_map.data() + old), n);
        done += n;
      }
      deserializeColumn(*static_cast<const DataTypeNullable&>(type).getNestedType(), nullable.getNestedColumn(), in, rows);
      return;
    }
    case ColumnKind::Array: {
      auto& array = static_cast<ColumnArray&>(column);
      auto& offsets = array.getOffsets();
      uint64_t base = offsets.empty() ? 0 : offsets.back();
      uint64_t previous = 0;
      for (size_t i = 0; i < rows; ++i) {
        uint64_t end;
        in.readStrict(reinterpret_cast<char*>(&end), sizeof(end));
        if (end < previous)
          throw Exception(ErrorCodes::INCORRECT_DATA, "Native block: array offsets decrease ({} after {})", end, previous);
        previous = end;
        offsets.push_back(base + end);
      }
      deserializeColumn(*static_cast<const DataTypeArray&>(type).getNestedType(), array.getData(), in, previous);
      return;
    }
    case ColumnKind::Tuple: {
      auto& tuple = static_cast<ColumnTuple&>(column);
      const auto& elements = static_cast<const DataTypeTuple&>(type).getElements();
      for (size_t i = 0; i < tuple.tupleSize(); ++i) deserializeColumn(*elements[i], tuple.getColumn(i), in, rows);
      return;
    }
    default: break;
  }
  if (type.isValueRepresentedByNumber() &&
      (readVector<UInt8>(column, in, rows) || readVector<UInt16>(column, in, rows) || readVector<UInt32>(column, in, rows) ||
       readVector<UInt64>(column, in, rows) || readVector<Int8>(column, in, rows) || readVector<Int16>(column, in, rows) ||
       readVector<Int32>(column, in, rows) || readVector<Int64>(column, in, rows) ||
       readVector<Float32>(column, in, rows) || readVector<Float64>(column, in, rows)))
    return;
  for (size_t i = 0; i < rows; ++i) {
    if (in.eof())
      throw Exception(ErrorCodes::CANNOT_READ_ALL_DATA, "Native block: the data of a {} column ends after {} of {} rows",
                      type.name(), i, rows);
    type.deserializeBinary(column, in);
  }
}

class NativeOutputFormat final : public IOutputFormat {
 public:
  NativeOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings)
      : IOutputFormat(out, header, settings) {
    for (const auto& c : header_) types_.push_back(outputType(c.type));
  }
  void write(const Block& block) override {
    writeVarUInt(block.columns(), out_);
    writeVarUInt(block.rows(), out_);
    for (size_t i = 0; i < block.columns(); ++i) {
      const auto& c = block.at(i);
      writeString(c.name, out_);
      writeString(types_[i]->name(), out_);
      ColumnPtr full = fullColumn(c.column);
      serializeColumn(*types_[i], *full, out_);
    }
  }
  std::string contentType() const override { return "application/octet-stream"; }

 private:
  DataTypes types_;
};

class NativeInputFormat final : public IInputFormat {
 public:
  NativeInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings)
      : IInputFormat(in, header, settings) {}

  Block read(size_t /*max_rows*/) override {
    while (!in_.eof()) {
      uint64_t num_columns = readVarUInt(in_);
      uint64_t num_rows = readVarUInt(in_);
      if (num_columns > 100000)
        throw Exception(ErrorCodes::INCORRECT_DATA, "Native block: {} columns is not plausible", num_columns);
      const size_t data_start = in_.offset();
      MutableColumns columns;
      for (const auto& c : header_) columns.push_back(c.type->createColumn());
      std::vector<bool> filled(header_.columns(), false);
      for (uint64_t i = 0; i < num_columns; ++i) {
        std::string name = readString(in_, "column name");
        std::string type_name = readString(in_, "type name");
        DataTypePtr type = dataTypeFromString(type_name);
        int position = header_.position(name);
        if (position < 0 && num_columns == header_.columns() && !settings_.with_names_use_header) position = int(i);
        if (position < 0) {
          if (!settings_.skip_unknown_fields)
            throw Exception(ErrorCodes::INCORRECT_DATA, "Native block: unknown column '{}'", name);
          auto scratch = type->createColumn();
          deserializeColumn(*type, *scratch, in_, num_rows);
          continue;
        }
        const auto& target = header_.at(size_t(position));
        if (filled[size_t(position)])
          throw Exception(ErrorCodes::INCORRECT_DATA, "Native block: column '{}' appears twice", name);
        if (type->name() == target.type->name()) {
          deserializeColumn(*target.type, *columns[size_t(position)], in_, num_rows);
        } else if (outputType(target.type)->name() == type->name()) {
          // LowCardinality(T) target, T in the data (what tally writes): encode while inserting.
          auto scratch = type->createColumn();
          deserializeColumn(*type, *scratch, in_, num_rows);
          columns[size_t(position)]->insertRangeFrom(*scratch, 0, num_rows);
        } else {
          throw Exception(ErrorCodes::TYPE_MISMATCH, "Native block: column '{}' has type {}, but the table expects {}",
                          name, type->name(), target.type->name());
        }
        filled[size_t(position)] = true;
      }
      // Every row of a real block takes at least one byte of column data; a header that claims
      // more rows than that must not make us allocate defaults for them.
      if (num_rows > in_.offset() - data_start)
        throw Exception(ErrorCodes::INCORRECT_DATA,
                        "Native block: the header declares {} rows, but the block's columns hold {} bytes", num_rows,
                        in_.offset() - data_start);
      for (size_t i = 0; i < columns.size(); ++i)
        if (!filled[i]) columns[i]->insertManyDefaults(num_rows);
      rows_read_ += num_rows;
      if (num_rows == 0) continue;
      Block block;
      for (size_t i = 0; i < columns.size(); ++i)
        block.insert({std::move(columns[i]), header_.at(i).type, header_.at(i).name});
      return block;
    }
    return header_.cloneEmpty();
  }
};

}  // namespace native

REGISTER_FORMAT(Native) {
  factory.registerOutputFormat("Native", [](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
    return std::make_unique<native::NativeOutputFormat>(out, header, settings);
  });
  factory.registerInputFormat("Native", [](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
    return std::make_unique<native::NativeInputFormat>(in, header, settings);
  });
}

}  // namespace tally
