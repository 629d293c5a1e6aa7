#include "parser/lexer.h"

namespace tally {

namespace {

bool isDigitChar(char c) { return c >= '0' && c <= '9'; }
bool isHexDigitChar(char c) { return isDigitChar(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
/// Bytes of multi-byte UTF-8 sequences are accepted inside bare words.
bool isWordByte(char c) { return isWordCharAscii(c) || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

std::string_view tokenErrorDescription(TokenType type) {
  switch (type) {
    case TokenType::ErrorMultilineCommentIsNotClosed: return "Multiline comment is not closed";
    case TokenType::ErrorSingleQuoteIsNotClosed: return "Single quoted string is not closed";
    case TokenType::ErrorDoubleQuoteIsNotClosed: return "Double quoted string is not closed";
    case TokenType::ErrorBackQuoteIsNotClosed: return "Back quoted string is not closed";
    case TokenType::ErrorSingleExclamationMark: return "Exclamation mark can only occur in != operator";
    case TokenType::ErrorSinglePipeMark: return "Pipe symbol could only occur in || operator";
    case TokenType::ErrorWrongNumber: return "Wrong number literal";
    case TokenType::ErrorHereDocIsNotClosed: return "Here document is not closed";
    case TokenType::ErrorUnexpectedSymbol: return "Unrecognized token";
    default: return "";
  }
}

Token Lexer::next() {
  Token t = nextImpl();
  prev_type_ = t.type;
  return t;
}

Token Lexer::quoted(char quote, TokenType ok, TokenType error, size_t begin) {
  ++pos_;  // opening quote
  const size_t n = text_.size();
  while (pos_ < n) {
    char c = text_[pos_];
    if (c == '\\') {
      pos_ += 2;
      continue;
    }
    if (c == quote) {
      ++pos_;
      if (pos_ < n && text_[pos_] == quote) {  // doubled quote
        ++pos_;
        continue;
      }
      return make(ok, begin);
    }
    ++pos_;
  }
  pos_ = n;
  return make(error, begin);
}

Token Lexer::number(size_t begin) {
  const size_t n = text_.size();
  const bool after_dot = prev_type_ == TokenType::Dot;  // x.1.2: tuple indices are plain integers
  bool hex = false;
  if (!after_dot && pos_ + 2 < n && text_[pos_] == '0') {
    char x = text_[pos_ + 1];
    if ((x == 'x' || x == 'X') && isHexDigitChar(text_[pos_ + 2])) {
      hex = true;
      pos_ += 2;
    } else if ((x == 'b' || x == 'B') && (text_[pos_ + 2] == '0' || text_[pos_ + 2] == '1')) {
      pos_ += 2;
    }
  }
  while (pos_ < n && (hex ? isHexDigitChar(text_[pos_]) : isDigitChar(text_[pos_]))) ++pos_;
  if (!after_dot) {
    if (pos_ < n && text_[pos_] == '.') {
      ++pos_;
      while (pos_ < n && (hex ? isHexDigitChar(text_[pos_]) : isDigitChar(text_[pos_]))) ++pos_;
    }
    const char e = pos_ + 1 < n ? text_[pos_] : '\0';
    if (hex ? (e == 'p' || e == 'P') : (e == 'e' || e == 'E')) {
      size_t save = pos_;
      ++pos_;
      if (pos_ < n && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
      if (pos_ < n && isDigitChar(text_[pos_])) {
        while (pos_ < n && isDigitChar(text_[pos_])) ++pos_;
      } else {
        pos_ = save;  // `1e` alone: let the word check below decide
      }
    }
  }
  if (pos_ < n && isWordByte(text_[pos_])) {
    // 1abc: an identifier starting with digits, or a malformed number.
    while (pos_ < n && isWordByte(text_[pos_])) ++pos_;
    for (size_t i = begin; i < pos_; ++i)
      if (!isWordByte(text_[i])) return make(TokenType::ErrorWrongNumber, begin);
    return make(TokenType::BareWord, begin);
  }
  return make(TokenType::Number, begin);
}

Token Lexer::nextImpl() {
  const size_t n = text_.size();
  while (true) {
    // Skip whitespace and comments.
    while (pos_ < n) {
      char c = text_[pos_];
      if (isSpaceChar(c)) {
        ++pos_;
      } else if (c == '\xC2' && pos_ + 1 < n && text_[pos_ + 1] == '\xA0') {  // UTF-8 no-break space
        pos_ += 2;
      } else {
        break;
      }
    }
    if (pos_ >= n) return Token{TokenType::EndOfStream, n, n};
    const size_t begin = pos_;
    const char c = text_[pos_];
    auto peek = [&](size_t k) -> char { return pos_ + k < n ? text_[pos_ + k] : '\0'; };

    switch (c) {
      case '\'': return quoted('\'', TokenType::StringLiteral, TokenType::ErrorSingleQuoteIsNotClosed, begin);
      case '"': return quoted('"', TokenType::QuotedIdentifier, TokenType::ErrorDoubleQuoteIsNotClosed, begin);
      case '`': return quoted('`', TokenType::QuotedIdentifier, TokenType::ErrorBackQuoteIsNotClosed, begin);
      case '(': ++pos_; return make(TokenType::OpeningRoundBracket, begin);
      case ')': ++pos_; return make(TokenType::ClosingRoundBracket, begin);
      case '[': ++pos_; return make(TokenType::OpeningSquareBracket, begin);
      case ']': ++pos_; return make(TokenType::ClosingSquareBracket, begin);
      case '{': ++pos_; return make(TokenType::OpeningCurlyBrace, begin);
      case '}': ++pos_; return make(TokenType::ClosingCurlyBrace, begin);
      case ',': ++pos_; return make(TokenType::Comma, begin);
      case ';': ++pos_; return make(TokenType::Semicolon, begin);
      case '*': ++pos_; return make(TokenType::Asterisk, begin);
      case '+': ++pos_; return make(TokenType::Plus, begin);
      case '%': ++pos_; return make(TokenType::Percent, begin);
      case '?': ++pos_; return make(TokenType::QuestionMark, begin);
      case '.': {
        bool digit_follows = isDigitChar(peek(1));
        bool after_operand = prev_type_ == TokenType::ClosingRoundBracket ||
                             prev_type_ == TokenType::ClosingSquareBracket || prev_type_ == TokenType::BareWord ||
                             prev_type_ == TokenType::QuotedIdentifier || prev_type_ == TokenType::Number;
        if (!digit_follows || after_operand) {
          ++pos_;
          return make(TokenType::Dot, begin);
        }
        ++pos_;  // .5, .5e3
        while (pos_ < n && isDigitChar(text_[pos_])) ++pos_;
        if (pos_ + 1 < n && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
          size_t save = pos_++;
          if (pos_ < n && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
          if (pos_ < n && isDigitChar(text_[pos_]))
            while (pos_ < n && isDigitChar(text_[pos_])) ++pos_;
          else
            pos_ = save;
        }
        if (pos_ < n && isWordByte(text_[pos_])) {
          while (pos_ < n && isWordByte(text_[pos_])) ++pos_;
          return make(TokenType::ErrorWrongNumber, begin);
        }
        return make(TokenType::Number, begin);
      }
      case '-': {
        if (peek(1) == '>') {
          pos_ += 2;
          return make(TokenType::Arrow, begin);
        }
        if (peek(1) == '-') {  // -- comment
          while (pos_ < n && text_[pos_] != '\n') ++pos_;
          continue;
        }
        ++pos_;
        return make(TokenType::Minus, begin);
      }
      case '#': {
        char d = peek(1);
        if (d == '!' || isSpaceChar(d) || pos_ + 1 >= n) {  // "# comment", "#!shebang"
          while (pos_ < n && text_[pos_] != '\n') ++pos_;
          continue;
        }
        ++pos_;
        return make(TokenType::ErrorUnexpectedSymbol, begin);
      }
      case '/': {
        if (peek(1) == '*') {  // nested /* */ comments
          pos_ += 2;
          size_t nesting = 1;
          while (pos_ < n) {
            if (text_[pos_] == '*' && peek(1) == '/') {
              pos_ += 2;
              if (--nesting == 0) break;
            } else if (text_[pos_] == '/' && peek(1) == '*') {
              pos_ += 2;
              ++nesting;
            } else {
              ++pos_;
            }
          }
          if (nesting != 0) {
            pos_ = n;
            return make(TokenType::ErrorMultilineCommentIsNotClosed, begin);
          }
          continue;
        }
        if (peek(1) == '/') {  // C++ style comment (accepted by ClickHouse)
          while (pos_ < n && text_[pos_] != '\n') ++pos_;
          continue;
        }
        ++pos_;
        return make(TokenType::Slash, begin);
      }
      case '=':
        pos_ += peek(1) == '=' ? 2 : 1;
        return make(TokenType::Equals, begin);
      case '!':
        if (peek(1) == '=') {
          pos_ += 2;
          return make(TokenType::NotEquals, begin);
        }
        ++pos_;
        return make(TokenType::ErrorSingleExclamationMark, begin);
      case '<':
        if (peek(1) == '=' && peek(2) == '>') {
          pos_ += 3;
          return make(TokenType::Spaceship, begin);
        }
        if (peek(1) == '=') {
          pos_ += 2;
          return make(TokenType::LessOrEquals, begin);
        }
        if (peek(1) == '>') {
          pos_ += 2;
          return make(TokenType::NotEquals, begin);
        }
        ++pos_;
        return make(TokenType::Less, begin);
      case '>':
        if (peek(1) == '=') {
          pos_ += 2;
          return make(TokenType::GreaterOrEquals, begin);
        }
        ++pos_;
        return make(TokenType::Greater, begin);
      case ':':
        if (peek(1) == ':') {
          pos_ += 2;
          return make(TokenType::DoubleColon, begin);
        }
        ++pos_;
        return make(TokenType::Colon, begin);
      case '|':
        if (peek(1) == '|') {
          pos_ += 2;
          return make(TokenType::Concatenation, begin);
        }
        ++pos_;
        return make(TokenType::ErrorSinglePipeMark, begin);
      case '@':
        if (peek(1) == '@') {
          pos_ += 2;
          return make(TokenType::DoubleAt, begin);
        }
        ++pos_;
        return make(TokenType::At, begin);
      case '$': {
        // Heredoc $tag$ ... $tag$ (tag may be empty).
        size_t p = pos_ + 1;
        while (p < n && isWordCharAscii(text_[p])) ++p;
        if (p < n && text_[p] == '$') {
          std::string_view tag = text_.substr(pos_, p - pos_ + 1);
          size_t close = text_.find(tag, p + 1);
          if (close == std::string_view::npos) {
            pos_ = n;
            return make(TokenType::ErrorHereDocIsNotClosed, begin);
          }
          pos_ = close + tag.size();
          return make(TokenType::HereDoc, begin);
        }
        ++pos_;
        return make(TokenType::ErrorUnexpectedSymbol, begin);
      }
      default:
        break;
    }
    if (isDigitChar(c)) return number(begin);
    if (isWordByte(c)) {
      while (pos_ < n && (isWordByte(text_[pos_]) || text_[pos_] == '$')) {
        if (text_[pos_] == '\xC2' && pos_ + 1 < n && text_[pos_ + 1] == '\xA0') break;
        ++pos_;
      }
      return make(TokenType::BareWord, begin);
    }
    ++pos_;
    return make(TokenType::ErrorUnexpectedSymbol, begin);
  }
}

}  // namespace tally
