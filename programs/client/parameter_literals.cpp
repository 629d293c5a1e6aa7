#include "client/parameter_literals.h"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "tally/tally.h"

namespace tally::cli {

namespace {

[[noreturn]] void badValue(const std::string& name, const std::string& type, std::string_view value, const std::string& why) {
  throw api::Error(457, "BAD_QUERY_PARAMETER",
                   "Value '" + std::string(value) + "' of query parameter '" + name + "' is not " + type + ": " + why);
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

bool allDigits(std::string_view s, size_t from) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

/// "d{4}-dd-dd" with a real month and day.
bool isDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/// "d{4}-dd-dd hh:mm:ss".
bool isDateTime(std::string_view s) {
  if (s.size() != 19 || !isDate(s.substr(0, 10)) || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
  for (size_t i : {11, 12, 14, 15, 17, 18})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return (s[11] - '0') * 10 + (s[12] - '0') < 24 && (s[14] - '0') < 6 && (s[17] - '0') < 6;
}

/// The literal of one scalar value of `type`.
std::string scalarLiteral(const std::string& name, const std::string& type, std::string_view value) {
  if (type == "String" || (type.starts_with("FixedString(") && type.back() == ')')) return quoted(value);
  if (type.starts_with("UInt") || type.starts_with("Int")) {
    const bool is_signed = type.starts_with("Int");
    const std::string_view bits = std::string_view(type).substr(is_signed ? 3 : 4);
    if (bits != "8" && bits != "16" && bits != "32" && bits != "64") badValue(name, type, value, "unsupported type");
    const size_t from = is_signed && !value.empty() && value[0] == '-' ? 1 : 0;
    if (!allDigits(value, from)) badValue(name, type, value, "not an integer");
    errno = 0;
    char* end = nullptr;
    const std::string text(value);
    const int width = std::atoi(std::string(bits).c_str());
    if (is_signed) {
      long long v = std::strtoll(text.c_str(), &end, 10);
      const long long limit = width == 64 ? 0 : (1LL << (width - 1));
      if (errno == ERANGE || (width < 64 && (v < -limit || v >= limit))) badValue(name, type, value, "out of range");
    } else {
      unsigned long long v = std::strtoull(text.c_str(), &end, 10);
      if (errno == ERANGE || (width < 64 && v >= (1ULL << width))) badValue(name, type, value, "out of range");
    }
    return text;
  }
  if (type == "Float32" || type == "Float64") {
    const std::string text(value);
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || text.find_first_of("xXnN") != std::string::npos)
      badValue(name, type, value, "not a finite number");
    return text;
  }
  if (type == "Date") {
    if (!isDate(value)) badValue(name, type, value, "expected YYYY-MM-DD");
    return "toDate('" + std::string(value) + "')";
  }
  if (type == "DateTime") {
    if (!isDateTime(value)) badValue(name, type, value, "expected YYYY-MM-DD hh:mm:ss");
    return "toDateTime('" + std::string(value) + "')";
  }
  throw api::Error(457, "BAD_QUERY_PARAMETER", "Query parameter '" + name + "' has type " + type +
                                                   ", which cannot be written as a literal for this server");
}

/// The elements of an array's text form: ['a', 'b\'c'] or [1, 2].
std::vector<std::string> arrayElements(const std::string& name, const std::string& type, std::string_view value) {
  std::vector<std::string> out;
  size_t i = 0;
  auto skipSpace = [&] {
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
  };
  skipSpace();
  if (i >= value.size() || value[i] != '[') badValue(name, type, value, "expected '['");
  ++i;
  skipSpace();
  if (i < value.size() && value[i] == ']') {
    ++i;
  } else {
    while (true) {
      skipSpace();
      std::string element;
      if (i < value.size() && value[i] == '\'') {
        for (++i;; ++i) {
          if (i >= value.size()) badValue(name, type, value, "unterminated string");
          if (value[i] == '\\' && i + 1 < value.size()) {
            ++i;
            switch (value[i]) {
              case 'n': element += '\n'; break;
              case 't': element += '\t'; break;
              case 'r': element += '\r'; break;
              case '0': element += '\0'; break;
              default: element += value[i];
            }
          } else if (value[i] == '\'') {
            ++i;
            break;
          } else {
            element += value[i];
          }
        }
      } else {
        while (i < value.size() && value[i] != ',' && value[i] != ']' && !std::isspace(static_cast<unsigned char>(value[i])))
          element += value[i++];
        if (element.empty()) badValue(name, type, value, "empty element");
      }
      out.push_back(std::move(element));
      skipSpace();
      if (i < value.size() && value[i] == ',') {
        ++i;
        continue;
      }
      if (i < value.size() && value[i] == ']') {
        ++i;
        break;
      }
      badValue(name, type, value, "expected ',' or ']'");
    }
  }
  skipSpace();
  if (i != value.size()) badValue(name, type, value, "text after ']'");
  return out;
}

/// Whether the text before `at` ends with the keyword IN (case-insensitive), spaces allowed.
bool followsIn(std::string_view sql, size_t at) {
  while (at > 0 && std::isspace(static_cast<unsigned char>(sql[at - 1]))) --at;
  if (at < 2) return false;
  if (std::toupper(static_cast<unsigned char>(sql[at - 2])) != 'I' || std::toupper(static_cast<unsigned char>(sql[at - 1])) != 'N')
    return false;
  if (at == 2) return true;
  const unsigned char before = static_cast<unsigned char>(sql[at - 3]);
  return !std::isalnum(before) && before != '_';
}

std::string literal(const std::string& name, const std::string& type, const std::string& value, bool as_tuple) {
  if (type.starts_with("Array(") && type.back() == ')') {
    const std::string element_type = type.substr(6, type.size() - 7);
    auto elements = arrayElements(name, type, value);
    if (as_tuple && elements.empty()) return "(SELECT 1 WHERE 0)";  // IN of nothing
    std::string out = as_tuple ? "(" : "[";
    for (size_t k = 0; k < elements.size(); ++k) out += (k ? ", " : "") + scalarLiteral(name, element_type, elements[k]);
    // A one-element tuple needs no trailing comma in IN: "x IN ('a')" is a one-element set.
    return out + (as_tuple ? ")" : "]");
  }
  return scalarLiteral(name, type, value);
}

}  // namespace

std::string inlineQueryParameters(std::string_view sql, const std::map<std::string, std::string>& parameters) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {  // a literal or quoted identifier: copied as is
      size_t j = i + 1;
      while (j < sql.size() && sql[j] != c) j += sql[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, sql.size());
      out.append(sql.substr(i, j - i));
      i = j;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t j = sql.find('\n', i);
      j = j == std::string_view::npos ? sql.size() : j;
      out.append(sql.substr(i, j - i));
      i = j;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t j = sql.find("*/", i + 2);
      j = j == std::string_view::npos ? sql.size() : j + 2;
      out.append(sql.substr(i, j - i));
      i = j;
    } else if (c == '{') {
      const size_t colon = sql.find(':', i);
      const size_t close = sql.find('}', i);
      bool placeholder = colon != std::string_view::npos && close != std::string_view::npos && colon < close && colon > i + 1;
      for (size_t k = i + 1; placeholder && k < colon; ++k)
        placeholder = std::isalnum(static_cast<unsigned char>(sql[k])) || sql[k] == '_';
      if (!placeholder) {
        out += c;
        ++i;
        continue;
      }
      const std::string name(sql.substr(i + 1, colon - i - 1));
      std::string type(sql.substr(colon + 1, close - colon - 1));
      while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
      while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front()))) type.erase(0, 1);
      auto it = parameters.find(name);
      if (it == parameters.end())
        throw api::Error(456, "UNKNOWN_QUERY_PARAMETER", "Substitution `" + name + "` is not set");
      out += literal(name, type, it->second, followsIn(sql, i));
      i = close + 1;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace tally::cli
