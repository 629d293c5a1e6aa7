// ifNull, nullIf, coalesce, assumeNotNull, toNullable, isNull, isNotNull, isZeroOrNull.

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/comparison/comparison_kernels.h"
#include "functions/conditional/row_selection.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/least_supertype.h"

namespace tally {

namespace null_functions {

bool isNullLiteral(const DataTypePtr& t) {
  return t->typeId() == TypeIndex::Nothing || (t->isNullable() && removeNullable(t)->typeId() == TypeIndex::Nothing);
}

/// Null map of a column (constants expanded); nullptr when the column cannot hold NULL.
struct NullRows {
  const UInt8* map = nullptr;
  bool is_const = false;
  bool const_null = false;
  bool isNull(size_t i) const { return is_const ? const_null : (map && map[i]); }
};

NullRows nullRows(const ColumnWithTypeAndName& arg) {
  NullRows r;
  if (isNullLiteral(arg.type)) {
    r.is_const = true;
    r.const_null = true;
    return r;
  }
  if (arg.column->isConst()) {
    r.is_const = true;
    r.const_null = arg.column->isNullAt(0);
    return r;
  }
  if (arg.column->isNullable()) r.map = static_cast<const ColumnNullable&>(*arg.column).getNullMapData().data();
  return r;
}

/// coalesce: the arguments that matter (NULL literals dropped, nothing after the first
/// non-Nullable one) and the result type.
DataTypePtr coalesceType(const ColumnsWithTypeAndName& arguments, std::vector<size_t>* used) {
  DataTypes nested;
  bool all_nullable = true;
  for (size_t i = 0; i < arguments.size(); ++i) {
    const DataTypePtr& t = arguments[i].type;
    if (isNullLiteral(t)) continue;
    if (used) used->push_back(i);
    nested.push_back(removeNullable(t));
    if (!t->isNullable()) {
      all_nullable = false;
      break;
    }
  }
  if (nested.empty()) return makeNullable(typeNothing());
  DataTypePtr res = getLeastSupertype(nested);
  return all_nullable ? makeNullable(res) : res;
}

class FunctionCoalesce final : public IFunction {
 public:
  std::string getName() const override { return "coalesce"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount("coalesce", arguments.size(), 1, SIZE_MAX);
    return coalesceType(arguments, nullptr);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    std::vector<size_t> used;
    coalesceType(arguments, &used);
    if (used.empty()) return result_type->createColumnConst(rows, Field());
    DataTypePtr nested_type = removeNullable(result_type);
    if (used.size() > 254) throw Exception(ErrorCodes::TOO_MANY_ARGUMENTS_FOR_FUNCTION, "Too many arguments for coalesce");
    // Branch index per row: the first argument that is not NULL; used.size() = all NULL.
    const UInt8 none = UInt8(used.size());
    PODArray<UInt8> index(rows, none);
    Columns values;
    for (size_t k = 0; k < used.size(); ++k) {
      const auto& arg = arguments[used[k]];
      NullRows nulls = nullRows(arg);
      for (size_t i = 0; i < rows; ++i)
        if (index[i] == none && !nulls.isNull(i)) index[i] = UInt8(k);
      // The value without its null map, brought to the result's nested type.
      ColumnPtr value = arg.column;
      DataTypePtr value_type = removeNullable(arg.type);
      if (value->isConst()) {
        const auto& c = static_cast<const ColumnConst&>(*value);
        value = ColumnConst::create(removeNullable(c.getDataColumnPtr()), c.size());
      } else {
        value = removeNullable(value);
      }
      values.push_back(castColumnToSupertype(value, value_type, nested_type));
    }
    values.push_back(nested_type->createColumnConst(rows, nested_type->defaultValue()));
    ColumnPtr gathered = materialize(gatherRows(index, values, nested_type, rows));
    if (!result_type->isNullable()) return gathered;
    auto null_map = ColumnUInt8::create(rows);
    for (size_t i = 0; i < rows; ++i) null_map->getData()[i] = index[i] == none;
    return ColumnNullable::create(gathered, ColumnPtr(null_map));
  }
};

class FunctionIfNull final : public IFunction {
 public:
  std::string getName() const override { return "ifNull"; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const DataTypePtr& a = arguments[0].type;
    if (isNullLiteral(a)) return arguments[1].type;
    if (!a->isNullable()) return a;
    return getLeastSupertype({removeNullable(a), arguments[1].type});
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    const auto& a = arguments[0];
    if (isNullLiteral(a.type)) return castColumnToSupertype(arguments[1].column, arguments[1].type, result_type);
    if (!a.type->isNullable()) return a.column;
    NullRows nulls = nullRows(a);
    PODArray<UInt8> not_null(rows);
    for (size_t i = 0; i < rows; ++i) not_null[i] = !nulls.isNull(i);
    ColumnPtr value = a.column;
    if (value->isConst()) {
      const auto& c = static_cast<const ColumnConst&>(*value);
      value = ColumnConst::create(removeNullable(c.getDataColumnPtr()), c.size());
    } else {
      value = removeNullable(value);
    }
    ColumnPtr then_column = castColumnToSupertype(value, removeNullable(a.type), result_type);
    ColumnPtr else_column = castColumnToSupertype(arguments[1].column, arguments[1].type, result_type);
    return selectRows(not_null, then_column, else_column, result_type, rows);
  }
};

class FunctionNullIf final : public IFunction {
 public:
  explicit FunctionNullIf(const FunctionContext& context) : context_(&context) {}
  std::string getName() const override { return "nullIf"; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    return makeNullable(arguments[0].type);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    if (isNullLiteral(arguments[0].type)) return result_type->createColumnConst(rows, Field());
    FunctionPtr equals = FunctionFactory::instance().get("equals", *context_);
    ColumnsWithTypeAndName eq_args = arguments;
    DataTypePtr eq_type = getFunctionReturnType(*equals, eq_args);
    ColumnWithTypeAndName eq{executeFunction(*equals, eq_args, eq_type, rows), eq_type, "eq"};
    PODArray<UInt8> is_equal = conditionValues(eq, rows);
    ColumnPtr value = castColumnToSupertype(arguments[0].column, arguments[0].type, result_type);
    ColumnPtr null = result_type->createColumnConst(rows, Field());
    return selectRows(is_equal, null, value, result_type, rows);
  }

 private:
  const FunctionContext* context_;
};

class FunctionAssumeNotNull final : public IFunction {
 public:
  std::string getName() const override { return "assumeNotNull"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    return removeNullable(arguments[0].type);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t) const override {
    const ColumnPtr& c = arguments[0].column;
    if (c->isConst()) {
      const auto& cc = static_cast<const ColumnConst&>(*c);
      return ColumnConst::create(removeNullable(cc.getDataColumnPtr()), cc.size());
    }
    return removeNullable(c);
  }
};

class FunctionToNullable final : public IFunction {
 public:
  std::string getName() const override { return "toNullable"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    return makeNullable(arguments[0].type);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t) const override {
    return castColumnToSupertype(arguments[0].column, arguments[0].type, result_type);
  }
};

/// isNull, isNotNull, isZeroOrNull.
class FunctionNullCheck final : public IFunction {
 public:
  enum Mode { IsNull, IsNotNull, IsZeroOrNull };
  FunctionNullCheck(const char* name, Mode mode) : name_(name), mode_(mode) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (mode_ == IsZeroOrNull) {
      const DataTypePtr& t = arguments[0].type;
      if (!isNullLiteral(t) && storageNumberType(removeNullable(t)->typeId()) == TypeIndex::Nothing)
        throwIllegalType(name_, 0, t, "a number");
    }
    return typeUInt8();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    const auto& arg = arguments[0];
    auto res = ColumnUInt8::create(rows);
    UInt8* out = res->getData().data();
    NullRows nulls = nullRows(arg);
    for (size_t i = 0; i < rows; ++i) out[i] = nulls.isNull(i);
    if (mode_ == IsNotNull)
      for (size_t i = 0; i < rows; ++i) out[i] ^= 1;
    if (mode_ == IsZeroOrNull && !isNullLiteral(arg.type)) {
      PODArray<UInt8> truth = conditionValues(arg, rows);  // non-zero and not NULL
      for (size_t i = 0; i < rows; ++i) out[i] = !truth[i];
    }
    return res;
  }

 private:
  const char* name_;
  Mode mode_;
};

FunctionDocumentation doc(const char* description, const char* syntax) {
  return FunctionDocumentation{.description = description, .syntax = syntax, .category = "Null"};
}

}  // namespace null_functions

REGISTER_FUNCTION(NullFunctions) {
  using namespace null_functions;
  constexpr auto ci = FunctionFactory::CaseInsensitive;
  factory.registerFunction(
      "coalesce", [](const FunctionContext&) { return std::make_shared<FunctionCoalesce>(); },
      doc("The first argument that is not NULL.", "coalesce(x, y, ...)"), ci);
  factory.registerFunction(
      "ifNull", [](const FunctionContext&) { return std::make_shared<FunctionIfNull>(); },
      doc("x unless it is NULL, else alt.", "ifNull(x, alt)"), ci);
  factory.registerFunction(
      "nullIf", [](const FunctionContext& c) { return std::make_shared<FunctionNullIf>(c); },
      doc("NULL if x = y, else x.", "nullIf(x, y)"), ci);
  factory.registerFunction(
      "assumeNotNull", [](const FunctionContext&) { return std::make_shared<FunctionAssumeNotNull>(); },
      doc("The value of a Nullable as its non-Nullable type (NULL gives the default value).", "assumeNotNull(x)"));
  factory.registerFunction(
      "toNullable", [](const FunctionContext&) { return std::make_shared<FunctionToNullable>(); },
      doc("The value as a Nullable type.", "toNullable(x)"));
  factory.registerFunction(
      "isNull", [](const FunctionContext&) { return std::make_shared<FunctionNullCheck>("isNull", FunctionNullCheck::IsNull); },
      doc("1 if x is NULL.", "isNull(x)"), ci);
  factory.registerFunction(
      "isNotNull",
      [](const FunctionContext&) { return std::make_shared<FunctionNullCheck>("isNotNull", FunctionNullCheck::IsNotNull); },
      doc("1 if x is not NULL.", "isNotNull(x)"), ci);
  factory.registerFunction(
      "isZeroOrNull",
      [](const FunctionContext&) { return std::make_shared<FunctionNullCheck>("isZeroOrNull", FunctionNullCheck::IsZeroOrNull); },
      doc("1 if x is zero or NULL.", "isZeroOrNull(x)"));
}

}  // namespace tally
