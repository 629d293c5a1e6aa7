#include "parser/format_helpers.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace tally {

namespace {

void appendEscaped(std::string& out, std::string_view s, char quote) {
  for (char c : s) {
    switch (c) {
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += "\\0"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == quote) out += '\\';
        out += c;
    }
  }
}

bool isPlainWord(std::string_view s) {
  if (s.empty()) return false;
  char c0 = s[0];
  if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '_')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  if (s.size() == 4) {  // "null" in any case must be quoted
    std::string lower;
    for (char c : s) lower += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "null") return false;
  }
  return true;
}

}  // namespace

std::string quoteString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  appendEscaped(out, s, '\'');
  out += '\'';
  return out;
}

std::string backQuote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '`';
  appendEscaped(out, s, '`');
  out += '`';
  return out;
}

std::string backQuoteIfNeed(std::string_view s) { return isPlainWord(s) ? std::string(s) : backQuote(s); }

std::string formatFloatLiteral(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::scientific);
  std::string_view sci(buf, size_t(res.ptr - buf));  // e.g. -1.2345e+02
  bool negative = false;
  if (!sci.empty() && sci[0] == '-') {
    negative = true;
    sci.remove_prefix(1);
  }
  size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exponent = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
  // Drop trailing zeros of the mantissa (to_chars gives the shortest form, but be safe).
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int length = int(digits.size());
  const int decimal_point = exponent + 1;
  std::string out = negative ? "-" : "";
  if (exponent >= -6 && exponent < 21) {
    if (decimal_point <= 0) {
      out += "0.";
      out.append(size_t(-decimal_point), '0');
      out += digits;
    } else if (decimal_point >= length) {
      out += digits;
      out.append(size_t(decimal_point - length), '0');
      out += '.';
    } else {
      out += digits.substr(0, size_t(decimal_point));
      out += '.';
      out += digits.substr(size_t(decimal_point));
    }
  } else {
    out += digits[0];
    if (length > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += std::to_string(exponent);
  }
  return out;
}

std::string fieldToString(const Field& f) {
  switch (f.which()) {
    case Field::Which::Null: return "NULL";
    case Field::Which::UInt64: return std::to_string(f.get<uint64_t>());
    case Field::Which::Int64: return std::to_string(f.get<int64_t>());
    case Field::Which::Float64: return formatFloatLiteral(f.get<double>());
    case Field::Which::String: return quoteString(f.get<std::string>());
    case Field::Which::Bool: return f.get<bool>() ? "true" : "false";
    case Field::Which::Array:
    case Field::Which::Tuple: {
      const bool is_array = f.which() == Field::Which::Array;
      const std::vector<Field>& items = is_array ? static_cast<const std::vector<Field>&>(f.get<FieldArray>())
                                                 : static_cast<const std::vector<Field>&>(f.get<FieldTuple>());
      std::string s = is_array ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) s += ", ";
        s += fieldToString(items[i]);
      }
      s += is_array ? "]" : ")";
      return s;
    }
    case Field::Which::UInt128:
    case Field::Which::AggregateState:
      return f.dump();
  }
  return {};
}

}  // namespace tally
