#include "formats/schema_inference.h"

#include <algorithm>
#include <charconv>

#include "common/exception.h"
#include "common/time_zone.h"
#include "io/read_helpers.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

using Kind = InferredType::Kind;

bool InferredType::known() const {
  switch (kind) {
    case Kind::Unknown: return false;
    case Kind::Array: return children[0].known();
    case Kind::Tuple:
      for (const auto& c : children)
        if (!c.known()) return false;
      return true;
    case Kind::NamedTuple:
      if (children.empty()) return false;
      for (const auto& c : children)
        if (!c.known()) return false;
      return true;
    default: return true;
  }
}

namespace schema_inference {

bool isNumeric(Kind k) { return k == Kind::Bool || k == Kind::Int64 || k == Kind::UInt64 || k == Kind::Float64; }
bool isDateLike(Kind k) { return k == Kind::Date || k == Kind::DateTime || k == Kind::DateTime64; }

int numericRank(Kind k) {
  switch (k) {
    case Kind::Bool: return 0;
    case Kind::Int64: return 1;
    case Kind::UInt64: return 2;
    default: return 3;
  }
}

int dateRank(Kind k) { return k == Kind::Date ? 0 : (k == Kind::DateTime ? 1 : 2); }

InferredType make(Kind kind) {
  InferredType t;
  t.kind = kind;
  return t;
}

InferredType makeString() { return make(Kind::String); }

/// Number token: [+-]digits[.digits][(e|E)[+-]digits]; whole text.
bool inferNumber(std::string_view s, bool allow_exponent, InferredType& out) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  size_t int_digits = i - int_start;
  bool is_float = false;
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    is_float = true;
    ++i;
    size_t f = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    frac_digits = i - f;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    if (!allow_exponent) return false;
    is_float = true;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t e = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == e) return false;
  }
  if (i != s.size()) return false;
  if (is_float) {
    out = make(Kind::Float64);
    return true;
  }
  std::string_view digits = s.substr(int_start, int_digits);
  uint64_t value = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (r.ec != std::errc()) {
    out = make(Kind::Float64);  // beyond UInt64
  } else if (negative) {
    out = make(value <= uint64_t(INT64_MAX) + 1 ? Kind::Int64 : Kind::Float64);
  } else {
    out = make(value <= uint64_t(INT64_MAX) ? Kind::Int64 : Kind::UInt64);
  }
  return true;
}

bool looksLikeNumber(std::string_view s) {
  ReadBufferFromMemory buf(s);
  double d;
  return tryReadFloatText(d, buf) && buf.eof();
}

/// Reads a quoted literal string ('..' with \ escapes and '' doubling); false if malformed.
bool readQuoted(std::string_view& s, std::string& out) {
  ReadBufferFromMemory buf(s);
  try {
    readQuotedStringInto(out, buf);
  } catch (const Exception&) {
    return false;
  }
  s.remove_prefix(buf.offset());
  return true;
}

void skipSpaces(std::string_view& s) {
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) s.remove_prefix(1);
}

bool startsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  return s.size() == word.size() || !std::isalnum(static_cast<unsigned char>(s[word.size()]));
}

bool parseLiteral(std::string_view& s, const FormatSettings& settings, InferredType& out, int depth) {
  if (depth > 64) return false;
  skipSpaces(s);
  if (s.empty()) return false;
  char c = s[0];
  if (c == '[' || c == '(') {
    char close = c == '[' ? ']' : ')';
    s.remove_prefix(1);
    std::vector<InferredType> elements;
    skipSpaces(s);
    if (!s.empty() && s[0] == close) {
      s.remove_prefix(1);
    } else {
      while (true) {
        InferredType e;
        if (!parseLiteral(s, settings, e, depth + 1)) return false;
        elements.push_back(std::move(e));
        skipSpaces(s);
        if (s.empty()) return false;
        if (s[0] == close) {
          s.remove_prefix(1);
          break;
        }
        if (s[0] != ',') return false;
        s.remove_prefix(1);
      }
    }
    if (close == ']') {
      out = make(Kind::Array);
      out.children.push_back(InferredType{});
      for (const auto& e : elements) mergeInferredTypes(out.children[0], e);
    } else {
      if (elements.empty()) return false;
      out = make(Kind::Tuple);
      out.children = std::move(elements);
    }
    return true;
  }
  if (c == '\'') {
    std::string content;
    if (!readQuoted(s, content)) return false;
    out = inferStringContent(content, settings);
    return true;
  }
  if (startsWithWord(s, "null")) {
    s.remove_prefix(4);
    out = make(Kind::Unknown);
    return true;
  }
  if (startsWithWord(s, "true") || startsWithWord(s, "false")) {
    s.remove_prefix(s[0] == 't' || s[0] == 'T' ? 4 : 5);
    out = make(Kind::Bool);
    return true;
  }
  size_t n = 0;
  while (n < s.size() && (std::isalnum(static_cast<unsigned char>(s[n])) || s[n] == '.' || s[n] == '+' || s[n] == '-'))
    ++n;
  if (n == 0 || !inferNumber(s.substr(0, n), true, out)) return false;
  s.remove_prefix(n);
  return true;
}

/// JSON string content (escapes decoded) starting at the opening quote.
bool readJSONStringView(std::string_view& s, std::string& out) {
  ReadBufferFromMemory buf(s);
  try {
    readJSONStringInto(out, buf);
  } catch (const Exception&) {
    return false;
  }
  s.remove_prefix(buf.offset());
  return true;
}

bool parseJSON(std::string_view& s, const FormatSettings& settings, InferredType& out, int depth) {
  if (depth > 128) return false;
  skipSpaces(s);
  if (s.empty()) return false;
  char c = s[0];
  if (c == '{') {
    s.remove_prefix(1);
    out = make(Kind::NamedTuple);
    skipSpaces(s);
    if (!s.empty() && s[0] == '}') {
      s.remove_prefix(1);
      return true;
    }
    while (true) {
      skipSpaces(s);
      std::string key;
      if (s.empty() || s[0] != '"' || !readJSONStringView(s, key)) return false;
      skipSpaces(s);
      if (s.empty() || s[0] != ':') return false;
      s.remove_prefix(1);
      InferredType value;
      if (!parseJSON(s, settings, value, depth + 1)) return false;
      InferredType single = make(Kind::NamedTuple);
      single.names.push_back(std::move(key));
      single.children.push_back(std::move(value));
      mergeInferredTypes(out, single);
      skipSpaces(s);
      if (s.empty()) return false;
      if (s[0] == '}') {
        s.remove_prefix(1);
        return true;
      }
      if (s[0] != ',') return false;
      s.remove_prefix(1);
    }
  }
  if (c == '[') {
    s.remove_prefix(1);
    out = make(Kind::Array);
    out.children.push_back(InferredType{});
    skipSpaces(s);
    if (!s.empty() && s[0] == ']') {
      s.remove_prefix(1);
      return true;
    }
    while (true) {
      InferredType e;
      if (!parseJSON(s, settings, e, depth + 1)) return false;
      mergeInferredTypes(out.children[0], e);
      skipSpaces(s);
      if (s.empty()) return false;
      if (s[0] == ']') {
        s.remove_prefix(1);
        return true;
      }
      if (s[0] != ',') return false;
      s.remove_prefix(1);
    }
  }
  if (c == '"') {
    std::string content;
    if (!readJSONStringView(s, content)) return false;
    out = inferStringContent(content, settings);
    return true;
  }
  if (s.substr(0, 4) == "null") {
    s.remove_prefix(4);
    out = make(Kind::Unknown);
    return true;
  }
  if (s.substr(0, 4) == "true" || s.substr(0, 5) == "false") {
    s.remove_prefix(s[0] == 't' ? 4 : 5);
    out = make(Kind::Bool);
    return true;
  }
  size_t n = 0;
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.' || s[n] == '-' || s[n] == '+' || s[n] == 'e' ||
                          s[n] == 'E'))
    ++n;
  if (n == 0 || !inferNumber(s.substr(0, n), true, out)) return false;
  s.remove_prefix(n);
  return true;
}

}  // namespace schema_inference

void mergeInferredTypes(InferredType& a, const InferredType& b) {
  using namespace schema_inference;
  if (b.kind == Kind::Unknown) return;
  if (a.kind == Kind::Unknown) {
    a = b;
    return;
  }
  if (a.kind == b.kind) {
    switch (a.kind) {
      case Kind::Array: mergeInferredTypes(a.children[0], b.children[0]); return;
      case Kind::Tuple:
        if (a.children.size() != b.children.size()) {
          a = makeString();
          return;
        }
        for (size_t i = 0; i < a.children.size(); ++i) mergeInferredTypes(a.children[i], b.children[i]);
        return;
      case Kind::NamedTuple:
        for (size_t j = 0; j < b.names.size(); ++j) {
          auto it = std::lower_bound(a.names.begin(), a.names.end(), b.names[j]);
          size_t pos = size_t(it - a.names.begin());
          if (it != a.names.end() && *it == b.names[j]) {
            mergeInferredTypes(a.children[pos], b.children[j]);
          } else {
            a.names.insert(it, b.names[j]);
            a.children.insert(a.children.begin() + ptrdiff_t(pos), b.children[j]);
          }
        }
        return;
      default: return;
    }
  }
  if (isNumeric(a.kind) && isNumeric(b.kind)) {
    if (numericRank(b.kind) > numericRank(a.kind)) a.kind = b.kind;
    return;
  }
  if (isDateLike(a.kind) && isDateLike(b.kind)) {
    if (dateRank(b.kind) > dateRank(a.kind)) a.kind = b.kind;
    return;
  }
  a = makeString();
}

InferredType inferStringContent(std::string_view text, const FormatSettings& settings) {
  using namespace schema_inference;
  if (text.empty() || looksLikeNumber(text)) return makeString();
  if (settings.inference.try_infer_dates) {
    ReadBufferFromMemory buf(text);
    int64_t day;
    if (tryReadDateText(day, buf) && buf.eof()) return make(Kind::Date);
  }
  if (settings.inference.try_infer_datetimes && text.size() >= 19) {
    ReadBufferFromMemory buf(text);
    int64_t t, fraction = 0;
    // A date-time needs the time part (a date alone was handled above).
    if (text[10] == ' ' || text[10] == 'T') {
      if (tryReadDateTimeText(t, buf, TimeZone::utc(), &fraction, 9) && buf.eof())
        return make(text.find('.', 10) != std::string_view::npos ? Kind::DateTime64 : Kind::DateTime);
    }
  }
  return makeString();
}

InferredType inferTextScalar(std::string_view text, const FormatSettings& settings, bool allow_exponent) {
  using namespace schema_inference;
  InferredType number;
  if (inferNumber(text, allow_exponent, number)) return number;
  if (text == settings.bool_true_representation || text == settings.bool_false_representation || text == "true" ||
      text == "false")
    return make(Kind::Bool);
  return inferStringContent(text, settings);
}

bool inferLiteral(std::string_view text, const FormatSettings& settings, InferredType& out) {
  std::string_view s = text;
  if (!schema_inference::parseLiteral(s, settings, out, 0)) return false;
  schema_inference::skipSpaces(s);
  return s.empty();
}

InferredType inferJSONValue(std::string_view json, const FormatSettings& settings) {
  std::string_view s = json;
  InferredType out;
  if (!schema_inference::parseJSON(s, settings, out, 0)) return schema_inference::makeString();
  return out;
}

bool inferJSONObjectFields(std::string_view json, const FormatSettings& settings,
                           std::vector<std::pair<std::string, InferredType>>& fields) {
  using namespace schema_inference;
  std::string_view s = json;
  skipSpaces(s);
  if (s.empty() || s[0] != '{') return false;
  s.remove_prefix(1);
  skipSpaces(s);
  if (!s.empty() && s[0] == '}') return true;
  while (true) {
    skipSpaces(s);
    std::string key;
    if (s.empty() || s[0] != '"' || !readJSONStringView(s, key)) return false;
    skipSpaces(s);
    if (s.empty() || s[0] != ':') return false;
    s.remove_prefix(1);
    InferredType value;
    if (!parseJSON(s, settings, value, 1)) return false;
    fields.emplace_back(std::move(key), std::move(value));
    skipSpaces(s);
    if (s.empty()) return false;
    if (s[0] == '}') return true;
    if (s[0] != ',') return false;
    s.remove_prefix(1);
  }
}

bool inferJSONArrayElements(std::string_view json, const FormatSettings& settings, std::vector<InferredType>& elements) {
  using namespace schema_inference;
  std::string_view s = json;
  skipSpaces(s);
  if (s.empty() || s[0] != '[') return false;
  s.remove_prefix(1);
  skipSpaces(s);
  if (!s.empty() && s[0] == ']') return true;
  while (true) {
    InferredType value;
    if (!parseJSON(s, settings, value, 1)) return false;
    elements.push_back(std::move(value));
    skipSpaces(s);
    if (s.empty()) return false;
    if (s[0] == ']') return true;
    if (s[0] != ',') return false;
    s.remove_prefix(1);
  }
}

namespace schema_inference {

DataTypePtr toDataType(const InferredType& type, bool unknown_as_string, bool& unresolved) {
  switch (type.kind) {
    case Kind::Unknown:
      if (!unknown_as_string) unresolved = true;
      return makeNullable(typeString());
    case Kind::Bool: return makeNullable(typeBool());
    case Kind::Int64: return makeNullable(typeInt64());
    case Kind::UInt64: return makeNullable(typeUInt64());
    case Kind::Float64: return makeNullable(typeFloat64());
    case Kind::Date: return makeNullable(typeDate());
    case Kind::DateTime: return makeNullable(typeDateTime());
    case Kind::DateTime64: return makeNullable(std::make_shared<DataTypeDateTime64>(9));
    case Kind::String: return makeNullable(typeString());
    case Kind::Array: return std::make_shared<DataTypeArray>(toDataType(type.children[0], unknown_as_string, unresolved));
    case Kind::Tuple: {
      DataTypes elements;
      for (const auto& c : type.children) elements.push_back(toDataType(c, unknown_as_string, unresolved));
      return std::make_shared<DataTypeTuple>(std::move(elements));
    }
    case Kind::NamedTuple: {
      if (type.children.empty()) {
        if (!unknown_as_string) unresolved = true;
        return makeNullable(typeString());
      }
      DataTypes elements;
      for (const auto& c : type.children) elements.push_back(toDataType(c, unknown_as_string, unresolved));
      return std::make_shared<DataTypeTuple>(std::move(elements), type.names);
    }
  }
  return makeNullable(typeString());
}

}  // namespace schema_inference

DataTypePtr inferredToDataType(const InferredType& type, bool unknown_as_string, const std::string& column,
                               size_t rows) {
  bool unresolved = false;
  DataTypePtr result = schema_inference::toDataType(type, unknown_as_string, unresolved);
  if (unresolved)
    throw Exception(ErrorCodes::ONLY_NULLS_WHILE_READING_SCHEMA,
                    "Cannot determine type for column '{}' by first {} rows of data, most likely this column contains "
                    "only Nulls or empty Arrays/Maps.",
                    column, rows);
  return result;
}

}  // namespace tally
