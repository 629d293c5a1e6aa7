// Parser plumbing: keyword matching, expectations and error messages, depth control,
// statement dispatch and the public entry points of parser.h.

#include <pthread.h>

#include <algorithm>
#include <cstring>

#include "parser/parser_impl.h"

namespace tally {

namespace {

/// Lowest address the parser may use on this thread's stack before reporting too deep
/// recursion (keeps a reserve for the callers and the exception machinery).
uintptr_t threadStackLimit() {
  thread_local uintptr_t limit = [] {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return uintptr_t(0);
    void* addr = nullptr;
    size_t size = 0;
    uintptr_t result = 0;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr && size > 0) {
      size_t reserve = std::min<size_t>(size / 4, 256 * 1024);
      result = reinterpret_cast<uintptr_t>(addr) + reserve;
    }
    pthread_attr_destroy(&attr);
    return result;
  }();
  return limit;
}

std::pair<size_t, size_t> lineAndColumn(std::string_view text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

std::string toLowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return r;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

SqlParser::SqlParser(std::string_view text, const ParserLimits& limits, bool multi_statement)
    : text_(text), tokens_(text), limits_(limits), multi_statement_(multi_statement) {
  stack_limit_ = threadStackLimit();
}

void SqlParser::enter() {
  ++depth_;
  if (limits_.max_parser_depth && depth_ > limits_.max_parser_depth)
    throw Exception(ErrorCodes::TOO_DEEP_RECURSION,
                    "Maximum parse depth ({}) exceeded. Consider rising max_parser_depth parameter.",
                    limits_.max_parser_depth);
  char marker;
  if (stack_limit_ && reinterpret_cast<uintptr_t>(&marker) < stack_limit_)
    throw Exception(ErrorCodes::TOO_DEEP_RECURSION, "Stack size too small for the parser: query is too deeply nested");
}

bool SqlParser::isWord(std::string_view word, size_t k) {
  const Token& t = peek(k);
  return t.type == TokenType::BareWord && equalsIgnoreCase(tokenText(t), word);
}

bool SqlParser::checkKeyword(const char* keyword) {
  std::string_view kw(keyword);
  size_t k = 0;
  while (!kw.empty()) {
    size_t space = kw.find(' ');
    std::string_view word = kw.substr(0, space);
    if (!isWord(word, k)) {
      // Record the expectation where the mismatch happened for the first word only: the
      // message names the whole keyword.
      if (k == 0) expected(keyword);
      return false;
    }
    ++k;
    kw = space == std::string_view::npos ? std::string_view{} : kw.substr(space + 1);
  }
  return true;
}

bool SqlParser::acceptKeyword(const char* keyword) {
  if (!checkKeyword(keyword)) return false;
  std::string_view kw(keyword);
  pos_ += size_t(std::count(kw.begin(), kw.end(), ' ')) + 1;
  return true;
}

void SqlParser::expectKeyword(const char* keyword) {
  if (!acceptKeyword(keyword)) {
    // A multi-word keyword whose first words matched: report at the first mismatch.
    std::string_view kw(keyword);
    size_t k = 0;
    while (!kw.empty()) {
      size_t space = kw.find(' ');
      if (!isWord(kw.substr(0, space), k)) break;
      ++k;
      kw = space == std::string_view::npos ? std::string_view{} : kw.substr(space + 1);
    }
    pos_ += k;
    expected(keyword);
    fail();
  }
}

bool SqlParser::acceptToken(TokenType type, const char* what) {
  if (peekType() == type) {
    advance();
    return true;
  }
  expected(what);
  return false;
}

void SqlParser::expectToken(TokenType type, const char* what) {
  if (!acceptToken(type, what)) fail();
}

void SqlParser::fail(std::string_view description) {
  touch();
  if (!description.empty()) throw syntaxError(description);
  throw ParseFailure{};
}

Exception SqlParser::syntaxError(std::string_view description) {
  const Token& t = tokens_[max_pos_];
  std::string msg = "Syntax error";
  if (!description.empty()) {
    msg += " (";
    msg += description;
    msg += ")";
  }
  msg += ": failed at position ";
  msg += std::to_string(t.begin + 1);
  auto [line, col] = lineAndColumn(text_, t.begin);
  bool at_end = t.type == TokenType::EndOfStream;
  if (at_end) {
    msg += " (end of query)";
  } else {
    std::string_view tok = tokenText(t).substr(0, 64);
    msg += " ('";
    msg += tok;
    msg += "')";
  }
  msg += " (line " + std::to_string(line) + ", col " + std::to_string(col) + ")";
  if (!at_end) {
    std::string_view excerpt = text_.substr(t.begin, 100);
    msg += ": ";
    msg += excerpt;
    if (t.begin + excerpt.size() < text_.size()) msg += "...";
  }
  if (t.isError()) {
    msg += ". ";
    msg += tokenErrorDescription(t.type);
    return Exception(ErrorCodes::SYNTAX_ERROR, std::move(msg));
  }
  std::vector<const char*> variants;
  for (size_t i = 0; i < num_expected_; ++i) {
    const char* v = expected_[i];
    if (!v) continue;
    bool dup = false;
    for (const char* w : variants)
      if (std::strcmp(v, w) == 0) dup = true;
    if (!dup) variants.push_back(v);
  }
  if (!variants.empty()) {
    msg += variants.size() == 1 ? ". Expected " : ". Expected one of: ";
    for (size_t i = 0; i < variants.size(); ++i) {
      if (i) msg += ", ";
      msg += variants[i];
    }
  }
  return Exception(ErrorCodes::SYNTAX_ERROR, std::move(msg));
}

bool SqlParser::isSelectStart(size_t k) { return isWord("SELECT", k) || isWord("WITH", k); }

void SqlParser::skipOnCluster() {
  if (acceptKeyword("ON CLUSTER")) {
    if (isStringToken())
      parseStringLiteral();
    else
      parseIdentifierName("cluster name");
  }
}

ASTPtr SqlParser::parseStatement() {
  const size_t begin = pos_;
  const Token& t = peek();
  if (t.isError()) fail();
  if (t.type == TokenType::OpeningRoundBracket || isSelectStart()) {
    ASTPtr q = parseSelectWithUnion();
    parseOutputClauses(q->as<ASTQueryWithOutput>());
    finish(*q);
    return q;
  }
  if (t.type == TokenType::BareWord) {
    std::string word = toLowerAscii(tokenText(t));
    if (ASTPtr access = tryParseAccessStatement(begin)) return access;
    if (word == "insert") return parseInsert(begin);
    if (word == "create") return parseCreate(begin, false);
    if (word == "attach") return parseCreate(begin, true);
    if (word == "drop" || word == "detach" || word == "truncate") return parseDrop(begin);
    if (word == "show") return parseShow(begin);
    if (word == "describe" || word == "desc") return parseDescribe(begin);
    if (word == "exists") return parseExists(begin);
    if (word == "set") return parseSet(begin);
    if (word == "explain") return parseExplain(begin);
    if (word == "optimize") return parseOptimize(begin);
    if (word == "alter") return parseAlter(begin);
    if (word == "rename" || word == "exchange") return parseRename(begin);
    if (word == "system") return parseSystem(begin);
    if (word == "kill") return parseKill(begin);
    if (word == "delete") return parseDelete(begin);
    if (word == "use") {
      advance();
      auto q = make<ASTUseQuery>(begin);
      q->database = parseIdentifierName("database name");
      finish(*q);
      return q;
    }
  }
  for (const char* what : {"SELECT", "WITH", "INSERT INTO", "CREATE", "ALTER", "DROP", "SHOW", "DESCRIBE", "EXISTS",
                           "SET", "USE", "EXPLAIN", "OPTIMIZE", "RENAME", "SYSTEM", "KILL", "TRUNCATE", "DELETE", "GRANT", "REVOKE"})
    expected(what);
  fail();
}

ASTPtr SqlParser::parseStandaloneExpression() {
  ASTPtr e = parseExprWithAlias(false);
  if (!peek().isEnd()) {
    expected("end of expression");
    fail();
  }
  return e;
}

void SqlParser::expectEnd(bool allow_semicolon) {
  if (has_data_end_override_) {
    // INSERT with inline data: the data was consumed by byte offset, not by tokens.
    size_t p = data_end_override_;
    Lexer lx(text_, p);
    Token t = lx.next();
    if (t.type == TokenType::Semicolon && allow_semicolon) t = lx.next();
    if (!t.isEnd()) {
      // Position the error at the offending token.
      throw Exception(ErrorCodes::SYNTAX_ERROR,
                      "Syntax error (Multi-statements are not allowed): failed at position {} (line {}, col {}): {}",
                      t.begin + 1, lineAndColumn(text_, t.begin).first, lineAndColumn(text_, t.begin).second,
                      text_.substr(t.begin, 100));
    }
    return;
  }
  if (allow_semicolon && peekType() == TokenType::Semicolon) {
    advance();
    if (!peek().isEnd()) {
      max_pos_ = pos_;
      num_expected_ = 0;
      throw syntaxError("Multi-statements are not allowed");
    }
    return;
  }
  if (!peek().isEnd()) {
    expected("end of query");
    fail();
  }
}

size_t SqlParser::nextStatementStart() {
  statement_end_ = has_data_end_override_ ? data_end_override_ : prevEnd();
  if (has_data_end_override_) {
    Lexer lx(text_, data_end_override_);
    Token t = lx.next();
    if (t.type == TokenType::Semicolon) return t.end;
    return data_end_override_;
  }
  if (peekType() == TokenType::Semicolon) return peek().end;
  if (peek().isEnd()) return text_.size();
  expected("';'");
  expected("end of query");
  fail();
}

// ------------------------------------------------------------------------------------------
// Public API

namespace {

void checkQuerySize(std::string_view text, const ParserLimits& limits) {
  if (limits.max_query_size && text.size() > limits.max_query_size) {
    throw Exception(ErrorCodes::QUERY_IS_TOO_LARGE,
                    "Max query size exceeded (the query is {} bytes, max_query_size is {})",
                    text.size(), limits.max_query_size);
  }
}

template <typename F>
auto runParser(SqlParser& parser, F&& f) {
  try {
    return f();
  } catch (const ParseFailure&) {
    throw parser.syntaxError();
  }
}

/// Where the SQL part of an INSERT with inline data ends (0 when not such an INSERT).
size_t sqlPartOfInsert(const ASTPtr& ast) {
  if (!ast || ast->kind != ASTKind::InsertQuery) return 0;
  const auto& q = ast->as<ASTInsertQuery>();
  return q.has_inline_data ? q.data_begin : 0;
}

}  // namespace

ASTPtr parseQuery(std::string_view query, const ParserLimits& limits) {
  const bool too_large = limits.max_query_size && query.size() > limits.max_query_size;
  SqlParser parser(query, limits, false);
  ASTPtr ast;
  try {
    ast = runParser(parser, [&] {
      ASTPtr a = parser.parseStatement();
      parser.expectEnd(true);
      return a;
    });
  } catch (const Exception&) {
    if (too_large) checkQuerySize(query, limits);
    throw;
  }
  if (too_large) {
    // Only INSERT may exceed the limit, with its inline data (which is not SQL).
    size_t sql_part = sqlPartOfInsert(ast);
    if (!sql_part || sql_part > limits.max_query_size) checkQuerySize(query, limits);
  }
  return ast;
}

ASTPtr parseExpression(std::string_view text, const ParserLimits& limits) {
  checkQuerySize(text, limits);
  SqlParser parser(text, limits, false);
  return runParser(parser, [&] { return parser.parseStandaloneExpression(); });
}

namespace {

/// Offset just past the first ';' token at or after `from` (or the text's end).
size_t skipToNextStatement(std::string_view text, size_t from, size_t& statement_end) {
  Lexer lx(text, from);
  while (true) {
    Token t = lx.next();
    if (t.isEnd()) {
      statement_end = text.size();
      return text.size();
    }
    if (t.type == TokenType::Semicolon) {
      statement_end = t.begin;
      return t.end;
    }
  }
}

}  // namespace

std::vector<ParsedStatement> parseMultipleQueries(std::string_view text, const ParserLimits& limits,
                                                  bool keep_going) {
  std::vector<ParsedStatement> result;
  size_t offset = 0;
  while (offset < text.size()) {
    Lexer lx(text, offset);
    Token first = lx.next();
    if (first.isEnd()) break;
    if (first.type == TokenType::Semicolon) {  // empty statement
      offset = first.end;
      continue;
    }
    const size_t begin = first.begin;
    std::string_view rest = text.substr(begin);
    SqlParser parser(rest, limits, true);
    ParsedStatement st;
    size_t next = 0;
    try {
      st.ast = runParser(parser, [&] {
        ASTPtr a = parser.parseStatement();
        next = parser.nextStatementStart();
        return a;
      });
    } catch (const Exception&) {
      if (!keep_going) throw;
      st.error = std::current_exception();
      st.begin = begin;
      offset = skipToNextStatement(text, begin, st.end);
      result.push_back(std::move(st));
      continue;
    }
    st.begin = begin;
    st.end = begin + parser.statementEnd();
    if (limits.max_query_size && st.end - st.begin > limits.max_query_size) {
      size_t sql_part = sqlPartOfInsert(st.ast);
      if (!sql_part || sql_part > limits.max_query_size)
        checkQuerySize(text.substr(st.begin, st.end - st.begin), limits);
    }
    result.push_back(std::move(st));
    offset = begin + next;
  }
  return result;
}

}  // namespace tally
