#pragma once
// Internal: the recursive-descent parser shared by parse_*.cpp. Not part of the public API
// (use parser.h). Productions throw ParseFailure when the input does not match; the entry
// points turn that into SYNTAX_ERROR built from the furthest position any production reached
// and what was expected there.

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "common/exception.h"
#include "parser/ast.h"
#include "parser/lexer.h"
#include "parser/parser.h"

namespace tally {

struct ParseFailure {};

/// Operator precedences (higher binds tighter).
enum Precedence : int {
  kPrecTernary = 2,
  kPrecOr = 3,
  kPrecAnd = 4,
  kPrecNot = 5,
  kPrecIsNull = 6,
  kPrecComparison = 7,
  kPrecConcat = 8,
  kPrecAdditive = 9,
  kPrecMultiplicative = 10,
  kPrecUnaryMinus = 11,
};

class SqlParser {
 public:
  /// Parses `text`; node byte ranges are offsets into `text`.
  SqlParser(std::string_view text, const ParserLimits& limits, bool multi_statement);

  /// One statement; stops before ';' / end of input.
  ASTPtr parseStatement();
  /// Standalone expression (with optional alias).
  ASTPtr parseStandaloneExpression();
  /// Requires end of input, optionally after one ';'. Returns the byte offset where the
  /// statement text ends.
  void expectEnd(bool allow_semicolon);
  /// For multi-statement splitting: after parseStatement, the byte offset just past the
  /// statement (and its data) and where the next statement may start.
  size_t statementEnd() const { return statement_end_; }
  size_t nextStatementStart();

  [[noreturn]] void fail(std::string_view description = {});
  /// Converts a ParseFailure into the SYNTAX_ERROR exception.
  Exception syntaxError(std::string_view description = {});

  // ---- tokens
  const Token& peek(size_t k = 0) { return tokens_[pos_ + k]; }
  TokenType peekType(size_t k = 0) { return tokens_[pos_ + k].type; }
  void advance() { ++pos_; }
  std::string_view tokenText(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  std::string_view text() const { return text_; }
  size_t pos_ = 0;  // token index

  /// Records that `what` would have been accepted at the current token.
  void expected(const char* what) {
    if (pos_ > max_pos_) {
      max_pos_ = pos_;
      num_expected_ = 0;
    }
    if (pos_ == max_pos_ && num_expected_ < expected_.size()) expected_[num_expected_++] = what;
  }
  void touch() { expected(nullptr); }

  /// Single keyword at lookahead k (case-insensitive).
  bool isWord(std::string_view word, size_t k = 0);
  /// Multi-word keyword ("ORDER BY"); consumes on match, records the expectation otherwise.
  bool checkKeyword(const char* keyword);  // no consume
  bool acceptKeyword(const char* keyword);
  void expectKeyword(const char* keyword);
  bool acceptToken(TokenType type, const char* what);
  void expectToken(TokenType type, const char* what);

  // ---- depth control
  void enter();
  void leave() { --depth_; }
  struct DepthGuard {
    explicit DepthGuard(SqlParser& p) : parser(p) { parser.enter(); }
    ~DepthGuard() { parser.leave(); }
    SqlParser& parser;
  };

  template <typename T>
  std::shared_ptr<T> make(size_t begin_token) {
    auto node = std::make_shared<T>();
    node->begin = tokens_[begin_token].begin;
    node->end = node->begin;
    return node;
  }
  void finish(IAST& node) { node.end = pos_ > 0 ? tokens_[pos_ - 1].end : node.begin; }
  size_t byteBegin(size_t token_index) { return tokens_[token_index].begin; }
  size_t prevEnd() { return pos_ > 0 ? tokens_[pos_ - 1].end : 0; }

  // ---- names and literals (parse_expression.cpp)
  bool isIdentifierToken(size_t k = 0);
  std::string parseIdentifierName(const char* what = "identifier");
  /// [db.]name
  void parseQualifiedName(std::string& database, std::string& name);
  std::string parseStringLiteral();
  bool isStringToken(size_t k = 0);
  Field parseNumberField(const Token& t, bool negative);
  /// Type name text, normalised: Nullable(String), Tuple(a UInt8, b String), Enum8('a' = 1).
  std::string parseTypeText();
  /// Literal value for SET / SETTINGS (number, string, NULL, bool, array, tuple).
  Field parseSettingValue();
  std::shared_ptr<ASTSetQuery> parseSettingsList(size_t begin_token, bool allow_parenthesis = false);

  // ---- expressions (parse_expression.cpp)
  ASTPtr parseExpr();                          // full expression, no alias
  ASTPtr parseExprWithAlias(bool allow_implicit);
  ASTPtr parseOperand(int min_prec);
  ASTPtr parseUnaryOperand();
  ASTPtr parsePostfix(ASTPtr node, size_t begin_token);
  ASTPtr parsePrimary();
  ASTPtr parseParenthesized();
  ASTPtr parseArrayLiteral();
  ASTPtr parseIdentifierOrFunction();
  ASTPtr parseFunctionCall(std::string name, size_t begin_token);
  ASTPtr parseSpecialFunction(std::string_view lower_name, size_t begin_token, bool& matched);
  ASTPtr parseCase(size_t begin_token);
  ASTPtr parseInterval(size_t begin_token);
  ASTPtr parseQueryParameter();
  ASTPtr parseAsteriskTail(ASTPtr node);
  std::shared_ptr<ASTExpressionList> parseExpressionList(bool allow_implicit_alias);
  std::shared_ptr<ASTExpressionList> parseFunctionArguments(bool& distinct);
  bool tryParseAlias(IAST& node, bool allow_implicit);
  bool isImplicitAliasAllowed(size_t k = 0);
  /// True when the token at k can begin an expression.
  bool canStartExpression(size_t k = 0);
  bool isSelectStart(size_t k = 0);

  // ---- SELECT (parse_select.cpp)
  ASTPtr parseSelectWithUnion();
  ASTPtr parseSelectWithUnionTail(ASTPtr first, size_t begin_token);
  void parseUnionChain(ASTSelectWithUnionQuery& u);
  ASTPtr parseUnionElement();
  ASTPtr parseSelect();
  void parseOutputClauses(ASTQueryWithOutput& q);
  ASTPtr parseTables();
  ASTPtr parseTableExpression();
  ASTPtr parseOrderByList();
  ASTPtr parseWindowDefinition();
  void parseWindowFrameBound(WindowFrameBound& bound);
  std::shared_ptr<ASTSubquery> parseSubqueryInParens();

  // ---- CREATE (parse_create.cpp)
  ASTPtr parseCreate(size_t begin_token, bool attach);
  ASTPtr parseColumnDeclaration(bool type_required);
  bool parseTableElement(ASTCreateQuery& q);
  ASTPtr parseStorage(size_t begin_token);
  void parseDictionary(ASTCreateQuery& q);
  ASTPtr parseKeyValueFunction();

  // ---- other statements (parse_statements.cpp)
  ASTPtr parseInsert(size_t begin_token);
  ASTPtr parseDrop(size_t begin_token);
  ASTPtr parseShow(size_t begin_token);
  ASTPtr parseDescribe(size_t begin_token);
  ASTPtr parseExists(size_t begin_token);
  ASTPtr parseSet(size_t begin_token);
  ASTPtr parseExplain(size_t begin_token);
  ASTPtr parseOptimize(size_t begin_token);
  ASTPtr parseAlter(size_t begin_token);
  AlterCommand parseAlterCommand();
  ASTPtr parseRename(size_t begin_token);
  ASTPtr parseSystem(size_t begin_token);
  ASTPtr parseKill(size_t begin_token);
  ASTPtr parseDelete(size_t begin_token);
  void skipOnCluster();

  // ---- access control (parse_access.cpp)
  /// CREATE/ALTER/DROP USER|ROLE|SETTINGS PROFILE|QUOTA, GRANT, REVOKE, SHOW GRANTS|USERS|...;
  /// null (nothing consumed) when the statement at `begin_token` is not one of them.
  ASTPtr tryParseAccessStatement(size_t begin_token);

 private:
  std::string_view text_;
  Tokens tokens_;
  ParserLimits limits_;
  bool multi_statement_;
  size_t depth_ = 0;
  uintptr_t stack_limit_ = 0;  // lowest safe stack address (0: unknown)
  size_t max_pos_ = 0;
  size_t num_expected_ = 0;
  std::array<const char*, 48> expected_{};
  size_t statement_end_ = 0;   // byte offset
  size_t data_end_override_ = 0;
  bool has_data_end_override_ = false;

};

/// Interval unit keyword -> kind name ("Day"), or empty.
std::string_view intervalKindFromWord(std::string_view word);
std::string toLowerAscii(std::string_view s);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
/// Removes quotes and processes escapes of a '...', `...` or "..." token.
std::string unquoteToken(std::string_view token);

}  // namespace tally
