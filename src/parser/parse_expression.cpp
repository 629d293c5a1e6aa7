// Expressions: operators by precedence climbing, primaries, function-call special forms
// (CAST, EXTRACT, SUBSTRING, TRIM, POSITION, DATE_ADD, DATE_DIFF, EXISTS, COLUMNS), CASE,
// INTERVAL, literals, identifiers, query parameters; also names, types and setting values.

#include <charconv>
#include <cmath>
#include <limits>

#include "parser/format_helpers.h"
#include "parser/parser_impl.h"

namespace tally {

namespace {

/// Words that cannot be an alias written without AS (they start the next clause).
constexpr std::string_view kNoImplicitAlias[] = {
    "ALL",    "AND",     "ANTI",    "ANY",    "ARRAY",  "AS",       "ASC",      "ASCENDING", "ASOF",   "BETWEEN",
    "BY",     "CROSS",   "DESC",    "DESCENDING", "DIV", "ELSE",    "END",      "EXCEPT",    "FETCH",  "FILTER",
    "FINAL",  "FOR",     "FORMAT",  "FROM",   "FULL",   "GLOBAL",   "GROUP",    "HAVING",    "ILIKE",  "IN",
    "INNER",  "INTERSECT", "INTO",  "IS",     "JOIN",   "LEFT",     "LIKE",     "LIMIT",     "MOD",    "NOT",
    "NULLS",  "OFFSET",  "ON",      "OR",     "ORDER",  "OUTER",    "OVER",     "PASTE",     "PREWHERE", "QUALIFY",
    "REGEXP", "RIGHT",   "SAMPLE",  "SEMI",   "SETTINGS", "THEN",   "UNION",    "USING",     "WHEN",   "WHERE",
    "WINDOW", "WITH",    "COLLATE", "PARTITION", "ROWS", "RANGE",   "GROUPS",   "PRECEDING", "FOLLOWING", "TO",
    "POPULATE", "ENGINE", "ASYNC",  "SYNC",   "TEST",   "DELETE",   "UPDATE",   "TTL",       "PRIMARY", "PERMANENTLY",
};

/// Words that never start an expression operand (clause keywords).
constexpr std::string_view kNotAnOperand[] = {"FROM", "WHERE", "PREWHERE", "HAVING", "SELECT", "UNION", "INTERSECT"};

struct IntervalKind {
  std::string_view word;
  std::string_view kind;
};

constexpr IntervalKind kIntervalKinds[] = {
    {"NANOSECOND", "Nanosecond"}, {"NANOSECONDS", "Nanosecond"}, {"SQL_TSI_NANOSECOND", "Nanosecond"},
    {"NS", "Nanosecond"},
    {"MICROSECOND", "Microsecond"}, {"MICROSECONDS", "Microsecond"}, {"SQL_TSI_MICROSECOND", "Microsecond"},
    {"MCS", "Microsecond"}, {"MILLISECOND", "Millisecond"}, {"MILLISECONDS", "Millisecond"},
    {"SQL_TSI_MILLISECOND", "Millisecond"}, {"MS", "Millisecond"}, {"SECOND", "Second"}, {"SECONDS", "Second"},
    {"SQL_TSI_SECOND", "Second"}, {"SS", "Second"}, {"S", "Second"}, {"MINUTE", "Minute"}, {"MINUTES", "Minute"},
    {"SQL_TSI_MINUTE", "Minute"}, {"MI", "Minute"}, {"N", "Minute"}, {"HOUR", "Hour"}, {"HOURS", "Hour"},
    {"SQL_TSI_HOUR", "Hour"}, {"HH", "Hour"}, {"H", "Hour"}, {"DAY", "Day"}, {"DAYS", "Day"}, {"SQL_TSI_DAY", "Day"},
    {"DD", "Day"}, {"D", "Day"}, {"WEEK", "Week"}, {"WEEKS", "Week"}, {"SQL_TSI_WEEK", "Week"}, {"WK", "Week"},
    {"WW", "Week"}, {"MONTH", "Month"}, {"MONTHS", "Month"}, {"SQL_TSI_MONTH", "Month"}, {"MM", "Month"},
    {"M", "Month"}, {"QUARTER", "Quarter"}, {"QUARTERS", "Quarter"}, {"SQL_TSI_QUARTER", "Quarter"}, {"QQ", "Quarter"},
    {"Q", "Quarter"}, {"YEAR", "Year"}, {"YEARS", "Year"}, {"SQL_TSI_YEAR", "Year"}, {"YYYY", "Year"}, {"YY", "Year"},
};

bool inWordList(std::string_view word, const std::string_view* begin, const std::string_view* end) {
  for (auto it = begin; it != end; ++it)
    if (equalsIgnoreCase(word, *it)) return true;
  return false;
}

std::shared_ptr<ASTFunction> makeFunction(std::string name, ASTs args, bool is_operator = false) {
  auto f = std::make_shared<ASTFunction>(std::move(name), std::move(args));
  f->is_operator = is_operator;
  return f;
}

std::shared_ptr<ASTLiteral> makeLiteral(Field value) { return std::make_shared<ASTLiteral>(std::move(value)); }

bool isPlainLiteral(const ASTPtr& node) { return node->kind == ASTKind::Literal && node->alias.empty(); }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char unescapeChar(char c) {
  switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'e': return '\x1B';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '0': return '\0';
    default: return c;
  }
}

}  // namespace

std::string_view intervalKindFromWord(std::string_view word) {
  for (const auto& k : kIntervalKinds)
    if (equalsIgnoreCase(word, k.word)) return k.kind;
  return {};
}

std::string unquoteToken(std::string_view token) {
  std::string out;
  if (token.size() < 2) return out;
  const char quote = token[0];
  std::string_view body = token.substr(1, token.size() - 2);
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char n = body[++i];
      if ((n == 'x' || n == 'X') && i + 2 < body.size() + 0 && hexValue(body[i + 1]) >= 0 &&
          hexValue(body[i + 2]) >= 0) {
        out += char(hexValue(body[i + 1]) * 16 + hexValue(body[i + 2]));
        i += 2;
        continue;
      }
      char decoded = unescapeChar(n);
      // Like ClickHouse: keep the backslash of unknown escapes ('\d' stays \d for regexps).
      bool control = static_cast<unsigned char>(decoded) < 0x20 || decoded == 0x7F;
      if (decoded != '\\' && decoded != '\'' && decoded != '"' && decoded != '`' && decoded != '/' && decoded != '=' &&
          !control)
        out += '\\';
      out += decoded;
      continue;
    }
    if (c == quote && i + 1 < body.size() && body[i + 1] == quote) ++i;  // doubled quote
    out += c;
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Names, literals, types

bool SqlParser::isIdentifierToken(size_t k) {
  TokenType t = peekType(k);
  return t == TokenType::BareWord || t == TokenType::QuotedIdentifier;
}

std::string SqlParser::parseIdentifierName(const char* what) {
  Token t = peek();
  if (t.type == TokenType::BareWord) {
    advance();
    return std::string(tokenText(t));
  }
  if (t.type == TokenType::QuotedIdentifier) {
    advance();
    return unquoteToken(tokenText(t));
  }
  expected(what);
  fail();
}

void SqlParser::parseQualifiedName(std::string& database, std::string& name) {
  name = parseIdentifierName();
  if (peekType() == TokenType::Dot && isIdentifierToken(1)) {
    advance();
    database = std::move(name);
    name = parseIdentifierName();
  }
}

bool SqlParser::isStringToken(size_t k) {
  TokenType t = peekType(k);
  return t == TokenType::StringLiteral || t == TokenType::HereDoc;
}

std::string SqlParser::parseStringLiteral() {
  Token t = peek();
  if (t.type == TokenType::StringLiteral) {
    advance();
    return unquoteToken(tokenText(t));
  }
  if (t.type == TokenType::HereDoc) {
    advance();
    std::string_view s = tokenText(t);
    size_t tag = s.find('$', 1) + 1;
    return std::string(s.substr(tag, s.size() - 2 * tag));
  }
  expected("string literal");
  fail();
}

Field SqlParser::parseNumberField(const Token& t, bool negative) {
  std::string_view s = tokenText(t);
  auto wrong = [&]() -> Field {
    expected("number");
    fail();
  };
  bool is_float = false;
  uint64_t value = 0;
  double dvalue = 0;
  bool overflow = false;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    std::string_view digits = s.substr(2);
    if (digits.find_first_of(".pP") != std::string_view::npos) {
      auto r = std::from_chars(digits.data(), digits.data() + digits.size(), dvalue, std::chars_format::hex);
      if (r.ec == std::errc::invalid_argument || r.ptr != digits.data() + digits.size()) return wrong();
      is_float = true;
    } else {
      for (char c : digits) {
        if (value > (std::numeric_limits<uint64_t>::max() >> 4)) overflow = true;
        value = value * 16 + uint64_t(hexValue(c));
      }
      if (overflow) {
        is_float = true;
        dvalue = 0;
        for (char c : digits) dvalue = dvalue * 16 + hexValue(c);
      }
    }
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    std::string_view digits = s.substr(2);
    for (char c : digits) {
      if (c != '0' && c != '1') return wrong();
      if (value > (std::numeric_limits<uint64_t>::max() >> 1)) overflow = true;
      value = value * 2 + uint64_t(c - '0');
    }
    if (overflow) {
      is_float = true;
      dvalue = 0;
      for (char c : digits) dvalue = dvalue * 2 + (c - '0');
    }
  } else {
    bool all_digits = !s.empty();
    for (char c : s)
      if (c < '0' || c > '9') all_digits = false;
    if (all_digits) {
      auto r = std::from_chars(s.data(), s.data() + s.size(), value);
      if (r.ec == std::errc::result_out_of_range) overflow = true;
    }
    if (!all_digits || overflow) {
      auto r = std::from_chars(s.data(), s.data() + s.size(), dvalue, std::chars_format::general);
      if (r.ec == std::errc::invalid_argument || r.ptr != s.data() + s.size()) {
        if (r.ec != std::errc::result_out_of_range) return wrong();
      }
      if (r.ec == std::errc::result_out_of_range) {
        // Out of range: from_chars leaves the value unset; overflow goes to inf, underflow to 0.
        size_t e = s.find_first_of("eE");
        bool negative_exponent = e != std::string_view::npos && e + 1 < s.size() && s[e + 1] == '-';
        dvalue = negative_exponent ? 0.0 : std::numeric_limits<double>::infinity();
      }
      is_float = true;
    }
  }
  if (is_float) return Field(negative ? -dvalue : dvalue);
  if (!negative) return Field(value);
  if (value == 0) return Field(uint64_t(0));
  if (value <= uint64_t(std::numeric_limits<int64_t>::max()) + 1) return Field(int64_t(0 - value));
  return Field(-double(value));
}

std::string SqlParser::parseTypeText() {
  DepthGuard guard(*this);
  if (!isIdentifierToken()) {
    expected("data type");
    fail();
  }
  std::string name = parseIdentifierName("data type");
  std::string lower = toLowerAscii(name);
  if (lower == "double" && isWord("PRECISION")) {
    advance();
    name += " PRECISION";
  } else if ((lower == "char" || lower == "character" || lower == "binary") && isWord("VARYING")) {
    advance();
    name += " VARYING";
  } else if ((lower.find("int") != std::string::npos) && (isWord("UNSIGNED") || isWord("SIGNED"))) {
    name += isWord("UNSIGNED") ? " UNSIGNED" : " SIGNED";
    advance();
  }
  if (peekType() != TokenType::OpeningRoundBracket) return name;
  advance();
  name += '(';
  bool first = true;
  while (peekType() != TokenType::ClosingRoundBracket) {
    if (!first) {
      expectToken(TokenType::Comma, "','");
      name += ", ";
    }
    first = false;
    Token t = peek();
    if (isStringToken()) {
      name += quoteString(parseStringLiteral());
      if (acceptToken(TokenType::Equals, "'='")) {
        bool neg = acceptToken(TokenType::Minus, "'-'");
        Token num = peek();
        if (num.type != TokenType::Number) {
          expected("number");
          fail();
        }
        advance();
        name += " = " + fieldToString(parseNumberField(num, neg));
      }
    } else if (t.type == TokenType::Number || t.type == TokenType::Minus) {
      bool neg = acceptToken(TokenType::Minus, "'-'");
      Token num = peek();
      if (num.type != TokenType::Number) {
        expected("number");
        fail();
      }
      advance();
      name += fieldToString(parseNumberField(num, neg));
    } else if (isIdentifierToken() && isIdentifierToken(1) &&
               !(isWord("DOUBLE") && isWord("PRECISION", 1))) {  // named element: a UInt8
      std::string element = parseIdentifierName();
      name += backQuoteIfNeed(element) + " " + parseTypeText();
    } else {
      name += parseTypeText();
    }
  }
  advance();
  name += ')';
  return name;
}

Field SqlParser::parseSettingValue() {
  size_t begin = pos_;
  ASTPtr v = parseOperand(kPrecUnaryMinus);
  if (v->kind != ASTKind::Literal) {
    pos_ = begin;
    expected("literal");
    fail();
  }
  return v->as<ASTLiteral>().value;
}

std::shared_ptr<ASTSetQuery> SqlParser::parseSettingsList(size_t begin_token, bool allow_parenthesis) {
  auto q = make<ASTSetQuery>(begin_token);
  bool parens = allow_parenthesis && acceptToken(TokenType::OpeningRoundBracket, "'('");
  do {
    std::string name = parseIdentifierName("setting name");
    while (peekType() == TokenType::Dot && isIdentifierToken(1)) {  // a.b = 1
      advance();
      name += "." + parseIdentifierName();
    }
    expectToken(TokenType::Equals, "'='");
    q->changes.emplace_back(std::move(name), parseSettingValue());
    // A comma continues the list only when another `name =` follows (ALTER ... MODIFY SETTING a = 1, DROP ...).
  } while (peekType() == TokenType::Comma && isIdentifierToken(1) &&
           (peekType(2) == TokenType::Equals || peekType(2) == TokenType::Dot) && (advance(), true));
  if (parens) expectToken(TokenType::ClosingRoundBracket, "')'");
  finish(*q);
  return q;
}

// ------------------------------------------------------------------------------------------
// Expressions

bool SqlParser::isImplicitAliasAllowed(size_t k) {
  Token t = peek(k);
  if (t.type == TokenType::QuotedIdentifier) return true;
  if (t.type != TokenType::BareWord) return false;
  return !inWordList(tokenText(t), std::begin(kNoImplicitAlias), std::end(kNoImplicitAlias));
}

bool SqlParser::canStartExpression(size_t k) {
  Token t = peek(k);
  switch (t.type) {
    case TokenType::Number:
    case TokenType::StringLiteral:
    case TokenType::QuotedIdentifier:
    case TokenType::HereDoc:
    case TokenType::OpeningRoundBracket:
    case TokenType::OpeningSquareBracket:
    case TokenType::OpeningCurlyBrace:
    case TokenType::Minus:
    case TokenType::Asterisk:
      return true;
    case TokenType::BareWord:
      return !inWordList(tokenText(t), std::begin(kNoImplicitAlias), std::end(kNoImplicitAlias)) ||
             equalsIgnoreCase(tokenText(t), "NOT");
    default:
      return false;
  }
}

bool SqlParser::tryParseAlias(IAST& node, bool allow_implicit) {
  if (acceptKeyword("AS")) {
    node.alias = parseIdentifierName("alias");
    return true;
  }
  if (allow_implicit && isImplicitAliasAllowed()) {
    node.alias = parseIdentifierName("alias");
    return true;
  }
  return false;
}

ASTPtr SqlParser::parseExprWithAlias(bool allow_implicit) {
  ASTPtr e = parseExpr();
  tryParseAlias(*e, allow_implicit);
  return e;
}

std::shared_ptr<ASTExpressionList> SqlParser::parseExpressionList(bool allow_implicit_alias) {
  auto list = make<ASTExpressionList>(pos_);
  do {
    list->children.push_back(parseExprWithAlias(allow_implicit_alias));
  } while (acceptToken(TokenType::Comma, "','"));
  finish(*list);
  return list;
}

ASTPtr SqlParser::parseExpr() {
  DepthGuard guard(*this);
  const size_t begin = pos_;
  ASTPtr left = parseOperand(kPrecTernary);
  if (peekType() != TokenType::Arrow) return left;
  // Lambda: x -> body, (x, y) -> body.
  ASTs params;
  auto is_param = [](const ASTPtr& p) {
    return p->kind == ASTKind::Identifier && p->alias.empty() && p->as<ASTIdentifier>().parts.size() == 1;
  };
  if (is_param(left)) {
    params.push_back(left);
  } else if (left->kind == ASTKind::Function && left->as<ASTFunction>().name == "tuple" && left->alias.empty() &&
             !left->as<ASTFunction>().parameters) {
    for (const auto& a : left->as<ASTFunction>().args()) {
      if (!is_param(a)) fail("lambda parameters must be identifiers");
      params.push_back(a);
    }
  } else {
    expected("lambda parameters (identifiers)");
    fail();
  }
  advance();
  ASTPtr body = parseExpr();
  auto tuple = makeFunction("tuple", std::move(params));
  tuple->begin = left->begin;
  tuple->end = left->end;
  auto f = makeFunction("lambda", {tuple, body}, true);
  f->begin = byteBegin(begin);
  finish(*f);
  return f;
}

ASTPtr SqlParser::parseUnaryOperand() {
  // After '-': a number becomes a negative literal; anything else is negate(operand).
  const size_t begin = pos_ - 1;
  Token t = peek();
  bool is_inf_nan = t.type == TokenType::BareWord &&
                    (isWord("inf") || isWord("infinity") || isWord("nan")) &&
                    peekType(1) != TokenType::OpeningRoundBracket && peekType(1) != TokenType::Dot;
  if (t.type == TokenType::Number || is_inf_nan) {
    advance();
    Field v;
    if (is_inf_nan) {
      std::string lower = toLowerAscii(tokenText(t));
      double d = lower == "nan" ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
      v = Field(-d);
    } else {
      v = parseNumberField(t, true);
    }
    auto lit = makeLiteral(std::move(v));
    lit->begin = byteBegin(begin);
    finish(*lit);
    return parsePostfix(lit, begin);
  }
  ASTPtr arg = parseOperand(kPrecUnaryMinus);
  auto f = makeFunction("negate", {arg}, true);
  f->begin = byteBegin(begin);
  finish(*f);
  return f;
}

ASTPtr SqlParser::parseOperand(int min_prec) {
  DepthGuard guard(*this);
  const size_t begin = pos_;
  ASTPtr left;
  size_t extra_depth = 0;  // left-deep chains count as depth too (keeps every AST shallow)
  if (isWord("NOT") && peekType(1) != TokenType::Comma && peekType(1) != TokenType::ClosingRoundBracket &&
      !peek(1).isEnd()) {
    advance();
    ASTPtr arg = parseOperand(kPrecNot);
    auto f = makeFunction("not", {arg}, true);
    f->begin = byteBegin(begin);
    finish(*f);
    left = f;
  } else if (peekType() == TokenType::Minus) {
    advance();
    left = parseUnaryOperand();
  } else if (peekType() == TokenType::Plus && peekType(1) == TokenType::Number) {
    advance();
    Token t = peek();
    advance();
    auto lit = makeLiteral(parseNumberField(t, false));
    lit->begin = byteBegin(begin);
    finish(*lit);
    left = parsePostfix(lit, begin);
  } else {
    left = parsePostfix(parsePrimary(), begin);
  }

  ASTFunction* nary = nullptr;  // the and/or/concat node this loop is extending
  struct ExtraDepth {
    SqlParser& p;
    size_t& n;
    ~ExtraDepth() {
      for (size_t i = 0; i < n; ++i) p.leave();
    }
  } extra_guard{*this, extra_depth};

  while (true) {
    const Token t = peek();
    int prec = 0;
    const char* name = nullptr;
    size_t op_tokens = 1;
    enum class Kind { Binary, Nary, IsNull, Between, NotBetween, Ternary } kind = Kind::Binary;
    switch (t.type) {
      case TokenType::QuestionMark: prec = kPrecTernary; kind = Kind::Ternary; break;
      case TokenType::Plus: prec = kPrecAdditive; name = "plus"; break;
      case TokenType::Minus: prec = kPrecAdditive; name = "minus"; break;
      case TokenType::Asterisk: prec = kPrecMultiplicative; name = "multiply"; break;
      case TokenType::Slash: prec = kPrecMultiplicative; name = "divide"; break;
      case TokenType::Percent: prec = kPrecMultiplicative; name = "modulo"; break;
      case TokenType::Concatenation: prec = kPrecConcat; name = "concat"; kind = Kind::Nary; break;
      case TokenType::Equals: prec = kPrecComparison; name = "equals"; break;
      case TokenType::NotEquals: prec = kPrecComparison; name = "notEquals"; break;
      case TokenType::Less: prec = kPrecComparison; name = "less"; break;
      case TokenType::Greater: prec = kPrecComparison; name = "greater"; break;
      case TokenType::LessOrEquals: prec = kPrecComparison; name = "lessOrEquals"; break;
      case TokenType::GreaterOrEquals: prec = kPrecComparison; name = "greaterOrEquals"; break;
      case TokenType::Spaceship: prec = kPrecComparison; name = "isNotDistinctFrom"; break;
      case TokenType::BareWord: {
        std::string w = toLowerAscii(tokenText(t));
        if (w == "and") { prec = kPrecAnd; name = "and"; kind = Kind::Nary; }
        else if (w == "or") { prec = kPrecOr; name = "or"; kind = Kind::Nary; }
        else if (w == "div") { prec = kPrecMultiplicative; name = "intDiv"; }
        else if (w == "mod") { prec = kPrecMultiplicative; name = "modulo"; }
        else if (w == "like") { prec = kPrecComparison; name = "like"; }
        else if (w == "ilike") { prec = kPrecComparison; name = "ilike"; }
        else if (w == "regexp") { prec = kPrecComparison; name = "match"; }
        else if (w == "in") { prec = kPrecComparison; name = "in"; }
        else if (w == "between") { prec = kPrecComparison; kind = Kind::Between; }
        else if (w == "not") {
          op_tokens = 2;
          prec = kPrecComparison;
          if (isWord("LIKE", 1)) name = "notLike";
          else if (isWord("ILIKE", 1)) name = "notILike";
          else if (isWord("IN", 1)) name = "notIn";
          else if (isWord("BETWEEN", 1)) kind = Kind::NotBetween;
          else prec = 0;
        } else if (w == "global") {
          prec = kPrecComparison;
          if (isWord("IN", 1)) { name = "globalIn"; op_tokens = 2; }
          else if (isWord("NOT", 1) && isWord("IN", 2)) { name = "globalNotIn"; op_tokens = 3; }
          else prec = 0;
        } else if (w == "is") {
          prec = kPrecIsNull;
          kind = Kind::IsNull;
          if (isWord("NULL", 1)) { name = "isNull"; op_tokens = 2; }
          else if (isWord("NOT", 1) && isWord("NULL", 2)) { name = "isNotNull"; op_tokens = 3; }
          else { expected("NULL"); expected("NOT NULL"); prec = 0; }
        }
        break;
      }
      default: break;
    }
    if (prec == 0) {
      break;
    }
    if (prec < min_prec) break;
    pos_ += op_tokens;
    // Every operator applied at this level deepens the tree by one.
    enter();
    ++extra_depth;

    switch (kind) {
      case Kind::Ternary: {
        ASTPtr then_branch = parseOperand(kPrecTernary);
        expectToken(TokenType::Colon, "':'");
        ASTPtr else_branch = parseOperand(kPrecTernary);
        left = makeFunction("if", {left, then_branch, else_branch}, true);
        break;
      }
      case Kind::IsNull:
        left = makeFunction(name, {left}, true);
        break;
      case Kind::Between:
      case Kind::NotBetween: {
        ASTPtr low = parseOperand(kPrecComparison + 1);
        expectKeyword("AND");
        ASTPtr high = parseOperand(kPrecComparison + 1);
        if (kind == Kind::Between) {
          auto ge = makeFunction("greaterOrEquals", {left, low}, true);
          auto le = makeFunction("lessOrEquals", {left->clone(), high}, true);
          left = makeFunction("and", {ge, le}, true);
        } else {
          auto lt = makeFunction("less", {left, low}, true);
          auto gt = makeFunction("greater", {left->clone(), high}, true);
          left = makeFunction("or", {lt, gt}, true);
        }
        for (auto& a : left->as<ASTFunction>().args()) {
          a->begin = byteBegin(begin);
          a->end = prevEnd();
        }
        nary = nullptr;
        break;
      }
      case Kind::Nary: {
        ASTPtr right = parseOperand(prec + 1);
        if (nary && nary == left.get() && nary->name == name) {
          nary->args().push_back(right);
          leave();  // flattened: no extra depth
          --extra_depth;
        } else {
          auto f = makeFunction(name, {left, right}, true);
          nary = f.get();
          left = f;
        }
        break;
      }
      case Kind::Binary: {
        ASTPtr right = parseOperand(prec + 1);
        left = makeFunction(name, {left, right}, true);
        break;
      }
    }
    left->begin = byteBegin(begin);
    finish(*left);
    if (kind != Kind::Nary) nary = nullptr;
  }
  return left;
}

ASTPtr SqlParser::parsePostfix(ASTPtr node, size_t begin_token) {
  size_t extra = 0;
  struct Guard {
    SqlParser& p;
    size_t& n;
    ~Guard() {
      for (size_t i = 0; i < n; ++i) p.leave();
    }
  } guard{*this, extra};
  while (true) {
    TokenType t = peekType();
    if (t == TokenType::OpeningSquareBracket) {
      advance();
      enter();
      ++extra;
      ASTPtr index = parseExpr();
      expectToken(TokenType::ClosingSquareBracket, "']'");
      node = makeFunction("arrayElement", {node, index}, true);
    } else if (t == TokenType::Dot && peekType(1) == TokenType::Number) {
      Token num = peek(1);
      Field v = parseNumberField(num, false);
      if (v.which() != Field::Which::UInt64) break;
      pos_ += 2;
      enter();
      ++extra;
      auto lit = makeLiteral(std::move(v));
      lit->begin = num.begin;
      lit->end = num.end;
      node = makeFunction("tupleElement", {node, lit}, true);
    } else if (t == TokenType::Dot && isIdentifierToken(1) && node->kind != ASTKind::Identifier) {
      advance();
      Token name_token = peek();
      std::string name = parseIdentifierName();
      enter();
      ++extra;
      auto lit = makeLiteral(Field(std::move(name)));
      lit->begin = name_token.begin;
      lit->end = name_token.end;
      node = makeFunction("tupleElement", {node, lit}, true);
    } else if (t == TokenType::DoubleColon) {
      advance();
      enter();
      ++extra;
      std::string type = parseTypeText();
      node = makeFunction("CAST", {node, makeLiteral(Field(std::move(type)))});
    } else {
      break;
    }
    node->begin = byteBegin(begin_token);
    finish(*node);
  }
  return node;
}

ASTPtr SqlParser::parsePrimary() {
  const size_t begin = pos_;
  Token t = peek();
  switch (t.type) {
    case TokenType::Number: {
      advance();
      auto lit = makeLiteral(parseNumberField(t, false));
      lit->begin = t.begin;
      lit->end = t.end;
      return lit;
    }
    case TokenType::StringLiteral:
    case TokenType::HereDoc: {
      auto lit = makeLiteral(Field(parseStringLiteral()));
      lit->begin = t.begin;
      lit->end = t.end;
      return lit;
    }
    case TokenType::OpeningRoundBracket: return parseParenthesized();
    case TokenType::OpeningSquareBracket: return parseArrayLiteral();
    case TokenType::OpeningCurlyBrace: return parseQueryParameter();
    case TokenType::Asterisk: {
      advance();
      auto a = make<ASTAsterisk>(begin);
      finish(*a);
      return parseAsteriskTail(a);
    }
    case TokenType::BareWord:
    case TokenType::QuotedIdentifier:
      return parseIdentifierOrFunction();
    default:
      break;
  }
  expected("expression");
  fail();
}

ASTPtr SqlParser::parseParenthesized() {
  const size_t begin = pos_;
  advance();  // (
  if (isSelectStart()) {
    auto sub = make<ASTSubquery>(begin);
    sub->query = parseSelectWithUnion();
    expectToken(TokenType::ClosingRoundBracket, "')'");
    finish(*sub);
    return sub;
  }
  if (acceptToken(TokenType::ClosingRoundBracket, "')'")) {
    auto lit = makeLiteral(Field(FieldTuple{}));
    lit->begin = byteBegin(begin);
    finish(*lit);
    return lit;
  }
  ASTs elements;
  elements.push_back(parseExprWithAlias(false));
  const ASTPtr& first = elements.front();
  if (first->kind == ASTKind::Subquery && first->alias.empty() &&
      (isWord("UNION") || isWord("EXCEPT") || isWord("INTERSECT"))) {
    // ((SELECT ...) UNION ALL SELECT ...)
    auto sub = make<ASTSubquery>(begin);
    sub->query = parseSelectWithUnionTail(first->as<ASTSubquery>().query, begin + 1);
    expectToken(TokenType::ClosingRoundBracket, "')'");
    finish(*sub);
    return sub;
  }
  bool trailing_comma = false;
  while (acceptToken(TokenType::Comma, "','")) {
    if (peekType() == TokenType::ClosingRoundBracket) {
      trailing_comma = true;
      break;
    }
    elements.push_back(parseExprWithAlias(false));
  }
  expectToken(TokenType::ClosingRoundBracket, "')'");
  if (elements.size() == 1 && !trailing_comma) return elements.front();
  bool all_literals = true;
  for (const auto& e : elements) all_literals &= isPlainLiteral(e);
  ASTPtr result;
  if (all_literals) {
    FieldTuple tuple;
    for (const auto& e : elements) tuple.push_back(e->as<ASTLiteral>().value);
    result = makeLiteral(Field(std::move(tuple)));
  } else {
    result = makeFunction("tuple", std::move(elements), true);
  }
  result->begin = byteBegin(begin);
  finish(*result);
  return result;
}

ASTPtr SqlParser::parseArrayLiteral() {
  const size_t begin = pos_;
  advance();  // [
  ASTs elements;
  if (!acceptToken(TokenType::ClosingSquareBracket, "']'")) {
    do {
      elements.push_back(parseExprWithAlias(false));
    } while (acceptToken(TokenType::Comma, "','"));
    expectToken(TokenType::ClosingSquareBracket, "']'");
  }
  bool all_literals = true;
  for (const auto& e : elements) all_literals &= isPlainLiteral(e);
  ASTPtr result;
  if (all_literals) {
    FieldArray array;
    for (const auto& e : elements) array.push_back(e->as<ASTLiteral>().value);
    result = makeLiteral(Field(std::move(array)));
  } else {
    result = makeFunction("array", std::move(elements), true);
  }
  result->begin = byteBegin(begin);
  finish(*result);
  return result;
}

ASTPtr SqlParser::parseQueryParameter() {
  const size_t begin = pos_;
  advance();  // {
  std::string name = parseIdentifierName("query parameter name");
  expectToken(TokenType::Colon, "':'");
  std::string type = parseTypeText();
  expectToken(TokenType::ClosingCurlyBrace, "'}'");
  if (type == "Identifier") {
    auto id = make<ASTIdentifier>(begin);
    id->parameter_name = std::move(name);
    finish(*id);
    return id;
  }
  auto p = make<ASTQueryParameter>(begin);
  p->name = std::move(name);
  p->type = std::move(type);
  finish(*p);
  return p;
}

ASTPtr SqlParser::parseAsteriskTail(ASTPtr node) {
  if (!isWord("EXCEPT") || isSelectStart(1) ||
      (peekType(1) == TokenType::OpeningRoundBracket && isSelectStart(2)))
    return node;
  advance();
  if (isWord("STRICT") && (peekType(1) == TokenType::OpeningRoundBracket || isIdentifierToken(1))) advance();
  std::vector<std::string> names;
  if (acceptToken(TokenType::OpeningRoundBracket, "'('")) {
    do {
      names.push_back(parseIdentifierName("column name"));
    } while (acceptToken(TokenType::Comma, "','"));
    expectToken(TokenType::ClosingRoundBracket, "')'");
  } else {
    names.push_back(parseIdentifierName("column name"));
  }
  if (node->kind == ASTKind::Asterisk)
    node->as<ASTAsterisk>().except = std::move(names);
  else
    node->as<ASTQualifiedAsterisk>().except = std::move(names);
  finish(*node);
  return node;
}

ASTPtr SqlParser::parseIdentifierOrFunction() {
  const size_t begin = pos_;
  Token t = peek();
  if (t.type == TokenType::BareWord) {
    std::string lower = toLowerAscii(tokenText(t));
    TokenType next = peekType(1);
    bool plain = next != TokenType::OpeningRoundBracket && next != TokenType::Dot;
    if (plain && (lower == "null" || lower == "true" || lower == "false" || lower == "inf" || lower == "infinity" ||
                  lower == "nan")) {
      advance();
      Field v;
      if (lower == "true" || lower == "false")
        v = Field(lower == "true");
      else if (lower == "nan")
        v = Field(std::numeric_limits<double>::quiet_NaN());
      else if (lower != "null")
        v = Field(std::numeric_limits<double>::infinity());
      auto lit = makeLiteral(std::move(v));
      lit->begin = t.begin;
      lit->end = t.end;
      return lit;
    }
    if (lower == "case" && next != TokenType::OpeningRoundBracket && (isWord("WHEN", 1) || canStartExpression(1)))
      return parseCase(begin);
    if (lower == "interval" && canStartExpression(1)) return parseInterval(begin);
    if ((lower == "date" || lower == "timestamp") && next == TokenType::StringLiteral) {
      advance();
      Token s = peek();
      auto lit = makeLiteral(Field(parseStringLiteral()));
      lit->begin = s.begin;
      lit->end = s.end;
      auto f = makeFunction(lower == "date" ? "toDate" : "toDateTime", {lit});
      f->begin = t.begin;
      finish(*f);
      return f;
    }
    if (inWordList(lower, std::begin(kNotAnOperand), std::end(kNotAnOperand))) {
      expected("expression");
      fail();
    }
    if (next == TokenType::OpeningRoundBracket) {
      bool matched = false;
      ASTPtr special = parseSpecialFunction(lower, begin, matched);
      if (matched) return special;
      advance();
      return parseFunctionCall(std::string(tokenText(t)), begin);
    }
  } else if (peekType(1) == TokenType::OpeningRoundBracket) {
    std::string name = parseIdentifierName();
    return parseFunctionCall(std::move(name), begin);
  }

  std::vector<std::string> parts;
  parts.push_back(parseIdentifierName());
  while (peekType() == TokenType::Dot) {
    if (isIdentifierToken(1)) {
      advance();
      parts.push_back(parseIdentifierName());
    } else if (peekType(1) == TokenType::Asterisk) {
      pos_ += 2;
      auto q = make<ASTQualifiedAsterisk>(begin);
      q->qualifier = std::move(parts);
      finish(*q);
      return parseAsteriskTail(q);
    } else {
      break;
    }
  }
  auto id = make<ASTIdentifier>(begin);
  id->parts = std::move(parts);
  finish(*id);
  return id;
}

std::shared_ptr<ASTExpressionList> SqlParser::parseFunctionArguments(bool& distinct) {
  // The '(' is consumed.
  auto list = make<ASTExpressionList>(pos_);
  if (isWord("DISTINCT") && peekType(1) != TokenType::ClosingRoundBracket && peekType(1) != TokenType::Comma) {
    advance();
    distinct = true;
  }
  if (!acceptToken(TokenType::ClosingRoundBracket, "')'")) {
    while (true) {
      if (isSelectStart()) {
        auto sub = make<ASTSubquery>(pos_);
        sub->query = parseSelectWithUnion();
        finish(*sub);
        list->children.push_back(sub);
      } else {
        list->children.push_back(parseExprWithAlias(false));
      }
      if (acceptToken(TokenType::Comma, "','")) continue;
      expectToken(TokenType::ClosingRoundBracket, "')'");
      break;
    }
  }
  finish(*list);
  return list;
}

ASTPtr SqlParser::parseFunctionCall(std::string name, size_t begin_token) {
  // The name is consumed; next is '('.
  expectToken(TokenType::OpeningRoundBracket, "'('");
  auto f = make<ASTFunction>(begin_token);
  f->name = std::move(name);
  bool distinct = false;
  f->arguments = parseFunctionArguments(distinct);
  if (peekType() == TokenType::OpeningRoundBracket) {  // parametric: quantile(0.5)(x)
    advance();
    f->parameters = f->arguments;
    f->arguments = parseFunctionArguments(distinct);
  }
  auto& args = f->args();
  if (equalsIgnoreCase(f->name, "count") && args.size() == 1 && args[0]->kind == ASTKind::Asterisk &&
      args[0]->as<ASTAsterisk>().except.empty())
    args.clear();
  if (distinct) f->name += "Distinct";
  if (isWord("FILTER") && peekType(1) == TokenType::OpeningRoundBracket && isWord("WHERE", 2)) {
    pos_ += 3;
    ASTPtr cond = parseExpr();
    expectToken(TokenType::ClosingRoundBracket, "')'");
    f->name += "If";
    args.push_back(cond);
  }
  if (acceptKeyword("OVER")) {
    f->is_window_function = true;
    if (peekType() == TokenType::OpeningRoundBracket)
      f->window_definition = parseWindowDefinition();
    else
      f->window_name = parseIdentifierName("window name");
  }
  finish(*f);
  return f;
}

ASTPtr SqlParser::parseCase(size_t begin_token) {
  advance();  // CASE
  ASTs args;
  bool with_subject = !isWord("WHEN");
  if (with_subject) args.push_back(parseExpr());
  expectKeyword("WHEN");
  do {
    args.push_back(parseExpr());
    expectKeyword("THEN");
    args.push_back(parseExpr());
  } while (acceptKeyword("WHEN"));
  if (acceptKeyword("ELSE"))
    args.push_back(parseExpr());
  else
    args.push_back(makeLiteral(Field()));
  expectKeyword("END");
  auto f = makeFunction(with_subject ? "caseWithExpression" : "multiIf", std::move(args));
  f->begin = byteBegin(begin_token);
  finish(*f);
  return f;
}

ASTPtr SqlParser::parseInterval(size_t begin_token) {
  advance();  // INTERVAL
  ASTPtr value;
  std::string_view kind;
  const bool unit_follows = isIdentifierToken(1) && !intervalKindFromWord(tokenText(peek(1))).empty();
  if (peekType() == TokenType::StringLiteral && !unit_follows) {
    // INTERVAL '1 day'
    Token s = peek();
    std::string content = parseStringLiteral();
    Lexer lx(content);
    Token a = lx.next();
    bool negative = false;
    if (a.type == TokenType::Minus) {
      negative = true;
      a = lx.next();
    }
    Token b = lx.next();
    Token c = lx.next();
    if (a.type != TokenType::Number || b.type != TokenType::BareWord || !c.isEnd() ||
        intervalKindFromWord(std::string_view(content).substr(b.begin, b.end - b.begin)).empty()) {
      pos_ -= 1;
      expected("interval in the form '<number> <unit>'");
      fail();
    }
    kind = intervalKindFromWord(std::string_view(content).substr(b.begin, b.end - b.begin));
    // Parse the number with a throwaway token view of the content.
    SqlParser sub(content, ParserLimits{}, false);
    Field v = sub.parseNumberField(a, negative);
    value = makeLiteral(std::move(v));
    value->begin = s.begin;
    value->end = s.end;
  } else {
    value = parseExpr();
    Token u = peek();
    if (u.type == TokenType::BareWord) kind = intervalKindFromWord(tokenText(u));
    if (kind.empty()) {
      expected("interval unit (SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR)");
      fail();
    }
    advance();
  }
  auto f = makeFunction("toInterval" + std::string(kind), {value}, true);
  f->begin = byteBegin(begin_token);
  finish(*f);
  return f;
}

ASTPtr SqlParser::parseSpecialFunction(std::string_view lower, size_t begin, bool& matched) {
  // Current token: the name; next: '('.
  matched = false;
  auto done = [&](ASTPtr node) {
    matched = true;
    node->begin = byteBegin(begin);
    finish(*node);
    return node;
  };
  auto kind_at = [&](size_t k) -> std::string_view {
    return peekType(k) == TokenType::BareWord ? intervalKindFromWord(tokenText(peek(k))) : std::string_view{};
  };
  const std::string name(tokenText(peek()));

  if (lower == "cast") {
    pos_ += 2;
    ASTPtr value = parseExpr();
    if (acceptKeyword("AS")) {
      std::string type = parseTypeText();
      expectToken(TokenType::ClosingRoundBracket, "')'");
      return done(makeFunction("CAST", {value, makeLiteral(Field(std::move(type)))}));
    }
    tryParseAlias(*value, false);
    // cast(x, 'T'): an ordinary call whose first argument is parsed already.
    auto f = makeFunction(name, {value});
    if (acceptToken(TokenType::Comma, "','")) {
      bool distinct = false;
      auto rest = parseFunctionArguments(distinct);
      for (auto& a : rest->children) f->args().push_back(a);
    } else {
      expectToken(TokenType::ClosingRoundBracket, "')'");
    }
    return done(f);
  }
  if (lower == "extract" && !kind_at(2).empty() && isWord("FROM", 3)) {
    std::string_view kind = kind_at(2);
    const char* fn = nullptr;
    if (kind == "Nanosecond") fn = "toNanosecond";
    else if (kind == "Microsecond") fn = "toMicrosecond";
    else if (kind == "Millisecond") fn = "toMillisecond";
    else if (kind == "Second") fn = "toSecond";
    else if (kind == "Minute") fn = "toMinute";
    else if (kind == "Hour") fn = "toHour";
    else if (kind == "Day") fn = "toDayOfMonth";
    else if (kind == "Month") fn = "toMonth";
    else if (kind == "Quarter") fn = "toQuarter";
    else if (kind == "Year") fn = "toYear";
    if (!fn) return nullptr;  // EXTRACT(WEEK FROM ...) is not supported: ordinary call
    pos_ += 4;
    ASTPtr value = parseExpr();
    expectToken(TokenType::ClosingRoundBracket, "')'");
    return done(makeFunction(fn, {value}));
  }
  if (lower == "substring" || lower == "substr" || lower == "trim" || lower == "position") {
    pos_ += 2;
    std::shared_ptr<ASTFunction> result;
    if (lower == "trim" && (isWord("BOTH") || isWord("LEADING") || isWord("TRAILING")) &&
        peekType(1) != TokenType::Comma && peekType(1) != TokenType::ClosingRoundBracket &&
        peekType(1) != TokenType::Dot && peekType(1) != TokenType::OpeningRoundBracket) {
      std::string mode = toLowerAscii(tokenText(peek()));
      advance();
      ASTPtr chars;
      if (!acceptKeyword("FROM")) {
        chars = parseExpr();
        expectKeyword("FROM");
      }
      ASTPtr str = parseExpr();
      expectToken(TokenType::ClosingRoundBracket, "')'");
      if (!chars) {
        return done(makeFunction(mode == "both" ? "trimBoth" : mode == "leading" ? "trimLeft" : "trimRight", {str}));
      }
      auto quoted = [&] { return makeFunction("regexpQuoteMeta", {chars->clone()}); };
      auto lit = [](const char* s) { return makeLiteral(Field(s)); };
      if (mode == "both")
        return done(makeFunction(
            "replaceRegexpAll",
            {str, makeFunction("concat", {lit("^["), quoted(), lit("]+|["), quoted(), lit("]+$")}), lit("")}));
      if (mode == "leading")
        return done(
            makeFunction("replaceRegexpOne", {str, makeFunction("concat", {lit("^["), quoted(), lit("]+")}), lit("")}));
      return done(
          makeFunction("replaceRegexpOne", {str, makeFunction("concat", {lit("["), quoted(), lit("]+$")}), lit("")}));
    }
    if (peekType() == TokenType::ClosingRoundBracket) {
      advance();
      return done(makeFunction(name, {}));
    }
    ASTPtr first = parseExprWithAlias(false);
    if ((lower == "substring" || lower == "substr") && acceptKeyword("FROM")) {
      ASTs args{first, parseExpr()};
      if (acceptKeyword("FOR")) args.push_back(parseExpr());
      expectToken(TokenType::ClosingRoundBracket, "')'");
      return done(makeFunction("substring", std::move(args)));
    }
    if (lower == "trim" && acceptKeyword("FROM")) {  // TRIM('x' FROM s)
      ASTPtr str = parseExpr();
      expectToken(TokenType::ClosingRoundBracket, "')'");
      auto quoted = [&] { return makeFunction("regexpQuoteMeta", {first->clone()}); };
      auto lit = [](const char* s) { return makeLiteral(Field(s)); };
      return done(makeFunction(
          "replaceRegexpAll",
          {str, makeFunction("concat", {lit("^["), quoted(), lit("]+|["), quoted(), lit("]+$")}), lit("")}));
    }
    result = makeFunction(name, {first});
    if (acceptToken(TokenType::Comma, "','")) {
      bool distinct = false;
      auto rest = parseFunctionArguments(distinct);
      for (auto& a : rest->children) result->args().push_back(a);
    } else {
      expectToken(TokenType::ClosingRoundBracket, "')'");
    }
    if (lower == "position" && result->args().size() == 1 && first->kind == ASTKind::Function &&
        first->alias.empty() && first->as<ASTFunction>().name == "in" && first->as<ASTFunction>().is_operator) {
      // POSITION(needle IN haystack)
      const auto& in_args = first->as<ASTFunction>().args();
      result = makeFunction(name, {in_args[1], in_args[0]});
    }
    return done(result);
  }
  const bool is_add = lower == "date_add" || lower == "dateadd" || lower == "timestamp_add" || lower == "timestampadd";
  const bool is_sub = lower == "date_sub" || lower == "datesub" || lower == "timestamp_sub" || lower == "timestampsub";
  const bool is_diff =
      lower == "date_diff" || lower == "datediff" || lower == "timestamp_diff" || lower == "timestampdiff";
  if ((is_add || is_sub || is_diff) && !kind_at(2).empty() && peekType(3) == TokenType::Comma) {
    std::string kind(kind_at(2));
    pos_ += 4;
    ASTs args;
    do {
      args.push_back(parseExpr());
    } while (acceptToken(TokenType::Comma, "','"));
    expectToken(TokenType::ClosingRoundBracket, "')'");
    if (is_diff) {
      if (args.size() != 2 && args.size() != 3) fail("dateDiff takes a unit and 2 or 3 arguments");
      std::string unit = toLowerAscii(kind);
      args.insert(args.begin(), makeLiteral(Field(unit)));
      return done(makeFunction("dateDiff", std::move(args)));
    }
    if (args.size() != 2) fail("date_add/date_sub take a unit, an amount and a date");
    auto interval = makeFunction("toInterval" + kind, {args[0]});
    return done(makeFunction(is_add ? "plus" : "minus", {args[1], interval}, true));
  }
  if (is_add || is_sub) {
    // date_add(d, INTERVAL 1 DAY) -> plus(d, toIntervalDay(1)); other arities stay calls.
    pos_ += 1;
    auto f = std::static_pointer_cast<ASTFunction>(parseFunctionCall(name, begin));
    if (f->args().size() == 2 && !f->parameters && !f->is_window_function) {
      auto g = makeFunction(is_add ? "plus" : "minus", f->args(), true);
      return done(g);
    }
    matched = true;
    return f;
  }
  if (lower == "exists" && isSelectStart(2)) {
    pos_ += 2;
    auto sub = make<ASTSubquery>(pos_);
    sub->query = parseSelectWithUnion();
    finish(*sub);
    expectToken(TokenType::ClosingRoundBracket, "')'");
    return done(makeFunction("exists", {sub}));
  }
  if (lower == "columns" && (isStringToken(2) || isIdentifierToken(2))) {
    pos_ += 2;
    auto m = make<ASTColumnsMatcher>(begin);
    if (isStringToken()) {
      m->regexp = parseStringLiteral();
    } else {
      do {
        m->columns.push_back(parseIdentifierName("column name"));
      } while (acceptToken(TokenType::Comma, "','"));
    }
    expectToken(TokenType::ClosingRoundBracket, "')'");
    matched = true;
    finish(*m);
    return m;
  }
  return nullptr;
}

}  // namespace tally
