#pragma once
// A minimal reader of the Thrift compact protocol, enough for parquet.thrift: structs (field
// headers with delta-encoded ids), zigzag varint integers, doubles, binary/strings, lists and
// sets, and skipping of anything unknown (maps too). It reads from a byte range it never leaves:
// every overrun, bad type or too deep nesting throws INCORRECT_DATA with the file position
// (`base_offset` + position in the range) and what was being read.

#include <cstdint>
#include <cstring>
#include <string>

#include "common/exception.h"

namespace tally::parquet {

class ThriftCompactReader {
 public:
  enum Type : uint8_t {
    STOP = 0, BOOL_TRUE = 1, BOOL_FALSE = 2, BYTE = 3, I16 = 4, I32 = 5, I64 = 6, DOUBLE = 7, BINARY = 8,
    LIST = 9, SET = 10, MAP = 11, STRUCT = 12,
  };

  ThriftCompactReader(const char* data, size_t size, size_t base_offset, const char* what)
      : begin_(reinterpret_cast<const uint8_t*>(data)), pos_(begin_), end_(begin_ + size), base_(base_offset),
        what_(what) {}

  size_t consumed() const { return size_t(pos_ - begin_); }

  /// Field header of a struct: false at STOP. `last_id` is the previous field id (0 at start).
  bool readFieldHeader(int16_t& last_id, uint8_t& type) {
    uint8_t byte = readByte();
    if (byte == 0) return false;
    type = byte & 0x0f;
    uint8_t delta = byte >> 4;
    if (delta != 0)
      last_id = int16_t(last_id + delta);
    else
      last_id = int16_t(zigzag(readVarint()));
    if (type > STRUCT) fail("an unknown field type {}", type);
    return true;
  }

  /// Value of a BOOL field (its value is in the field header type).
  static bool fieldBool(uint8_t type) { return type == BOOL_TRUE; }

  int64_t readInt() { return zigzag(readVarint()); }
  /// A BYTE (i8) value: one raw byte, not a varint.
  int8_t readI8() { return int8_t(readByte()); }
  int32_t readI32() {
    int64_t v = readInt();
    if (v < INT32_MIN || v > INT32_MAX) fail("an i32 out of range ({})", v);
    return int32_t(v);
  }
  double readDouble() {
    need(8);
    double d;
    std::memcpy(&d, pos_, 8);
    pos_ += 8;
    return d;
  }
  std::string readBinary() {
    uint64_t n = readVarint();
    if (n > uint64_t(end_ - pos_)) fail("a string of {} bytes past the end", n);
    std::string s(reinterpret_cast<const char*>(pos_), size_t(n));
    pos_ += n;
    return s;
  }
  /// List/set header: element type and count (checked against the bytes left: each element
  /// takes at least one byte).
  void readListHeader(uint8_t& elem_type, uint64_t& count) {
    uint8_t byte = readByte();
    elem_type = byte & 0x0f;
    count = byte >> 4;
    if (count == 15) count = readVarint();
    if (count > uint64_t(end_ - pos_)) fail("a list of {} elements past the end", count);
  }

  /// Skips one value of `type`.
  void skip(uint8_t type, int depth = 0) {
    if (depth > 64) fail("structures nested too deeply");
    switch (type) {
      case BOOL_TRUE:
      case BOOL_FALSE: return;  // field form: value in the header
      case BYTE: readByte(); return;  // one raw byte
      case I16:
      case I32:
      case I64: readVarint(); return;
      case DOUBLE: need(8); pos_ += 8; return;
      case BINARY: {
        uint64_t n = readVarint();
        if (n > uint64_t(end_ - pos_)) fail("a string of {} bytes past the end", n);
        pos_ += n;
        return;
      }
      case LIST:
      case SET: {
        uint8_t elem;
        uint64_t count;
        readListHeader(elem, count);
        for (uint64_t i = 0; i < count; ++i) {
          if (elem == BOOL_TRUE || elem == BOOL_FALSE) readByte();  // list form: one byte each
          else skip(elem, depth + 1);
        }
        return;
      }
      case MAP: {
        uint64_t count = readVarint();
        if (count == 0) return;
        if (count > uint64_t(end_ - pos_)) fail("a map of {} entries past the end", count);
        uint8_t kv = readByte();
        for (uint64_t i = 0; i < count; ++i) {
          skip(kv >> 4, depth + 1);
          skip(kv & 0x0f, depth + 1);
        }
        return;
      }
      case STRUCT: {
        int16_t id = 0;
        uint8_t t;
        while (readFieldHeader(id, t)) skip(t, depth + 1);
        return;
      }
      default: fail("an unknown value type {}", type);
    }
  }

  template <typename... Args>
  [[noreturn]] void fail(const char* format, Args&&... args) const {
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: corrupt {} at file position {}: {}", what_,
                    base_ + size_t(pos_ - begin_), fmt::format(fmt::runtime(format), std::forward<Args>(args)...));
  }

 private:
  void need(size_t n) {
    if (size_t(end_ - pos_) < n) fail("unexpected end of metadata");
  }
  uint8_t readByte() {
    need(1);
    return *pos_++;
  }
  uint64_t readVarint() {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = readByte();
      result |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
    }
    fail("a varint longer than 10 bytes");
  }
  static int64_t zigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

  const uint8_t* begin_;
  const uint8_t* pos_;
  const uint8_t* end_;
  size_t base_;
  const char* what_;
};

}  // namespace tally::parquet
