#include "analyzer/literal_type.h"

#include <limits>

#include "columns/column_const.h"
#include "common/exception.h"
#include "types/data_type_array.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"
#include "types/least_supertype.h"

namespace tally {

DataTypePtr literalType(const Field& value) {
  switch (value.which()) {
    case Field::Which::Null: return makeNullable(typeNothing());
    case Field::Which::Bool: return typeBool();
    case Field::Which::UInt64: {
      uint64_t v = value.get<uint64_t>();
      if (v <= std::numeric_limits<uint8_t>::max()) return typeUInt8();
      if (v <= std::numeric_limits<uint16_t>::max()) return typeUInt16();
      if (v <= std::numeric_limits<uint32_t>::max()) return typeUInt32();
      return typeUInt64();
    }
    case Field::Which::Int64: {
      int64_t v = value.get<int64_t>();
      if (v >= 0) return literalType(Field(uint64_t(v)));
      if (v >= std::numeric_limits<int8_t>::min()) return typeInt8();
      if (v >= std::numeric_limits<int16_t>::min()) return typeInt16();
      if (v >= std::numeric_limits<int32_t>::min()) return typeInt32();
      return typeInt64();
    }
    case Field::Which::Float64: return typeFloat64();
    case Field::Which::String: return typeString();
    case Field::Which::UInt128: return typeUUID();
    case Field::Which::Array: {
      const auto& items = value.get<FieldArray>();
      if (items.empty()) return std::make_shared<DataTypeArray>(typeNothing());
      DataTypes types;
      for (const auto& i : items) types.push_back(literalType(i));
      return std::make_shared<DataTypeArray>(getLeastSupertype(types));
    }
    case Field::Which::Tuple: {
      const auto& items = value.get<FieldTuple>();
      DataTypes types;
      for (const auto& i : items) types.push_back(literalType(i));
      return std::make_shared<DataTypeTuple>(std::move(types));
    }
    case Field::Which::AggregateState: break;
  }
  throw Exception(ErrorCodes::LOGICAL_ERROR, "Unexpected literal {}", value.dump());
}

namespace {
/// Converts a literal Field so that Column::insert of `type` stores the right value
/// (numbers to the column's representation, nested arrays/tuples element by element).
Field adaptField(const Field& value, const DataTypePtr& type) {
  if (value.isNull()) return value;
  DataTypePtr t = removeNullable(type);
  if (t->typeId() == TypeIndex::Array && value.which() == Field::Which::Array) {
    DataTypePtr nested = static_cast<const DataTypeArray&>(*t).getNestedType();
    FieldArray res;
    for (const auto& v : value.get<FieldArray>()) res.push_back(adaptField(v, nested));
    return Field(std::move(res));
  }
  if (t->typeId() == TypeIndex::Tuple && value.which() == Field::Which::Tuple) {
    const auto& elements = static_cast<const DataTypeTuple&>(*t).getElements();
    FieldTuple res;
    const auto& items = value.get<FieldTuple>();
    for (size_t i = 0; i < items.size() && i < elements.size(); ++i) res.push_back(adaptField(items[i], elements[i]));
    return Field(std::move(res));
  }
  if (t->isFloat() && (value.which() == Field::Which::UInt64 || value.which() == Field::Which::Int64))
    return Field(value.as<double>());
  if (t->isInteger() && t->isSigned() && value.which() == Field::Which::UInt64) return Field(int64_t(value.get<uint64_t>()));
  if (t->isInteger() && !t->isSigned() && value.which() == Field::Which::Int64) return Field(uint64_t(value.get<int64_t>()));
  if (t->typeId() == TypeIndex::Bool && value.which() == Field::Which::Bool) return Field(uint64_t(value.get<bool>()));
  return value;
}
}  // namespace

ColumnPtr literalColumn(const Field& value, const DataTypePtr& type) {
  auto column = type->createColumn();
  column->insert(adaptField(value, type));
  return ColumnConst::create(std::move(column), 1);
}

}  // namespace tally
