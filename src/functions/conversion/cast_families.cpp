#include "functions/conversion/cast_families.h"

#include <cstring>

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/conversion/text_to_value_conversion.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_enum.h"
#include "types/data_type_string.h"

namespace tally {

namespace cast_families_detail {

size_t arrayDimensions(const DataTypePtr& type) {
  size_t n = 0;
  const DataType* t = type.get();
  while (t->typeId() == TypeIndex::Array) {
    ++n;
    t = static_cast<const DataTypeArray&>(*t).getNestedType().get();
  }
  return n;
}

bool isStringLike(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::String || type->typeId() == TypeIndex::FixedString;
}

/// Enum -> Enum: names present in both must keep their values.
template <typename FromT, typename ToT>
void checkEnumToEnum(const DataTypeEnum<FromT>& from, const DataTypeEnum<ToT>& to) {
  for (const auto& [name, value] : from.getValues()) {
    ToT to_value;
    if (to.hasName(name, to_value) && int64_t(to_value) != int64_t(value))
      throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Enum conversion changes value for element '{}' from {} to {}", name,
                      int64_t(value), int64_t(to_value));
  }
}

template <typename ToT>
[[noreturn]] void throwUnknownEnumElement(const DataTypeEnum<ToT>& type, std::string_view name) {
  std::vector<std::string> names;
  for (const auto& v : type.getValues()) names.push_back(v.first);
  std::vector<std::string> hints = closestNames(std::string(name), names);
  std::string hint_text;
  if (!hints.empty()) {
    hint_text = ", maybe you meant: [";
    for (size_t i = 0; i < hints.size(); ++i) hint_text += (i ? ", '" : "'") + hints[i] + "'";
    hint_text += "]";
  }
  throw Exception(ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM, "Unknown element '{}' for enum{}", name, hint_text);
}

template <typename ToT>
ColumnPtr castToEnumTyped(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to,
                          const CastRequest& request, const ConversionOptions& options) {
  const auto& to_enum = static_cast<const DataTypeEnum<ToT>&>(*to);
  size_t n = column->size();
  auto res = ColumnVector<ToT>::create(n);
  ToT* out = res->getData().data();
  ToT default_value = to_enum.getValues().front().second;
  TypeIndex from_id = from->typeId();

  if (from_id == TypeIndex::Enum8 || from_id == TypeIndex::Enum16) {
    auto convert = [&](const auto& from_enum, const auto& data) {
      checkEnumToEnum(from_enum, to_enum);
      for (size_t i = 0; i < n; ++i) out[i] = static_cast<ToT>(data[i]);
    };
    if (from_id == TypeIndex::Enum8)
      convert(static_cast<const DataTypeEnum8&>(*from), static_cast<const ColumnInt8&>(*column).getData());
    else
      convert(static_cast<const DataTypeEnum16&>(*from), static_cast<const ColumnInt16&>(*column).getData());
    return res;
  }

  if (isStringLike(from)) {
    for (size_t i = 0; i < n; ++i) {
      if (options.rowIsNull(i)) {
        out[i] = default_value;
        continue;
      }
      std::string_view name = column->getDataAt(i);
      if (!to_enum.hasName(name, out[i])) throwUnknownEnumElement(to_enum, name);
    }
    return res;
  }

  bool done = dispatchNumber(from_id == TypeIndex::Bool ? TypeIndex::UInt8 : from_id, [&](auto tag) {
    using From = typename decltype(tag)::Type;
    const auto& data = static_cast<const ColumnVector<From>&>(*column).getData();
    for (size_t i = 0; i < n; ++i) {
      if (options.rowIsNull(i)) {
        out[i] = default_value;
        continue;
      }
      From v = data[i];
      // The value must fit the enum's storage (fractions are dropped) and be one of its values.
      bool fits;
      if constexpr (std::is_floating_point_v<From>)
        fits = v == v && v >= From(std::numeric_limits<ToT>::min()) && v <= From(std::numeric_limits<ToT>::max());
      else if constexpr (std::is_signed_v<From>)
        fits = int64_t(v) >= std::numeric_limits<ToT>::min() && int64_t(v) <= std::numeric_limits<ToT>::max();
      else
        fits = uint64_t(v) <= uint64_t(std::numeric_limits<ToT>::max());
      if (!fits)
        throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Value {} cannot be converted to enum type", v);
      ToT value = static_cast<ToT>(v);
      if (!to_enum.hasValue(value))
        throw Exception(ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM, "Unexpected value {} in enum", int64_t(value));
      out[i] = value;
    }
  });
  if (done) return res;
  if (request.kind == CastKind::AccurateOrNull) {
    auto nulls = makeNullable(to)->createColumn();
    nulls->insertManyDefaults(n);
    return nulls;
  }
  throwConversionNotSupported(from, to);
}

}  // namespace cast_families_detail


ColumnPtr castToArray(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                      const ConversionOptions& options) {
  using namespace cast_families_detail;
  if (from->typeId() == TypeIndex::String) return parseStringColumnGeneric(*column, *to, ParseFailureMode::Throw, options);
  if (from->typeId() != TypeIndex::Array)
    throw Exception(ErrorCodes::TYPE_MISMATCH,
                    "CAST AS Array can only be performed between same-dimensional Array, Map or String types");
  const DataTypePtr& from_nested = static_cast<const DataTypeArray&>(*from).getNestedType();
  const DataTypePtr& to_nested = static_cast<const DataTypeArray&>(*to).getNestedType();
  if (from_nested->typeId() != TypeIndex::Nothing && arrayDimensions(from) != arrayDimensions(to))
    throw Exception(ErrorCodes::TYPE_MISMATCH, "CAST AS Array can only be performed between same-dimensional array types");
  const auto& array = static_cast<const ColumnArray&>(*column);
  ColumnPtr data = materialize(castAny(array.getDataPtr(), from_nested, to_nested, request));
  return ColumnArray::create(data, array.getOffsets());
}

ColumnPtr castToTuple(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                      const ConversionOptions& options) {
  using namespace cast_families_detail;
  if (from->typeId() == TypeIndex::String) return parseStringColumnGeneric(*column, *to, ParseFailureMode::Throw, options);
  if (from->typeId() != TypeIndex::Tuple)
    throw Exception(ErrorCodes::TYPE_MISMATCH,
                    "CAST AS Tuple can only be performed between tuple types or from String.\nLeft type: {}, right type: {}",
                    from->name(), to->name());
  const auto& from_tuple = static_cast<const DataTypeTuple&>(*from);
  const auto& to_tuple = static_cast<const DataTypeTuple&>(*to);
  const auto& from_elements = from_tuple.getElements();
  const auto& to_elements = to_tuple.getElements();
  const auto& tuple = static_cast<const ColumnTuple&>(*column);
  size_t rows = column->size();

  // Named to named: by name, missing elements get defaults. Otherwise by position.
  std::vector<ssize_t> source_of(to_elements.size(), -1);
  if (from_tuple.hasExplicitNames() && to_tuple.hasExplicitNames()) {
    for (size_t i = 0; i < to_elements.size(); ++i) {
      size_t position;
      if (from_tuple.tryGetPositionByName(to_tuple.getElementNames()[i], position)) source_of[i] = ssize_t(position);
    }
  } else {
    if (from_elements.size() != to_elements.size())
      throw Exception(ErrorCodes::TYPE_MISMATCH,
                      "CAST AS Tuple can only be performed between tuple types with the same number of elements or from "
                      "String.\nLeft type: {}, right type: {}",
                      from->name(), to->name());
    for (size_t i = 0; i < to_elements.size(); ++i) source_of[i] = ssize_t(i);
  }
  if (to_elements.empty()) return ColumnTuple::create(MutableColumns{}, rows);
  Columns converted;
  for (size_t i = 0; i < to_elements.size(); ++i) {
    if (source_of[i] < 0) {
      converted.push_back(to_elements[i]->createColumnWithDefaults(rows));
      continue;
    }
    size_t k = size_t(source_of[i]);
    converted.push_back(materialize(castAny(tuple.getColumnPtr(k), from_elements[k], to_elements[i], request)));
  }
  return ColumnTuple::create(converted, rows);
}

ColumnPtr castToEnum(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                     const ConversionOptions& options) {
  using namespace cast_families_detail;
  if (to->typeId() == TypeIndex::Enum8) return castToEnumTyped<Int8>(column, from, to, request, options);
  return castToEnumTyped<Int16>(column, from, to, request, options);
}

ColumnPtr castToFixedString(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, bool null_on_error) {
  using namespace cast_families_detail;
  size_t n = static_cast<const DataTypeFixedString&>(*to).getN();
  if (!isStringLike(from))
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "CAST AS FixedString is only implemented for types String and FixedString");
  size_t rows = column->size();
  auto res = ColumnFixedString::create(n);
  auto& out = res->getChars();
  out.resizeFill(rows * n, 0);
  std::shared_ptr<ColumnUInt8> nulls;
  if (null_on_error) nulls = std::make_shared<ColumnUInt8>(rows, 0);
  auto too_long = [&](size_t i) {
    if (!nulls) throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "String too long for type FixedString({})", n);
    nulls->getData()[i] = 1;
  };
  if (column->kind() == ColumnKind::String) {
    const auto& strings = static_cast<const ColumnString&>(*column);
    for (size_t i = 0; i < rows; ++i) {
      std::string_view s = strings.at(i);
      if (s.size() > n) {
        too_long(i);
        continue;
      }
      std::memcpy(out.data() + i * n, s.data(), s.size());
    }
  } else {
    const auto& fixed = static_cast<const ColumnFixedString&>(*column);
    size_t src_n = fixed.getN();
    if (src_n > n) {
      for (size_t i = 0; i < rows; ++i) too_long(i);
      if (rows == 0 && !nulls)
        throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "String too long for type FixedString({})", n);
    } else {
      for (size_t i = 0; i < rows; ++i) std::memcpy(out.data() + i * n, fixed.at(i).data(), src_n);
    }
  }
  if (nulls) return ColumnNullable::create(ColumnPtr(res), ColumnPtr(nulls));
  return res;
}

}  // namespace tally
