// Distinct values within each array: arrayDistinct, arrayUniq, arrayEnumerate,
// arrayEnumerateUniq, arrayEnumerateDense. Elements are reduced to 128-bit keys once per block
// (numbers exactly, other values by SipHash; NULL has its own key), then each row runs over a
// small reusable hash table.

#include <cstring>

#include <algorithm>

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "common/sip_hash.h"
#include "functions/array/array_columns.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_number.h"

namespace tally {

namespace array_uniq {

constexpr UInt128 kNullKey{0x9e3779b97f4a7c15ULL, 0xffffffffffffffffULL};
constexpr uint64_t kNaNMarker = 0xfff8000000000000ULL;

/// One key per element of `column` (possibly Nullable / LowCardinality).
void computeKeys(const ColumnPtr& column_in, const DataTypePtr& type, PODArray<UInt128>& keys) {
  ColumnPtr column = removeLowCardinalityColumn(column_in);
  const uint8_t* nulls = nullptr;
  const Column* values = column.get();
  if (column->kind() == ColumnKind::Nullable) {
    const auto& n = static_cast<const ColumnNullable&>(*column);
    nulls = n.getNullMapData().data();
    values = &n.getNestedColumn();
  }
  size_t size = column->size();
  keys.resize(size);
  DataTypePtr plain = removeNullableAndLowCardinality(type);
  bool done = false;
  if (values->kind() == ColumnKind::Vector) {
    done = dispatchColumnVector(plain->typeId(), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const T* v = static_cast<const ColumnVector<T>&>(*values).getData().data();
      for (size_t i = 0; i < size; ++i) {
        UInt128 key{};
        std::memcpy(static_cast<void*>(&key), &v[i], sizeof(T));
        // As in ClickHouse's hash tables: floats hash by their bits (0 and -0 differ) and compare
        // with ==, so every NaN is a value of its own.
        if constexpr (std::is_floating_point_v<T>)
          if (v[i] != v[i]) key = UInt128{i, kNaNMarker};
        keys[i] = key;
      }
    });
  } else if (values->kind() == ColumnKind::String) {
    const auto& s = static_cast<const ColumnString&>(*values);
    for (size_t i = 0; i < size; ++i) {
      SipHash hash;
      hash.update(s.at(i));
      hash.get128(keys[i].low, keys[i].high);
    }
    done = true;
  }
  if (!done) {
    for (size_t i = 0; i < size; ++i) {
      SipHash hash;
      values->updateHashWithValue(i, hash);
      hash.get128(keys[i].low, keys[i].high);
    }
  }
  if (nulls)
    for (size_t i = 0; i < size; ++i)
      if (nulls[i]) keys[i] = kNullKey;
}

/// Open-addressing map UInt128 -> UInt32, cleared in O(1) between rows by a generation stamp.
class RowKeyMap {
 public:
  void reset(size_t expected) {
    size_t need = 16;
    while (need < expected * 2) need <<= 1;
    if (need > slots_.size()) {
      slots_.resize(need);
      for (auto& s : slots_) s.generation = 0;
      generation_ = 0;
    }
    mask_ = need - 1;
    if (++generation_ == 0) {
      for (auto& s : slots_) s.generation = 0;
      generation_ = 1;
    }
  }
  /// The value slot for key, inserted with value 0 if absent.
  UInt32& at(const UInt128& key) {
    size_t pos = size_t((key.low ^ (key.high * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL >> 17) & mask_;
    while (true) {
      Slot& s = slots_[pos];
      if (s.generation != generation_) {
        s.generation = generation_;
        s.key = key;
        s.value = 0;
        return s.value;
      }
      if (s.key == key) return s.value;
      pos = (pos + 1) & mask_;
    }
  }

 private:
  struct Slot {
    UInt128 key;
    UInt32 generation;
    UInt32 value;
  };
  PODArray<Slot> slots_;
  size_t mask_ = 0;
  UInt32 generation_ = 0;
};

/// Combined keys of one or more equally shaped array arguments; returns the first array.
ArrayArgument combinedKeys(const std::string& function, const ColumnsWithTypeAndName& arguments, PODArray<UInt128>& keys) {
  ArrayArgument first = fullArrayArgument(arguments[0].column);
  computeKeys(first.column->getDataPtr(), arrayElementType(arguments[0].type), keys);
  if (arguments.size() == 1) return first;
  PODArray<UInt128> other;
  for (size_t a = 1; a < arguments.size(); ++a) {
    ArrayArgument arr = fullArrayArgument(arguments[a].column);
    if (arr.offsets().size() != first.offsets().size() ||
        !std::equal(arr.offsets().begin(), arr.offsets().end(), first.offsets().begin()))
      throw Exception(ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH, "Lengths of all arrays passed to {} must be equal.", function);
    computeKeys(arr.column->getDataPtr(), arrayElementType(arguments[a].type), other);
    for (size_t i = 0; i < keys.size(); ++i) {
      SipHash hash;
      hash.update(keys[i]);
      hash.update(other[i]);
      hash.get128(keys[i].low, keys[i].high);
    }
  }
  return first;
}

void checkArrays(const std::string& function, const ColumnsWithTypeAndName& arguments) {
  if (arguments.empty())
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function {} doesn't match: passed 0, should be at least 1.", function);
  for (size_t i = 0; i < arguments.size(); ++i) checkArrayArgument(function, arguments, i);
}

class FunctionArrayDistinct final : public IFunction {
 public:
  std::string getName() const override { return "arrayDistinct"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const auto& array = checkArrayArgument(getName(), arguments, 0);
    return std::make_shared<DataTypeArray>(removeNullable(array.getNestedType()));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    PODArray<UInt128> keys;
    ArrayArgument array = combinedKeys(getName(), arguments, keys);
    ColumnPtr data = array.column->getDataPtr();
    if (data->kind() == ColumnKind::Nullable) data = static_cast<const ColumnNullable&>(*data).getNestedColumnPtr();
    const Offsets& src = array.offsets();
    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    RowKeyMap map;
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      map.reset(src[i] - prev);
      for (uint64_t k = prev; k < src[i]; ++k) {
        if (keys[k] == kNullKey) continue;
        UInt32& seen = map.at(keys[k]);
        if (!seen) {
          seen = 1;
          indices.push_back(k);
        }
      }
      offsets[i] = indices.size();
      prev = src[i];
    }
    return makeArrayColumn(gatherElements(*data, indices), std::move(offsets));
  }
};

class FunctionArrayUniq final : public IFunction {
 public:
  std::string getName() const override { return "arrayUniq"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArrays(getName(), arguments);
    return typeUInt32();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    PODArray<UInt128> keys;
    ArrayArgument array = combinedKeys(getName(), arguments, keys);
    const Offsets& src = array.offsets();
    auto res = std::make_shared<ColumnUInt32>(rows);
    auto& out = res->getData();
    RowKeyMap map;
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      map.reset(src[i] - prev);
      UInt32 distinct = 0;
      for (uint64_t k = prev; k < src[i]; ++k) {
        UInt32& seen = map.at(keys[k]);
        if (!seen) {
          seen = 1;
          ++distinct;
        }
      }
      out[i] = distinct;
      prev = src[i];
    }
    return res;
  }
};

enum class Enumerate : uint8_t { Plain, Uniq, Dense };

template <Enumerate mode>
class FunctionArrayEnumerate final : public IFunction {
 public:
  explicit FunctionArrayEnumerate(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return mode != Enumerate::Plain; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArrays(name_, arguments);
    return std::make_shared<DataTypeArray>(typeUInt32());
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    PODArray<UInt128> keys;
    ArrayArgument array;
    if constexpr (mode == Enumerate::Plain) array = fullArrayArgument(arguments[0].column);
    else array = combinedKeys(name_, arguments, keys);
    const Offsets& src = array.offsets();
    auto data = std::make_shared<ColumnUInt32>(array.data().size());
    UInt32* out = data->getData().data();
    RowKeyMap map;
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      if constexpr (mode == Enumerate::Plain) {
        for (uint64_t k = prev; k < src[i]; ++k) out[k] = UInt32(k - prev + 1);
      } else {
        map.reset(src[i] - prev);
        UInt32 next_id = 0;
        for (uint64_t k = prev; k < src[i]; ++k) {
          UInt32& v = map.at(keys[k]);
          if constexpr (mode == Enumerate::Uniq) {
            out[k] = ++v;
          } else {
            if (!v) v = ++next_id;
            out[k] = v;
          }
        }
      }
      prev = src[i];
    }
    return makeArrayColumn(std::move(data), src);
  }

 private:
  std::string name_;
};

template <Enumerate mode>
FunctionFactory::Creator creator(const char* name) {
  return [name](const FunctionContext&) { return std::make_shared<FunctionArrayEnumerate<mode>>(name); };
}

}  // namespace array_uniq

REGISTER_FUNCTION(ArrayUniq) {
  using namespace array_uniq;
  factory.registerFunction(
      "arrayDistinct", [](const FunctionContext&) { return std::make_shared<FunctionArrayDistinct>(); },
      FunctionDocumentation{.description = "The distinct non-NULL elements in order of first appearance.",
                            .syntax = "arrayDistinct(arr)",
                            .category = "Arrays"});
  factory.registerFunction(
      "arrayUniq", [](const FunctionContext&) { return std::make_shared<FunctionArrayUniq>(); },
      FunctionDocumentation{.description = "Number of distinct elements (or tuples of elements of several arrays).",
                            .syntax = "arrayUniq(arr, ...)",
                            .category = "Arrays"});
  factory.registerFunction("arrayEnumerate", creator<Enumerate::Plain>("arrayEnumerate"),
                           FunctionDocumentation{.description = "The array [1, 2, ..., length(arr)].",
                                                 .syntax = "arrayEnumerate(arr)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayEnumerateUniq", creator<Enumerate::Uniq>("arrayEnumerateUniq"),
                           FunctionDocumentation{.description = "For each element, how many times its value occurred so far.",
                                                 .syntax = "arrayEnumerateUniq(arr, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayEnumerateDense", creator<Enumerate::Dense>("arrayEnumerateDense"),
                           FunctionDocumentation{.description = "For each element, the rank of its value by first appearance.",
                                                 .syntax = "arrayEnumerateDense(arr, ...)",
                                                 .category = "Arrays"});
}

}  // namespace tally
