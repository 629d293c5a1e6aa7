#include "storage/merge_tree/column_serialization.h"

#include <algorithm>
#include <cstring>

#include "columns/column_array.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_array.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace {

[[noreturn]] void truncated() {
  throw Exception(ErrorCodes::CORRUPTED_DATA, "Data part granule is truncated or corrupted");
}

const char* need(const char* pos, const char* end, size_t bytes) {
  if (size_t(end - pos) < bytes) truncated();
  return pos + bytes;
}

bool isFixed(const Column& column) {
  return column.kind() == ColumnKind::Vector || column.kind() == ColumnKind::FixedString;
}

void appendU32s(std::string& out, size_t count, auto value_at) {
  size_t at = out.size();
  out.resize(at + count * sizeof(uint32_t));
  auto* dst = reinterpret_cast<uint32_t*>(out.data() + at);
  for (size_t i = 0; i < count; ++i) dst[i] = uint32_t(value_at(i));
}

}  // namespace

void serializeColumnRange(const DataType& type, const Column& column, size_t start, size_t length, std::string& out) {
  if (length == 0) return;
  if (isFixed(column)) {
    size_t width = column.sizeOfValueIfFixed();
    const char* data = column.getDataAt(start).data();
    out.append(data, width * length);
    return;
  }
  switch (column.kind()) {
    case ColumnKind::String: {
      // Lengths at the narrowest width (1, 2 or 4 bytes, given first) that holds them all.
      const auto& s = static_cast<const ColumnString&>(column);
      size_t longest = 0;
      for (size_t i = 0; i < length; ++i) longest = std::max<size_t>(longest, s.sizeAt(start + i));
      const uint8_t width = longest <= 0xFF ? 1 : longest <= 0xFFFF ? 2 : 4;
      out += char(width);
      size_t at = out.size();
      out.resize(at + length * width);
      for (size_t i = 0; i < length; ++i) {
        uint32_t len = uint32_t(s.sizeAt(start + i));
        std::memcpy(out.data() + at + i * width, &len, width);  // little-endian: the low bytes
      }
      size_t from = s.offsetAt(start), to = s.offsetAt(start + length);
      out.append(reinterpret_cast<const char*>(s.getChars().data()) + from, to - from);
      return;
    }
    case ColumnKind::Nullable: {
      const auto& n = static_cast<const ColumnNullable&>(column);
      out.append(reinterpret_cast<const char*>(n.getNullMapData().data()) + start, length);
      serializeColumnRange(*static_cast<const DataTypeNullable&>(type).getNestedType(), n.getNestedColumn(), start, length, out);
      return;
    }
    case ColumnKind::Array: {
      const auto& a = static_cast<const ColumnArray&>(column);
      const auto& offsets = a.getOffsets();
      auto offset_at = [&](size_t i) -> size_t { return i == 0 ? 0 : offsets[i - 1]; };
      appendU32s(out, length, [&](size_t i) { return offset_at(start + i + 1) - offset_at(start + i); });
      size_t from = offset_at(start), to = offset_at(start + length);
      serializeColumnRange(*static_cast<const DataTypeArray&>(type).getNestedType(), a.getData(), from, to - from, out);
      return;
    }
    case ColumnKind::Tuple: {
      const auto& t = static_cast<const ColumnTuple&>(column);
      const auto& elements = static_cast<const DataTypeTuple&>(type).getElements();
      for (size_t i = 0; i < t.tupleSize(); ++i) serializeColumnRange(*elements[i], t.getColumn(i), start, length, out);
      return;
    }
    case ColumnKind::LowCardinality: {
      const auto& lc = static_cast<const ColumnLowCardinality&>(column);
      ColumnPtr full = lc.cut(start, length);
      full = static_cast<const ColumnLowCardinality&>(*full).convertToFullColumn();
      serializeColumnRange(*static_cast<const DataTypeLowCardinality&>(type).getDictionaryType(), *full, 0, length, out);
      return;
    }
    default: {
      WriteBufferFromString buf(out);  // appends
      for (size_t i = 0; i < length; ++i) type.serializeBinary(column, start + i, buf);
      buf.finalize();
      return;
    }
  }
}

const char* deserializeColumnRange(const DataType& type, Column& column, size_t rows, const char* pos, const char* end) {
  if (rows == 0) return pos;
  if (isFixed(column)) {
    size_t width = column.sizeOfValueIfFixed();
    const char* next = need(pos, end, width * rows);
    size_t old = column.size();
    column.insertManyDefaults(rows);
    std::memcpy(const_cast<char*>(column.getDataAt(old).data()), pos, width * rows);
    return next;
  }
  switch (column.kind()) {
    case ColumnKind::String: {
      auto& s = static_cast<ColumnString&>(column);
      pos = need(pos, end, 1);
      const uint8_t width = uint8_t(pos[-1]);
      if (width != 1 && width != 2 && width != 4) truncated();
      const char* lengths = pos;
      pos = need(pos, end, rows * width);
      auto& offsets = s.getOffsets();
      size_t base = s.getChars().size();
      size_t total = 0;
      size_t old_rows = offsets.size();
      offsets.resize(old_rows + rows);
      auto decode = [&](auto tag) {
        using W = decltype(tag);
        for (size_t i = 0; i < rows; ++i) {
          W len;
          std::memcpy(&len, lengths + i * sizeof(W), sizeof(W));
          total += len;
          offsets[old_rows + i] = base + total;
        }
      };
      if (width == 1) decode(uint8_t());
      else if (width == 2) decode(uint16_t());
      else decode(uint32_t());
      const char* next = need(pos, end, total);
      s.getChars().insert(pos, pos + total);
      return next;
    }
    case ColumnKind::Nullable: {
      auto& n = static_cast<ColumnNullable&>(column);
      const char* next = need(pos, end, rows);
      n.getNullMapData().insert(reinterpret_cast<const UInt8*>(pos), reinterpret_cast<const UInt8*>(next));
      return deserializeColumnRange(*static_cast<const DataTypeNullable&>(type).getNestedType(), n.getNestedColumn(), rows,
                                    next, end);
    }
    case ColumnKind::Array: {
      auto& a = static_cast<ColumnArray&>(column);
      const char* sizes = pos;
      pos = need(pos, end, rows * sizeof(uint32_t));
      auto& offsets = a.getOffsets();
      uint64_t last = offsets.empty() ? 0 : offsets.back();
      uint64_t total = 0;
      for (size_t i = 0; i < rows; ++i) {
        uint32_t len;
        std::memcpy(&len, sizes + i * sizeof(uint32_t), sizeof(len));
        total += len;
        offsets.push_back(last + total);
      }
      return deserializeColumnRange(*static_cast<const DataTypeArray&>(type).getNestedType(), a.getData(), total, pos, end);
    }
    case ColumnKind::Tuple: {
      auto& t = static_cast<ColumnTuple&>(column);
      const auto& elements = static_cast<const DataTypeTuple&>(type).getElements();
      for (size_t i = 0; i < t.tupleSize(); ++i) pos = deserializeColumnRange(*elements[i], t.getColumn(i), rows, pos, end);
      return pos;
    }
    case ColumnKind::LowCardinality: {
      const auto& dict_type = static_cast<const DataTypeLowCardinality&>(type).getDictionaryType();
      MutableColumnPtr full = dict_type->createColumn();
      pos = deserializeColumnRange(*dict_type, *full, rows, pos, end);
      column.insertRangeFrom(*full, 0, rows);
      return pos;
    }
    default: {
      ReadBufferFromMemory buf(pos, size_t(end - pos));
      try {
        for (size_t i = 0; i < rows; ++i) type.deserializeBinary(column, buf);
      } catch (const Exception&) {
        truncated();
      }
      return pos + buf.offset();
    }
  }
}

}  // namespace tally
