// and, or, xor (variadic, ClickHouse's three-valued NULL logic: and(0, NULL) = 0,
// or(1, NULL) = 1, anything else with a NULL is NULL) and not. Arguments are numbers or Bool;
// non-zero is true. Results are UInt8, or Nullable(UInt8) when an argument is Nullable.

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/comparison/comparison_kernels.h"
#include "functions/function_factory.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"

namespace tally {

namespace logical_functions {

enum class Kind { And, Or, Xor };

/// Ternary values: ordering lets AND be min and OR be max.
constexpr UInt8 kFalse = 0, kNull = 1, kTrue = 2;

bool isNullLiteral(const DataTypePtr& t) { return t->isNullable() && removeNullable(t)->typeId() == TypeIndex::Nothing; }

/// 1 where the number column (no Nullable) is non-zero.
void truthOfNumbers(const Column& column, const DataTypePtr& type, UInt8* out, size_t rows) {
  static const ColumnPtr zero = [] {
    auto c = ColumnUInt8::create();
    c->insertValue(0);
    return ColumnPtr(c);
  }();
  ColumnConst zero_const(zero, rows);
  compareNumberColumns(CompareOp::NotEquals, column, storageNumberType(type->typeId()), zero_const, TypeIndex::UInt8,
                       out, rows);
}

/// Ternary values of one argument (one value when `is_const`).
struct TernaryArgument {
  PODArray<UInt8> values;
  bool is_const = false;
};

TernaryArgument ternaryOf(const ColumnWithTypeAndName& arg, size_t rows) {
  TernaryArgument res;
  const Column* column = arg.column.get();
  ColumnPtr holder;
  if (column->isConst()) {
    res.is_const = true;
    holder = static_cast<const ColumnConst&>(*column).getDataColumnPtr();
    column = holder.get();
    rows = 1;
  }
  res.values.resize(rows);
  if (isNullLiteral(arg.type)) {
    std::fill(res.values.begin(), res.values.end(), kNull);
    return res;
  }
  const UInt8* null_map = nullptr;
  if (column->isNullable()) {
    const auto& n = static_cast<const ColumnNullable&>(*column);
    null_map = n.getNullMapData().data();
    column = &n.getNestedColumn();
  }
  if (rows) truthOfNumbers(*column, removeNullable(arg.type), res.values.data(), rows);
  UInt8* v = res.values.data();
  if (null_map) {
    for (size_t i = 0; i < rows; ++i) v[i] = null_map[i] ? kNull : UInt8(v[i] * 2);
  } else {
    for (size_t i = 0; i < rows; ++i) v[i] = UInt8(v[i] * 2);
  }
  return res;
}

template <Kind kind>
class FunctionLogical final : public IFunction {
 public:
  std::string getName() const override { return name(); }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(name(), arguments.size(), 2, SIZE_MAX);
    bool nullable = false;
    for (size_t i = 0; i < arguments.size(); ++i) {
      const DataTypePtr& t = arguments[i].type;
      if (isNullLiteral(t)) {
        nullable = true;
        continue;
      }
      if (t->isNullable()) nullable = true;
      if (storageNumberType(removeNullable(t)->typeId()) == TypeIndex::Nothing || removeNullable(t)->typeId() == TypeIndex::Interval)
        throwIllegalType(name(), i, t, "a number");
    }
    return nullable ? makeNullable(typeUInt8()) : typeUInt8();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    bool nullable_result = result_type->isNullable();
    auto result = ColumnUInt8::create(rows);
    UInt8* out = result->getData().data();
    std::shared_ptr<ColumnUInt8> null_map;

    if (!nullable_result) {
      // Booleans only: AND/OR/XOR of truth values.
      std::fill(out, out + rows, UInt8(kind == Kind::And ? 1 : 0));
      PODArray<UInt8> truth(rows);
      for (const auto& arg : arguments) {
        const UInt8* t;
        UInt8 scalar = 0;
        size_t step = 1;
        if (arg.column->isConst()) {
          truthOfNumbers(static_cast<const ColumnConst&>(*arg.column).getDataColumn(), arg.type, &scalar, 1);
          t = &scalar;
          step = 0;
        } else {
          if (rows) truthOfNumbers(*arg.column, arg.type, truth.data(), rows);
          t = truth.data();
        }
        if (step == 0) {
          if (kind == Kind::And && !scalar) std::fill(out, out + rows, UInt8(0));
          else if (kind == Kind::Or && scalar) std::fill(out, out + rows, UInt8(1));
          else if (kind == Kind::Xor && scalar) for (size_t i = 0; i < rows; ++i) out[i] ^= 1;
          continue;
        }
        for (size_t i = 0; i < rows; ++i) {
          if constexpr (kind == Kind::And) out[i] &= t[i];
          else if constexpr (kind == Kind::Or) out[i] |= t[i];
          else out[i] ^= t[i];
        }
      }
      return result;
    }

    null_map = ColumnUInt8::create(rows);
    UInt8* nulls = null_map->getData().data();
    if constexpr (kind == Kind::Xor) {
      std::fill(out, out + rows, UInt8(0));
      std::fill(nulls, nulls + rows, UInt8(0));
      for (const auto& arg : arguments) {
        TernaryArgument t = ternaryOf(arg, rows);
        size_t step = t.is_const ? 0 : 1;
        const UInt8* v = t.values.data();
        for (size_t i = 0; i < rows; ++i) {
          UInt8 x = v[i * step];
          nulls[i] |= x == kNull;
          out[i] ^= x == kTrue;
        }
      }
      for (size_t i = 0; i < rows; ++i) out[i] &= UInt8(!nulls[i]);
    } else {
      PODArray<UInt8> acc(rows, kind == Kind::And ? kTrue : kFalse);
      UInt8* a = acc.data();
      for (const auto& arg : arguments) {
        TernaryArgument t = ternaryOf(arg, rows);
        size_t step = t.is_const ? 0 : 1;
        const UInt8* v = t.values.data();
        for (size_t i = 0; i < rows; ++i) {
          UInt8 x = v[i * step];
          if constexpr (kind == Kind::And) a[i] = std::min(a[i], x);
          else a[i] = std::max(a[i], x);
        }
      }
      for (size_t i = 0; i < rows; ++i) {
        out[i] = a[i] == kTrue;
        nulls[i] = a[i] == kNull;
      }
    }
    return ColumnNullable::create(result, null_map);
  }

 private:
  static const char* name() { return kind == Kind::And ? "and" : (kind == Kind::Or ? "or" : "xor"); }
};

class FunctionNot final : public IFunction {
 public:
  std::string getName() const override { return "not"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const DataTypePtr& t = arguments[0].type;
    if (storageNumberType(t->typeId()) == TypeIndex::Nothing || t->typeId() == TypeIndex::Interval)
      throwIllegalType("not", 0, t, "a number");
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt8::create(rows);
    if (rows) {
      truthOfNumbers(*arguments[0].column->convertToFullColumnIfConst(), arguments[0].type, res->getData().data(), rows);
      UInt8* out = res->getData().data();
      for (size_t i = 0; i < rows; ++i) out[i] ^= 1;
    }
    return res;
  }
};

}  // namespace logical_functions

REGISTER_FUNCTION(Logical) {
  using namespace logical_functions;
  constexpr auto ci = FunctionFactory::CaseInsensitive;
  factory.registerFunction(
      "and", [](const FunctionContext&) { return std::make_shared<FunctionLogical<Kind::And>>(); },
      FunctionDocumentation{.description = "Logical conjunction of all arguments (three-valued with NULL).",
                            .syntax = "and(a, b, ...)", .category = "Logical"},
      ci);
  factory.registerFunction(
      "or", [](const FunctionContext&) { return std::make_shared<FunctionLogical<Kind::Or>>(); },
      FunctionDocumentation{.description = "Logical disjunction of all arguments (three-valued with NULL).",
                            .syntax = "or(a, b, ...)", .category = "Logical"},
      ci);
  factory.registerFunction(
      "xor", [](const FunctionContext&) { return std::make_shared<FunctionLogical<Kind::Xor>>(); },
      FunctionDocumentation{.description = "Logical exclusive disjunction of all arguments (NULL if any is NULL).",
                            .syntax = "xor(a, b, ...)", .category = "Logical"},
      ci);
  factory.registerFunction(
      "not", [](const FunctionContext&) { return std::make_shared<FunctionNot>(); },
      FunctionDocumentation{.description = "Logical negation: 1 for zero, 0 for non-zero.", .syntax = "not(a)",
                            .category = "Logical"},
      ci);
}

}  // namespace tally
