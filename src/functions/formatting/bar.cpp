// bar(x, min, max[, width]): a bar of Unicode block characters ('█' and the eighths
// '▏▎▍▌▋▊▉') of length (x - min) / (max - min) * width, clipped to [0, width]; width defaults
// to 80 and must be in [1, 1000]; min, max and width are constants.

#include <cmath>

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/type_dispatch.h"
#include "types/data_type_string.h"

namespace tally {

namespace unicode_bar {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

double barWidth(double x, double min, double max, double max_width) {
  if (std::isnan(x)) return 0;
  if (x <= min) return 0;
  if (x >= max) return max_width;
  return (x - min) / (max - min) * max_width;
}

void renderBar(double width, ColumnString::Chars& out) {
  static constexpr char kFull[] = "\xE2\x96\x88";
  static constexpr char kEighths[] =
      "\xE2\x96\x8F\xE2\x96\x8E\xE2\x96\x8D\xE2\x96\x8C\xE2\x96\x8B\xE2\x96\x8A\xE2\x96\x89";
  double whole = 0;
  double fraction = std::modf(width, &whole);
  for (size_t i = 0; i < size_t(whole); ++i) out.insert(kFull, kFull + 3);
  size_t remainder = size_t(fraction * 8);
  if (remainder) out.insert(kEighths + (remainder - 1) * 3, kEighths + remainder * 3);
}

class FunctionBar final : public IFunction {
 public:
  std::string getName() const override { return "bar"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2, 3}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (args.size() != 3 && args.size() != 4)
      throw Exception(
          ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
          "Function {} requires from 3 or 4 parameters: value, min_value, max_value, [max_width_of_bar = 80]. "
          "Passed {}.",
          getName(), args.size());
    for (size_t i = 0; i < args.size(); ++i)
      if (!args[i].type->isNumber()) throwIllegalType(getName(), i, args[i].type);
    return typeString();
  }
  static double constant(const ColumnsWithTypeAndName& args, size_t i, const char* ordinal) {
    const Column* data = constantArgumentData(args, i);
    if (!data) throw Exception(ErrorCodes::ILLEGAL_COLUMN, "{} argument of function bar must be constant.", ordinal);
    return data->getFloat64(0);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    double min = constant(args, 1, "Second");
    double max = constant(args, 2, "Third");
    double max_width = args.size() == 4 ? constant(args, 3, "Fourth") : 80;
    if (std::isnan(max_width)) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Argument 'max_width' must not be NaN");
    if (max_width < 1) throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Argument 'max_width' must be >= 1");
    if (max_width > 1000) throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Argument 'max_width' must be <= 1000");
    const Column& c = *args[0].column;
    const Column& data = c.isConst() ? static_cast<const ColumnConst&>(c).getDataColumn() : c;
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    dispatchNumber(args[0].type->typeId(), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const T* values = typedAs<ColumnVector<T>>(data).getData().data();
      for (size_t i = 0; i < rows; ++i) {
        double width = barWidth(double(values[c.isConst() ? 0 : i]), min, max, max_width);
        if (!std::isfinite(width)) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Value of width must not be NaN and Inf");
        renderBar(width, chars);
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

}  // namespace unicode_bar

REGISTER_FUNCTION(Bar) {
  using namespace unicode_bar;
  factory.registerFunction(
      "bar", [](const FunctionContext&) { return std::make_shared<FunctionBar>(); },
      makeDoc("A bar chart cell of Unicode block characters.", "bar(x, min, max[, width])", "Other"));
}

}  // namespace tally
