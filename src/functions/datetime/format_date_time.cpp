// formatDateTime(t, format[, tz]) (DATE_FORMAT): t formatted with MySQL-style % specifiers as
// today's ClickHouse defines them (%M is the month name, %i the minute, %e the unpadded day, %f
// six fraction digits). fromUnixTimestamp(n) (FROM_UNIXTIME) converts an integer to DateTime;
// fromUnixTimestamp(n, format[, tz]) formats it like formatDateTime.
//
// The format is parsed once per block into instructions; each row then writes its fields into
// the result buffer directly. For Date/Date32 the time fields print their zero values.

#include <cstring>

#include "columns/column_string.h"
#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "functions/type_dispatch.h"
#include "types/data_type_date.h"
#include "types/data_type_string.h"

namespace tally {

namespace format_date_time {

using namespace datetime;

enum class Op : uint8_t {
  Literal,
  WeekdayShort,    // %a
  MonthShort,      // %b
  Month,           // %c, %m
  Century,         // %C
  Day,             // %d
  AmericanDate,    // %D
  DayUnpadded,     // %e
  MonthName,       // %M
  Fraction,        // %f
  IsoDate,         // %F
  IsoYear2,        // %g
  IsoYear4,        // %G
  DayOfYear,       // %j
  WeekdayIso,      // %u
  IsoWeek,         // %V
  WeekdaySunday0,  // %w
  WeekdayName,     // %W
  Year2,           // %y
  Year4,           // %Y
  Quarter,         // %Q
  ZoneOffset,      // %z
  AmPm,            // %p
  Time12,          // %r
  Time24Short,     // %R
  Second,          // %s, %S
  Time24,          // %T
  Hour12,          // %h, %I, %l
  Hour24,          // %H, %k
  Minute,          // %i
};

struct Instruction {
  Op op;
  std::string literal;
};

constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

/// Parses `format`; time fields of a date-only input become their zero literals.
std::vector<Instruction> parseFormat(const std::string& format, bool has_time, const std::string& function) {
  std::vector<Instruction> out;
  auto literal = [&](std::string_view text) {
    if (!out.empty() && out.back().op == Op::Literal)
      out.back().literal += text;
    else
      out.push_back({Op::Literal, std::string(text)});
  };
  auto time_field = [&](Op op, std::string_view zero) {
    if (has_time)
      out.push_back({op, {}});
    else
      literal(zero);
  };
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%') {
      literal(std::string_view(&format[i], 1));
      continue;
    }
    if (++i == format.size())
      throw Exception(ErrorCodes::BAD_ARGUMENTS,
                      "'%' must not be the last character in the format string, use '%%' instead");
    switch (format[i]) {
      case 'a': out.push_back({Op::WeekdayShort, {}}); break;
      case 'b': out.push_back({Op::MonthShort, {}}); break;
      case 'c':
      case 'm': out.push_back({Op::Month, {}}); break;
      case 'C': out.push_back({Op::Century, {}}); break;
      case 'd': out.push_back({Op::Day, {}}); break;
      case 'D': out.push_back({Op::AmericanDate, {}}); break;
      case 'e': out.push_back({Op::DayUnpadded, {}}); break;
      case 'M': out.push_back({Op::MonthName, {}}); break;
      case 'f': out.push_back({Op::Fraction, {}}); break;
      case 'F': out.push_back({Op::IsoDate, {}}); break;
      case 'g': out.push_back({Op::IsoYear2, {}}); break;
      case 'G': out.push_back({Op::IsoYear4, {}}); break;
      case 'j': out.push_back({Op::DayOfYear, {}}); break;
      case 'u': out.push_back({Op::WeekdayIso, {}}); break;
      case 'V': out.push_back({Op::IsoWeek, {}}); break;
      case 'w': out.push_back({Op::WeekdaySunday0, {}}); break;
      case 'W': out.push_back({Op::WeekdayName, {}}); break;
      case 'y': out.push_back({Op::Year2, {}}); break;
      case 'Y': out.push_back({Op::Year4, {}}); break;
      case 'Q': out.push_back({Op::Quarter, {}}); break;
      case 'z': out.push_back({Op::ZoneOffset, {}}); break;
      case 'p': time_field(Op::AmPm, "AM"); break;
      case 'r': time_field(Op::Time12, "12:00 AM"); break;
      case 'R': time_field(Op::Time24Short, "00:00"); break;
      case 's':
      case 'S': time_field(Op::Second, "00"); break;
      case 'T': time_field(Op::Time24, "00:00:00"); break;
      case 'h':
      case 'I':
      case 'l': time_field(Op::Hour12, "12"); break;
      case 'H':
      case 'k': time_field(Op::Hour24, "00"); break;
      case 'i': time_field(Op::Minute, "00"); break;
      case 't': literal("\t"); break;
      case 'n': literal("\n"); break;
      case '%': literal("%"); break;
      case 'U': throw Exception(ErrorCodes::NOT_IMPLEMENTED, "format is not supported for WEEK (Sun-Sat)");
      case 'v': throw Exception(ErrorCodes::NOT_IMPLEMENTED, "format is not supported for WEEK (Mon-Sun)");
      case 'x': throw Exception(ErrorCodes::NOT_IMPLEMENTED, "format is not supported for YEAR for week (Mon-Sun)");
      case 'X': throw Exception(ErrorCodes::NOT_IMPLEMENTED, "format is not supported for YEAR for week (Sun-Sat)");
      default:
        throw Exception(ErrorCodes::BAD_ARGUMENTS,
                        "Incorrect syntax '{}', symbol is not supported '{}' for function {}", format, format[i],
                        function);
    }
  }
  return out;
}

/// Upper bound of one formatted row.
size_t maxRowSize(const std::vector<Instruction>& instructions) {
  size_t n = 0;
  for (const auto& ins : instructions) n += ins.op == Op::Literal ? ins.literal.size() : 10;
  return n;
}

inline char* two(char* p, unsigned v) {
  p[0] = char('0' + v / 10 % 10);
  p[1] = char('0' + v % 10);
  return p + 2;
}
inline char* four(char* p, int v) {
  if (v < 0) v = 0;
  return two(two(p, unsigned(v) / 100), unsigned(v) % 100);
}
inline char* text(char* p, const char* s, size_t n) {
  std::memcpy(p, s, n);
  return p + n;
}

/// One row's fields.
struct RowFields {
  int64_t day;
  int64_t seconds_of_day;
  int64_t offset;           // zone offset in seconds (DateTime inputs)
  int64_t fraction_micros;  // six fraction digits
  CivilDate date;
};

char* writeRow(char* p, const std::vector<Instruction>& instructions, const RowFields& r) {
  const unsigned dow = dayOfWeek(r.day);  // 1 = Monday .. 7 = Sunday
  const unsigned hour = unsigned(r.seconds_of_day / 3600), minute = unsigned(r.seconds_of_day / 60 % 60),
                 second = unsigned(r.seconds_of_day % 60);
  const unsigned hour12 = hour == 0 ? 12 : (hour > 12 ? hour - 12 : hour);
  for (const auto& ins : instructions) {
    switch (ins.op) {
      case Op::Literal: p = text(p, ins.literal.data(), ins.literal.size()); break;
      case Op::WeekdayShort: p = text(p, kWeekdays[dow % 7], 3); break;
      case Op::MonthShort: p = text(p, kMonths[r.date.month - 1], 3); break;
      case Op::Month: p = two(p, r.date.month); break;
      case Op::Century: p = two(p, unsigned(r.date.year / 100)); break;
      case Op::Day: p = two(p, r.date.day); break;
      case Op::AmericanDate:
        p = two(p, r.date.month);
        *p++ = '/';
        p = two(p, r.date.day);
        *p++ = '/';
        p = two(p, unsigned(r.date.year % 100));
        break;
      case Op::DayUnpadded:
        if (r.date.day < 10)
          *p++ = char('0' + r.date.day);
        else
          p = two(p, r.date.day);
        break;
      case Op::MonthName: {
        const char* name = kMonths[r.date.month - 1];
        p = text(p, name, std::strlen(name));
        break;
      }
      case Op::Fraction: {
        int64_t f = r.fraction_micros;
        for (int k = 5; k >= 0; --k) {
          p[k] = char('0' + f % 10);
          f /= 10;
        }
        p += 6;
        break;
      }
      case Op::IsoDate:
        p = four(p, r.date.year);
        *p++ = '-';
        p = two(p, r.date.month);
        *p++ = '-';
        p = two(p, r.date.day);
        break;
      case Op::IsoYear2: p = two(p, unsigned(calendar::isoYear(r.day) % 100)); break;
      case Op::IsoYear4: p = four(p, calendar::isoYear(r.day)); break;
      case Op::DayOfYear: {
        unsigned doy = calendar::dayOfYear(r.day);
        *p++ = char('0' + doy / 100);
        p = two(p, doy % 100);
        break;
      }
      case Op::WeekdayIso: *p++ = char('0' + dow); break;
      case Op::IsoWeek: p = two(p, calendar::isoWeek(r.day)); break;
      case Op::WeekdaySunday0: *p++ = char('0' + dow % 7); break;
      case Op::WeekdayName: {
        const char* name = kWeekdays[dow % 7];
        p = text(p, name, std::strlen(name));
        break;
      }
      case Op::Year2: p = two(p, unsigned(r.date.year % 100)); break;
      case Op::Year4: p = four(p, r.date.year); break;
      case Op::Quarter: *p++ = char('0' + (r.date.month - 1) / 3 + 1); break;
      case Op::ZoneOffset: {
        int64_t off = r.offset;
        *p++ = off < 0 ? '-' : '+';
        if (off < 0) off = -off;
        p = two(p, unsigned(off / 3600));
        p = two(p, unsigned(off % 3600 / 60));
        break;
      }
      case Op::AmPm: p = text(p, hour >= 12 ? "PM" : "AM", 2); break;
      case Op::Time12:
        p = two(p, hour12);
        *p++ = ':';
        p = two(p, minute);
        *p++ = ' ';
        p = text(p, hour >= 12 ? "PM" : "AM", 2);
        break;
      case Op::Time24Short:
        p = two(p, hour);
        *p++ = ':';
        p = two(p, minute);
        break;
      case Op::Second: p = two(p, second); break;
      case Op::Time24:
        p = two(p, hour);
        *p++ = ':';
        p = two(p, minute);
        *p++ = ':';
        p = two(p, second);
        break;
      case Op::Hour12: p = two(p, hour12); break;
      case Op::Hour24: p = two(p, hour); break;
      case Op::Minute: p = two(p, minute); break;
    }
  }
  return p;
}

class FunctionFormatDateTime final : public IFunction {
 public:
  FunctionFormatDateTime(std::string name, bool from_unix_timestamp, const FunctionContext& context)
      : name_(std::move(name)), from_unix_timestamp_(from_unix_timestamp), context_(&context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), from_unix_timestamp_ ? 1 : 2, 3);
    const bool integer = from_unix_timestamp_ && isInteger(args[0].type);
    if (!integer && !isTimeType(args[0].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of first argument of function {}. Should be {}", args[0].type->name(), name_,
                      from_unix_timestamp_ ? "an integer or a date with time" : "a date or a date with time");
    if (args.size() == 1) return typeDateTime();
    if (!isString(args[1].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of second argument of function {}. Must be String.", args[1].type->name(),
                      name_);
    if (args.size() == 3) {
      if (!isString(args[2].type))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type {} of third argument of function {}. Must be String.", args[2].type->name(),
                        name_);
      explicitZone(name_, args, 2);
    }
    return typeString();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    if (args.size() == 1) {
      FunctionPtr convert = FunctionFactory::instance().get("toDateTime", *context_);
      return executeFunction(*convert, args, result_type, rows);
    }
    std::string format = constantString(name_, args, 1);
    ColumnPtr column = materialize(args[0].column);

    // Integers (fromUnixTimestamp) are read as DateTime seconds.
    TimeArg arg;
    PODArray<Int64> seconds;
    const bool integer = isInteger(args[0].type);
    if (integer) {
      arg.kind = TimeKind::DateTime64;
      arg.zone = &zoneFor(*context_, name_, args, 2, 0);
      seconds.resize(rows);
      dispatchInteger(args[0].type->typeId(), [&](auto tag) {
        using T = typename decltype(tag)::Type;
        const T* in = typedAs<ColumnVector<T>>(*column).getData().data();
        for (size_t i = 0; i < rows; ++i) seconds[i] = sizeof(T) <= 4 ? Int64(UInt32(in[i])) : Int64(in[i]);
      });
    } else {
      arg = timeArg(*context_, name_, args, 0, 2);
    }
    const bool has_time = integer || !arg.isDays();
    std::vector<Instruction> instructions = parseFormat(format, has_time, name_);
    if (!has_time && rows > 0)
      for (const auto& ins : instructions)
        if (ins.op == Op::ZoneOffset)
          throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument for function {} ('%z')",
                          args[0].type->name(), name_);

    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    chars.resize(rows * maxRowSize(instructions));
    offsets.resize(rows);
    char* begin = chars.data();
    char* pos = begin;
    LocalClock clock(*arg.zone);
    RowFields r{};
    auto fill_instant = [&](int64_t t, int64_t fraction_micros) {
      const int64_t offset = clock.offset(t);
      const int64_t local = t + offset;
      r.day = floorDiv(local, 86400);
      r.seconds_of_day = local - r.day * 86400;
      r.offset = offset;
      r.fraction_micros = fraction_micros;
      r.date = calendar::civil(r.day);
    };
    for (size_t i = 0; i < rows; ++i) {
      if (integer) {
        fill_instant(seconds[i], 0);
      } else {
        switch (arg.kind) {
          case TimeKind::Date:
          case TimeKind::Date32:
            r.day = arg.kind == TimeKind::Date ? int64_t(typedAs<ColumnUInt16>(*column).getData()[i])
                                               : int64_t(typedAs<ColumnInt32>(*column).getData()[i]);
            r.seconds_of_day = 0;
            r.fraction_micros = 0;
            r.date = calendar::civil(r.day);
            break;
          case TimeKind::DateTime: fill_instant(typedAs<ColumnUInt32>(*column).getData()[i], 0); break;
          case TimeKind::DateTime64: {
            const int64_t ticks = typedAs<ColumnInt64>(*column).getData()[i];
            const int64_t whole = floorDiv(ticks, arg.ticks_per_second);
            const int64_t fraction = ticks - whole * arg.ticks_per_second;
            const int64_t micros =
                arg.scale <= 6 ? fraction * scaleMultiplier(6 - arg.scale) : fraction / scaleMultiplier(arg.scale - 6);
            fill_instant(whole, micros);
            break;
          }
        }
      }
      pos = writeRow(pos, instructions, r);
      offsets[i] = size_t(pos - begin);
    }
    chars.resize(size_t(pos - begin));
    return res;
  }

 private:
  std::string name_;
  bool from_unix_timestamp_;
  const FunctionContext* context_;
};

}  // namespace format_date_time

REGISTER_FUNCTION(FormatDateTime) {
  using namespace format_date_time;
  factory.registerFunction(
      "formatDateTime",
      [](const FunctionContext& context) {
        return std::make_shared<FunctionFormatDateTime>("formatDateTime", false, context);
      },
      dateTimeDoc("Formats a date or date with time with MySQL-style % specifiers.",
                  "formatDateTime(value, format[, timezone])"));
  factory.registerAlias("DATE_FORMAT", "formatDateTime", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "fromUnixTimestamp",
      [](const FunctionContext& context) {
        return std::make_shared<FunctionFormatDateTime>("fromUnixTimestamp", true, context);
      },
      dateTimeDoc("Converts a Unix timestamp to DateTime, or formats it like formatDateTime when a format is given.",
                  "fromUnixTimestamp(timestamp[, format[, timezone]])"));
  factory.registerAlias("FROM_UNIXTIME", "fromUnixTimestamp", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
