// Non-cryptographic hashes with ClickHouse's exact values: cityHash64 (CityHash v1.0.2),
// sipHash64, sipHash128, murmurHash2_32/64, murmurHash3_32/64/128, xxHash32, xxHash64, xxh3,
// halfMD5. Any number of arguments of any supported type: each argument is hashed per row and
// folded into the running hash with the function's combiner; arrays hash their length and then
// their elements, tuples their elements in order. Numbers hash their little-endian bytes, except
// for cityHash64, which applies ClickHouse's salted integer hash to values of up to 8 bytes.
// With no arguments the result is 0xe28dbde7fe22e41c (truncated for 32-bit hashes).

#include <xxhash.h>

#include "columns/column_array.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_vector.h"
#include "common/sip_hash.h"
#include "functions/function_factory.h"
#include "functions/hash/city_hash.h"
#include "functions/hash/int_hash.h"
#include "functions/hash/message_digests.h"
#include "functions/hash/murmur_hash.h"
#include "functions/string/string_rows.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace hash_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// Hash of the 16 bytes {h1, h2} (little-endian) with the function itself.
template <typename Impl, typename T>
T hashOfPair(T h1, T h2) {
  T pair[2] = {h1, h2};
  return Impl::apply(reinterpret_cast<const char*>(pair), sizeof(pair));
}

struct CityHash64 {
  using Type = UInt64;
  static constexpr const char* name = "cityHash64";
  static constexpr bool int_hash_for_pods = true;
  static Type apply(const char* p, size_t n) { return city_hash_v1_0_2::cityHash64(p, n); }
  static Type combine(Type a, Type b) { return city_hash_v1_0_2::hash128to64(a, b); }
};

struct SipHash64 {
  using Type = UInt64;
  static constexpr const char* name = "sipHash64";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) {
    SipHash h;
    h.update(p, n);
    return h.get64();
  }
  static Type combine(Type a, Type b) { return hashOfPair<SipHash64>(a, b); }
};

struct HalfMD5 {
  using Type = UInt64;
  static constexpr const char* name = "halfMD5";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) {
    uint8_t d[16];
    digest::md5(p, n, d);
    Type v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | d[i];
    return v;
  }
  static Type combine(Type a, Type b) { return hashOfPair<HalfMD5>(a, b); }
};

struct MurmurHash2_64 {
  using Type = UInt64;
  static constexpr const char* name = "murmurHash2_64";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) { return murmur::murmurHash2_64(p, n, 0); }
  static Type combine(Type a, Type b) { return int_hash::salted64(a) ^ b; }
};

struct MurmurHash3_64 {
  using Type = UInt64;
  static constexpr const char* name = "murmurHash3_64";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) {
    uint64_t h[2];
    murmur::murmurHash3_128(p, n, 0, h);
    return h[0] ^ h[1];
  }
  static Type combine(Type a, Type b) { return int_hash::salted64(a) ^ b; }
};

struct XxHash64 {
  using Type = UInt64;
  static constexpr const char* name = "xxHash64";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) { return XXH64(p, n, 0); }
  static Type combine(Type a, Type b) { return city_hash_v1_0_2::hash128to64(a, b); }
};

struct Xxh3 {
  using Type = UInt64;
  static constexpr const char* name = "xxh3";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) { return XXH3_64bits(p, n); }
  static Type combine(Type a, Type b) { return city_hash_v1_0_2::hash128to64(a, b); }
};

struct MurmurHash2_32 {
  using Type = UInt32;
  static constexpr const char* name = "murmurHash2_32";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) { return murmur::murmurHash2_32(p, n, 0); }
  static Type combine(Type a, Type b) { return int_hash::salted32(a) ^ b; }
};

struct MurmurHash3_32 {
  using Type = UInt32;
  static constexpr const char* name = "murmurHash3_32";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) { return murmur::murmurHash3_32(p, n, 0); }
  static Type combine(Type a, Type b) { return int_hash::salted32(a) ^ b; }
};

struct XxHash32 {
  using Type = UInt32;
  static constexpr const char* name = "xxHash32";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) { return XXH32(p, n, 0); }
  static Type combine(Type a, Type b) { return int_hash::salted32(a) ^ b; }
};

/// 128-bit results are {low, high}, written as 16 little-endian bytes into FixedString(16).
struct SipHash128 {
  using Type = UInt128;
  static constexpr const char* name = "sipHash128";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) {
    SipHash h;
    h.update(p, n);
    Type r;
    h.get128(r.low, r.high);
    return r;
  }
  static Type combine(Type a, Type b) {
    uint64_t words[4] = {a.low, a.high, b.low, b.high};
    return apply(reinterpret_cast<const char*>(words), sizeof(words));
  }
};

struct MurmurHash3_128 {
  using Type = UInt128;
  static constexpr const char* name = "murmurHash3_128";
  static constexpr bool int_hash_for_pods = false;
  static Type apply(const char* p, size_t n) {
    uint64_t h[2];
    murmur::murmurHash3_128(p, n, 0, h);
    return {h[0], h[1]};
  }
  static Type combine(Type a, Type b) {
    uint64_t words[4] = {a.low, a.high, b.low, b.high};
    return apply(reinterpret_cast<const char*>(words), sizeof(words));
  }
};

/// The hash that starts an array's running hash: its length through the integer hash.
template <typename T>
T lengthHash(uint64_t length) {
  if constexpr (std::is_same_v<T, UInt64>)
    return int_hash::salted64(length);
  else if constexpr (std::is_same_v<T, UInt32>)
    return int_hash::salted32(length);
  else
    return T{int_hash::salted32(length), 0};
}

template <typename Impl, typename V>
inline typename Impl::Type hashValue(const V& v) {
  using Type = typename Impl::Type;
  if constexpr (Impl::int_hash_for_pods && sizeof(V) <= 8) {
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof(V));
    if constexpr (std::is_same_v<Type, UInt64>)
      return int_hash::salted64(bits);
    else
      return Type(int_hash::salted32(bits));
  } else {
    return Impl::apply(reinterpret_cast<const char*>(&v), sizeof(V));
  }
}

template <typename Impl>
inline void store(typename Impl::Type* out, size_t i, typename Impl::Type h, bool first) {
  out[i] = first ? h : Impl::combine(out[i], h);
}

/// Folds the hashes of column's rows into out[0..rows).
template <typename Impl>
void hashColumn(const std::string& function, const DataTypePtr& type, const Column& column, typename Impl::Type* out,
                size_t rows, bool first) {
  using Type = typename Impl::Type;
  if (column.isConst()) {
    Type h{};
    hashColumn<Impl>(function, type, static_cast<const ColumnConst&>(column).getDataColumn(), &h, 1, true);
    for (size_t i = 0; i < rows; ++i) store<Impl>(out, i, h, first);
    return;
  }
  TypeIndex id = type->typeId();
  switch (id) {
    case TypeIndex::String:
    case TypeIndex::FixedString:
      visitStringRows(column, function, [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) {
          std::string_view s = src[i];
          store<Impl>(out, i, Impl::apply(s.data(), s.size()), first);
        }
      });
      return;
    case TypeIndex::UUID: {
      // ClickHouse keeps a UUID as the two halves of its text form, first half first.
      const auto& data = typedAs<ColumnUInt128>(column).getData();
      for (size_t i = 0; i < rows; ++i) {
        uint64_t bytes[2] = {data[i].high, data[i].low};
        store<Impl>(out, i, Impl::apply(reinterpret_cast<const char*>(bytes), 16), first);
      }
      return;
    }
    case TypeIndex::Array: {
      const auto& array = typedAs<ColumnArray>(column);
      const auto& nested_type = static_cast<const DataTypeArray&>(*type).getNestedType();
      size_t nested_rows = array.getData().size();
      PODArray<Type> nested(nested_rows);
      hashColumn<Impl>(function, nested_type, array.getData(), nested.data(), nested_rows, true);
      const auto& offsets = array.getOffsets();
      uint64_t prev = 0;
      for (size_t i = 0; i < rows; ++i) {
        Type h = lengthHash<Type>(offsets[i] - prev);
        for (uint64_t j = prev; j < offsets[i]; ++j) h = Impl::combine(h, nested[j]);
        store<Impl>(out, i, h, first);
        prev = offsets[i];
      }
      return;
    }
    case TypeIndex::Tuple: {
      const auto& tuple = typedAs<ColumnTuple>(column);
      const auto& elements = static_cast<const DataTypeTuple&>(*type).getElements();
      for (size_t k = 0; k < elements.size(); ++k)
        hashColumn<Impl>(function, elements[k], tuple.getColumn(k), out, rows, first && k == 0);
      return;
    }
    case TypeIndex::LowCardinality: {
      ColumnPtr full = static_cast<const ColumnLowCardinality&>(column).convertToFullColumn();
      hashColumn<Impl>(function, removeLowCardinality(type), *full, out, rows, first);
      return;
    }
    default: break;
  }
  bool done = dispatchColumnVector(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    const T* data = typedAs<ColumnVector<T>>(column).getData().data();
    for (size_t i = 0; i < rows; ++i) store<Impl>(out, i, hashValue<Impl>(data[i]), first);
  });
  if (!done)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument of function {}", type->name(),
                    function);
}

/// Checks that a type (recursively) can be hashed.
bool isHashable(const DataTypePtr& type) {
  switch (type->typeId()) {
    case TypeIndex::Array: return isHashable(static_cast<const DataTypeArray&>(*type).getNestedType());
    case TypeIndex::Tuple:
      for (const auto& e : static_cast<const DataTypeTuple&>(*type).getElements())
        if (!isHashable(e)) return false;
      return true;
    case TypeIndex::LowCardinality: return isHashable(removeLowCardinality(type));
    case TypeIndex::String:
    case TypeIndex::FixedString:
    case TypeIndex::UUID: return true;
    default: return type->isValueRepresentedByNumber() && type->typeId() != TypeIndex::Interval;
  }
}

template <typename Impl>
class FunctionAnyHash final : public IFunction {
 public:
  using Type = typename Impl::Type;
  static constexpr bool is_128 = std::is_same_v<Type, UInt128>;

  std::string getName() const override { return Impl::name; }
  bool isVariadic() const override { return true; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    for (size_t i = 0; i < args.size(); ++i)
      if (!isHashable(args[i].type)) throwIllegalType(getName(), i, args[i].type);
    if constexpr (is_128)
      return std::make_shared<DataTypeFixedString>(16);
    else if constexpr (std::is_same_v<Type, UInt32>)
      return typeUInt32();
    else
      return typeUInt64();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    PODArray<Type> hashes(rows);
    if (args.empty()) {
      constexpr uint64_t kEmpty = 0xe28dbde7fe22e41cULL;
      Type v;
      if constexpr (is_128)
        v = Type{kEmpty, 0};
      else
        v = Type(kEmpty);
      for (size_t i = 0; i < rows; ++i) hashes[i] = v;
    }
    for (size_t k = 0; k < args.size(); ++k)
      hashColumn<Impl>(getName(), args[k].type, *args[k].column, hashes.data(), rows, k == 0);
    if constexpr (is_128) {
      auto res = ColumnFixedString::create(16);
      res->getChars().resize(rows * 16);
      char* out = res->getChars().data();
      for (size_t i = 0; i < rows; ++i) {
        std::memcpy(out + i * 16, &hashes[i].low, 8);
        std::memcpy(out + i * 16 + 8, &hashes[i].high, 8);
      }
      return res;
    } else {
      return std::make_shared<ColumnVector<Type>>(std::move(hashes));
    }
  }
};

template <typename Impl>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionAnyHash<Impl>>(); };
}

}  // namespace hash_functions

REGISTER_FUNCTION(HashFunctions) {
  using namespace hash_functions;
  const char* category = "Hash";
  factory.registerFunction("cityHash64", creator<CityHash64>(),
                           makeDoc("CityHash64 (v1.0.2) of the arguments.", "cityHash64(x, ...)", category));
  factory.registerFunction("sipHash64", creator<SipHash64>(),
                           makeDoc("SipHash-2-4 of the arguments as UInt64.", "sipHash64(x, ...)", category));
  factory.registerFunction(
      "sipHash128", creator<SipHash128>(),
      makeDoc("128-bit SipHash of the arguments as FixedString(16).", "sipHash128(x, ...)", category));
  factory.registerFunction("halfMD5", creator<HalfMD5>(),
                           makeDoc("First 8 bytes of MD5 as a big-endian UInt64.", "halfMD5(x, ...)", category));
  factory.registerFunction("murmurHash2_32", creator<MurmurHash2_32>(),
                           makeDoc("MurmurHash2 32-bit.", "murmurHash2_32(x, ...)", category));
  factory.registerFunction("murmurHash2_64", creator<MurmurHash2_64>(),
                           makeDoc("MurmurHash2 64-bit (64A).", "murmurHash2_64(x, ...)", category));
  factory.registerFunction("murmurHash3_32", creator<MurmurHash3_32>(),
                           makeDoc("MurmurHash3 x86 32-bit.", "murmurHash3_32(x, ...)", category));
  factory.registerFunction("murmurHash3_64", creator<MurmurHash3_64>(),
                           makeDoc("MurmurHash3 x64 128-bit folded to 64 bits.", "murmurHash3_64(x, ...)", category));
  factory.registerFunction("murmurHash3_128", creator<MurmurHash3_128>(),
                           makeDoc("MurmurHash3 x64 128-bit as FixedString(16).", "murmurHash3_128(x, ...)", category));
  factory.registerFunction("xxHash32", creator<XxHash32>(), makeDoc("xxHash 32-bit.", "xxHash32(x, ...)", category));
  factory.registerFunction("xxHash64", creator<XxHash64>(), makeDoc("xxHash 64-bit.", "xxHash64(x, ...)", category));
  factory.registerFunction("xxh3", creator<Xxh3>(), makeDoc("XXH3 64-bit.", "xxh3(x, ...)", category));
}

}  // namespace tally
