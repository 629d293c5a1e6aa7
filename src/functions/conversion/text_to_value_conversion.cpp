#include "functions/conversion/text_to_value_conversion.h"

#include <algorithm>

#include "columns/column_fixed_string.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "common/exception.h"
#include "functions/conversion/text_value_parsers.h"
#include "functions/type_dispatch.h"
#include "io/read_buffer.h"
#include "types/data_type_date.h"

namespace tally {

namespace text_to_value_conversion_detail {

/// Rows of a String or FixedString column as views (FixedString keeps its zero padding).
struct StringRows {
  const ColumnString* string = nullptr;
  const ColumnFixedString* fixed = nullptr;

  explicit StringRows(const Column& column) {
    if (column.kind() == ColumnKind::String)
      string = &static_cast<const ColumnString&>(column);
    else if (column.kind() == ColumnKind::FixedString)
      fixed = &static_cast<const ColumnFixedString&>(column);
    else
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of first argument of conversion", column.familyName());
  }
  std::string_view at(size_t i) const { return string ? string->at(i) : fixed->at(i); }
  size_t size() const { return string ? string->size() : fixed->size(); }
};

/// ClickHouse's isAllRead: the value must span the text, except FixedString padding and, for
/// Date targets, a time part ("YYYY-MM-DD hh:mm:ss[.fff]").
bool allRead(std::string_view s, size_t consumed, bool fixed, bool date_target) {
  size_t pos = consumed;
  if (fixed)
    while (pos < s.size() && s[pos] == 0) ++pos;
  if (pos >= s.size()) return true;
  if (date_target && (s[pos] == ' ' || s[pos] == 'T')) {
    if (s.size() == 19) return true;
    if (s.size() >= 21 && s[19] == '.') {
      pos = 20;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      return pos == s.size();
    }
  }
  return false;
}

struct ParseJob {
  const StringRows& rows;
  bool fixed;
  ParseFailureMode mode;
  bool accurate;
  bool date_target;
  bool is_number;
  const std::string& to_name;
  const std::string& from_name;
  const ConversionOptions& options;
};

template <typename T, typename Parse>
ColumnPtr parseRows(const ParseJob& job, T zero, Parse&& parse) {
  size_t n = job.rows.size();
  auto res = ColumnVector<T>::create(n);
  T* out = res->getData().data();
  std::shared_ptr<ColumnUInt8> nulls;
  if (job.mode == ParseFailureMode::Null) nulls = std::make_shared<ColumnUInt8>(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (job.options.rowIsNull(i)) {
      out[i] = T{};
      continue;
    }
    std::string_view s = job.rows.at(i);
    T value{};
    TextParseResult r = parse(s.data(), s.data() + s.size(), value);
    if (r.ok() && allRead(s, r.consumed, job.fixed, job.date_target)) {
      out[i] = value;
      continue;
    }
    if (job.mode == ParseFailureMode::Throw) {
      if (!r.ok()) {
        if (job.accurate)
          throw Exception(ErrorCodes::CANNOT_PARSE_TEXT, "Cannot parse string to type {}", job.to_name);
        throwTextParseError(r.error, s, r.consumed, job.to_name, job.from_name);
      }
      throwIncompleteParse(s, r.consumed, job.to_name, job.is_number);
    }
    out[i] = zero;
    if (nulls) nulls->getData()[i] = 1;
  }
  if (nulls) return ColumnNullable::create(ColumnPtr(res), ColumnPtr(nulls));
  return res;
}

}  // namespace text_to_value_conversion_detail


bool hasDedicatedTextParser(TypeIndex id) {
  using namespace text_to_value_conversion_detail;
  switch (id) {
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
    case TypeIndex::Float32: case TypeIndex::Float64: case TypeIndex::Date: case TypeIndex::Date32:
    case TypeIndex::DateTime: case TypeIndex::DateTime64: case TypeIndex::UUID: return true;
    default: return false;
  }
}

ColumnPtr parseStringColumn(const Column& src, const DataType& from, const DataType& to, ParseFailureMode mode,
                            bool check_overflow, bool accurate, const ConversionOptions& options) {
  using namespace text_to_value_conversion_detail;
  StringRows rows(src);
  TypeIndex to_id = to.typeId();
  std::string to_name = to.name();
  std::string from_name = from.name();
  bool validate = mode != ParseFailureMode::Throw;
  bool date_target = to_id == TypeIndex::Date || to_id == TypeIndex::Date32;
  ParseJob job{rows, rows.fixed != nullptr, mode, accurate, date_target, to.isNumber(), to_name, from_name, options};

  switch (to_id) {
    case TypeIndex::Date:
      return parseRows<UInt16>(job, 0, [](const char* b, const char* e, UInt16& v) {
        int y = 0, m = 0, d = 0;
        TextParseResult r = parseDateParts(b, e, y, m, d);
        if (r.ok()) v = UInt16(std::clamp<int64_t>(calendarDayNum(y, m, d, 0), 0, kDateMaxDay));
        return r;
      });
    case TypeIndex::Date32:
      return parseRows<Int32>(job, Int32(kDate32MinDay), [](const char* b, const char* e, Int32& v) {
        int y = 0, m = 0, d = 0;
        TextParseResult r = parseDateParts(b, e, y, m, d);
        if (r.ok()) v = Int32(calendarDayNum(y, m, d, kDate32MinDay));
        return r;
      });
    case TypeIndex::DateTime: {
      const TimeZone& zone = timeZoneOf(to);
      return parseRows<UInt32>(job, 0, [&zone, validate](const char* b, const char* e, UInt32& v) {
        int64_t t = 0;
        TextParseResult r = parseDateTimeText(b, e, zone, t, validate);
        v = UInt32(std::clamp<int64_t>(t, 0, 0xFFFFFFFFLL));
        return r;
      });
    }
    case TypeIndex::DateTime64: {
      const auto& type64 = static_cast<const DataTypeDateTime64&>(to);
      const TimeZone& zone = type64.timeZone();
      uint32_t scale = type64.getScale();
      return parseRows<Int64>(job, 0, [&zone, scale, validate](const char* b, const char* e, Int64& v) {
        int64_t ticks = 0;
        TextParseResult r = parseDateTime64Text(b, e, zone, scale, ticks, validate);
        v = ticks;
        return r;
      });
    }
    case TypeIndex::UUID:
      return parseRows<UInt128>(job, UInt128(), [](const char* b, const char* e, UInt128& v) {
        return parseUUIDText(b, e, v);
      });
    default: break;
  }

  ColumnPtr result;
  dispatchNumber(to_id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    if constexpr (std::is_floating_point_v<T>) {
      result = parseRows<T>(job, T(0), [](const char* b, const char* e, T& v) { return parseFloatText(b, e, v); });
    } else {
      result = parseRows<T>(job, T(0), [check_overflow](const char* b, const char* e, T& v) {
        return parseIntegerText(b, e, v, check_overflow);
      });
    }
  });
  if (!result) throw Exception(ErrorCodes::LOGICAL_ERROR, "No text parser for type {}", to_name);
  return result;
}

ColumnPtr parseStringColumnGeneric(const Column& src, const DataType& to, ParseFailureMode mode,
                                   const ConversionOptions& options) {
  using namespace text_to_value_conversion_detail;
  StringRows rows(src);
  size_t n = rows.size();
  auto res = to.createColumn();
  res->reserve(n);
  std::shared_ptr<ColumnUInt8> nulls;
  if (mode == ParseFailureMode::Null) nulls = std::make_shared<ColumnUInt8>(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (options.rowIsNull(i)) {
      res->insertDefault();
      continue;
    }
    std::string_view s = rows.at(i);
    ReadBufferFromMemory buf(s);
    bool failed = false;
    try {
      to.deserializeWholeText(*res, buf, options.format);
    } catch (const Exception&) {
      if (mode == ParseFailureMode::Throw) throw;
      failed = true;
    }
    if (!failed && !buf.eof()) {
      if (mode == ParseFailureMode::Throw) throwIncompleteParse(s, buf.offset(), to.name(), false);
      failed = true;
    }
    if (failed) {
      if (res->size() > i) res->popBack(res->size() - i);
      res->insertDefault();
      if (nulls) nulls->getData()[i] = 1;
    }
  }
  if (nulls) return ColumnNullable::create(ColumnPtr(std::move(res)), ColumnPtr(nulls));
  return res;
}

}  // namespace tally
