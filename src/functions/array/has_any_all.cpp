// hasAll(set, subset), hasAny(a, b), hasSubstr(arr, sub): relations between two arrays whose
// element types have a common supertype. NULL elements match NULL elements.

#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/array/element_equality.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"
#include "types/least_supertype.h"

namespace tally {

namespace has_any_all {

enum class Mode : uint8_t { All, Any, Substr };

template <Mode mode>
class FunctionArrayRelation final : public IFunction {
 public:
  explicit FunctionArrayRelation(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    DataTypes nested;
    for (size_t i = 0; i < arguments.size(); ++i) nested.push_back(checkArrayArgument(name_, arguments, i).getNestedType());
    getLeastSupertype(nested);  // throws NO_COMMON_TYPE
    return typeUInt8();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    ArrayArgument left = arrayArgument(arguments[0].column);
    ArrayArgument right = arrayArgument(arguments[1].column);
    DataTypePtr left_type = arrayElementType(arguments[0].type), right_type = arrayElementType(arguments[1].type);
    ColumnPtr left_data = left.column->getDataPtr(), right_data = right.column->getDataPtr();
    if (!elementTypesComparable(left_type, right_type)) {
      DataTypePtr common = getLeastSupertype({left_type, right_type});
      left_data = castColumnToSupertype(left_data, left_type, common);
      right_data = castColumnToSupertype(right_data, right_type, common);
      left_type = right_type = common;
    }
    ElementEquality equality(left_data, left_type, right_data, right_type);

    auto result = std::make_shared<ColumnUInt8>(rows);
    UInt8* out = result->getData().data();
    const Offsets& lo = left.offsets();
    const Offsets& ro = right.offsets();
    equality.visit([&](const auto& eq) {
      for (size_t i = 0; i < rows; ++i) {
        size_t a = left.row(i), b = right.row(i);
        size_t lb = a == 0 ? 0 : lo[a - 1], le = lo[a];
        size_t rb = b == 0 ? 0 : ro[b - 1], re = ro[b];
        out[i] = compute(eq, lb, le, rb, re);
      }
    });
    return result;
  }

 private:
  template <typename Eq>
  static UInt8 compute(const Eq& eq, size_t lb, size_t le, size_t rb, size_t re) {
    if constexpr (mode == Mode::Substr) {
      size_t n = re - rb;
      if (n == 0) return 1;
      if (n > le - lb) return 0;
      for (size_t start = lb; start + n <= le; ++start) {
        size_t k = 0;
        while (k < n && eq(start + k, rb + k)) ++k;
        if (k == n) return 1;
      }
      return 0;
    } else {
      for (size_t r = rb; r < re; ++r) {
        bool found = false;
        for (size_t l = lb; l < le; ++l)
          if (eq(l, r)) {
            found = true;
            break;
          }
        if constexpr (mode == Mode::Any) {
          if (found) return 1;
        } else {
          if (!found) return 0;
        }
      }
      return mode == Mode::All ? 1 : 0;
    }
  }

  std::string name_;
};

template <Mode mode>
FunctionFactory::Creator creator(const char* name) {
  return [name](const FunctionContext&) { return std::make_shared<FunctionArrayRelation<mode>>(name); };
}

}  // namespace has_any_all

REGISTER_FUNCTION(ArrayRelations) {
  using namespace has_any_all;
  factory.registerFunction("hasAll", creator<Mode::All>("hasAll"),
                           FunctionDocumentation{.description = "1 if every element of subset is in set.",
                                                 .syntax = "hasAll(set, subset)",
                                                 .category = "Arrays"});
  factory.registerFunction("hasAny", creator<Mode::Any>("hasAny"),
                           FunctionDocumentation{.description = "1 if the arrays share at least one element.",
                                                 .syntax = "hasAny(a, b)",
                                                 .category = "Arrays"});
  factory.registerFunction("hasSubstr", creator<Mode::Substr>("hasSubstr"),
                           FunctionDocumentation{.description = "1 if sub occurs in arr as a contiguous run, in order.",
                                                 .syntax = "hasSubstr(arr, sub)",
                                                 .category = "Arrays"});
}

}  // namespace tally
