#pragma once
// Fixed-width value types shared by columns, data types and functions.

#include <cstdint>
#include <functional>
#include <string_view>

namespace tally {

using UInt8 = uint8_t;
using UInt16 = uint16_t;
using UInt32 = uint32_t;
using UInt64 = uint64_t;
using Int8 = int8_t;
using Int16 = int16_t;
using Int32 = int32_t;
using Int64 = int64_t;
using Float32 = float;
using Float64 = double;

/// 128-bit unsigned value; the in-memory form of UUID (high half = first 8 bytes of the text form).
struct UInt128 {
  uint64_t low = 0;
  uint64_t high = 0;

  constexpr UInt128() = default;
  constexpr UInt128(uint64_t low_, uint64_t high_) : low(low_), high(high_) {}
  constexpr bool operator==(const UInt128& o) const { return low == o.low && high == o.high; }
  constexpr bool operator!=(const UInt128& o) const { return !(*this == o); }
  constexpr bool operator<(const UInt128& o) const { return high != o.high ? high < o.high : low < o.low; }
  constexpr bool operator>(const UInt128& o) const { return o < *this; }
  constexpr bool operator<=(const UInt128& o) const { return !(o < *this); }
  constexpr bool operator>=(const UInt128& o) const { return !(*this < o); }
};

using UUID = UInt128;

}  // namespace tally
