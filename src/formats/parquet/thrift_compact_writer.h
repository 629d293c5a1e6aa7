#pragma once
// A minimal writer of the Thrift compact protocol (the counterpart of thrift_compact.h), enough
// for parquet.thrift's footer and page headers: structs with delta-encoded field ids, zigzag
// varint integers, bools in the field header, binary/strings, lists. Fields must be written in
// increasing id order inside a struct (as parquet.thrift numbers them); the writer keeps a
// stack of the last field id per open struct. Output goes to a std::string it appends to.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tally::parquet {

class ThriftCompactWriter {
 public:
  enum Type : uint8_t {
    STOP = 0, BOOL_TRUE = 1, BOOL_FALSE = 2, BYTE = 3, I16 = 4, I32 = 5, I64 = 6, DOUBLE = 7, BINARY = 8,
    LIST = 9, SET = 10, MAP = 11, STRUCT = 12,
  };

  explicit ThriftCompactWriter(std::string& out) : out_(out) { last_ids_.push_back(0); }

  void fieldI16(int16_t id, int16_t v) { fieldHeader(id, I16); varint(zigzag(v)); }
  void fieldI32(int16_t id, int32_t v) { fieldHeader(id, I32); varint(zigzag(v)); }
  void fieldI64(int16_t id, int64_t v) { fieldHeader(id, I64); varint(zigzag(v)); }
  void fieldByte(int16_t id, int8_t v) { fieldHeader(id, BYTE); out_.push_back(char(v)); }
  void fieldBool(int16_t id, bool v) { fieldHeader(id, v ? BOOL_TRUE : BOOL_FALSE); }
  void fieldBinary(int16_t id, std::string_view v) { fieldHeader(id, BINARY); binary(v); }
  /// Opens a struct-valued field; close it with endStruct().
  void beginStructField(int16_t id) { fieldHeader(id, STRUCT); beginStruct(); }
  /// Opens a list-valued field of `count` elements of `elem_type`.
  void beginListField(int16_t id, uint8_t elem_type, size_t count) { fieldHeader(id, LIST); listHeader(elem_type, count); }

  /// Elements of a list (no field headers).
  void elemI32(int32_t v) { varint(zigzag(v)); }
  void elemBinary(std::string_view v) { binary(v); }
  /// A struct element of a list (or the top-level struct): close it with endStruct().
  void beginStruct() { last_ids_.push_back(0); }
  void endStruct() {
    out_.push_back(char(STOP));
    last_ids_.pop_back();
  }

  /// The top-level struct is implicit: call endStruct() once at the end to write its STOP.
  size_t depth() const { return last_ids_.size(); }

 private:
  void fieldHeader(int16_t id, uint8_t type) {
    int16_t& last = last_ids_.back();
    int delta = id - last;
    if (delta > 0 && delta <= 15) {
      out_.push_back(char((delta << 4) | type));
    } else {
      out_.push_back(char(type));
      varint(zigzag(id));
    }
    last = id;
  }
  void listHeader(uint8_t elem_type, size_t count) {
    if (count < 15) {
      out_.push_back(char((count << 4) | elem_type));
    } else {
      out_.push_back(char(0xf0 | elem_type));
      varint(count);
    }
  }
  void binary(std::string_view v) {
    varint(v.size());
    out_.append(v.data(), v.size());
  }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(char(uint8_t(v) | 0x80));
      v >>= 7;
    }
    out_.push_back(char(v));
  }
  static uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }

  std::string& out_;
  std::vector<int16_t> last_ids_;
};

}  // namespace tally::parquet
