#include "types/data_type_factory.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/exception.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_enum.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace {

std::string toLower(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}

/// Recursive-descent parser of type expressions.
class TypeParser {
 public:
  explicit TypeParser(std::string_view text) : text_(text) {}

  TypeExpression parseAll() {
    TypeExpression e = parseElement(0);
    skipSpace();
    if (pos_ != text_.size()) fail("unexpected text after the type");
    return e;
  }

 private:
  [[noreturn]] void fail(const char* what) {
    throw Exception(ErrorCodes::SYNTAX_ERROR, "Syntax error: failed at position {} of type '{}': {}", pos_ + 1, text_, what);
  }
  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool peek(char c) {
    skipSpace();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
  bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

  std::string parseIdentifier() {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == '`') {
      size_t end = text_.find('`', pos_ + 1);
      if (end == std::string_view::npos) fail("unterminated quoted identifier");
      std::string s(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      return s;
    }
    size_t start = pos_;
    while (pos_ < text_.size() && isIdentChar(text_[pos_])) ++pos_;
    if (start == pos_) fail("expected a type name");
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string parseString() {
    // 'text' with backslash escapes and '' doubling
    std::string s;
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        char e = text_[pos_++];
        switch (e) {
          case 'n': s += '\n'; break;
          case 't': s += '\t'; break;
          case '0': s += '\0'; break;
          default: s += e;
        }
      } else if (c == '\'') {
        if (pos_ < text_.size() && text_[pos_] == '\'') {
          s += '\'';
          ++pos_;
        } else {
          return s;
        }
      } else {
        s += c;
      }
    }
    fail("unterminated string");
  }

  Field parseNumber() {
    size_t start = pos_;
    if (text_[pos_] == '-' || text_[pos_] == '+') ++pos_;
    while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
                                   text_[pos_] == 'e' || text_[pos_] == 'E'))
      ++pos_;
    std::string_view num = text_.substr(start, pos_ - start);
    const char* end = num.data() + num.size();
    auto check = [&](std::from_chars_result r) {
      if (r.ec != std::errc() || r.ptr != end) fail("cannot parse a number");
    };
    if (num.empty()) fail("expected a number");
    if (num.find_first_of(".eE") == std::string_view::npos) {
      if (num[0] == '-') {
        int64_t v = 0;
        check(std::from_chars(num.data(), end, v));
        return Field(v);
      }
      uint64_t v = 0;
      check(std::from_chars(num.data() + (num[0] == '+'), end, v));
      return Field(v);
    }
    double v = 0;
    check(std::from_chars(num.data() + (num[0] == '+'), end, v));
    return Field(v);
  }

  TypeExpression parseElement(int depth) {
    if (depth > 64) fail("type is nested too deeply");
    skipSpace();
    size_t start = pos_;
    if (pos_ >= text_.size()) fail("expected a type");
    TypeExpression e;
    char c = text_[pos_];
    if (c == '\'') {
      std::string s = parseString();
      skipSpace();
      if (peek('=')) {
        ++pos_;
        skipSpace();
        if (pos_ >= text_.size()) fail("expected a number");
        e.kind = TypeExpression::Kind::EnumValue;
        e.name = s;
        e.literal = parseNumber();
      } else {
        e.kind = TypeExpression::Kind::Literal;
        e.literal = Field(s);
      }
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') {
      e.kind = TypeExpression::Kind::Literal;
      e.literal = parseNumber();
    } else if (isIdentStart(c) || c == '`') {
      e.kind = TypeExpression::Kind::Name;
      e.name = parseIdentifier();
      // Multi-word SQL types: DOUBLE PRECISION, ... UNSIGNED.
      skipSpace();
      if (peek('(')) {
        ++pos_;
        e.has_parentheses = true;
        skipSpace();
        if (!peek(')')) {
          while (true) {
            e.args.push_back(parseElement(depth + 1));
            skipSpace();
            if (peek(')')) break;
            if (!peek(',')) fail("expected ',' or ')'");
            ++pos_;
          }
        }
        ++pos_;
      } else {
        // `name Type` inside Tuple(...): an identifier followed by another type.
        size_t save = pos_;
        if (pos_ < text_.size() && (isIdentStart(text_[pos_]) || text_[pos_] == '`')) {
          std::string next_word = toLower(text_.substr(pos_, std::min<size_t>(9, text_.size() - pos_)));
          if (toLower(e.name) == "double" && next_word.rfind("precision", 0) == 0) {
            pos_ += 9;
          } else if (next_word.rfind("unsigned", 0) == 0 &&
                     (pos_ + 8 == text_.size() || !isIdentChar(text_[pos_ + 8]))) {
            pos_ += 8;
            e.name += " UNSIGNED";
          } else if (next_word.rfind("signed", 0) == 0 && (pos_ + 6 == text_.size() || !isIdentChar(text_[pos_ + 6]))) {
            pos_ += 6;
          } else {
            TypeExpression element;
            element.kind = TypeExpression::Kind::NamedElement;
            element.name = e.name;
            element.args.push_back(parseElement(depth + 1));
            element.text = std::string(text_.substr(start, pos_ - start));
            return element;
          }
        } else {
          pos_ = save;
        }
      }
    } else {
      fail("expected a type");
    }
    e.text = std::string(text_.substr(start, pos_ - start));
    return e;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

[[noreturn]] void wrongArguments(const TypeExpression& e, const char* what) {
  throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "{} data type family {}", e.name, what);
}

void expectNoArgs(const TypeExpression& e) {
  if (!e.args.empty()) throw Exception(ErrorCodes::DATA_TYPE_CANNOT_HAVE_ARGUMENTS, "Data type {} cannot have arguments", e.name);
}

const TypeExpression& singleTypeArgument(const TypeExpression& e) {
  if (e.args.size() != 1) wrongArguments(e, "must have exactly one argument - the nested type");
  return e.args[0];
}

template <typename T>
DataTypePtr makeEnum(const TypeExpression& e) {
  typename DataTypeEnum<T>::Values values;
  if (e.args.empty()) throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Enum data type cannot be empty");
  int64_t next = 1;
  for (const auto& a : e.args) {
    if (a.kind == TypeExpression::Kind::EnumValue) {
      int64_t v = a.literal.as<int64_t>();
      if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max())
        throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Value {} for element '{}' exceeds range of {}", v, a.name,
                        sizeof(T) == 1 ? "Enum8" : "Enum16");
      values.emplace_back(a.name, T(v));
      next = v + 1;
    } else if (a.kind == TypeExpression::Kind::Literal && a.literal.is<std::string>()) {
      values.emplace_back(a.literal.get<std::string>(), T(next++));
    } else {
      throw Exception(ErrorCodes::UNEXPECTED_AST_STRUCTURE, "Elements of Enum data type must be of form: 'name' = number");
    }
  }
  return std::make_shared<DataTypeEnum<T>>(std::move(values));
}

std::string timeZoneArgument(const TypeExpression& e, size_t index) {
  if (e.args.size() <= index) return {};
  const auto& a = e.args[index];
  if (a.kind != TypeExpression::Kind::Literal || !a.literal.is<std::string>())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Time zone argument of {} must be a string literal", e.name);
  return a.literal.get<std::string>();
}

}  // namespace

DataTypeFactory& DataTypeFactory::instance() {
  static DataTypeFactory factory;
  return factory;
}

DataTypeFactory::DataTypeFactory() {
  auto simple = [this](const std::string& name, DataTypePtr type, bool ci = false) {
    registerFamily(
        name,
        [type](const TypeExpression& e) {
          expectNoArgs(e);
          return type;
        },
        ci);
  };
  simple("UInt8", typeUInt8());
  simple("UInt16", typeUInt16());
  simple("UInt32", typeUInt32());
  simple("UInt64", typeUInt64());
  simple("Int8", typeInt8());
  simple("Int16", typeInt16());
  simple("Int32", typeInt32());
  simple("Int64", typeInt64());
  simple("Float32", typeFloat32());
  simple("Float64", typeFloat64());
  simple("Bool", typeBool(), true);
  simple("UUID", typeUUID());
  simple("Nothing", typeNothing());
  simple("Date", typeDate(), true);
  simple("Date32", typeDate32(), true);
  registerFamily(
      "String",
      [](const TypeExpression&) { return typeString(); },  // VARCHAR(255) and friends ignore the length
      true);
  registerFamily(
      "FixedString",
      [](const TypeExpression& e) {
        if (e.args.size() != 1 || e.args[0].kind != TypeExpression::Kind::Literal || !e.args[0].literal.is<uint64_t>())
          throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                          "FixedString data type family must have exactly one argument - size in bytes");
        uint64_t n = e.args[0].literal.get<uint64_t>();
        if (n == 0 || n > (1 << 30)) throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "FixedString size is too large or zero");
        return std::make_shared<DataTypeFixedString>(n);
      },
      true);
  registerFamily(
      "DateTime",
      [](const TypeExpression& e) -> DataTypePtr {
        if (e.args.size() > 1) wrongArguments(e, "must have at most one argument - time zone name");
        std::string tz = timeZoneArgument(e, 0);
        if (tz.empty()) return typeDateTime();
        return std::make_shared<DataTypeDateTime>(tz);
      },
      true);
  registerFamily(
      "DateTime64",
      [](const TypeExpression& e) -> DataTypePtr {
        if (e.args.empty() || e.args.size() > 2) wrongArguments(e, "must have one or two arguments - precision and time zone");
        if (e.args[0].kind != TypeExpression::Kind::Literal || !e.args[0].literal.is<uint64_t>())
          throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "DateTime64 precision must be an unsigned integer");
        uint64_t p = e.args[0].literal.get<uint64_t>();
        if (p > 9) throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Scale {} is out of bounds (max scale: 9)", p);
        std::string tz = timeZoneArgument(e, 1);
        if (tz.empty()) return std::make_shared<DataTypeDateTime64>(uint32_t(p));
        return std::make_shared<DataTypeDateTime64>(uint32_t(p), tz);
      },
      true);
  registerFamily("Enum8", makeEnum<Int8>);
  registerFamily("Enum16", makeEnum<Int16>);
  registerFamily("Enum", [](const TypeExpression& e) -> DataTypePtr {
    for (const auto& a : e.args)
      if (a.kind == TypeExpression::Kind::EnumValue) {
        int64_t v = a.literal.as<int64_t>();
        if (v < -128 || v > 127) return makeEnum<Int16>(e);
      }
    if (e.args.size() > 127) return makeEnum<Int16>(e);
    return makeEnum<Int8>(e);
  });
  registerFamily("Nullable", [this](const TypeExpression& e) -> DataTypePtr {
    return std::make_shared<DataTypeNullable>(get(singleTypeArgument(e)));
  });
  registerFamily("LowCardinality", [this](const TypeExpression& e) -> DataTypePtr {
    return std::make_shared<DataTypeLowCardinality>(get(singleTypeArgument(e)));
  });
  registerFamily("Array", [this](const TypeExpression& e) -> DataTypePtr {
    return std::make_shared<DataTypeArray>(get(singleTypeArgument(e)));
  });
  registerFamily("Tuple", [this](const TypeExpression& e) -> DataTypePtr {
    if (e.args.empty()) throw Exception(ErrorCodes::EMPTY_DATA_PASSED, "Tuple cannot be empty");
    DataTypes elements;
    std::vector<std::string> names;
    for (const auto& a : e.args) {
      if (a.kind == TypeExpression::Kind::NamedElement) {
        names.push_back(a.name);
        elements.push_back(get(a.args[0]));
      } else {
        elements.push_back(get(a));
      }
    }
    if (!names.empty() && names.size() != elements.size())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Names are specified not for all elements of Tuple type");
    return std::make_shared<DataTypeTuple>(std::move(elements), std::move(names));
  });
  for (IntervalKind kind : {IntervalKind::Nanosecond, IntervalKind::Microsecond, IntervalKind::Millisecond,
                            IntervalKind::Second, IntervalKind::Minute, IntervalKind::Hour, IntervalKind::Day,
                            IntervalKind::Week, IntervalKind::Month, IntervalKind::Quarter, IntervalKind::Year}) {
    auto type = std::make_shared<DataTypeInterval>(kind);
    simple("Interval" + intervalKindName(kind), type);
  }

  for (const char* a : {"TINYINT", "INT1", "BYTE", "TINYINT SIGNED", "INT1 SIGNED"}) registerAlias(a, "Int8");
  for (const char* a : {"SMALLINT", "INT2", "SMALLINT SIGNED"}) registerAlias(a, "Int16");
  for (const char* a : {"INT", "INTEGER", "INT4", "MEDIUMINT", "INT SIGNED", "INTEGER SIGNED", "MEDIUMINT SIGNED"})
    registerAlias(a, "Int32");
  for (const char* a : {"BIGINT", "INT8", "SIGNED", "BIGINT SIGNED", "TIME"}) registerAlias(a, "Int64");
  for (const char* a : {"TINYINT UNSIGNED", "INT1 UNSIGNED"}) registerAlias(a, "UInt8");
  for (const char* a : {"SMALLINT UNSIGNED", "YEAR"}) registerAlias(a, "UInt16");
  for (const char* a : {"INT UNSIGNED", "INTEGER UNSIGNED", "MEDIUMINT UNSIGNED"}) registerAlias(a, "UInt32");
  for (const char* a : {"BIGINT UNSIGNED", "UNSIGNED", "BIT"}) registerAlias(a, "UInt64");
  for (const char* a : {"FLOAT", "REAL", "SINGLE"}) registerAlias(a, "Float32");
  for (const char* a : {"DOUBLE", "DOUBLE PRECISION"}) registerAlias(a, "Float64");
  for (const char* a : {"BOOLEAN", "BOOL"}) registerAlias(a, "Bool");
  for (const char* a : {"TEXT", "VARCHAR", "CHAR", "CHARACTER", "NCHAR", "NVARCHAR", "VARCHAR2", "BLOB", "CLOB",
                        "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "LONGBLOB", "MEDIUMBLOB", "TINYBLOB", "BYTEA",
                        "CHAR VARYING", "CHARACTER VARYING", "NATIONAL CHAR", "BINARY", "VARBINARY"})
    registerAlias(a, "String");
  registerAlias("TIMESTAMP", "DateTime");
}

void DataTypeFactory::registerFamily(const std::string& name, Creator creator, bool case_insensitive) {
  families_[name] = std::move(creator);
  if (case_insensitive) lower_families_[toLower(name)] = name;
}

void DataTypeFactory::registerAlias(const std::string& alias, const std::string& target, bool case_insensitive) {
  aliases_[alias] = target;
  if (case_insensitive) lower_aliases_[toLower(alias)] = target;
}

const DataTypeFactory::Creator* DataTypeFactory::find(const std::string& name, std::string* canonical) const {
  auto it = families_.find(name);
  if (it != families_.end()) {
    *canonical = name;
    return &it->second;
  }
  std::string lower = toLower(name);
  if (auto l = lower_families_.find(lower); l != lower_families_.end()) {
    *canonical = l->second;
    return &families_.at(l->second);
  }
  std::string target;
  if (auto a = aliases_.find(name); a != aliases_.end())
    target = a->second;
  else if (auto la = lower_aliases_.find(lower); la != lower_aliases_.end())
    target = la->second;
  if (!target.empty()) {
    *canonical = target;
    return &families_.at(target);
  }
  return nullptr;
}

TypeExpression DataTypeFactory::parse(std::string_view text) { return TypeParser(text).parseAll(); }

DataTypePtr DataTypeFactory::get(const TypeExpression& expression) const {
  if (expression.kind != TypeExpression::Kind::Name)
    throw Exception(ErrorCodes::UNEXPECTED_AST_STRUCTURE, "Expected a data type, got '{}'", expression.text);
  std::string canonical;
  const Creator* creator = find(expression.name, &canonical);
  if (!creator) throw Exception(ErrorCodes::UNKNOWN_TYPE, "Unknown data type family: {}", expression.name);
  TypeExpression copy = expression;
  copy.name = canonical;
  return (*creator)(copy);
}

DataTypePtr DataTypeFactory::get(std::string_view text) const {
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(std::string(text));
    if (it != cache_.end()) return it->second;
  }
  DataTypePtr type = get(parse(text));
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() < 10000) cache_.emplace(std::string(text), type);
  return type;
}

std::vector<std::pair<std::string, bool>> DataTypeFactory::families() const {
  std::vector<std::pair<std::string, bool>> res;
  for (const auto& [name, creator] : families_) res.emplace_back(name, lower_families_.count(toLower(name)) > 0);
  return res;
}

std::vector<std::pair<std::string, std::string>> DataTypeFactory::aliases() const {
  return {aliases_.begin(), aliases_.end()};
}

DataTypePtr dataTypeFromString(std::string_view text) { return DataTypeFactory::instance().get(text); }

}  // namespace tally
