// equals, notEquals, less, greater, lessOrEquals, greaterOrEquals: UInt8 results over numbers
// (exact across types), dates (different date types meet at their supertype), strings and
// FixedStrings (byte-wise), UUIDs, enums, arrays and tuples (lexicographic), and a Date,
// DateTime, UUID, Enum or number compared with a String constant (parsed once).

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/comparison/comparison_kernels.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"
#include "types/least_supertype.h"

namespace tally {

namespace comparison_functions {

enum class Shape { Numbers, DatesSupertype, ParseLeft, ParseRight, Strings, UUIDs, Composite, Invalid };

bool isStoredNumber(const DataTypePtr& t) {
  TypeIndex id = t->typeId();
  return storageNumberType(id) != TypeIndex::Nothing;
}
bool isDateLike(const DataTypePtr& t) {
  TypeIndex id = t->typeId();
  return id == TypeIndex::Date || id == TypeIndex::Date32 || id == TypeIndex::DateTime || id == TypeIndex::DateTime64;
}
bool isConstString(const ColumnWithTypeAndName& arg) {
  return isStringOrFixedString(arg.type) && arg.column && arg.column->isConst();
}
bool canParseFromString(const DataTypePtr& t) { return isStoredNumber(t) || t->typeId() == TypeIndex::UUID; }

Shape classify(const ColumnWithTypeAndName& a, const ColumnWithTypeAndName& b) {
  const DataTypePtr& ta = a.type;
  const DataTypePtr& tb = b.type;
  if (isStoredNumber(ta) && isStoredNumber(tb)) {
    if (isDateLike(ta) && isDateLike(tb) && !ta->equals(*tb)) return Shape::DatesSupertype;
    return Shape::Numbers;
  }
  if (isStringOrFixedString(ta) && isStringOrFixedString(tb)) return Shape::Strings;
  if (isConstString(a) && canParseFromString(tb)) return Shape::ParseLeft;
  if (isConstString(b) && canParseFromString(ta)) return Shape::ParseRight;
  if (ta->typeId() == TypeIndex::UUID && tb->typeId() == TypeIndex::UUID) return Shape::UUIDs;
  TypeIndex ia = ta->typeId(), ib = tb->typeId();
  if ((ia == TypeIndex::Array && ib == TypeIndex::Array) || (ia == TypeIndex::Tuple && ib == TypeIndex::Tuple)) {
    if (tryGetLeastSupertype({ta, tb})) return Shape::Composite;
  }
  return Shape::Invalid;
}

class FunctionComparison final : public IFunction {
 public:
  FunctionComparison(const char* name, CompareOp op, bool swap) : name_(name), op_(op), swap_(swap) {}

  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (classify(arguments[0], arguments[1]) == Shape::Invalid) throwIllegal(arguments);
    return typeUInt8();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    const ColumnWithTypeAndName& a = arguments[swap_ ? 1 : 0];
    const ColumnWithTypeAndName& b = arguments[swap_ ? 0 : 1];
    auto res = ColumnUInt8::create(rows);
    if (rows) compare(a, b, res->getData().data(), rows);
    return res;
  }

 private:
  void compare(const ColumnWithTypeAndName& a, const ColumnWithTypeAndName& b, UInt8* res, size_t rows) const {
    switch (classify(a, b)) {
      case Shape::Numbers:
        compareNumberColumns(op_, *a.column, storageNumberType(a.type->typeId()), *b.column,
                             storageNumberType(b.type->typeId()), res, rows);
        return;
      case Shape::DatesSupertype: {
        DataTypePtr common = getLeastSupertype({a.type, b.type});
        compare({castColumnToSupertype(a.column, a.type, common), common, a.name},
                {castColumnToSupertype(b.column, b.type, common), common, b.name}, res, rows);
        return;
      }
      case Shape::ParseLeft:
        compare({castColumnToSupertype(a.column, a.type, b.type), b.type, a.name}, b, res, rows);
        return;
      case Shape::ParseRight:
        compare(a, {castColumnToSupertype(b.column, b.type, a.type), a.type, b.name}, res, rows);
        return;
      case Shape::Strings: {
        ColumnPtr ca = a.column, cb = b.column;
        if (ca->isConst() && cb->isConst()) ca = ca->convertToFullColumnIfConst();
        compareStringColumns(op_, *ca, *cb, res, rows);
        return;
      }
      case Shape::UUIDs:
        compareUUIDColumns(op_, *a.column, *b.column, res, rows);
        return;
      case Shape::Composite: {
        DataTypePtr common = getLeastSupertype({a.type, b.type});
        ColumnPtr ca = castColumnToSupertype(a.column, a.type, common);
        ColumnPtr cb = castColumnToSupertype(b.column, b.type, common);
        compareGenericColumns(op_, *ca, *cb, res, rows);
        return;
      }
      case Shape::Invalid: throwIllegal({a, b});
    }
  }

  [[noreturn]] void throwIllegal(const ColumnsWithTypeAndName& arguments) const {
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal types of arguments ({}, {}) of function {}",
                    arguments[0].type->name(), arguments[1].type->name(), name_);
  }

  const char* name_;
  CompareOp op_;
  bool swap_;
};

void registerComparison(FunctionFactory& factory, const char* name, CompareOp op, bool swap, const char* description) {
  factory.registerFunction(
      name, [name, op, swap](const FunctionContext&) { return std::make_shared<FunctionComparison>(name, op, swap); },
      FunctionDocumentation{.description = description, .syntax = std::string(name) + "(a, b)", .category = "Comparison"});
}

}  // namespace comparison_functions

REGISTER_FUNCTION(Comparison) {
  using namespace comparison_functions;
  registerComparison(factory, "equals", CompareOp::Equals, false, "1 if a = b, otherwise 0.");
  registerComparison(factory, "notEquals", CompareOp::NotEquals, false, "1 if a != b, otherwise 0.");
  registerComparison(factory, "less", CompareOp::Less, false, "1 if a < b, otherwise 0.");
  registerComparison(factory, "greater", CompareOp::Less, true, "1 if a > b, otherwise 0.");
  registerComparison(factory, "lessOrEquals", CompareOp::LessOrEquals, false, "1 if a <= b, otherwise 0.");
  registerComparison(factory, "greaterOrEquals", CompareOp::LessOrEquals, true, "1 if a >= b, otherwise 0.");
}

}  // namespace tally
