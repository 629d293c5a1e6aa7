// plus, minus: numbers (ClickHouse result types, wrapping integer overflow), Date/Date32/DateTime
// with integers (days/seconds), Date - Date and DateTime - DateTime (Int32), and dates with
// Interval values, which are delegated to addDays/subtractMonths/... looked up by name.

#include "columns/column_vector.h"
#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/function_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"

namespace tally {

namespace plus_minus {

struct AddValues {
  template <typename T>
  static T apply(T a, T b) { return wrappingAdd(a, b); }
};
struct SubtractValues {
  template <typename T>
  static T apply(T a, T b) { return wrappingSub(a, b); }
};

struct PlusOp {
  static constexpr const char* name = "plus";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
    return planInResultType(resultOfAdditionMultiplication(a, b), plan);
  }
  template <typename C>
  static constexpr bool supports = true;
  template <typename C>
  using Kernel = ElementwiseKernel<C, AddValues>;
};

struct MinusOp {
  static constexpr const char* name = "minus";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
    return planInResultType(resultOfSubtraction(a, b), plan);
  }
  template <typename C>
  static constexpr bool supports = true;
  template <typename C>
  using Kernel = ElementwiseKernel<C, SubtractValues>;
};

bool isDateLike(const DataTypePtr& t) {
  TypeIndex id = t->typeId();
  return id == TypeIndex::Date || id == TypeIndex::Date32 || id == TypeIndex::DateTime || id == TypeIndex::DateTime64;
}
bool isDayBased(const DataTypePtr& t) { return t->typeId() == TypeIndex::Date || t->typeId() == TypeIndex::Date32; }

/// How a call with a date or interval argument is computed.
struct DateCall {
  enum Kind { None, DateAndInteger, IntegerAndDate, DateDifference, Delegate } kind = None;
  std::string delegate;  // function computing it, for Delegate
  bool swap = false;     // Delegate: pass the arguments in the other order
};

template <bool is_plus>
DateCall analyseDateCall(const DataTypePtr& a, const DataTypePtr& b) {
  DateCall call;
  bool date_a = isDateLike(a), date_b = isDateLike(b);
  bool interval_a = a->typeId() == TypeIndex::Interval, interval_b = b->typeId() == TypeIndex::Interval;
  const char* verb = is_plus ? "add" : "subtract";
  auto intervalName = [&](const DataTypePtr& interval) {
    return std::string(verb) + intervalKindName(static_cast<const DataTypeInterval&>(*interval).kind()) + "s";
  };

  if ((date_a || isString(a)) && interval_b) {
    call.kind = DateCall::Delegate;
    call.delegate = intervalName(b);
    return call;
  }
  if (interval_a && (date_b || isString(b))) {
    if (!is_plus)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Wrong order of arguments for function minus: argument of type Interval cannot be first");
    call.kind = DateCall::Delegate;
    call.delegate = intervalName(a);
    call.swap = true;
    return call;
  }
  if (date_a && date_b) {
    if (!is_plus && ((isDayBased(a) && isDayBased(b)) ||
                     (a->typeId() == TypeIndex::DateTime && b->typeId() == TypeIndex::DateTime)))
      call.kind = DateCall::DateDifference;
    return call;
  }
  if (date_a == date_b) return call;
  const DataTypePtr& date = date_a ? a : b;
  const DataTypePtr& number = date_a ? b : a;
  TypeIndex number_index = arithmeticNumberType(number);
  if (number_index == TypeIndex::Nothing) return call;
  if (date_b && !is_plus) return call;  // number - date
  if (date->typeId() == TypeIndex::DateTime64 || numberKind(number_index).is_float) {
    call.kind = DateCall::Delegate;
    call.delegate = std::string(verb) + (isDayBased(date) ? "Days" : "Seconds");
    call.swap = date_b;
    return call;
  }
  call.kind = date_a ? DateCall::DateAndInteger : DateCall::IntegerAndDate;
  return call;
}

template <typename Op, bool is_plus>
class FunctionPlusMinus final : public FunctionBinaryArithmetic<Op> {
 public:
  explicit FunctionPlusMinus(const FunctionContext& context) : context_(&context) {}

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    DateCall call = analyseDateCall<is_plus>(arguments[0].type, arguments[1].type);
    switch (call.kind) {
      case DateCall::None: return FunctionBinaryArithmetic<Op>::getReturnType(arguments);
      case DateCall::DateAndInteger: return arguments[0].type;
      case DateCall::IntegerAndDate: return arguments[1].type;
      case DateCall::DateDifference: return typeInt32();
      case DateCall::Delegate: {
        FunctionPtr target = FunctionFactory::instance().get(call.delegate, *context_);
        return getFunctionReturnType(*target, ordered(arguments, call.swap));
      }
    }
    return nullptr;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    DateCall call = analyseDateCall<is_plus>(arguments[0].type, arguments[1].type);
    if (call.kind == DateCall::None) return FunctionBinaryArithmetic<Op>::execute(arguments, result_type, rows);
    if (call.kind == DateCall::Delegate) {
      FunctionPtr target = FunctionFactory::instance().get(call.delegate, *context_);
      return executeFunction(*target, ordered(arguments, call.swap), result_type, rows);
    }
    if (ColumnPtr shifted = shiftByConstant(call, arguments, result_type, rows)) return shifted;
    BinaryArithmeticPlan plan;
    plan.read_a = storageNumberType(arguments[0].type->typeId());
    plan.read_b = storageNumberType(arguments[1].type->typeId());
    plan.compute = TypeIndex::Int64;
    plan.result = call.kind == DateCall::DateDifference ? TypeIndex::Int32 : storageNumberType(result_type->typeId());
    return FunctionBinaryArithmetic<Op>::executeNumbers(plan, *arguments[0].column, *arguments[1].column, rows);
  }

 private:
  /// Date/DateTime ± constant integer: one pass in the date's own storage type. Wrapping there
  /// equals computing in Int64 and truncating, as the general path does. Null if not this case.
  static ColumnPtr shiftByConstant(const DateCall& call, const ColumnsWithTypeAndName& arguments,
                                   const DataTypePtr& result_type, size_t rows) {
    if (call.kind != DateCall::DateAndInteger && !(is_plus && call.kind == DateCall::IntegerAndDate)) return nullptr;
    const bool date_first = call.kind == DateCall::DateAndInteger;
    const auto& date = arguments[date_first ? 0 : 1];
    const auto& number = arguments[date_first ? 1 : 0];
    if (!number.column->isConst() || date.column->isConst()) return nullptr;
    if (storageNumberType(date.type->typeId()) != storageNumberType(result_type->typeId())) return nullptr;
    const Field value = (*number.column)[0];
    int64_t delta;
    if (value.which() == Field::Which::Int64) delta = value.get<int64_t>();
    else if (value.which() == Field::Which::UInt64) delta = int64_t(value.get<uint64_t>());
    else return nullptr;
    if (!is_plus) delta = int64_t(0ULL - uint64_t(delta));
    auto shift = [&](auto tag) -> ColumnPtr {
      using T = decltype(tag);
      const auto* in = dynamic_cast<const ColumnVector<T>*>(date.column.get());
      if (!in) return nullptr;
      auto out = ColumnVector<T>::create(rows);
      const T* src = in->getData().data();
      T* dst = out->getData().data();
      using U = std::make_unsigned_t<T>;  // wrap without signed overflow
      const U d = U(delta);
      for (size_t i = 0; i < rows; ++i) dst[i] = T(U(U(src[i]) + d));
      return out;
    };
    switch (storageNumberType(date.type->typeId())) {
      case TypeIndex::UInt16: return shift(UInt16{});
      case TypeIndex::UInt32: return shift(UInt32{});
      case TypeIndex::Int32: return shift(Int32{});
      default: return nullptr;
    }
  }

  static ColumnsWithTypeAndName ordered(const ColumnsWithTypeAndName& arguments, bool swap) {
    if (!swap) return arguments;
    return {arguments[1], arguments[0]};
  }

  const FunctionContext* context_;
};

}  // namespace plus_minus

REGISTER_FUNCTION(PlusMinus) {
  using namespace plus_minus;
  factory.registerFunction(
      "plus", [](const FunctionContext& c) { return std::make_shared<FunctionPlusMinus<PlusOp, true>>(c); },
      FunctionDocumentation{.description = "Sum of two numbers; a date or time shifted by a number or an interval.",
                            .syntax = "plus(a, b)",
                            .category = "Arithmetic"});
  factory.registerFunction(
      "minus", [](const FunctionContext& c) { return std::make_shared<FunctionPlusMinus<MinusOp, false>>(c); },
      FunctionDocumentation{.description = "Difference of two numbers or dates; a date shifted back by a number or an interval.",
                            .syntax = "minus(a, b)",
                            .category = "Arithmetic"});
}

}  // namespace tally
