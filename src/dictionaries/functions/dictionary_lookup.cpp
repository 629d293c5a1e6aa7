#include "dictionaries/functions/dictionary_lookup.h"

#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "functions/conversion/cast.h"
#include "types/data_type_array.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_number.h"

namespace tally {

namespace {

const char* ordinal(size_t i) {
  static const char* names[] = {"first", "second", "third", "fourth", "fifth", "sixth"};
  return i < 6 ? names[i] : "next";
}

bool isRangePointType(const DataTypePtr& type) {
  return type->isInteger() || isDateOrDate32(type) || isDateTimeOrDateTime64(type);
}

}  // namespace

DictionaryRegistry& dictionaryRegistryOf(const FunctionContext& context, const std::string& dictionary_name) {
  auto* registry = static_cast<DictionaryRegistry*>(context.services.get());
  if (!registry) throw Exception(ErrorCodes::BAD_ARGUMENTS, "external dictionary '{}' not found", dictionary_name);
  return *registry;
}

std::shared_ptr<const DictionaryStructure> dictionaryStructureOf(const FunctionContext& context, const std::string& name) {
  auto structure = dictionaryRegistryOf(context, name).structure(name, context.current_database);
  if (context.check_dict_get) context.check_dict_get(structure->database, structure->name);
  return structure;
}

std::string dictionaryNameArgument(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  if (!isString(args[i].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of {} argument of function {}, expected a const string",
                    args[i].type->name(), ordinal(i), function);
  if (!isConstantArgument(args, i))
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of {} argument of function {}, expected a const string",
                    args[i].name, ordinal(i), function);
  return constantArgument(function, args, i).get<std::string>();
}

std::vector<size_t> attributeArguments(const std::string& function, const ColumnsWithTypeAndName& args, size_t i,
                                       const DictionaryStructure& structure, bool& is_tuple) {
  if (!isConstantArgument(args, i))
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of {} argument of function {}, expected a const string or const tuple of strings",
                    args[i].name, ordinal(i), function);
  Field value = constantArgument(function, args, i);
  std::vector<std::string> names;
  is_tuple = value.which() == Field::Which::Tuple || value.which() == Field::Which::Array;
  if (value.which() == Field::Which::String) {
    names.push_back(value.get<std::string>());
  } else if (value.which() == Field::Which::Tuple) {
    for (const auto& f : value.get<FieldTuple>()) {
      if (f.which() != Field::Which::String) break;
      names.push_back(f.get<std::string>());
    }
  } else if (value.which() == Field::Which::Array) {
    for (const auto& f : value.get<FieldArray>()) {
      if (f.which() != Field::Which::String) break;
      names.push_back(f.get<std::string>());
    }
  }
  if (names.empty())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of {} argument of function {}, expected a const string or const tuple of strings",
                    args[i].type->name(), ordinal(i), function);
  std::vector<size_t> res;
  for (const auto& name : names) {
    int index = structure.attributeIndex(name);
    if (index < 0)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "No such attribute '{}' in dictionary {}", name, structure.fullName());
    res.push_back(size_t(index));
  }
  return res;
}

void checkKeyArguments(const std::string& function, const DictionaryStructure& structure, size_t key_position,
                       const DataTypePtr& key_type_in, const DataTypePtr* range_type) {
  DataTypePtr key_type = removeNullableAndLowCardinality(key_type_in);
  if (!structure.isComplexKey()) {
    if (!key_type->isInteger())
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of {} argument of function {}, expected UInt64",
                      key_type_in->name(), ordinal(key_position), function);
  } else if (key_type->typeId() == TypeIndex::Tuple) {
    size_t n = static_cast<const DataTypeTuple&>(*key_type).getElements().size();
    if (n != structure.keys.size())
      throw Exception(ErrorCodes::TYPE_MISMATCH, "Key tuple of function {} has {} elements, dictionary {} has {} key columns", function,
                      n, structure.fullName(), structure.keys.size());
  } else if (structure.keys.size() != 1) {
    throw Exception(ErrorCodes::TYPE_MISMATCH, "Key argument of function {} must be a tuple of {} elements for dictionary {}, got {}",
                    function, structure.keys.size(), structure.fullName(), key_type_in->name());
  }
  const bool needs_range = structure.layout == DictionaryLayout::RangeHashed;
  if (needs_range && !range_type)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} requires a range argument for dictionary {} with layout range_hashed",
                    function, structure.fullName());
  if (!needs_range && range_type)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} takes a range argument only for range_hashed dictionaries; {} is {}",
                    function, structure.fullName(), structure.layoutName());
  if (range_type && !isRangePointType(removeNullableAndLowCardinality(*range_type)))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of range argument of function {}, expected an integer, Date or DateTime",
                    (*range_type)->name(), function);
}

namespace {

/// A key argument as a full column without LowCardinality and Nullable; its null map is
/// OR-ed into `nulls`.
ColumnWithTypeAndName withoutNulls(const ColumnWithTypeAndName& argument, PODArray<UInt8>& nulls, const FunctionContext& context) {
  ColumnPtr column = argument.column->convertToFullColumnIfConst();
  DataTypePtr type = argument.type;
  if (type->typeId() == TypeIndex::LowCardinality) {
    DataTypePtr full = removeLowCardinality(type);
    column = castColumn({column, type, argument.name}, full, context);
    type = full;
  }
  const auto* nullable = tryTypedAs<ColumnNullable>(column.get());
  if (!nullable) return {column, type, argument.name};
  const auto& map = nullable->getNullMapData();
  if (nulls.empty()) nulls.resizeFill(map.size(), 0);
  for (size_t i = 0; i < map.size(); ++i) nulls[i] |= map[i];
  return {nullable->getNestedColumnPtr(), removeNullable(type), argument.name};
}

}  // namespace

namespace {

/// The single LowCardinality (not nullable) column of a key argument: the argument itself or
/// the one element of a tuple; null otherwise.
const ColumnLowCardinality* lowCardinalityKey(const ColumnWithTypeAndName& key, DataTypePtr& values_type) {
  const Column* column = key.column.get();
  DataTypePtr type = key.type;
  if (const auto* tuple = tryTypedAs<ColumnTuple>(column)) {
    if (tuple->tupleSize() != 1) return nullptr;
    column = &tuple->getColumn(0);
    type = static_cast<const DataTypeTuple&>(*type).getElements()[0];
  }
  const auto* lc = tryTypedAs<ColumnLowCardinality>(column);
  if (!lc || lc->isNullableDictionary() || type->typeId() != TypeIndex::LowCardinality) return nullptr;
  values_type = static_cast<const DataTypeLowCardinality&>(*type).getDictionaryType();
  return lc;
}

}  // namespace

LookupKeys lookupKeys(const DictionaryStructure& structure, const ColumnWithTypeAndName& key_in, const ColumnWithTypeAndName* range,
                      const FunctionContext& context) {
  LookupKeys res;
  DataTypePtr values_type;
  if (const ColumnLowCardinality* lc = range ? nullptr : lowCardinalityKey(key_in, values_type)) {
    // Each distinct code once: its value, in order of first use.
    const auto& dict = lc->getDictionary();
    PODArray<uint32_t> slot_of_code;
    slot_of_code.resizeFill(dict.size(), UINT32_MAX);
    Permutation distinct;
    res.row_codes.resize(lc->size());
    lc->visitIndexes([&](const auto& codes) {
      for (size_t i = 0; i < codes.size(); ++i) {
        uint32_t& slot = slot_of_code[codes[i]];
        if (slot == UINT32_MAX) {
          slot = uint32_t(distinct.size());
          distinct.push_back(codes[i]);
        }
        res.row_codes[i] = slot;
      }
    });
    ColumnWithTypeAndName values{dict.valuesPtr()->permute(distinct, 0), values_type, ""};
    res.keys.push_back(castColumn(values, structure.isComplexKey() ? structure.keys[0].type : typeUInt64(), context));
    return res;
  }
  ColumnWithTypeAndName key = withoutNulls(key_in, res.nulls, context);
  if (!structure.isComplexKey()) {
    res.keys.push_back(castColumn(key, typeUInt64(), context));
  } else if (key.type->typeId() == TypeIndex::Tuple) {
    const auto& tuple = typedAs<ColumnTuple>(*key.column);
    const auto& types = static_cast<const DataTypeTuple&>(*key.type).getElements();
    for (size_t i = 0; i < structure.keys.size(); ++i) {
      ColumnWithTypeAndName element = withoutNulls({tuple.getColumnPtr(i), types[i], ""}, res.nulls, context);
      res.keys.push_back(castColumn(element, structure.keys[i].type, context));
    }
  } else {
    res.keys.push_back(castColumn(key, structure.keys[0].type, context));
  }
  if (range) {
    ColumnWithTypeAndName point = withoutNulls(*range, res.nulls, context);
    DataTypePtr range_type = removeNullable(structure.range_min->type);
    ColumnPtr points = castColumn(point, range_type, context);
    res.range = castColumn({points, range_type, ""}, typeInt64(), context);
  }
  return res;
}

void findDictionaryRows(const Dictionary& dictionary, const LookupKeys& keys, PODArray<UInt64>& rows) {
  dictionary.findRows(keys.keys, keys.range.get(), rows);
  if (!keys.row_codes.empty()) {
    PODArray<UInt64> distinct_rows = std::move(rows);
    rows.resize(keys.row_codes.size());
    for (size_t i = 0; i < keys.row_codes.size(); ++i) rows[i] = distinct_rows[keys.row_codes[i]];
  }
  const uint64_t missing = dictionary.elementCount();
  if (!keys.nulls.empty())
    for (size_t i = 0; i < rows.size(); ++i)
      if (keys.nulls[i]) rows[i] = missing;
  uint64_t found = 0;
  for (UInt64 r : rows) found += r != missing;
  dictionary.query_count.fetch_add(rows.size(), std::memory_order_relaxed);
  dictionary.found_count.fetch_add(found, std::memory_order_relaxed);
}

}  // namespace tally
