// Higher-order array functions over a lambda's results (or the elements themselves):
// arrayMap, arrayFilter, arrayExists, arrayAll, arrayCount, arrayFirst, arrayLast,
// arrayFirstIndex, arrayLastIndex, arraySplit, arrayReverseSplit, arrayFill, arrayReverseFill.

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/array/array_mapped.h"
#include "functions/function_factory.h"
#include "types/data_type_array.h"
#include "types/data_type_number.h"

namespace tally {

namespace higher_order {

/// The UInt8 flags of a boolean mapped column: per element, or one constant.
struct Flags {
  const UInt8* data = nullptr;
  bool is_const = false;
  UInt8 const_value = 0;
  UInt8 at(size_t k) const { return is_const ? const_value : data[k]; }
};

Flags flagsOf(const ColumnPtr& mapped) {
  Flags f;
  if (mapped->isConst()) {
    f.is_const = true;
    f.const_value = mapped->getUInt(0) != 0;
  } else {
    f.data = static_cast<const ColumnUInt8&>(*mapped).getData().data();
  }
  return f;
}

class FunctionArrayMap final : public FunctionArrayMapped {
 public:
  FunctionArrayMap() : FunctionArrayMapped("arrayMap", {.need_expression = true}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr& mapped, const DataTypePtr&) const override {
    return std::make_shared<DataTypeArray>(mapped);
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr&, const DataTypePtr&) const override {
    return makeArrayColumn(materialize(mapped), array.getOffsets());
  }
};

class FunctionArrayFilter final : public FunctionArrayMapped {
 public:
  FunctionArrayFilter() : FunctionArrayMapped("arrayFilter", {.need_boolean = true, .need_expression = true}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr& element) const override {
    return std::make_shared<DataTypeArray>(element);
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr&, const DataTypePtr&) const override {
    Flags flags = flagsOf(mapped);
    if (flags.is_const) {
      if (flags.const_value) return array.getPtr();
      return makeArrayColumn(array.getData().cloneEmpty(), Offsets(array.size(), 0));
    }
    const Offsets& src = array.getOffsets();
    Filter filter(flags.data, flags.data + array.getData().size());
    Offsets offsets(src.size());
    uint64_t kept = 0, prev = 0;
    for (size_t i = 0; i < src.size(); ++i) {
      for (uint64_t k = prev; k < src[i]; ++k) kept += flags.data[k] != 0;
      offsets[i] = kept;
      prev = src[i];
    }
    return makeArrayColumn(array.getData().filter(filter, ssize_t(kept)), std::move(offsets));
  }
};

enum class Count : uint8_t { Exists, All, Count };

template <Count op>
class FunctionArrayCountLike final : public FunctionArrayMapped {
 public:
  explicit FunctionArrayCountLike(std::string name) : FunctionArrayMapped(std::move(name), {.need_boolean = true}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr&) const override {
    return op == Count::Count ? typeUInt32() : typeUInt8();
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr&, const DataTypePtr&) const override {
    using Out = std::conditional_t<op == Count::Count, UInt32, UInt8>;
    Flags flags = flagsOf(mapped);
    const Offsets& src = array.getOffsets();
    auto res = std::make_shared<ColumnVector<Out>>(src.size());
    Out* out = res->getData().data();
    uint64_t prev = 0;
    for (size_t i = 0; i < src.size(); ++i) {
      uint64_t n = 0;
      for (uint64_t k = prev; k < src[i]; ++k) n += flags.at(k) != 0;
      uint64_t size = src[i] - prev;
      if constexpr (op == Count::Count) out[i] = Out(n);
      else if constexpr (op == Count::Exists) out[i] = n > 0;
      else out[i] = n == size;
      prev = src[i];
    }
    return res;
  }
};

enum class Find : uint8_t { First, Last, FirstIndex, LastIndex };

template <Find op>
class FunctionArrayFind final : public FunctionArrayMapped {
 public:
  explicit FunctionArrayFind(std::string name)
      : FunctionArrayMapped(std::move(name), {.need_boolean = true, .need_expression = true}) {}

 protected:
  static constexpr bool kIndex = op == Find::FirstIndex || op == Find::LastIndex;
  static constexpr bool kLast = op == Find::Last || op == Find::LastIndex;

  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr& element) const override {
    return kIndex ? typeUInt32() : element;
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr&,
                          const DataTypePtr& result_type) const override {
    Flags flags = flagsOf(mapped);
    const Offsets& src = array.getOffsets();
    size_t rows = src.size();
    PODArray<int64_t> found(rows);  // element position, or -1
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      int64_t pos = -1;
      if constexpr (kLast) {
        for (uint64_t k = src[i]; k > prev; --k)
          if (flags.at(k - 1)) {
            pos = int64_t(k - 1);
            break;
          }
      } else {
        for (uint64_t k = prev; k < src[i]; ++k)
          if (flags.at(k)) {
            pos = int64_t(k);
            break;
          }
      }
      found[i] = pos;
      prev = src[i];
    }
    if constexpr (kIndex) {
      auto res = std::make_shared<ColumnUInt32>(rows);
      auto& out = res->getData();
      for (size_t i = 0; i < rows; ++i) out[i] = found[i] < 0 ? 0 : UInt32(uint64_t(found[i]) - array.offsetAt(i) + 1);
      return res;
    } else {
      MutableColumnPtr res = result_type->createColumn();
      res->reserve(rows);
      for (size_t i = 0; i < rows; ++i) {
        if (found[i] >= 0) res->insertFrom(array.getData(), size_t(found[i]));
        else res->insertDefault();
      }
      return res;
    }
  }
};

template <bool reverse>
class FunctionArraySplit final : public FunctionArrayMapped {
 public:
  FunctionArraySplit()
      : FunctionArrayMapped(reverse ? "arrayReverseSplit" : "arraySplit", {.need_boolean = true, .need_expression = true}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr& element) const override {
    return std::make_shared<DataTypeArray>(std::make_shared<DataTypeArray>(element));
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr&, const DataTypePtr&) const override {
    Flags flags = flagsOf(mapped);
    const Offsets& src = array.getOffsets();
    Offsets inner, outer(src.size());
    uint64_t prev = 0;
    for (size_t i = 0; i < src.size(); ++i) {
      uint64_t begin = prev, end = src[i];
      if (begin < end) {
        // Forward: a piece starts at every true element but the first; reverse: a piece ends
        // at every true element but the last.
        for (uint64_t k = begin; k < end; ++k) {
          if constexpr (reverse) {
            if (k + 1 < end && flags.at(k)) inner.push_back(k + 1);
          } else {
            if (k > begin && flags.at(k)) inner.push_back(k);
          }
        }
        inner.push_back(end);
      }
      outer[i] = inner.size();
      prev = end;
    }
    return makeArrayColumn(makeArrayColumn(array.getDataPtr(), std::move(inner)), std::move(outer));
  }
};

template <bool reverse>
class FunctionArrayFill final : public FunctionArrayMapped {
 public:
  FunctionArrayFill()
      : FunctionArrayMapped(reverse ? "arrayReverseFill" : "arrayFill", {.need_boolean = true, .need_expression = true}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr& element) const override {
    return std::make_shared<DataTypeArray>(element);
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr&, const DataTypePtr&) const override {
    Flags flags = flagsOf(mapped);
    if (flags.is_const && flags.const_value) return array.getPtr();
    const Offsets& src = array.getOffsets();
    PODArray<uint64_t> indices(array.getData().size());
    uint64_t prev = 0;
    for (size_t i = 0; i < src.size(); ++i) {
      uint64_t begin = prev, end = src[i];
      if constexpr (reverse) {
        uint64_t keep = end;
        for (uint64_t k = end; k > begin; --k) {
          if (k == end || flags.at(k - 1)) keep = k - 1;
          indices[k - 1] = keep;
        }
      } else {
        uint64_t keep = begin;
        for (uint64_t k = begin; k < end; ++k) {
          if (k == begin || flags.at(k)) keep = k;
          indices[k] = keep;
        }
      }
      prev = end;
    }
    return makeArrayColumn(gatherElements(array.getData(), indices), array.getOffsets());
  }
};

template <typename F, typename... Args>
FunctionFactory::Creator creator(Args... args) {
  return [args...](const FunctionContext&) { return std::make_shared<F>(args...); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return FunctionDocumentation{.description = description, .syntax = syntax, .category = "Arrays"};
}

}  // namespace higher_order

REGISTER_FUNCTION(HigherOrderArray) {
  using namespace higher_order;
  factory.registerFunction("arrayMap", creator<FunctionArrayMap>(),
                           doc("The lambda applied to each element (of several arrays in step).", "arrayMap(func, arr1, ...)"));
  factory.registerFunction("arrayFilter", creator<FunctionArrayFilter>(),
                           doc("The elements of arr1 for which the lambda is true.", "arrayFilter(func, arr1, ...)"));
  factory.registerFunction("arrayExists", creator<FunctionArrayCountLike<Count::Exists>>("arrayExists"),
                           doc("1 if the lambda (or the element) is true for some element.", "arrayExists([func,] arr1, ...)"));
  factory.registerFunction("arrayAll", creator<FunctionArrayCountLike<Count::All>>("arrayAll"),
                           doc("1 if the lambda (or the element) is true for every element.", "arrayAll([func,] arr1, ...)"));
  factory.registerFunction("arrayCount", creator<FunctionArrayCountLike<Count::Count>>("arrayCount"),
                           doc("Number of elements for which the lambda (or the element) is true.", "arrayCount([func,] arr1, ...)"));
  factory.registerFunction("arrayFirst", creator<FunctionArrayFind<Find::First>>("arrayFirst"),
                           doc("The first element for which the lambda is true, or the default value.", "arrayFirst(func, arr1, ...)"));
  factory.registerFunction("arrayLast", creator<FunctionArrayFind<Find::Last>>("arrayLast"),
                           doc("The last element for which the lambda is true, or the default value.", "arrayLast(func, arr1, ...)"));
  factory.registerFunction("arrayFirstIndex", creator<FunctionArrayFind<Find::FirstIndex>>("arrayFirstIndex"),
                           doc("1-based index of the first element for which the lambda is true, or 0.",
                               "arrayFirstIndex(func, arr1, ...)"));
  factory.registerFunction("arrayLastIndex", creator<FunctionArrayFind<Find::LastIndex>>("arrayLastIndex"),
                           doc("1-based index of the last element for which the lambda is true, or 0.",
                               "arrayLastIndex(func, arr1, ...)"));
  factory.registerFunction("arraySplit", creator<FunctionArraySplit<false>>(),
                           doc("arr1 cut before each element for which the lambda is true.", "arraySplit(func, arr1, ...)"));
  factory.registerFunction("arrayReverseSplit", creator<FunctionArraySplit<true>>(),
                           doc("arr1 cut after each element for which the lambda is true.", "arrayReverseSplit(func, arr1, ...)"));
  factory.registerFunction("arrayFill", creator<FunctionArrayFill<false>>(),
                           doc("Elements for which the lambda is false replaced by the previous kept element.",
                               "arrayFill(func, arr1, ...)"));
  factory.registerFunction("arrayReverseFill", creator<FunctionArrayFill<true>>(),
                           doc("Elements for which the lambda is false replaced by the next kept element.",
                               "arrayReverseFill(func, arr1, ...)"));
}

}  // namespace tally
