// round, roundBankers, floor, ceil (ceiling), trunc (truncate): x[, N] rounded to N decimal
// places (N < 0: to tens, hundreds, ...). Result type is x's type. Floats use banker's
// rounding for round (nearbyint); integers round half away from zero (roundBankers: to even);
// integer overflow with negative N wraps as in ClickHouse.

#include <cmath>
#include <limits>

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "functions/function_factory.h"

namespace tally {

namespace rounding_functions {

enum class Mode { Round, Bankers, Floor, Ceil, Trunc };

/// 10^x as ClickHouse's intExp10: 0 for x < 0, saturating above 10^19.
uint64_t intExp10(int x) {
  if (x < 0) return 0;
  if (x > 19) return std::numeric_limits<uint64_t>::max();
  uint64_t r = 1;
  for (int i = 0; i < x; ++i) r *= 10;
  return r;
}

template <typename T, Mode mode>
T roundInteger(T x, T scale) {
  switch (mode) {
    case Mode::Trunc: return T(x / scale * scale);
    case Mode::Floor:
      if (x < 0) x = T(x - (scale - 1));
      return T(x / scale * scale);
    case Mode::Ceil:
      if (x >= 0) x = T(x + (scale - 1));
      return T(x / scale * scale);
    case Mode::Round:
      if (x < 0) x = T(x - scale);
      return T(T(x + scale / 2) / scale * scale);
    case Mode::Bankers: {
      if (x < 0) x = T(x - scale);
      T quotient = T(T(x + scale / 2) / scale);
      if (T(quotient * scale) == T(x + scale / 2)) return T(T((quotient + (x < 0)) & ~T(1)) * scale);
      return T(quotient * scale);
    }
  }
  return x;
}

template <typename T, Mode mode>
T roundFloatValue(T x) {
  if constexpr (mode == Mode::Round || mode == Mode::Bankers) return std::nearbyint(x);
  else if constexpr (mode == Mode::Floor) return std::floor(x);
  else if constexpr (mode == Mode::Ceil) return std::ceil(x);
  else return std::trunc(x);
}

/// out[i] = x[i] rounded at decimal scale N.
template <typename T, Mode mode>
void roundValues(const T* __restrict in, T* __restrict out, size_t n, int scale_arg) {
  if constexpr (std::is_floating_point_v<T>) {
    if (scale_arg == 0) {
      for (size_t i = 0; i < n; ++i) out[i] = roundFloatValue<T, mode>(in[i]);
    } else if (scale_arg > 0) {
      T scale = T(intExp10(scale_arg));
      for (size_t i = 0; i < n; ++i) out[i] = roundFloatValue<T, mode>(in[i] * scale) / scale;
    } else {
      T scale = T(intExp10(-scale_arg));
      for (size_t i = 0; i < n; ++i) out[i] = roundFloatValue<T, mode>(in[i] / scale) * scale;
    }
  } else {
    if (scale_arg >= 0) {
      std::copy(in, in + n, out);
      return;
    }
    uint64_t scale = intExp10(-scale_arg);
    if (scale > uint64_t(std::numeric_limits<T>::max())) {
      std::fill(out, out + n, T(0));
      return;
    }
    T s = T(scale);
    for (size_t i = 0; i < n; ++i) out[i] = roundInteger<T, mode>(in[i], s);
  }
}

int checkedScale(int64_t scale) {
  if (scale > std::numeric_limits<Int16>::max() || scale < std::numeric_limits<Int16>::min())
    throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Scale argument for rounding function is too large");
  return int(scale);
}

template <Mode mode>
class FunctionRounding final : public IFunction {
 public:
  explicit FunctionRounding(const char* name) : name_(name) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(name_, arguments.size(), 1, 2);
    if (!isNumberIndex(arguments[0].type->typeId())) throwIllegalType(name_, 0, arguments[0].type, "a number");
    if (arguments.size() == 2 && !isInteger(arguments[1].type))
      throwIllegalType(name_, 1, arguments[1].type, "an integer scale");
    return arguments[0].type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    TypeIndex id = result_type->typeId();
    ColumnPtr x = arguments[0].column->convertToFullColumnIfConst();
    MutableColumnPtr res = createNumberColumn(id, rows);
    if (rows == 0) return res;
    NumericOperand in = numericOperand(*x, id);
    dispatchNumber(id, [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const T* src = static_cast<const T*>(in.data);
      T* dst = static_cast<T*>(numberColumnData(*res));
      if (arguments.size() == 1) {
        roundValues<T, mode>(src, dst, rows, 0);
      } else if (arguments[1].column->isConst()) {
        int scale = checkedScale(arguments[1].column->getInt(0));
        roundValues<T, mode>(src, dst, rows, scale);
      } else {
        const Column& scales = *arguments[1].column;
        for (size_t i = 0; i < rows; ++i) roundValues<T, mode>(src + i, dst + i, 1, checkedScale(scales.getInt(i)));
      }
    });
    return res;
  }

 private:
  const char* name_;
};

template <Mode mode>
void registerRounding(FunctionFactory& factory, const char* name, const char* description,
                      FunctionFactory::CaseSensitivity cs) {
  factory.registerFunction(
      name, [name](const FunctionContext&) { return std::make_shared<FunctionRounding<mode>>(name); },
      FunctionDocumentation{.description = description, .syntax = std::string(name) + "(x[, N])", .category = "Rounding"},
      cs);
}

}  // namespace rounding_functions

REGISTER_FUNCTION(Rounding) {
  using namespace rounding_functions;
  constexpr auto ci = FunctionFactory::CaseInsensitive;
  registerRounding<Mode::Round>(factory, "round", "Rounds to N decimal places (banker's rounding for floats).", ci);
  registerRounding<Mode::Bankers>(factory, "roundBankers", "Rounds to N decimal places, ties to even.",
                                  FunctionFactory::CaseSensitive);
  registerRounding<Mode::Floor>(factory, "floor", "The largest number with N decimal places not above x.", ci);
  registerRounding<Mode::Ceil>(factory, "ceil", "The smallest number with N decimal places not below x.", ci);
  registerRounding<Mode::Trunc>(factory, "trunc", "x with the decimal places beyond N cut off.", ci);
  factory.registerAlias("ceiling", "ceil", ci);
  factory.registerAlias("truncate", "trunc", ci);
}

}  // namespace tally
