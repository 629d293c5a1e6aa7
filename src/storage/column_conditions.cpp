#include "storage/column_conditions.h"

#include <algorithm>

#include "columns/column_low_cardinality.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/conversion/cast.h"
#include "types/data_type_low_cardinality.h"

namespace tally {

namespace {

using Op = ColumnCondition::Op;

bool isNumeric(const Field& f) {
  auto w = f.which();
  return w == Field::Which::UInt64 || w == Field::Which::Int64 || w == Field::Which::Float64 || w == Field::Which::Bool;
}

/// Types whose values order like their Fields: integers, dates and times, strings.
bool orderableType(const DataTypePtr& type) {
  switch (type->typeId()) {
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
    case TypeIndex::Date: case TypeIndex::Date32: case TypeIndex::DateTime: case TypeIndex::String:
      return true;
    default:
      return false;
  }
}

/// `value` (of `from`) converted to `to`, if the conversion is exact: it converts back to the
/// same value (strings) or the same number (numbers).
bool convertExactly(const Field& value, const DataTypePtr& from, const DataTypePtr& to, Field& out) {
  if (value.isNull()) return false;
  try {
    out = convertFieldToType(value, from, to);
    if (out.isNull()) return false;
    if (isNumeric(value) && isNumeric(out)) return value.as<long double>() == out.as<long double>();
    Field back = convertFieldToType(out, to, from);
    return back == value;
  } catch (const Exception&) {
    return false;
  }
}

Op mirror(Op op) {
  switch (op) {
    case Op::Less: return Op::Greater;
    case Op::LessOrEquals: return Op::GreaterOrEquals;
    case Op::Greater: return Op::Less;
    case Op::GreaterOrEquals: return Op::LessOrEquals;
    default: return op;
  }
}

void collect(const ExprPtr& e, const std::map<std::string, std::pair<std::string, DataTypePtr>>& columns,
             const FunctionContext& context, std::vector<ColumnCondition>& out) {
  if (e->kind != Expr::Kind::Function) return;
  const std::string fn = e->function->getName();
  if (fn == "and") {
    for (const auto& c : e->children) collect(c, columns, context, out);
    return;
  }
  if ((fn == "in" || fn == "globalIn") && e->children.size() == 1 && e->children[0]->kind == Expr::Kind::Column) {
    ColumnWithTypeAndName set = e->function->inSetValues();
    auto it = columns.find(e->children[0]->name);
    if (!set.column || set.column->size() > kMaxInConditionValues || it == columns.end()) return;
    DataTypePtr type = it->second.second;
    if (type->typeId() == TypeIndex::LowCardinality) return;  // conditions on codes take single values
    if (!orderableType(type)) return;
    DataTypePtr set_type = removeLowCardinality(set.type);
    ColumnPtr values = set.column->kind() == ColumnKind::LowCardinality
                           ? static_cast<const ColumnLowCardinality&>(*set.column).convertToFullColumn()
                           : set.column;
    ColumnCondition condition{it->second.first, Op::In, Field(), {}};
    condition.values.reserve(values->size());
    const bool same_type = set_type->equals(*type);  // e.g. String values for a String column: no conversion
    for (size_t i = 0; i < values->size(); ++i) {
      if (same_type) {
        if (!values->isNullAt(i)) condition.values.push_back((*values)[i]);
        continue;
      }
      Field value;
      if (convertExactly((*values)[i], set_type, type, value)) condition.values.push_back(std::move(value));
    }
    // A value that does not convert exactly matches no row of the column: leaving it out is exact.
    std::sort(condition.values.begin(), condition.values.end());
    condition.values.erase(std::unique(condition.values.begin(), condition.values.end()), condition.values.end());
    out.push_back(std::move(condition));
    return;
  }
  static const std::map<std::string, Op> ops = {{"equals", Op::Equals},         {"less", Op::Less},
                                                {"lessOrEquals", Op::LessOrEquals}, {"greater", Op::Greater},
                                                {"greaterOrEquals", Op::GreaterOrEquals}};
  auto op_it = ops.find(fn);
  if (op_it == ops.end() || e->children.size() != 2) return;
  Op op = op_it->second;
  ExprPtr column = e->children[0], constant = e->children[1];
  if (column->kind != Expr::Kind::Column) {
    std::swap(column, constant);
    op = mirror(op);
  }
  if (column->kind != Expr::Kind::Column || !constant->isConstant()) return;
  auto it = columns.find(column->name);
  if (it == columns.end()) return;
  DataTypePtr type = it->second.second;
  if (type->typeId() == TypeIndex::LowCardinality) {
    if (op != Op::Equals) return;  // codes are not ordered like values
    type = static_cast<const DataTypeLowCardinality&>(*type).getDictionaryType();
  }
  if (!orderableType(type)) return;
  Field value;
  if (!convertExactly((*constant->constant)[0], constant->type, type, value)) return;
  out.push_back({it->second.first, op, std::move(value)});
}

template <typename T>
bool vectorMinMax(const Column& column, size_t start, size_t length, Field& min, Field& max) {
  const auto* v = dynamic_cast<const ColumnVector<T>*>(&column);
  if (!v) return false;
  const T* data = v->getData().data() + start;
  T lo = data[0], hi = data[0];
  for (size_t i = 1; i < length; ++i) {
    lo = data[i] < lo ? data[i] : lo;
    hi = data[i] > hi ? data[i] : hi;
  }
  if constexpr (std::is_signed_v<T>) {
    min = Field(int64_t(lo));
    max = Field(int64_t(hi));
  } else {
    min = Field(uint64_t(lo));
    max = Field(uint64_t(hi));
  }
  return true;
}

}  // namespace

std::vector<ColumnCondition> extractColumnConditions(const ExprPtr& filter,
                                                     const std::map<std::string, std::pair<std::string, DataTypePtr>>& columns,
                                                     const FunctionContext& context) {
  std::vector<ColumnCondition> out;
  if (filter) collect(filter, columns, context, out);
  return out;
}

bool columnRangeMinMax(const Column& column, size_t start, size_t length, Field& min, Field& max) {
  if (length == 0 || start + length > column.size()) return false;
  if (column.kind() == ColumnKind::String) {
    const auto& s = static_cast<const ColumnString&>(column);
    std::string_view lo = s.at(start), hi = lo;
    for (size_t i = start + 1; i < start + length; ++i) {
      std::string_view v = s.at(i);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min = Field(lo);
    max = Field(hi);
    return true;
  }
  if (column.kind() == ColumnKind::LowCardinality) {
    // Strings of a dictionary: each distinct code of the range compared once (a per-thread
    // stamp per code marks the ones seen in this range).
    const auto& lc = static_cast<const ColumnLowCardinality&>(column);
    const LowCardinalityDictionary& dict = lc.getDictionary();
    if (dict.isNullable() || dict.values().kind() != ColumnKind::String) return false;
    const auto& values = static_cast<const ColumnString&>(dict.values());
    thread_local std::vector<uint32_t> stamp;
    thread_local uint32_t epoch = 0;
    if (stamp.size() < dict.size()) stamp.resize(dict.size(), 0);
    if (++epoch == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      epoch = 1;
    }
    std::string_view lo, hi;
    lc.visitIndexes([&](const auto& codes) {
      uint32_t first = codes[start];
      stamp[first] = epoch;
      lo = hi = values.at(first);
      for (size_t i = start + 1; i < start + length; ++i) {
        uint32_t code = codes[i];
        if (stamp[code] == epoch) continue;
        stamp[code] = epoch;
        std::string_view v = values.at(code);
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
    });
    min = Field(lo);
    max = Field(hi);
    return true;
  }
  if (column.kind() != ColumnKind::Vector) return false;
  return vectorMinMax<UInt8>(column, start, length, min, max) || vectorMinMax<UInt16>(column, start, length, min, max) ||
         vectorMinMax<UInt32>(column, start, length, min, max) || vectorMinMax<UInt64>(column, start, length, min, max) ||
         vectorMinMax<Int8>(column, start, length, min, max) || vectorMinMax<Int16>(column, start, length, min, max) ||
         vectorMinMax<Int32>(column, start, length, min, max) || vectorMinMax<Int64>(column, start, length, min, max);
}

bool rangeMayMatch(const ColumnCondition& c, const Field& min, const Field& max) {
  const Field& v = c.value;
  switch (c.op) {
    case Op::Equals: return !(v < min) && !(max < v);
    case Op::Less: return min < v;
    case Op::LessOrEquals: return !(v < min);
    case Op::Greater: return v < max;
    case Op::GreaterOrEquals: return !(max < v);
    case Op::In: {
      auto first = std::lower_bound(c.values.begin(), c.values.end(), min);
      return first != c.values.end() && !(max < *first);
    }
  }
  return true;
}

}  // namespace tally
