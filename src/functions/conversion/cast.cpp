#include "functions/conversion/cast.h"

#include <cstring>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "functions/conversion/cast_families.h"
#include "functions/conversion/numeric_conversion.h"
#include "functions/conversion/text_to_value_conversion.h"
#include "functions/conversion/value_to_text_conversion.h"
#include "functions/type_dispatch.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace cast_detail {

bool isOnlyNull(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::Nullable && removeNullable(type)->typeId() == TypeIndex::Nothing;
}

/// The name ClickHouse reports for the conversion function CAST delegates to ("toUInt8").
std::string conversionFunctionName(const DataType& to, const ConversionOptions& options) {
  if (!options.function_name.empty()) return options.function_name;
  if (to.typeId() == TypeIndex::Bool) return "toUInt8";
  return "to" + to.familyName();
}

/// All-NULL column of Nullable(to) with n rows.
ColumnPtr allNulls(const DataTypePtr& to, size_t n) {
  auto res = makeNullable(to)->createColumn();
  res->insertManyDefaults(n);
  return res;
}

/// Attaches the source's NULLs (null_rows) to a converted column, merging the NULLs the
/// conversion itself produced.
ColumnPtr wrapInNullable(const ColumnPtr& converted, const PODArray<UInt8>* null_rows) {
  ColumnPtr full = materialize(converted);
  size_t n = full->size();
  auto null_map = std::make_shared<ColumnUInt8>(n, 0);
  auto& map = null_map->getData();
  ColumnPtr nested = full;
  if (full->isNullable()) {
    const auto& nullable = static_cast<const ColumnNullable&>(*full);
    std::memcpy(map.data(), nullable.getNullMapData().data(), n);
    nested = nullable.getNestedColumnPtr();
  }
  if (null_rows)
    for (size_t i = 0; i < n; ++i) map[i] |= (*null_rows)[i];
  return ColumnNullable::create(nested, ColumnPtr(null_map));
}

/// Numbers, dates, UUID and Interval from any source that has a scalar conversion to them.
ColumnPtr castToScalar(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                       const ConversionOptions& options, bool requested_nullable) {
  TypeIndex from_id = from->typeId();
  TypeIndex to_id = to->typeId();
  if (from_id == TypeIndex::String || from_id == TypeIndex::FixedString) {
    if (to_id == TypeIndex::Bool || !hasDedicatedTextParser(to_id)) {
      if (to_id == TypeIndex::Interval)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument of function {}", from->name(),
                        conversionFunctionName(*to, options));
      ParseFailureMode mode = requested_nullable ? ParseFailureMode::Null : options.parse_failure;
      return parseStringColumnGeneric(*column, *to, mode, options);
    }
    ParseFailureMode mode = requested_nullable ? ParseFailureMode::Null : options.parse_failure;
    bool accurate = request.kind == CastKind::Accurate && to->isInteger();
    bool check_overflow = mode != ParseFailureMode::Throw || accurate;
    return parseStringColumn(*column, *from, *to, mode, check_overflow, accurate, options);
  }
  if (to_id == TypeIndex::UUID || from_id == TypeIndex::UUID) {
    if (from_id == to_id) return column;
    if (isStoredAsNumber(from_id) || isStoredAsNumber(to_id))
      throw Exception(ErrorCodes::NOT_IMPLEMENTED,
                      "Conversion between numeric types and UUID is not supported. Probably the passed UUID is unquoted");
  }
  if (to_id == TypeIndex::Interval) {
    // Intervals are counts stored as Int64.
    if (from->isNumber()) return convertStoredNumbers(*column, *from, *typeInt64(), options);
    throwConversionNotSupported(from, to);
  }
  if (isStoredAsNumber(from_id) && to_id != TypeIndex::UUID) return convertStoredNumbers(*column, *from, *to, options);
  throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument of function {}", from->name(),
                  conversionFunctionName(*to, options));
}

/// Non-Nullable, non-LowCardinality `from` and `to`.
ColumnPtr castValue(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                    bool requested_nullable, const PODArray<UInt8>* null_rows) {
  if (from->equals(*to)) return column;
  ConversionOptions options = request.options;
  options.null_rows = null_rows;
  switch (request.kind) {
    case CastKind::Ordinary: break;
    case CastKind::Accurate: options.accuracy = NumericAccuracy::Throw; break;
    case CastKind::AccurateOrNull:
      options.accuracy = requested_nullable ? NumericAccuracy::Null : NumericAccuracy::Throw;
      break;
  }
  if (from->typeId() == TypeIndex::Nothing) return to->createColumnWithDefaults(column->size());

  switch (to->typeId()) {
    case TypeIndex::String: return formatColumnAsText(*column, *from, options);
    case TypeIndex::FixedString:
      return castToFixedString(column, from, to, requested_nullable || request.kind == CastKind::AccurateOrNull);
    case TypeIndex::Array: return castToArray(column, from, to, request, options);
    case TypeIndex::Tuple: return castToTuple(column, from, to, request, options);
    case TypeIndex::Enum8:
    case TypeIndex::Enum16: return castToEnum(column, from, to, request, options);
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
    case TypeIndex::Float32: case TypeIndex::Float64: case TypeIndex::Bool: case TypeIndex::Date:
    case TypeIndex::Date32: case TypeIndex::DateTime: case TypeIndex::DateTime64: case TypeIndex::UUID:
    case TypeIndex::Interval:
      return castToScalar(column, from, to, request, options, requested_nullable);
    default: break;
  }
  if (request.kind == CastKind::AccurateOrNull && requested_nullable) return allNulls(to, column->size());
  throwConversionNotSupported(from, to);
}

/// Casts with a LowCardinality source and/or target. A LowCardinality source is converted through
/// its dictionary: only the values its rows use are converted, once each.
ColumnPtr castLowCardinality(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to,
                             const CastRequest& request) {
  const auto* to_lc = to->typeId() == TypeIndex::LowCardinality ? &static_cast<const DataTypeLowCardinality&>(*to) : nullptr;
  DataTypePtr to_dict_type = to_lc ? to_lc->getDictionaryType() : to;
  size_t rows = column->size();

  if (from->typeId() != TypeIndex::LowCardinality) {
    ColumnPtr converted = materialize(castAny(column, from, to_dict_type, request));
    auto res = to->createColumn();
    res->insertRangeFrom(*converted, 0, rows);
    return res;
  }

  const auto& from_lc = static_cast<const DataTypeLowCardinality&>(*from);
  const auto& lc = static_cast<const ColumnLowCardinality&>(*column);
  const auto& dict = lc.getDictionary();
  bool from_nullable = dict.isNullable();
  bool to_nullable = to_dict_type->isNullable();
  size_t dict_size = dict.size();

  // Which codes the rows use; code 0 of a nullable dictionary is NULL and is not a value.
  Filter used(dict_size, 0);
  bool any_null = false;
  lc.visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < rows; ++i) used[idx[i]] = 1;
  });
  if (from_nullable && dict_size) {
    any_null = used[0];
    used[0] = 0;
  }
  if (any_null && !to_nullable)
    throw Exception(ErrorCodes::CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN, "Cannot convert NULL value to non-Nullable type");

  PODArray<uint32_t> compact_index(dict_size, 0);
  size_t compact_size = 0;
  for (size_t code = 0; code < dict_size; ++code)
    if (used[code]) compact_index[code] = uint32_t(compact_size++);
  ColumnPtr values = dict.values().filter(used, ssize_t(compact_size));
  ColumnPtr converted = materialize(castAny(values, from_lc.getValuesType(), to_dict_type, request));
  const PODArray<UInt8>* converted_nulls =
      converted->isNullable() ? &static_cast<const ColumnNullable&>(*converted).getNullMapData() : nullptr;
  const Column& converted_values = removeNullable(*converted);

  if (to_lc) {
    auto dictionary = std::make_shared<LowCardinalityDictionary>(to_lc->getValuesType()->createColumn(), to_nullable);
    PODArray<uint32_t> remap(dict_size, 0);
    for (size_t code = 0; code < dict_size; ++code) {
      if (!used[code]) continue;
      size_t k = compact_index[code];
      remap[code] = (converted_nulls && (*converted_nulls)[k]) ? 0 : dictionary->insertFrom(converted_values, k);
    }
    size_t new_size = dictionary->size();
    MutableColumnPtr indexes;
    auto fill = [&](auto column_tag) {
      using IndexColumn = typename decltype(column_tag)::Type;
      auto col = std::make_shared<IndexColumn>(rows);
      auto* out = col->getData().data();
      lc.visitIndexes([&](const auto& idx) {
        for (size_t i = 0; i < rows; ++i) out[i] = static_cast<typename IndexColumn::ValueType>(remap[idx[i]]);
      });
      indexes = col;
    };
    if (new_size <= 0x100)
      fill(TypeTag<ColumnUInt8>{});
    else if (new_size <= 0x10000)
      fill(TypeTag<ColumnUInt16>{});
    else
      fill(TypeTag<ColumnUInt32>{});
    return std::make_shared<ColumnLowCardinality>(dictionary, indexes);
  }

  // Full result: rows pick their converted value; NULL rows get a NULL.
  if (compact_size == 0) {
    auto res = to->createColumn();
    res->insertManyDefaults(rows);
    return res;
  }
  Permutation perm(rows);
  auto null_map = std::make_shared<ColumnUInt8>(rows, 0);
  lc.visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < rows; ++i) {
      uint32_t code = idx[i];
      bool is_null = from_nullable && code == 0;
      perm[i] = is_null ? 0 : compact_index[code];
      null_map->getData()[i] = is_null || (converted_nulls && (*converted_nulls)[perm[i]]);
    }
  });
  ColumnPtr picked = converted_values.permute(perm, 0);
  if (!to_nullable) return picked;
  return ColumnNullable::create(picked, ColumnPtr(null_map));
}

}  // namespace cast_detail


void throwConversionNotSupported(const DataTypePtr& from, const DataTypePtr& to) {
  using namespace cast_detail;
  throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Conversion from {} to {} is not supported", from->name(), to->name());
}

ColumnPtr castAny(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request) {
  using namespace cast_detail;
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    ColumnPtr one = materialize(castAny(c.getDataColumnPtr(), from, to, request));
    return ColumnConst::create(one, c.size());
  }
  if (from->equals(*to)) return column;
  if (from->typeId() == TypeIndex::LowCardinality || to->typeId() == TypeIndex::LowCardinality)
    return castLowCardinality(column, from, to, request);

  if (isOnlyNull(from)) {
    if (to->isNullable()) return allNulls(to, column->size());
    throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Cannot convert NULL to a non-nullable type");
  }

  if (to->isNullable()) {
    ColumnPtr src = column;
    const PODArray<UInt8>* null_rows = nullptr;
    if (column->isNullable()) {
      const auto& nullable = static_cast<const ColumnNullable&>(*column);
      src = nullable.getNestedColumnPtr();
      null_rows = &nullable.getNullMapData();
    }
    ColumnPtr converted = castValue(src, removeNullable(from), removeNullable(to), request, true, null_rows);
    return wrapInNullable(converted, null_rows);
  }
  if (column->isNullable()) {
    const auto& nullable = static_cast<const ColumnNullable&>(*column);
    const auto& map = nullable.getNullMapData();
    for (size_t i = 0; i < map.size(); ++i)
      if (map[i])
        throw Exception(ErrorCodes::CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN, "Cannot convert NULL value to non-Nullable type");
    return castValue(nullable.getNestedColumnPtr(), removeNullable(from), to, request, false, nullptr);
  }
  return castValue(column, from, to, request, false, nullptr);
}

ConversionOptions conversionOptionsFor(const FunctionContext& context) {
  using namespace cast_detail;
  ConversionOptions options;
  options.session_zone = context.session_time_zone;
  if (context.settings) {
    options.format.bool_true_representation = context.settings->bool_true_representation;
    options.format.bool_false_representation = context.settings->bool_false_representation;
    options.format.date_time_best_effort = context.settings->date_time_input_format == "best_effort";
  }
  return options;
}

ColumnPtr castColumnWithOptions(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, CastKind kind,
                                const ConversionOptions& options) {
  using namespace cast_detail;
  CastRequest request{kind, options};
  return castAny(column, from, to, request);
}

ColumnPtr castColumn(const ColumnWithTypeAndName& from, const DataTypePtr& to, const FunctionContext& context) {
  using namespace cast_detail;
  return castColumn(from, to, context, CastKind::Ordinary);
}

ColumnPtr castColumn(const ColumnWithTypeAndName& from, const DataTypePtr& to, const FunctionContext& context,
                     CastKind kind) {
  using namespace cast_detail;
  return castColumnWithOptions(from.column, from.type, to, kind, conversionOptionsFor(context));
}

Field convertFieldToType(const Field& value, const DataTypePtr& from_type, const DataTypePtr& to) {
  using namespace cast_detail;
  auto column = from_type->createColumn();
  column->insert(value);
  ConversionOptions options;
  ColumnPtr res = castColumnWithOptions(std::move(column), from_type, to, CastKind::Ordinary, options);
  return (*res)[0];
}

ColumnPtr convertToFixedString(const Column& src, size_t n, bool null_on_error) {
  using namespace cast_detail;
  DataTypePtr from = src.kind() == ColumnKind::FixedString
                         ? DataTypePtr(std::make_shared<DataTypeFixedString>(src.sizeOfValueIfFixed()))
                         : typeString();
  return castToFixedString(src.getPtr(), from, std::make_shared<DataTypeFixedString>(n), null_on_error);
}

}  // namespace tally
