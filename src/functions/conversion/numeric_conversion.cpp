#include "functions/conversion/numeric_conversion.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "functions/type_dispatch.h"
#include "types/data_type_date.h"

namespace tally {

namespace numeric_conversion_detail {

constexpr int64_t kMaxDateTimeTimestamp = 0xFFFFFFFFLL;         // 2106-02-07 06:28:15
constexpr int64_t kMaxDateTimestamp = 5662310399LL;             // 2149-06-06 23:59:59
constexpr int64_t kMaxDateTime64Timestamp = 10413791999LL;      // 2299-12-31 23:59:59
constexpr int64_t kMinDateTime64Timestamp = -2208988800LL;      // 1900-01-01 00:00:00
constexpr int64_t kDate32ExtendedLimit = kDate32MaxDay + 1;     // numbers below are day numbers

enum class Category : uint8_t { Number, Enum, Date, Date32, DateTime, DateTime64 };

Category categoryOf(TypeIndex id) {
  switch (id) {
    case TypeIndex::Date: return Category::Date;
    case TypeIndex::Date32: return Category::Date32;
    case TypeIndex::DateTime: return Category::DateTime;
    case TypeIndex::DateTime64: return Category::DateTime64;
    case TypeIndex::Enum8:
    case TypeIndex::Enum16: return Category::Enum;
    default: return Category::Number;
  }
}

bool isPlainNumber(TypeIndex id) {
  switch (id) {
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
    case TypeIndex::Float32: case TypeIndex::Float64: case TypeIndex::Bool: return true;
    default: return false;
  }
}

int64_t scaleMultiplier(uint32_t scale) {
  int64_t m = 1;
  for (uint32_t i = 0; i < scale; ++i) m *= 10;
  return m;
}

/// Float to integer as x86's truncating conversions give it (what ClickHouse's static_cast compiles
/// to): 32-bit cvtt for narrow targets, 64-bit for UInt32/Int64, the two-step sequence for UInt64.
/// Out-of-range values become the "integer indefinite" value of the instruction used.
template <typename To, typename F>
inline To floatToInteger(F v) {
  double d = v;
  if constexpr (sizeof(To) < 4 || (sizeof(To) == 4 && std::is_signed_v<To>)) {
    int32_t r = (d > -2147483649.0 && d < 2147483648.0) ? int32_t(d) : std::numeric_limits<int32_t>::min();
    return To(r);
  } else if constexpr (sizeof(To) == 4 || std::is_signed_v<To>) {
    int64_t r = (d >= -9223372036854775808.0 && d < 9223372036854775808.0) ? int64_t(d)
                                                                             : std::numeric_limits<int64_t>::min();
    return To(r);
  } else {
    if (d < 9223372036854775808.0) {
      int64_t r = d >= -9223372036854775808.0 ? int64_t(d) : std::numeric_limits<int64_t>::min();
      return To(uint64_t(r));
    }
    double w = d - 9223372036854775808.0;
    int64_t r = w < 9223372036854775808.0 ? int64_t(w) : std::numeric_limits<int64_t>::min();
    return To(uint64_t(r) ^ (uint64_t(1) << 63));
  }
}

/// Seconds from a number as time_t(x) gives them (floats truncated like x86).
template <typename From>
inline int64_t toSeconds(From v) {
  if constexpr (std::is_floating_point_v<From>)
    return floatToInteger<int64_t>(v);
  else
    return int64_t(v);
}

/// Exact conversion (ClickHouse's accurate::convertNumeric, strict): false if `v` has no equal value in To.
template <typename From, typename To>
inline bool convertExactly(From v, To& out) {
  if constexpr (std::is_same_v<From, To>) {
    out = v;
    return true;
  } else if constexpr (std::is_floating_point_v<From> && std::is_floating_point_v<To>) {
    if (std::isnan(v) || std::isinf(v)) {
      out = To(v);
      return true;
    }
    if (std::fabs(double(v)) > double(std::numeric_limits<To>::max())) return false;
    out = To(v);
    return double(out) == double(v);
  } else if constexpr (std::is_floating_point_v<From>) {
    // Float to integer: in range, and no fractional part.
    if (!std::isfinite(v)) return false;
    double d = v;
    if (d >= std::ldexp(1.0, int(sizeof(To) * 8 - std::is_signed_v<To>))) return false;
    if (std::is_signed_v<To> ? d < -std::ldexp(1.0, int(sizeof(To) * 8 - 1)) : d < 0) return false;
    out = To(d);
    return double(out) == d;
  } else if constexpr (std::is_floating_point_v<To>) {
    // Integer to float: the float must hold the same integer.
    out = To(v);
    long double back = out;
    return back == static_cast<long double>(v);
  } else {
    // Integer to integer: range check with signedness.
    if constexpr (std::is_signed_v<From> && !std::is_signed_v<To>) {
      if (v < 0) return false;
      if (std::make_unsigned_t<From>(v) > std::numeric_limits<To>::max()) return false;
    } else if constexpr (!std::is_signed_v<From> && std::is_signed_v<To>) {
      if (v > std::make_unsigned_t<To>(std::numeric_limits<To>::max())) return false;
    } else {
      if (v < std::numeric_limits<To>::lowest() || v > std::numeric_limits<To>::max()) return false;
    }
    out = To(v);
    return true;
  }
}

[[noreturn]] void throwInfOrNaN() {
  throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Unexpected inf or nan to integer conversion");
}

/// Number to number (sources: numbers, Bool, Enum, and the raw values of Date/Date32/DateTime).
template <typename From, typename To>
void convertPlain(const PODArray<From>& src, PODArray<To>& dst, bool to_bool, NumericAccuracy accuracy,
                  PODArray<UInt8>* failed, const ConversionOptions& options, const std::string& from_name,
                  const std::string& to_name) {
  size_t n = src.size();
  dst.resize(n);
  const From* s = src.data();
  To* d = dst.data();
  if (to_bool) {
    for (size_t i = 0; i < n; ++i) d[i] = s[i] != From(0);
    return;
  }
  if (accuracy == NumericAccuracy::Wrap) {
    if constexpr (std::is_floating_point_v<From> && !std::is_floating_point_v<To>) {
      for (size_t i = 0; i < n; ++i)
        if (!std::isfinite(s[i]) && !options.rowIsNull(i)) throwInfOrNaN();
      for (size_t i = 0; i < n; ++i) d[i] = std::isfinite(s[i]) ? floatToInteger<To>(s[i]) : To(0);
    } else {
      for (size_t i = 0; i < n; ++i) d[i] = static_cast<To>(s[i]);
    }
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    if (options.rowIsNull(i)) {
      d[i] = To(0);
      continue;
    }
    if constexpr (std::is_floating_point_v<From> && !std::is_floating_point_v<To>) {
      if (!std::isfinite(s[i])) {
        if (accuracy == NumericAccuracy::Throw) throwInfOrNaN();
        d[i] = To(0);
        (*failed)[i] = 1;
        continue;
      }
    }
    if (!convertExactly(s[i], d[i])) {
      if (accuracy == NumericAccuracy::Throw)
        throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Value in column {} cannot be safely converted into type {}",
                        from_name, to_name);
      d[i] = To(0);
      (*failed)[i] = 1;
    }
  }
}

/// DateTime64 ticks to a number: whole seconds (overflow-checked) or a fractional float.
template <typename To>
void convertDateTime64ToNumber(const PODArray<Int64>& src, PODArray<To>& dst, int64_t multiplier, bool to_bool) {
  size_t n = src.size();
  dst.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Int64 v = src[i];
    if (to_bool) {
      dst[i] = v != 0;
    } else if constexpr (std::is_floating_point_v<To>) {
      dst[i] = To(v) / To(multiplier);
    } else {
      Int64 whole = v / multiplier;
      To out;
      if (!convertExactly(whole, out)) throw Exception(ErrorCodes::DECIMAL_OVERFLOW, "Convert overflow");
      dst[i] = out;
    }
  }
}

/// ClickHouse's rules for numbers to Date: small values are day numbers, larger ones Unix timestamps.
template <typename From>
inline UInt16 numberToDate(From v, const TimeZone& zone) {
  if constexpr (std::is_same_v<From, UInt8> || std::is_same_v<From, UInt16>) {
    return v;
  } else if constexpr (std::is_same_v<From, UInt32> || std::is_same_v<From, UInt64>) {
    if (v <= kDateMaxDay) return UInt16(v);
    return UInt16(zone.toDayNum(std::min<int64_t>(int64_t(std::min<UInt64>(v, UInt64(kMaxDateTimeTimestamp))),
                                                  kMaxDateTimeTimestamp)));
  } else if constexpr (std::is_same_v<From, Int8> || std::is_same_v<From, Int16>) {
    return v < 0 ? 0 : UInt16(v);
  } else {
    if (v < 0) return 0;
    if (v <= kDateMaxDay) return static_cast<UInt16>(toSeconds(v));
    return UInt16(zone.toDayNum(std::min(toSeconds(v), kMaxDateTimestamp)));
  }
}

template <typename From>
inline Int32 numberToDate32(From v, const TimeZone& zone) {
  if constexpr (std::is_same_v<From, UInt8> || std::is_same_v<From, UInt16> || std::is_same_v<From, Int8> ||
                std::is_same_v<From, Int16>) {
    return v;
  } else if constexpr (std::is_same_v<From, UInt32> || std::is_same_v<From, UInt64>) {
    if (v < UInt64(kDate32ExtendedLimit)) return Int32(v);
    return Int32(zone.toDayNum(int64_t(std::min<UInt64>(v, UInt64(kMaxDateTime64Timestamp)))));
  } else {
    if (v < From(kDate32MinDay)) return Int32(kDate32MinDay);
    if (v < From(kDate32ExtendedLimit)) return Int32(toSeconds(v));
    return Int32(zone.toDayNum(std::min(toSeconds(v), kMaxDateTime64Timestamp)));
  }
}

template <typename From>
inline UInt32 numberToDateTime(From v) {
  if constexpr (std::is_same_v<From, UInt8> || std::is_same_v<From, UInt16> || std::is_same_v<From, UInt32>) {
    return v;
  } else if constexpr (std::is_same_v<From, UInt64>) {
    return UInt32(std::min<UInt64>(v, UInt64(kMaxDateTimeTimestamp)));
  } else if constexpr (std::is_same_v<From, Int8> || std::is_same_v<From, Int16> || std::is_same_v<From, Int32>) {
    return v < 0 ? 0 : UInt32(v);
  } else {
    if (v < 0) return 0;
    return UInt32(std::min(toSeconds(v), kMaxDateTimeTimestamp));
  }
}

template <typename From>
inline Int64 numberToDateTime64(From v, int64_t multiplier) {
  if constexpr (std::is_floating_point_v<From>) {
    if (v < From(kMinDateTime64Timestamp)) v = From(kMinDateTime64Timestamp);
    if (v > From(kMaxDateTime64Timestamp)) v = From(kMaxDateTime64Timestamp);
    if (!std::isfinite(v))
      throw Exception(ErrorCodes::DECIMAL_OVERFLOW, "DateTime64 convert overflow. Cannot convert infinity or NaN to decimal");
    From scaled = v * From(multiplier);
    if (scaled <= From(std::numeric_limits<Int64>::min()) || scaled >= From(std::numeric_limits<Int64>::max()))
      throw Exception(ErrorCodes::DECIMAL_OVERFLOW, "DateTime64 convert overflow. Float is out of Decimal range");
    return Int64(scaled);
  } else if constexpr (std::is_same_v<From, UInt64>) {
    return Int64(std::min<UInt64>(v, UInt64(kMaxDateTime64Timestamp))) * multiplier;
  } else if constexpr (std::is_signed_v<From>) {
    return std::clamp<Int64>(v, kMinDateTime64Timestamp, kMaxDateTime64Timestamp) * multiplier;
  } else {
    return Int64(v) * multiplier;
  }
}

/// Zone in which a source's instants become days: the explicit argument, the source type's zone,
/// the session's, the default.
const TimeZone& sourceZone(const DataType& from, const ConversionOptions& options) {
  if (options.explicit_zone) return *options.explicit_zone;
  if (from.typeId() == TypeIndex::DateTime || from.typeId() == TypeIndex::DateTime64) return timeZoneOf(from);
  if (options.session_zone) return *options.session_zone;
  return TimeZone::defaultZone();
}

template <typename To, typename From, typename F>
ColumnPtr mapColumn(const PODArray<From>& src, F&& f) {
  auto res = ColumnVector<To>::create(src.size());
  To* d = res->getData().data();
  const From* s = src.data();
  for (size_t i = 0, n = src.size(); i < n; ++i) d[i] = f(s[i]);
  return res;
}

/// Anything stored as a number to Date / Date32 / DateTime / DateTime64.
template <typename From>
ColumnPtr convertToDateLike(const PODArray<From>& src, Category from_cat, const DataType& from, const DataType& to,
                            const ConversionOptions& options) {
  TypeIndex to_id = to.typeId();
  const TimeZone& zone = sourceZone(from, options);
  int64_t to_multiplier =
      to_id == TypeIndex::DateTime64 ? static_cast<const DataTypeDateTime64&>(to).scaleMultiplier() : 1;
  const TimeZone& to_zone = timeZoneOf(to);

  switch (from_cat) {
    case Category::Enum:
      break;  // handled by convertEnumToDateLike
    case Category::Number:
      switch (to_id) {
        case TypeIndex::Date: return mapColumn<UInt16>(src, [&](From v) { return numberToDate(v, zone); });
        case TypeIndex::Date32: return mapColumn<Int32>(src, [&](From v) { return numberToDate32(v, zone); });
        case TypeIndex::DateTime: return mapColumn<UInt32>(src, [](From v) { return numberToDateTime(v); });
        default: return mapColumn<Int64>(src, [&](From v) { return numberToDateTime64(v, to_multiplier); });
      }
    case Category::Date:
    case Category::Date32:
      switch (to_id) {
        case TypeIndex::Date: return mapColumn<UInt16>(src, [](From v) { return UInt16(v); });
        case TypeIndex::Date32: return mapColumn<Int32>(src, [](From v) { return Int32(v); });
        case TypeIndex::DateTime:
          return mapColumn<UInt32>(src, [&](From v) { return UInt32(to_zone.fromDayNum(int64_t(v))); });
        default:
          return mapColumn<Int64>(src, [&](From v) { return to_zone.fromDayNum(int64_t(v)) * to_multiplier; });
      }
    case Category::DateTime:
      switch (to_id) {
        case TypeIndex::Date: return mapColumn<UInt16>(src, [&](From v) { return UInt16(zone.toDayNum(int64_t(v))); });
        case TypeIndex::Date32: return mapColumn<Int32>(src, [&](From v) { return Int32(zone.toDayNum(int64_t(v))); });
        case TypeIndex::DateTime: return mapColumn<UInt32>(src, [](From v) { return UInt32(v); });
        default: return mapColumn<Int64>(src, [&](From v) { return Int64(v) * to_multiplier; });
      }
    case Category::DateTime64: {
      const auto& from64 = static_cast<const DataTypeDateTime64&>(from);
      int64_t from_multiplier = from64.scaleMultiplier();
      auto seconds = [from_multiplier](From v) { return floorDiv(int64_t(v), from_multiplier); };
      switch (to_id) {
        case TypeIndex::Date: return mapColumn<UInt16>(src, [&](From v) { return UInt16(zone.toDayNum(seconds(v))); });
        case TypeIndex::Date32: return mapColumn<Int32>(src, [&](From v) { return Int32(zone.toDayNum(seconds(v))); });
        case TypeIndex::DateTime: return mapColumn<UInt32>(src, [&](From v) { return UInt32(seconds(v)); });
        default: {
          uint32_t from_scale = from64.getScale();
          uint32_t to_scale = static_cast<const DataTypeDateTime64&>(to).getScale();
          if (to_scale >= from_scale) {
            int64_t m = scaleMultiplier(to_scale - from_scale);
            return mapColumn<Int64>(src, [m](From v) { return Int64(v) * m; });
          }
          int64_t m = scaleMultiplier(from_scale - to_scale);
          return mapColumn<Int64>(src, [m](From v) { return Int64(v) / m; });
        }
      }
    }
  }
  return nullptr;
}

/// Enum values to a date-like target: the underlying value stored as is.
template <typename From>
ColumnPtr convertEnumToDateLike(const PODArray<From>& src, TypeIndex to_id) {
  switch (to_id) {
    case TypeIndex::Date: return mapColumn<UInt16>(src, [](From v) { return UInt16(v); });
    case TypeIndex::Date32: return mapColumn<Int32>(src, [](From v) { return Int32(v); });
    case TypeIndex::DateTime: return mapColumn<UInt32>(src, [](From v) { return UInt32(v); });
    default: return mapColumn<Int64>(src, [](From v) { return Int64(v); });
  }
}

}  // namespace numeric_conversion_detail


bool isStoredAsNumber(TypeIndex id) {
  using namespace numeric_conversion_detail;
  return isPlainNumber(id) || categoryOf(id) != Category::Number;
}

ColumnPtr convertStoredNumbers(const Column& src, const DataType& from, const DataType& to,
                               const ConversionOptions& options) {
  using namespace numeric_conversion_detail;
  TypeIndex from_id = from.typeId();
  TypeIndex to_id = to.typeId();
  Category from_cat = categoryOf(from_id);
  Category to_cat = categoryOf(to_id);
  ColumnPtr result;

  dispatchColumnVector(from_id, [&](auto from_tag) {
    using From = typename decltype(from_tag)::Type;
    if constexpr (!std::is_same_v<From, UInt128>) {
      const auto& data = static_cast<const ColumnVector<From>&>(src).getData();
      if (to_cat == Category::Number) {
        bool to_bool = to_id == TypeIndex::Bool;
        // Accurate checks apply to plain numbers only, as in ClickHouse.
        NumericAccuracy accuracy = isPlainNumber(from_id) ? options.accuracy : NumericAccuracy::Wrap;
        std::shared_ptr<ColumnUInt8> failed;
        if (accuracy == NumericAccuracy::Null) failed = std::make_shared<ColumnUInt8>(data.size(), 0);
        dispatchNumber(to_id == TypeIndex::Bool ? TypeIndex::UInt8 : to_id, [&](auto to_tag) {
          using To = typename decltype(to_tag)::Type;
          auto res = ColumnVector<To>::create();
          if (from_cat == Category::DateTime64) {
            if constexpr (std::is_same_v<From, Int64>)
              convertDateTime64ToNumber(data, res->getData(),
                                        static_cast<const DataTypeDateTime64&>(from).scaleMultiplier(), to_bool);
          } else {
            convertPlain(data, res->getData(), to_bool, accuracy, failed ? &failed->getData() : nullptr, options,
                         src.familyName(), to.name());
          }
          result = res;
        });
        if (failed) result = ColumnNullable::create(result, failed);
      } else if (from_cat == Category::Enum) {
        result = convertEnumToDateLike(data, to_id);
      } else {
        result = convertToDateLike(data, from_cat, from, to, options);
      }
    }
  });
  if (!result)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument of conversion to {}", from.name(),
                    to.name());
  return result;
}

}  // namespace tally
