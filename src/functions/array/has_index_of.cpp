// has(arr, x), indexOf(arr, x), countEqual(arr, x): search an array for a value. NULL finds
// NULL elements; numbers compare by value across types; the array or the needle may be constant.

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/array/element_equality.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace has_index_of {

enum class Mode : uint8_t { Has, IndexOf, CountEqual };

template <Mode mode>
class FunctionArraySearch final : public IFunction {
 public:
  explicit FunctionArraySearch(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const auto& array_type = checkArrayArgument(name_, arguments, 0);
    if (!elementTypesComparable(array_type.getNestedType(), arguments[1].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Types of array and 2nd argument of function `{}` must be identical up to nullability, "
                      "cardinality, numeric types, or Enum and numeric type. Passed: {} and {}.",
                      name_, arguments[0].type->name(), arguments[1].type->name());
    if constexpr (mode == Mode::Has) return typeUInt8();
    else return typeUInt64();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    ArrayArgument array = arrayArgument(arguments[0].column);
    const DataTypePtr& element_type = static_cast<const DataTypeArray&>(*arguments[0].type).getNestedType();
    bool needle_const = arguments[1].column->isConst();
    ColumnPtr needle = needle_const ? static_cast<const ColumnConst&>(*arguments[1].column).getDataColumnPtr()
                                    : arguments[1].column;
    ElementEquality equality(array.column->getDataPtr(), element_type, needle, arguments[1].type);

    using Out = std::conditional_t<mode == Mode::Has, UInt8, UInt64>;
    auto result = std::make_shared<ColumnVector<Out>>(rows);
    Out* out = result->getData().data();
    const Offsets& offsets = array.offsets();
    equality.visit([&](const auto& eq) {
      for (size_t i = 0; i < rows; ++i) {
        size_t a = array.row(i);
        size_t begin = a == 0 ? 0 : offsets[a - 1], end = offsets[a];
        size_t r = needle_const ? 0 : i;
        Out value = 0;
        for (size_t j = begin; j < end; ++j) {
          if (eq(j, r)) {
            if constexpr (mode == Mode::Has) {
              value = 1;
              break;
            } else if constexpr (mode == Mode::IndexOf) {
              value = Out(j - begin + 1);
              break;
            } else {
              ++value;
            }
          }
        }
        out[i] = value;
      }
    });
    return result;
  }

 private:
  std::string name_;
};

template <Mode mode>
FunctionFactory::Creator creator(const char* name) {
  return [name](const FunctionContext&) { return std::make_shared<FunctionArraySearch<mode>>(name); };
}

}  // namespace has_index_of

REGISTER_FUNCTION(ArraySearch) {
  using namespace has_index_of;
  factory.registerFunction("has", creator<Mode::Has>("has"),
                           FunctionDocumentation{.description = "1 if the array contains the value, else 0.",
                                                 .syntax = "has(arr, x)",
                                                 .category = "Arrays"});
  factory.registerFunction("indexOf", creator<Mode::IndexOf>("indexOf"),
                           FunctionDocumentation{.description = "1-based position of the first element equal to x, or 0.",
                                                 .syntax = "indexOf(arr, x)",
                                                 .category = "Arrays"});
  factory.registerFunction("countEqual", creator<Mode::CountEqual>("countEqual"),
                           FunctionDocumentation{.description = "Number of elements equal to x.",
                                                 .syntax = "countEqual(arr, x)",
                                                 .category = "Arrays"});
}

}  // namespace tally
