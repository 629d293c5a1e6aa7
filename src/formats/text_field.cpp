#include "formats/text_field.h"

#include <algorithm>

#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "io/read_helpers.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally {

TextField classifyTextField(const DataTypePtr& type, const FormatSettings& settings) {
  TextField field;
  field.type = type;
  DataTypePtr t = type;
  if (t->typeId() == TypeIndex::Nullable) {
    field.nullable = true;
    t = removeNullable(t);
  }
  switch (t->typeId()) {
    case TypeIndex::String: field.kind = TextFieldKind::String; break;
    case TypeIndex::UInt8: field.kind = TextFieldKind::UInt8; break;
    case TypeIndex::UInt16: field.kind = TextFieldKind::UInt16; break;
    case TypeIndex::UInt32: field.kind = TextFieldKind::UInt32; break;
    case TypeIndex::UInt64: field.kind = TextFieldKind::UInt64; break;
    case TypeIndex::Int8: field.kind = TextFieldKind::Int8; break;
    case TypeIndex::Int16: field.kind = TextFieldKind::Int16; break;
    case TypeIndex::Int32: field.kind = TextFieldKind::Int32; break;
    case TypeIndex::Int64: field.kind = TextFieldKind::Int64; break;
    case TypeIndex::Float32: field.kind = TextFieldKind::Float32; break;
    case TypeIndex::Float64: field.kind = TextFieldKind::Float64; break;
    case TypeIndex::Date:
      if (!settings.date_time_best_effort) field.kind = TextFieldKind::Date;
      break;
    case TypeIndex::DateTime:
      if (!settings.date_time_best_effort) {
        field.kind = TextFieldKind::DateTime;
        field.zone = &timeZoneOf(*t);
      }
      break;
    case TypeIndex::LowCardinality: {
      const auto& lc = static_cast<const DataTypeLowCardinality&>(*t);
      if (!lc.getDictionaryType()->isNullable() && lc.getDictionaryType()->typeId() == TypeIndex::String) {
        field.kind = TextFieldKind::LowCardinalityString;
        field.lc_cache = std::make_shared<LowCardinalityInsertCache>();
      }
      break;
    }
    default: break;
  }
  if (field.kind == TextFieldKind::Generic) field.nullable = false;
  return field;
}

void pushNotNull(Column& column) { static_cast<ColumnNullable&>(column).getNullMapData().push_back(0); }

namespace text_field {
template <typename T>
bool readTypedNumber(Column& column, ReadBuffer& in) {
  T value{};
  bool ok;
  if constexpr (std::is_floating_point_v<T>)
    ok = tryReadFloatText(value, in);
  else
    ok = tryReadIntText(value, in);
  if (!ok) return false;
  static_cast<ColumnVector<T>&>(column).getData().push_back(value);
  return true;
}
}  // namespace text_field

bool readNumberField(TextFieldKind kind, Column& column, ReadBuffer& in) {
  switch (kind) {
    case TextFieldKind::UInt8: return text_field::readTypedNumber<UInt8>(column, in);
    case TextFieldKind::UInt16: return text_field::readTypedNumber<UInt16>(column, in);
    case TextFieldKind::UInt32: return text_field::readTypedNumber<UInt32>(column, in);
    case TextFieldKind::UInt64: return text_field::readTypedNumber<UInt64>(column, in);
    case TextFieldKind::Int8: return text_field::readTypedNumber<Int8>(column, in);
    case TextFieldKind::Int16: return text_field::readTypedNumber<Int16>(column, in);
    case TextFieldKind::Int32: return text_field::readTypedNumber<Int32>(column, in);
    case TextFieldKind::Int64: return text_field::readTypedNumber<Int64>(column, in);
    case TextFieldKind::Float32: return text_field::readTypedNumber<Float32>(column, in);
    case TextFieldKind::Float64: return text_field::readTypedNumber<Float64>(column, in);
    default: return false;
  }
}

bool readDateField(const TextField& field, Column& column, ReadBuffer& in) {
  if (field.kind == TextFieldKind::Date) {
    int64_t day = 0;
    if (!tryReadDateText(day, in)) return false;
    day = std::clamp<int64_t>(day, 0, kDateMaxDay);
    static_cast<ColumnUInt16&>(column).getData().push_back(UInt16(day));
    return true;
  }
  int64_t t = 0;
  if (!tryReadDateTimeText(t, in, *field.zone)) return false;
  t = std::clamp<int64_t>(t, 0, int64_t(UINT32_MAX));
  static_cast<ColumnUInt32&>(column).getData().push_back(UInt32(t));
  return true;
}

}  // namespace tally
