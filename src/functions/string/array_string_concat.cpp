// arrayStringConcat(arr[, separator]): joins the elements' text (strings as they are) with a
// constant separator; NULL elements are skipped.

#include "columns/column_array.h"
#include "columns/column_nullable.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_array.h"
#include "types/data_type_nullable.h"
#include "types/data_type_string.h"

namespace tally {

namespace array_string_concat {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

class FunctionArrayStringConcat final : public IFunction {
 public:
  std::string getName() const override { return "arrayStringConcat"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 1, 2);
    if (args[0].type->typeId() != TypeIndex::Array) throwIllegalType(getName(), 0, args[0].type, "Array");
    if (args.size() == 2 && !isString(args[1].type)) throwIllegalType(getName(), 1, args[1].type, "String");
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string_view separator = args.size() == 2 ? constantStringArgument(getName(), args, 1) : std::string_view();
    const auto& array = typedAs<ColumnArray>(*args[0].column);
    const auto& array_type = static_cast<const DataTypeArray&>(*args[0].type);
    ColumnPtr elements = array.getDataPtr();
    DataTypePtr element_type = array_type.getNestedType();
    const PODArray<UInt8>* null_map = nullptr;
    if (elements->isNullable()) {
      null_map = &static_cast<const ColumnNullable&>(*elements).getNullMapData();
      elements = static_cast<const ColumnNullable&>(*elements).getNestedColumnPtr();
      element_type = removeNullable(element_type);
    }
    TextArgument values({elements, element_type, ""}, elements->size());
    const auto& offsets = array.getOffsets();
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& res_offsets = res->getOffsets();
    res_offsets.resize(rows);
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      bool first = true;
      for (uint64_t j = prev; j < offsets[i]; ++j) {
        if (null_map && (*null_map)[j]) continue;
        if (!first) chars.insert(separator.data(), separator.data() + separator.size());
        first = false;
        std::string_view v = values[j];
        chars.insert(v.data(), v.data() + v.size());
      }
      res_offsets[i] = chars.size();
      prev = offsets[i];
    }
    return res;
  }
};

}  // namespace array_string_concat

REGISTER_FUNCTION(ArrayStringConcat) {
  using namespace array_string_concat;
  factory.registerFunction(
      "arrayStringConcat", [](const FunctionContext&) { return std::make_shared<FunctionArrayStringConcat>(); },
      makeDoc("Joins the array elements (as text) with the separator.", "arrayStringConcat(arr[, separator])",
              "Splitting strings"));
}

}  // namespace tally
