#pragma once
// The SQL tokenizer. Tokens are byte ranges into the query text (no allocation per token);
// whitespace and comments (--, # , /* */) are skipped. Malformed input yields Error* tokens,
// never an exception. Tokens is a lazily filled, index-addressable token buffer with
// lookahead, used by the recursive-descent parser for backtracking.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tally {

enum class TokenType : uint8_t {
  BareWord,          // identifiers and keywords
  Number,
  StringLiteral,     // '...'
  QuotedIdentifier,  // `...` or "..."
  HereDoc,           // $tag$...$tag$

  OpeningRoundBracket,
  ClosingRoundBracket,
  OpeningSquareBracket,
  ClosingSquareBracket,
  OpeningCurlyBrace,
  ClosingCurlyBrace,
  Comma,
  Semicolon,
  Dot,
  Asterisk,
  Plus,
  Minus,
  Slash,
  Percent,
  Arrow,         // ->
  QuestionMark,
  Colon,
  DoubleColon,   // ::
  Equals,        // = or ==
  NotEquals,     // != or <>
  Less,
  Greater,
  LessOrEquals,
  GreaterOrEquals,
  Spaceship,     // <=>
  Concatenation, // ||
  At,
  DoubleAt,

  EndOfStream,

  // Errors (the token covers the offending text).
  ErrorMultilineCommentIsNotClosed,
  ErrorSingleQuoteIsNotClosed,
  ErrorDoubleQuoteIsNotClosed,
  ErrorBackQuoteIsNotClosed,
  ErrorSingleExclamationMark,
  ErrorSinglePipeMark,
  ErrorWrongNumber,
  ErrorHereDocIsNotClosed,
  ErrorUnexpectedSymbol,
};

struct Token {
  TokenType type = TokenType::EndOfStream;
  size_t begin = 0, end = 0;  // byte range in the text

  bool isError() const { return type >= TokenType::ErrorMultilineCommentIsNotClosed; }
  bool isEnd() const { return type == TokenType::EndOfStream; }
  size_t size() const { return end - begin; }
};

/// Human-readable description of an error token ("Single quoted string is not closed").
std::string_view tokenErrorDescription(TokenType type);

/// Produces significant tokens one by one, starting at `pos`.
class Lexer {
 public:
  explicit Lexer(std::string_view text, size_t pos = 0) : text_(text), pos_(pos) {}
  Token next();
  size_t position() const { return pos_; }

 private:
  Token nextImpl();
  Token make(TokenType type, size_t begin) const { return Token{type, begin, pos_}; }
  Token quoted(char quote, TokenType ok, TokenType error, size_t begin);
  Token number(size_t begin);

  std::string_view text_;
  size_t pos_;
  TokenType prev_type_ = TokenType::EndOfStream;  // previous significant token (for `.` disambiguation)
};

/// Lazily tokenized text: tokens are produced on demand and kept for backtracking. After
/// EndOfStream or an error token, every further index returns that token.
class Tokens {
 public:
  explicit Tokens(std::string_view text, size_t begin = 0) : text_(text), lexer_(text, begin) {}

  const Token& operator[](size_t index) {
    while (index >= tokens_.size() && !finished_) {
      tokens_.push_back(lexer_.next());
      if (tokens_.back().isEnd() || tokens_.back().isError()) finished_ = true;
    }
    return index < tokens_.size() ? tokens_[index] : tokens_.back();
  }
  std::string_view text() const { return text_; }
  std::string_view text(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }

 private:
  std::string_view text_;
  Lexer lexer_;
  std::vector<Token> tokens_;
  bool finished_ = false;
};

inline bool isWordCharAscii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace tally
