#pragma once
// Binary primitives of aggregate states (the bytes of AggregateFunction(...) values), in
// ClickHouse's little-endian layouts: raw fixed-width values, LEB128 varints, length-prefixed strings.

#include <cstring>
#include <string_view>
#include <type_traits>

#include "common/exception.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_string.h"

namespace tally {

template <typename T>
inline void writePodBinary(const T& value, WriteBuffer& out) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
inline T readPodBinary(ReadBuffer& in) {
  static_assert(std::is_trivially_copyable_v<T>);
  T value;
  in.readStrict(reinterpret_cast<char*>(&value), sizeof(T));
  return value;
}

/// Varint length + bytes.
inline void writeStringBinary(std::string_view s, WriteBuffer& out) {
  writeVarUInt(s.size(), out);
  out.write(s.data(), s.size());
}

/// Reads a varint size and checks it against a sanity limit (corrupted states).
inline uint64_t readSizeBinary(ReadBuffer& in, uint64_t limit = uint64_t(1) << 40) {
  uint64_t size = readVarUInt(in);
  if (size > limit)
    throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Too large size ({}) in the state of an aggregate function", size);
  return size;
}

}  // namespace tally
