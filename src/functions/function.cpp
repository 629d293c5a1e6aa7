#include "functions/function.h"

#include <algorithm>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace {

bool isNullLiteralType(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::Nullable &&
         static_cast<const DataTypeNullable&>(*type).getNestedType()->typeId() == TypeIndex::Nothing;
}

bool isConstColumn(const ColumnPtr& column) { return column && column->isConst(); }

/// Index of the single non-constant LowCardinality argument when every other argument is
/// constant; -1 otherwise.
int singleLowCardinalityArgument(const ColumnsWithTypeAndName& args) {
  int found = -1;
  for (size_t i = 0; i < args.size(); ++i) {
    bool lc = args[i].type->typeId() == TypeIndex::LowCardinality;
    bool is_const = isConstColumn(args[i].column);
    if (lc && !is_const) {
      if (found >= 0) return -1;
      found = int(i);
    } else if (!is_const) {
      return -1;
    }
  }
  return found;
}

ColumnPtr stripLowCardinalityColumn(const ColumnPtr& column) {
  if (!column) return column;
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    if (c.getDataColumn().kind() == ColumnKind::LowCardinality)
      return ColumnConst::create(static_cast<const ColumnLowCardinality&>(c.getDataColumn()).convertToFullColumn(), c.size());
    return column;
  }
  if (column->kind() == ColumnKind::LowCardinality)
    return static_cast<const ColumnLowCardinality&>(*column).convertToFullColumn();
  return column;
}

}  // namespace

DataTypePtr getFunctionReturnType(const IFunction& function, const ColumnsWithTypeAndName& arguments) {
  if (!function.isVariadic())
    checkArgumentCount(function.getName(), arguments.size(), function.getNumberOfArguments(),
                       function.getNumberOfArguments());

  if (function.useDefaultImplementationForNulls()) {
    for (const auto& a : arguments)
      if (isNullLiteralType(a.type)) return makeNullable(typeNothing());
  }
  if (function.useDefaultImplementationForNothing()) {
    for (const auto& a : arguments)
      if (a.type->typeId() == TypeIndex::Nothing) return typeNothing();
  }

  if (function.useDefaultImplementationForLowCardinality()) {
    bool any_lc = false;
    ColumnsWithTypeAndName stripped = arguments;
    for (auto& a : stripped) {
      if (a.type->typeId() == TypeIndex::LowCardinality) {
        any_lc = true;
        a.type = removeLowCardinality(a.type);
        a.column = stripLowCardinalityColumn(a.column);
      }
    }
    if (any_lc) {
      DataTypePtr inner = getFunctionReturnType(function, stripped);
      if (singleLowCardinalityArgument(arguments) >= 0 && removeNullable(inner)->canBeInsideLowCardinality())
        return std::make_shared<DataTypeLowCardinality>(inner);
      return inner;
    }
  }

  if (function.useDefaultImplementationForNulls()) {
    bool any_nullable = false;
    ColumnsWithTypeAndName stripped = arguments;
    for (auto& a : stripped) {
      if (a.type->isNullable()) {
        any_nullable = true;
        a.type = removeNullable(a.type);
        if (a.column) {
          if (a.column->isConst()) {
            const auto& c = static_cast<const ColumnConst&>(*a.column);
            a.column = ColumnConst::create(removeNullable(c.getDataColumnPtr()), c.size());
          } else {
            a.column = removeNullable(a.column);
          }
        }
      }
    }
    if (any_nullable) return makeNullable(function.getReturnType(stripped));
  }
  return function.getReturnType(arguments);
}

namespace {

ColumnPtr executeWithoutLowCardinality(const IFunction& function, const ColumnsWithTypeAndName& args,
                                       const DataTypePtr& result_type, size_t rows);

/// Identifies a call over a dictionary: the function, its result type and its constant
/// arguments (every argument but the LowCardinality one is constant here).
std::string derivedKey(const IFunction& function, const ColumnsWithTypeAndName& args, size_t lc_index,
                       const DataTypePtr& result_type) {
  std::string key = function.getName();
  key += '\0';
  key += result_type->name();
  for (size_t i = 0; i < args.size(); ++i) {
    key += '\0';
    if (i == lc_index) continue;
    key += args[i].type->name();
    key += '=';
    key += (*args[i].column)[0].dump();
  }
  return key;
}

/// Runs the function over dictionary codes [from, to) and interns the results into `entry`.
void extendDerived(const IFunction& function, const ColumnsWithTypeAndName& args, size_t lc_index,
                   const DataTypePtr& result_type, const LowCardinalityDictionary& dict, size_t to,
                   LowCardinalityDictionary::DerivedCodes& entry) {
  const size_t from = entry.computed;
  const size_t n = to - from;
  const auto& lc_type = static_cast<const DataTypeLowCardinality&>(*args[lc_index].type);
  ColumnsWithTypeAndName dict_args = args;
  ColumnPtr values = dict.valuesPtr()->cut(from, n);
  if (dict.isNullable()) {
    auto null_map = std::make_shared<ColumnUInt8>(n, 0);
    if (from == 0 && n) null_map->getData()[0] = 1;  // code 0 is NULL
    values = ColumnNullable::create(values, null_map);
  }
  dict_args[lc_index].column = values;
  dict_args[lc_index].type = lc_type.getDictionaryType();
  for (size_t i = 0; i < dict_args.size(); ++i)
    if (i != lc_index) dict_args[i].column = dict_args[i].column->cut(0, n);

  ColumnPtr result_values = materialize(executeWithoutLowCardinality(function, dict_args, removeLowCardinality(result_type), n));
  if (!entry.result) entry.result = result_type->createColumn();
  auto& result = static_cast<ColumnLowCardinality&>(*entry.result);
  entry.remap.resize(to);
  for (size_t i = 0; i < n; ++i) {
    result.insertFromFullColumn(*result_values, i);
    entry.remap[from + i] = result.getIndexAt(result.size() - 1);
  }
  result.popBack(result.size());  // only its dictionary is kept
  entry.computed = to;
}

template <typename Index>
MutableColumnPtr remapCodes(const ColumnLowCardinality& lc, const PODArray<uint32_t>& remap, size_t rows) {
  auto out = ColumnVector<Index>::create(rows);
  Index* dst = out->getData().data();
  lc.visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < rows; ++i) dst[i] = Index(remap[idx[i]]);
  });
  return out;
}

/// A function over one LowCardinality argument (the others constant) runs once per dictionary
/// entry, not per row; the per-code results are cached with the dictionary (see DerivedCodes),
/// so blocks sharing a dictionary only remap their codes.
ColumnPtr executeOnDictionary(const IFunction& function, const ColumnsWithTypeAndName& args, size_t lc_index,
                              const DataTypePtr& result_type, size_t rows) {
  const auto& lc = static_cast<const ColumnLowCardinality&>(*args[lc_index].column);
  const auto& dict = lc.getDictionary();
  const size_t dict_size = dict.size();

  std::shared_ptr<LowCardinalityDictionary::DerivedCodes> entry;
  if (function.isDeterministic() && function.isDeterministicInScopeOfQuery())
    entry = dict.derived(derivedKey(function, args, lc_index, result_type));
  else
    entry = std::make_shared<LowCardinalityDictionary::DerivedCodes>();

  std::unique_lock lock(entry->mutex);
  if (entry->computed < dict_size) extendDerived(function, args, lc_index, result_type, dict, dict_size, *entry);
  const auto& result = static_cast<const ColumnLowCardinality&>(*entry->result);
  const size_t result_size = result.getDictionary().size();
  MutableColumnPtr indexes;
  if (result_size <= 0x100)
    indexes = remapCodes<UInt8>(lc, entry->remap, rows);
  else if (result_size <= 0x10000)
    indexes = remapCodes<UInt16>(lc, entry->remap, rows);
  else
    indexes = remapCodes<UInt32>(lc, entry->remap, rows);
  return std::make_shared<ColumnLowCardinality>(result.getDictionaryPtr(), std::move(indexes));
}

ColumnPtr executeWithoutNulls(const IFunction& function, const ColumnsWithTypeAndName& args,
                              const DataTypePtr& result_type, size_t rows) {
  if (function.useDefaultImplementationForNulls()) {
    bool any_nullable = false;
    for (const auto& a : args)
      if (a.type->isNullable()) any_nullable = true;
    if (any_nullable) {
      // Union of the null maps.
      std::shared_ptr<ColumnUInt8> null_map;
      ColumnsWithTypeAndName stripped = args;
      for (auto& a : stripped) {
        if (!a.type->isNullable()) continue;
        a.type = removeNullable(a.type);
        if (a.column->isConst()) {
          const auto& c = static_cast<const ColumnConst&>(*a.column);
          if (c.isNullAt(0)) return result_type->createColumnConst(rows, Field());
          a.column = ColumnConst::create(removeNullable(c.getDataColumnPtr()), c.size());
          continue;
        }
        const auto& n = static_cast<const ColumnNullable&>(*a.column);
        if (!null_map) {
          null_map = std::make_shared<ColumnUInt8>(n.getNullMapData().size());
          std::copy(n.getNullMapData().begin(), n.getNullMapData().end(), null_map->getData().begin());
        } else {
          auto& dst = null_map->getData();
          const auto& src = n.getNullMapData();
          for (size_t i = 0; i < rows; ++i) dst[i] |= src[i];
        }
        a.column = n.getNestedColumnPtr();
      }
      ColumnPtr res = function.execute(stripped, removeNullable(result_type), rows);
      if (!null_map) return makeNullable(res);
      res = materialize(res);
      if (res->isNullable()) {
        // The function itself returned Nullable: merge its nulls in.
        const auto& rn = static_cast<const ColumnNullable&>(*res);
        auto& dst = null_map->getData();
        for (size_t i = 0; i < rows; ++i) dst[i] |= rn.getNullMapData()[i];
        return ColumnNullable::create(rn.getNestedColumnPtr(), null_map);
      }
      return ColumnNullable::create(res, null_map);
    }
  }
  return function.execute(args, result_type, rows);
}

ColumnPtr executeWithoutLowCardinality(const IFunction& function, const ColumnsWithTypeAndName& args,
                                       const DataTypePtr& result_type, size_t rows) {
  if (function.useDefaultImplementationForConstants() && !args.empty()) {
    bool all_const = true;
    for (const auto& a : args)
      if (!a.column->isConst()) all_const = false;
    if (all_const) {
      ColumnsWithTypeAndName one = args;
      std::vector<size_t> keep_const = function.getArgumentsThatAreAlwaysConstant();
      for (size_t i = 0; i < one.size(); ++i) {
        if (std::find(keep_const.begin(), keep_const.end(), i) != keep_const.end())
          one[i].column = one[i].column->cut(0, 1);  // still a ColumnConst, now of one row
        else
          one[i].column = static_cast<const ColumnConst&>(*one[i].column).getDataColumnPtr();
      }
      ColumnPtr res = executeWithoutNulls(function, one, result_type, 1);
      return ColumnConst::create(materialize(res), rows);
    }
  }
  return executeWithoutNulls(function, args, result_type, rows);
}

}  // namespace

ColumnPtr executeFunction(const IFunction& function, const ColumnsWithTypeAndName& arguments,
                          const DataTypePtr& result_type, size_t rows) {
  if (function.useDefaultImplementationForNulls()) {
    for (const auto& a : arguments)
      if (isNullLiteralType(a.type)) return result_type->createColumnConst(rows, Field());
  }
  if (function.useDefaultImplementationForNothing()) {
    for (const auto& a : arguments)
      if (a.type->typeId() == TypeIndex::Nothing) return result_type->createColumnConst(rows, result_type->defaultValue());
  }
  if (function.useDefaultImplementationForLowCardinality()) {
    bool any_lc = false;
    for (const auto& a : arguments)
      if (a.type->typeId() == TypeIndex::LowCardinality) any_lc = true;
    if (any_lc) {
      int lc_index = singleLowCardinalityArgument(arguments);
      if (lc_index >= 0 && result_type->typeId() == TypeIndex::LowCardinality)
        return executeOnDictionary(function, arguments, size_t(lc_index), result_type, rows);
      ColumnsWithTypeAndName stripped = arguments;
      for (auto& a : stripped) {
        if (a.type->typeId() == TypeIndex::LowCardinality) {
          a.type = removeLowCardinality(a.type);
          a.column = stripLowCardinalityColumn(a.column);
        }
      }
      ColumnPtr res = executeWithoutLowCardinality(function, stripped, removeLowCardinality(result_type), rows);
      if (result_type->typeId() == TypeIndex::LowCardinality) {
        auto lc = result_type->createColumn();
        ColumnPtr full = materialize(res);
        lc->insertRangeFrom(*full, 0, full->size());
        return lc;
      }
      return res;
    }
  }
  return executeWithoutLowCardinality(function, arguments, result_type, rows);
}

void checkArgumentCount(const std::string& function, size_t n, size_t min, size_t max) {
  if (n < min || n > max) {
    std::string expected = min == max ? std::to_string(min) : fmt::format("{} to {}", min, max);
    if (max == SIZE_MAX) expected = fmt::format("at least {}", min);
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function {} doesn't match: passed {}, should be {}", function, n, expected);
  }
}

void throwIllegalType(const std::string& function, size_t argument_index, const DataTypePtr& type,
                      const std::string& expected) {
  static const char* ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"};
  std::string ordinal = argument_index < 8 ? ordinals[argument_index] : std::to_string(argument_index + 1) + "th";
  std::string text = fmt::format("Illegal type {} of {} argument of function {}", type->name(), ordinal, function);
  if (!expected.empty()) text += ", expected " + expected;
  throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, text);
}

bool isConstantArgument(const ColumnsWithTypeAndName& arguments, size_t i) {
  return i < arguments.size() && arguments[i].column && arguments[i].column->isConst();
}

Field constantArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t i) {
  if (!isConstantArgument(arguments, i))
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Argument {} of function {} must be constant", i + 1, function);
  return static_cast<const ColumnConst&>(*arguments[i].column).getField();
}

const TimeZone& timeZoneFor(const FunctionContext& context, const DataTypePtr& type) {
  DataTypePtr t = removeNullableAndLowCardinality(type);
  if (t->typeId() == TypeIndex::DateTime) {
    const auto& dt = static_cast<const DataTypeDateTime&>(*t);
    if (dt.hasExplicitTimeZone()) return dt.timeZone();
  }
  if (t->typeId() == TypeIndex::DateTime64) {
    const auto& dt = static_cast<const DataTypeDateTime64&>(*t);
    if (dt.hasExplicitTimeZone()) return dt.timeZone();
  }
  if (context.session_time_zone) return *context.session_time_zone;
  return TimeZone::defaultZone();
}

}  // namespace tally
