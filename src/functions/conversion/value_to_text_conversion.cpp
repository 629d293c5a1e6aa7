#include "functions/conversion/value_to_text_conversion.h"

#include <charconv>
#include <cstring>

#include "columns/column_fixed_string.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "functions/type_dispatch.h"
#include "io/write_buffer.h"
#include "io/write_helpers.h"
#include "types/data_type_date.h"

namespace tally {

namespace value_to_text_conversion_detail {

inline char* writeTwoDigits(char* p, unsigned v) {
  p[0] = char('0' + v / 10);
  p[1] = char('0' + v % 10);
  return p + 2;
}

inline char* writeDate(char* p, int64_t day_num) {
  CivilDate c = civilFromDays(day_num);
  unsigned y = unsigned(c.year);
  p[0] = char('0' + y / 1000 % 10);
  p[1] = char('0' + y / 100 % 10);
  p[2] = char('0' + y / 10 % 10);
  p[3] = char('0' + y % 10);
  p[4] = '-';
  p = writeTwoDigits(p + 5, c.month);
  *p++ = '-';
  return writeTwoDigits(p, c.day);
}

inline char* writeDateTime(char* p, int64_t t, const TimeZone& zone) {
  int64_t local = zone.toLocal(t);
  int64_t days = floorDiv(local, 86400);
  int64_t secs = local - days * 86400;
  p = writeDate(p, days);
  *p++ = ' ';
  p = writeTwoDigits(p, unsigned(secs / 3600));
  *p++ = ':';
  p = writeTwoDigits(p, unsigned(secs / 60 % 60));
  *p++ = ':';
  return writeTwoDigits(p, unsigned(secs % 60));
}

/// Rows of at most `max_width` bytes each, written by write(cursor, row) -> new cursor.
template <typename Write>
ColumnPtr formatBounded(size_t rows, size_t max_width, Write&& write) {
  auto res = ColumnString::create();
  auto& chars = res->getChars();
  auto& offsets = res->getOffsets();
  chars.resize(rows * max_width);
  offsets.resize(rows);
  char* begin = chars.data();
  char* p = begin;
  for (size_t i = 0; i < rows; ++i) {
    p = write(p, i);
    offsets[i] = size_t(p - begin);
  }
  chars.resize(size_t(p - begin));
  return res;
}

template <typename T>
ColumnPtr formatNumbers(const PODArray<T>& data) {
  const T* values = data.data();
  if constexpr (std::is_floating_point_v<T>)
    return formatBounded(data.size(), 32, [values](char* p, size_t i) { return p + formatFloat(values[i], p); });
  else
    return formatBounded(data.size(), 24, [values](char* p, size_t i) { return std::to_chars(p, p + 24, values[i]).ptr; });
}

ColumnPtr formatGeneric(const Column& src, const DataType& from, const FormatSettings& settings) {
  auto res = ColumnString::create();
  std::string text;
  Offsets& offsets = res->getOffsets();
  offsets.reserve(src.size());
  {
    WriteBufferFromString out(text);
    for (size_t i = 0; i < src.size(); ++i) {
      from.serializeText(src, i, out, settings);
      offsets.push_back(out.count());
    }
    out.finalize();
  }
  res->getChars().insert(text.data(), text.data() + text.size());
  return res;
}

}  // namespace value_to_text_conversion_detail


ColumnPtr formatColumnAsText(const Column& src, const DataType& from, const ConversionOptions& options) {
  using namespace value_to_text_conversion_detail;
  switch (from.typeId()) {
    case TypeIndex::String: return src.getPtr();
    case TypeIndex::FixedString: {
      const auto& fixed = static_cast<const ColumnFixedString&>(src);
      return formatBounded(fixed.size(), fixed.getN(), [&fixed](char* p, size_t i) {
        std::string_view v = fixed.at(i);
        while (!v.empty() && v.back() == 0) v.remove_suffix(1);  // the zero padding is not text
        std::memcpy(p, v.data(), v.size());
        return p + v.size();
      });
    }
    case TypeIndex::Date: {
      const UInt16* days = static_cast<const ColumnUInt16&>(src).getData().data();
      return formatBounded(src.size(), 10, [days](char* p, size_t i) { return writeDate(p, days[i]); });
    }
    case TypeIndex::Date32: {
      const Int32* days = static_cast<const ColumnInt32&>(src).getData().data();
      return formatBounded(src.size(), 10, [days](char* p, size_t i) { return writeDate(p, days[i]); });
    }
    case TypeIndex::DateTime: {
      const TimeZone& zone = options.explicit_zone ? *options.explicit_zone : timeZoneOf(from);
      const UInt32* times = static_cast<const ColumnUInt32&>(src).getData().data();
      return formatBounded(src.size(), 19, [times, &zone](char* p, size_t i) { return writeDateTime(p, times[i], zone); });
    }
    case TypeIndex::DateTime64: {
      const auto& type64 = static_cast<const DataTypeDateTime64&>(from);
      const TimeZone& zone = options.explicit_zone ? *options.explicit_zone : type64.timeZone();
      auto res = ColumnString::create();
      std::string text;
      Offsets& offsets = res->getOffsets();
      {
        WriteBufferFromString out(text);
        for (Int64 ticks : static_cast<const ColumnInt64&>(src).getData()) {
          writeDateTime64Text(ticks, type64.getScale(), zone, out);
          offsets.push_back(out.count());
        }
        out.finalize();
      }
      res->getChars().insert(text.data(), text.data() + text.size());
      return res;
    }
    default: break;
  }
  ColumnPtr result;
  if (dispatchNumber(from.typeId(), [&](auto tag) {
        using T = typename decltype(tag)::Type;
        result = formatNumbers(static_cast<const ColumnVector<T>&>(src).getData());
      }))
    return result;
  return formatGeneric(src, from, options.format);
}

}  // namespace tally
