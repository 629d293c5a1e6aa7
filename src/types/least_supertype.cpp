#include "types/least_supertype.h"

#include <algorithm>

#include "common/exception.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace {

std::string typeList(const DataTypes& types) {
  std::string s;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) s += ", ";
    s += types[i]->name();
  }
  return s;
}

[[noreturn]] void noCommonType(const DataTypes& types, const std::string& why) {
  throw Exception(ErrorCodes::NO_COMMON_TYPE, "There is no supertype for types {} {}", typeList(types), why);
}

DataTypePtr signedOfSize(size_t bytes) {
  switch (bytes) {
    case 1: return typeInt8();
    case 2: return typeInt16();
    case 4: return typeInt32();
    default: return typeInt64();
  }
}
DataTypePtr unsignedOfSize(size_t bytes) {
  switch (bytes) {
    case 1: return typeUInt8();
    case 2: return typeUInt16();
    case 4: return typeUInt32();
    default: return typeUInt64();
  }
}

DataTypePtr numbersSupertype(const DataTypes& types) {
  size_t max_unsigned = 0, max_signed = 0, max_float = 0, max_int = 0;
  for (const auto& t : types) {
    size_t size = t->typeId() == TypeIndex::Bool ? 1 : t->sizeOfValueInMemory();
    if (t->isFloat())
      max_float = std::max(max_float, size);
    else if (t->isSigned())
      max_signed = std::max(max_signed, size);
    else
      max_unsigned = std::max(max_unsigned, size);
    if (!t->isFloat()) max_int = std::max(max_int, size);
  }
  if (max_float) {
    if (max_float == 4 && max_int <= 2) return typeFloat32();
    return typeFloat64();
  }
  if (max_signed && max_unsigned) {
    if (max_unsigned >= 8)
      noCommonType(types, "because some of them are signed integers and some are unsigned integers, but there is no "
                          "signed integer type, that can exactly represent all required unsigned integer values");
    size_t needed = std::max(max_signed, max_unsigned * 2);
    return signedOfSize(needed);
  }
  if (max_signed) return signedOfSize(max_signed);
  return unsignedOfSize(max_unsigned);
}

}  // namespace

DataTypePtr getLeastSupertype(const DataTypes& input) {
  if (input.empty()) return typeNothing();
  // Identical types.
  bool all_same = true;
  for (const auto& t : input)
    if (!t->equals(*input[0])) all_same = false;
  if (all_same) return input[0];

  // Nothing (from NULL or []) does not constrain.
  DataTypes types;
  bool has_nullable = false;
  for (const auto& t : input) {
    if (t->typeId() == TypeIndex::Nothing) continue;
    if (t->typeId() == TypeIndex::Nullable &&
        static_cast<const DataTypeNullable&>(*t).getNestedType()->typeId() == TypeIndex::Nothing) {
      has_nullable = true;
      continue;
    }
    types.push_back(t);
  }
  if (types.empty()) return has_nullable ? makeNullable(typeNothing()) : typeNothing();

  // LowCardinality: compute on dictionary types; keep LowCardinality if every input had it.
  bool all_lc = true, any_lc = false;
  for (const auto& t : types) {
    bool lc = t->typeId() == TypeIndex::LowCardinality;
    all_lc &= lc;
    any_lc |= lc;
  }
  if (any_lc) {
    DataTypes stripped;
    for (const auto& t : types) stripped.push_back(removeLowCardinality(t));
    if (has_nullable) stripped.push_back(makeNullable(typeNothing()));
    DataTypePtr res = getLeastSupertype(stripped);
    if (all_lc && removeNullable(res)->canBeInsideLowCardinality()) return std::make_shared<DataTypeLowCardinality>(res);
    return res;
  }

  for (const auto& t : types)
    if (t->typeId() == TypeIndex::Nullable) has_nullable = true;
  if (has_nullable) {
    DataTypes nested;
    for (const auto& t : types) nested.push_back(removeNullable(t));
    DataTypePtr res = getLeastSupertype(nested);
    return makeNullable(res);
  }

  all_same = true;
  for (const auto& t : types)
    if (!t->equals(*types[0])) all_same = false;
  if (all_same) return types[0];

  auto count = [&](auto pred) { return size_t(std::count_if(types.begin(), types.end(), pred)); };
  size_t n = types.size();

  // Arrays.
  if (size_t k = count([](const DataTypePtr& t) { return t->typeId() == TypeIndex::Array; })) {
    if (k != n) noCommonType(types, "because some of them are Array and some of them are not");
    DataTypes nested;
    for (const auto& t : types) nested.push_back(static_cast<const DataTypeArray&>(*t).getNestedType());
    return std::make_shared<DataTypeArray>(getLeastSupertype(nested));
  }
  // Tuples.
  if (size_t k = count([](const DataTypePtr& t) { return t->typeId() == TypeIndex::Tuple; })) {
    if (k != n) noCommonType(types, "because some of them are Tuple and some of them are not");
    size_t size = static_cast<const DataTypeTuple&>(*types[0]).getElements().size();
    for (const auto& t : types)
      if (static_cast<const DataTypeTuple&>(*t).getElements().size() != size)
        noCommonType(types, "because Tuples have different sizes");
    DataTypes elements;
    for (size_t i = 0; i < size; ++i) {
      DataTypes column;
      for (const auto& t : types) column.push_back(static_cast<const DataTypeTuple&>(*t).getElements()[i]);
      elements.push_back(getLeastSupertype(column));
    }
    return std::make_shared<DataTypeTuple>(std::move(elements),
                                           static_cast<const DataTypeTuple&>(*types[0]).getElementNames());
  }
  // Strings.
  if (size_t k = count([](const DataTypePtr& t) { return isStringOrFixedString(t); })) {
    if (k != n) noCommonType(types, "because some of them are String/FixedString and some of them are not");
    return typeString();
  }
  // Dates and times.
  size_t dates = count([](const DataTypePtr& t) {
    auto id = t->typeId();
    return id == TypeIndex::Date || id == TypeIndex::Date32 || id == TypeIndex::DateTime || id == TypeIndex::DateTime64;
  });
  if (dates) {
    if (dates != n) noCommonType(types, "because some of them are Date/Date32/DateTime/DateTime64 and some of them are not");
    uint32_t max_scale = 0;
    bool has_dt64 = false, has_dt = false, has_date32 = false;
    const DataType* zone_source = nullptr;
    for (const auto& t : types) {
      switch (t->typeId()) {
        case TypeIndex::DateTime64:
          has_dt64 = true;
          max_scale = std::max(max_scale, static_cast<const DataTypeDateTime64&>(*t).getScale());
          if (!zone_source) zone_source = t.get();
          break;
        case TypeIndex::DateTime:
          has_dt = true;
          if (!zone_source) zone_source = t.get();
          break;
        case TypeIndex::Date32: has_date32 = true; break;
        default: break;
      }
    }
    if (has_dt64) return std::make_shared<DataTypeDateTime64>(max_scale);
    if (has_dt) {
      const auto& first = static_cast<const DataTypeDateTime&>(*zone_source);
      return first.hasExplicitTimeZone() ? std::make_shared<DataTypeDateTime>(first.timeZone().name()) : typeDateTime();
    }
    if (has_date32) return typeDate32();
    return typeDate();
  }
  // Enums of the same definition were handled as identical; different enums meet nowhere.
  // Numbers (Bool counts as UInt8).
  size_t numbers = count([](const DataTypePtr& t) { return t->isNumber() || t->typeId() == TypeIndex::Bool; });
  if (numbers == n) {
    if (count([](const DataTypePtr& t) { return t->typeId() == TypeIndex::Bool; }) == n) return typeBool();
    return numbersSupertype(types);
  }
  if (numbers) noCommonType(types, "because some of them are numbers and some of them are not");
  noCommonType(types, "because they are of different kinds");
}

DataTypePtr tryGetLeastSupertype(const DataTypes& types) {
  try {
    return getLeastSupertype(types);
  } catch (const Exception&) {
    return nullptr;
  }
}

}  // namespace tally
