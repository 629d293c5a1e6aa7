#pragma once
// How the uniq* functions turn a row of their arguments into a key:
//   *ValueKey   — the number itself (uniqExact over one numeric argument: exact);
//   String128Key / Generic128Key — SipHash-128 of the bytes / of all arguments (uniqExact over
//                 strings and composite values, ClickHouse's method; collisions need 2^64 values);
//   Number64Key / String64Key / Generic64Key — a 64-bit hash (uniq, uniqCombined, uniqHLL12).

#include <cstring>
#include <type_traits>

#include "columns/column_vector.h"
#include "common/hash.h"
#include "common/sip_hash.h"
#include "functions/type_dispatch.h"

namespace tally {

template <typename T>
struct ValueKey {
  using Key = T;
  size_t arguments = 1;
  Key key(const Column** columns, size_t row) const {
    return static_cast<const ColumnVector<T>&>(*columns[0]).getData()[row];
  }
};

struct String128Key {
  using Key = UInt128;
  size_t arguments = 1;
  Key key(const Column** columns, size_t row) const {
    std::string_view s = columns[0]->getDataAt(row);
    SipHash hash;
    hash.update(s.data(), s.size());
    UInt128 k;
    hash.get128(k.low, k.high);
    return k;
  }
};

struct Generic128Key {
  using Key = UInt128;
  size_t arguments = 1;
  Key key(const Column** columns, size_t row) const {
    SipHash hash;
    for (size_t i = 0; i < arguments; ++i) columns[i]->updateHashWithValue(row, hash);
    UInt128 k;
    hash.get128(k.low, k.high);
    return k;
  }
};

template <typename T>
struct Number64Key {
  using Key = UInt64;
  size_t arguments = 1;
  Key key(const Column** columns, size_t row) const {
    T v = static_cast<const ColumnVector<T>&>(*columns[0]).getData()[row];
    if constexpr (std::is_same_v<T, UInt128>) {
      return intHash64(v.low ^ intHash64(v.high ^ 0x9E3779B97F4A7C15ULL));
    } else {
      uint64_t bits = 0;
      std::memcpy(&bits, &v, sizeof(T));
      return intHash64(bits ^ 0x9E3779B97F4A7C15ULL);
    }
  }
};

struct String64Key {
  using Key = UInt64;
  size_t arguments = 1;
  Key key(const Column** columns, size_t row) const { return hashBytes(columns[0]->getDataAt(row)); }
};

struct Generic64Key {
  using Key = UInt64;
  size_t arguments = 1;
  Key key(const Column** columns, size_t row) const {
    SipHash hash;
    for (size_t i = 0; i < arguments; ++i) columns[i]->updateHashWithValue(row, hash);
    return hash.get64();
  }
};

/// Calls f(keyer) with the 64-bit keyer for these arguments.
template <typename F>
void dispatchUniq64Key(const DataTypes& arguments, F&& f) {
  if (arguments.size() == 1) {
    TypeIndex id = arguments[0]->typeId();
    if (id == TypeIndex::String || id == TypeIndex::FixedString) {
      f(String64Key{});
      return;
    }
    if (dispatchColumnVector(id, [&](auto tag) { f(Number64Key<typename decltype(tag)::Type>{}); })) return;
  }
  f(Generic64Key{arguments.size()});
}

/// Calls f(keyer) with the exact keyer (uniqExact) for these arguments.
template <typename F>
void dispatchUniqExactKey(const DataTypes& arguments, F&& f) {
  if (arguments.size() == 1) {
    TypeIndex id = arguments[0]->typeId();
    if (id == TypeIndex::String || id == TypeIndex::FixedString) {
      f(String128Key{});
      return;
    }
    if (dispatchColumnVector(id, [&](auto tag) { f(ValueKey<typename decltype(tag)::Type>{}); })) return;
  }
  f(Generic128Key{arguments.size()});
}

}  // namespace tally
