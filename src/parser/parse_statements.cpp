// Statements other than SELECT and CREATE: INSERT (with inline data), DROP / DETACH /
// TRUNCATE, SHOW, DESCRIBE, EXISTS, SET, EXPLAIN, OPTIMIZE, ALTER, RENAME / EXCHANGE,
// SYSTEM, KILL, DELETE.

#include "parser/parser_impl.h"

namespace tally {

namespace {

bool isBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

/// Words that make up SYSTEM commands (the rest is the target).
constexpr std::string_view kSystemWords[] = {
    "RELOAD",   "ASYNC", "INSERT", "QUEUE", "DICTIONARY", "DICTIONARIES", "FLUSH",    "LOGS",     "STOP",        "START",     "MERGES",
    "TTL",      "MOVES",      "FETCHES",      "SENDS",    "REPLICATED", "DISTRIBUTED", "REPLICATION", "QUEUES",
    "DROP",     "DNS",        "MARK",         "UNCOMPRESSED", "COMPILED", "EXPRESSION", "CACHE",   "QUERY",
    "FILESYSTEM", "SCHEMA",   "SYNC",         "REPLICA",  "RESTART",  "REPLICAS",    "SHUTDOWN",  "KILL",
    "CONFIG",   "EMBEDDED",   "FUNCTIONS",    "FUNCTION", "MODEL",    "MODELS",      "VIEW",      "VIEWS",
    "REFRESH",  "CANCEL",     "WAIT",         "LOADING",  "PARTS",    "PULLING",     "ENABLE",    "DISABLE",
    "FAILPOINT", "UNFREEZE",  "MMAP",         "INDEX",    "PAGE",     "ASYNCHRONOUS", "METRICS",  "USERS",
    "CONDITION", "LISTEN",    "UNLISTEN",     "DATABASE", "TABLE",    "MUTATIONS",   "CLEANUP",   "PRIMARY",
    "KEY",      "CONNECTIONS", "FORMAT",      "SKIPPING", "CLEAR",    "FREEZE",      "WITH",      "NAME",
};

/// Commands after which the next name is always the target.
constexpr std::string_view kSystemTargetCommands[] = {
    "RELOAD DICTIONARY", "SYNC REPLICA", "RESTART REPLICA", "RELOAD FUNCTION", "RELOAD MODEL", "REFRESH VIEW",
    "FLUSH DISTRIBUTED", "DROP REPLICA", "START VIEW", "STOP VIEW", "CANCEL VIEW", "WAIT VIEW", "DROP DATABASE REPLICA",
};

bool isSystemWord(std::string_view w) {
  for (auto s : kSystemWords)
    if (equalsIgnoreCase(w, s)) return true;
  return false;
}

}  // namespace

ASTPtr SqlParser::parseInsert(size_t begin) {
  advance();  // INSERT
  expectKeyword("INTO");
  auto q = make<ASTInsertQuery>(begin);
  if (acceptKeyword("FUNCTION")) {
    const size_t name_begin = pos_;
    std::string name = parseIdentifierName("table function");
    q->table_function = parseFunctionCall(std::move(name), name_begin);
  } else {
    if (isWord("TABLE") && isIdentifierToken(1)) advance();
    parseQualifiedName(q->database, q->table);
  }
  if (peekType() == TokenType::OpeningRoundBracket && !isSelectStart(1)) {
    advance();
    auto list = make<ASTExpressionList>(pos_);
    do {
      const size_t col_begin = pos_;
      auto id = make<ASTIdentifier>(col_begin);
      id->parts.push_back(parseIdentifierName("column name"));
      while (peekType() == TokenType::Dot && isIdentifierToken(1)) {
        advance();
        id->parts.push_back(parseIdentifierName("column name"));
      }
      finish(*id);
      list->children.push_back(id);
    } while (acceptToken(TokenType::Comma, "','"));
    expectToken(TokenType::ClosingRoundBracket, "')'");
    finish(*list);
    q->columns = list;
  }
  if (acceptKeyword("SETTINGS")) q->settings = parseSettingsList(pos_ - 1);

  if (acceptKeyword("VALUES")) {
    q->format = "Values";
    // The rows are not parsed here: they run to the terminating ';' (outside strings) or the end.
    const size_t values_end = prevEnd();
    Lexer lx(text(), values_end);
    size_t first = 0, last = values_end;
    bool any = false;
    while (true) {
      Token t = lx.next();
      if (t.isEnd() || t.type == TokenType::Semicolon) break;
      if (!any) first = t.begin;
      any = true;
      last = t.end;
    }
    q->has_inline_data = any;
    if (any) {
      q->data_begin = first;
      q->data_end = last;
    }
    has_data_end_override_ = true;
    data_end_override_ = last;
    finish(*q);
    q->end = last;
    return q;
  }
  if (acceptKeyword("FORMAT")) {
    Token name = peek();
    if (name.type != TokenType::BareWord && name.type != TokenType::QuotedIdentifier) {
      expected("format name");
      fail();
    }
    q->format = parseIdentifierName("format name");
    std::string_view all = text();
    size_t p = name.end;
    while (p < all.size() && (all[p] == ' ' || all[p] == '\t' || all[p] == '\f')) ++p;
    if (p < all.size() && all[p] == '\r') ++p;
    if (p < all.size() && all[p] == '\n') ++p;
    size_t data_end = all.size();
    if (p < all.size() && all[p] == ';') {
      data_end = p;  // no inline data; the statement ends here
    } else if (multi_statement_) {
      size_t nl = all.find('\n', p);
      data_end = nl == std::string_view::npos ? all.size() : nl;
      if (data_end > p && all[data_end - 1] == '\r') --data_end;
    }
    if (data_end > p && !isBlank(all.substr(p, data_end - p))) {
      q->has_inline_data = true;
      q->data_begin = p;
      q->data_end = data_end;
    }
    has_data_end_override_ = true;
    data_end_override_ = q->has_inline_data ? data_end : name.end;
    finish(*q);
    q->end = data_end_override_;
    return q;
  }
  if (isSelectStart() || peekType() == TokenType::OpeningRoundBracket) {
    q->select = parseSelectWithUnion();
    finish(*q);
    return q;
  }
  expected("VALUES");
  expected("FORMAT");
  expected("SELECT");
  fail();
}

ASTPtr SqlParser::parseDrop(size_t begin) {
  auto q = make<ASTDropQuery>(begin);
  std::string word = toLowerAscii(tokenText(peek()));
  advance();
  q->drop_kind = word == "drop" ? ASTDropQuery::Kind::Drop
                 : word == "detach" ? ASTDropQuery::Kind::Detach
                                    : ASTDropQuery::Kind::Truncate;
  if (acceptKeyword("TEMPORARY")) q->temporary = true;
  if (acceptKeyword("DATABASE")) {
    q->is_database = true;
  } else if (acceptKeyword("DICTIONARY")) {
    q->is_dictionary = true;
  } else if (acceptKeyword("VIEW")) {
    q->is_view = true;
  } else if (acceptKeyword("TABLE")) {
  } else if (q->drop_kind != ASTDropQuery::Kind::Truncate) {
    fail();
  }
  if (acceptKeyword("IF EXISTS")) q->if_exists = true;
  if (q->is_database)
    q->database = parseIdentifierName("database name");
  else
    parseQualifiedName(q->database, q->table);
  skipOnCluster();
  acceptKeyword("PERMANENTLY");
  if (acceptKeyword("SYNC") || acceptKeyword("NO DELAY")) q->sync = true;
  finish(*q);
  return q;
}

ASTPtr SqlParser::parseShow(size_t begin) {
  advance();  // SHOW
  if (acceptKeyword("CREATE")) {
    auto q = make<ASTShowCreateQuery>(begin);
    if (acceptKeyword("TEMPORARY")) q->temporary = true;
    if (acceptKeyword("DATABASE")) {
      q->what = ASTShowCreateQuery::What::Database;
      q->database = parseIdentifierName("database name");
    } else {
      if (acceptKeyword("DICTIONARY")) q->what = ASTShowCreateQuery::What::Dictionary;
      else if (acceptKeyword("VIEW")) q->what = ASTShowCreateQuery::What::View;
      else if (isWord("TABLE") && isIdentifierToken(1)) advance();
      parseQualifiedName(q->database, q->table);
    }
    parseOutputClauses(*q);
    return q;
  }
  auto q = make<ASTShowTablesQuery>(begin);
  using What = ASTShowTablesQuery::What;
  acceptKeyword("FULL");
  if (acceptKeyword("TEMPORARY")) q->temporary = true;
  if (acceptKeyword("DATABASES")) {
    q->what = What::Databases;
  } else if (acceptKeyword("PROCESSLIST")) {
    q->what = What::Processlist;
  } else if (acceptKeyword("DICTIONARIES")) {
    q->what = What::Dictionaries;
  } else if (acceptKeyword("TABLES")) {
    q->what = What::Tables;
  } else if (acceptKeyword("SETTINGS") || acceptKeyword("CHANGED SETTINGS")) {
    q->what = What::Settings;
  } else if (acceptKeyword("FUNCTIONS")) {
    q->what = What::Functions;
  } else {
    acceptKeyword("EXTENDED");
    if (!acceptKeyword("COLUMNS")) expectKeyword("FIELDS");
    q->what = What::Columns;
    if (!acceptKeyword("FROM")) expectKeyword("IN");
    parseQualifiedName(q->from_database, q->from);
  }
  if (q->what == What::Tables || q->what == What::Dictionaries || q->what == What::Columns) {
    if (acceptKeyword("FROM") || acceptKeyword("IN")) {
      if (q->what == What::Columns)
        q->from_database = parseIdentifierName("database name");
      else
        q->from = parseIdentifierName("database name");
    }
  }
  if (q->what != What::Processlist) {
    bool not_like = acceptKeyword("NOT");
    if (acceptKeyword("LIKE") || (acceptKeyword("ILIKE") && (q->case_insensitive_like = true))) {
      q->has_like = true;
      q->not_like = not_like;
      q->like = parseStringLiteral();
    } else if (not_like) {
      expectKeyword("LIKE");
    } else if (acceptKeyword("WHERE")) {
      q->where = parseExpr();
    }
    if (acceptKeyword("LIMIT")) q->limit = parseExpr();
  }
  parseOutputClauses(*q);
  return q;
}

ASTPtr SqlParser::parseDescribe(size_t begin) {
  advance();  // DESCRIBE / DESC
  auto q = make<ASTDescribeQuery>(begin);
  if (isWord("TABLE") && (isIdentifierToken(1) || peekType(1) == TokenType::OpeningRoundBracket)) advance();
  q->table_expression = parseTableExpression();
  parseOutputClauses(*q);
  return q;
}

ASTPtr SqlParser::parseExists(size_t begin) {
  advance();  // EXISTS
  auto q = make<ASTExistsQuery>(begin);
  if (acceptKeyword("TEMPORARY")) q->temporary = true;
  if (acceptKeyword("DATABASE")) {
    q->what = ASTExistsQuery::What::Database;
    q->database = parseIdentifierName("database name");
  } else {
    if (acceptKeyword("DICTIONARY")) q->what = ASTExistsQuery::What::Dictionary;
    else if (acceptKeyword("VIEW")) q->what = ASTExistsQuery::What::View;
    else if (isWord("TABLE") && isIdentifierToken(1)) advance();
    parseQualifiedName(q->database, q->table);
  }
  parseOutputClauses(*q);
  return q;
}

ASTPtr SqlParser::parseSet(size_t begin) {
  advance();  // SET
  auto q = parseSettingsList(begin);
  q->begin = byteBegin(begin);
  return q;
}

ASTPtr SqlParser::parseExplain(size_t begin) {
  advance();  // EXPLAIN
  auto q = make<ASTExplainQuery>(begin);
  using Kind = ASTExplainQuery::Kind;
  if (acceptKeyword("AST")) q->explain_kind = Kind::AST;
  else if (acceptKeyword("SYNTAX")) q->explain_kind = Kind::Syntax;
  else if (acceptKeyword("PLAN")) q->explain_kind = Kind::Plan;
  else if (acceptKeyword("PIPELINE")) q->explain_kind = Kind::Pipeline;
  else if (acceptKeyword("ESTIMATE")) q->explain_kind = Kind::Estimate;
  if (isIdentifierToken() && peekType(1) == TokenType::Equals) q->explain_settings = parseSettingsList(pos_);
  if (peekType() == TokenType::OpeningRoundBracket || isSelectStart()) {
    q->query = parseSelectWithUnion();
    finish(*q->query);
  } else {
    q->query = parseStatement();
  }
  parseOutputClauses(*q);
  return q;
}

ASTPtr SqlParser::parseOptimize(size_t begin) {
  advance();  // OPTIMIZE
  expectKeyword("TABLE");
  auto q = make<ASTOptimizeQuery>(begin);
  parseQualifiedName(q->database, q->table);
  skipOnCluster();
  if (acceptKeyword("PARTITION")) {
    if (acceptKeyword("ID")) {
      auto f = std::make_shared<ASTFunction>("ID", ASTs{});
      f->args().push_back(std::make_shared<ASTLiteral>(Field(parseStringLiteral())));
      q->partition = f;
    } else {
      q->partition = parseExpr();
    }
  }
  if (acceptKeyword("FINAL")) q->final = true;
  if (acceptKeyword("DEDUPLICATE")) {
    q->deduplicate = true;
    if (acceptKeyword("BY")) parseExpressionList(false);
  }
  finish(*q);
  return q;
}

AlterCommand SqlParser::parseAlterCommand() {
  using Type = AlterCommand::Type;
  AlterCommand c{};
  auto partition = [&]() -> ASTPtr {
    if (acceptKeyword("ID")) {
      auto f = std::make_shared<ASTFunction>("ID", ASTs{});
      f->args().push_back(std::make_shared<ASTLiteral>(Field(parseStringLiteral())));
      return f;
    }
    return parseExpr();
  };
  auto in_partition = [&] {
    if (acceptKeyword("IN PARTITION")) c.partition = partition();
  };
  auto position = [&] {
    if (acceptKeyword("FIRST"))
      c.first = true;
    else if (acceptKeyword("AFTER"))
      c.after = parseIdentifierName("column name");
  };
  if (acceptKeyword("ADD COLUMN")) {
    c.type = Type::AddColumn;
    if (acceptKeyword("IF NOT EXISTS")) c.if_not_exists = true;
    c.column_declaration = parseColumnDeclaration(true);
    c.column = c.column_declaration->as<ASTColumnDeclaration>().name;
    position();
  } else if (acceptKeyword("DROP COLUMN")) {
    c.type = Type::DropColumn;
    if (acceptKeyword("IF EXISTS")) c.if_exists = true;
    c.column = parseIdentifierName("column name");
  } else if (acceptKeyword("MODIFY COLUMN")) {
    c.type = Type::ModifyColumn;
    if (acceptKeyword("IF EXISTS")) c.if_exists = true;
    c.column_declaration = parseColumnDeclaration(false);
    c.column = c.column_declaration->as<ASTColumnDeclaration>().name;
    position();
  } else if (acceptKeyword("RENAME COLUMN")) {
    c.type = Type::RenameColumn;
    if (acceptKeyword("IF EXISTS")) c.if_exists = true;
    c.column = parseIdentifierName("column name");
    expectKeyword("TO");
    c.new_name = parseIdentifierName("column name");
  } else if (acceptKeyword("COMMENT COLUMN")) {
    c.type = Type::CommentColumn;
    if (acceptKeyword("IF EXISTS")) c.if_exists = true;
    auto decl = make<ASTColumnDeclaration>(pos_);
    decl->name = c.column = parseIdentifierName("column name");
    decl->comment = parseStringLiteral();
    finish(*decl);
    c.column_declaration = decl;
  } else if (acceptKeyword("CLEAR COLUMN")) {
    c.type = Type::ClearColumn;
    if (acceptKeyword("IF EXISTS")) c.if_exists = true;
    c.column = parseIdentifierName("column name");
    in_partition();
  } else if (acceptKeyword("MATERIALIZE COLUMN")) {
    c.type = Type::MaterializeColumn;
    c.column = parseIdentifierName("column name");
    in_partition();
  } else if (acceptKeyword("DELETE")) {
    c.type = Type::Delete;
    in_partition();
    expectKeyword("WHERE");
    c.predicate = parseExpr();
  } else if (acceptKeyword("UPDATE")) {
    c.type = Type::Update;
    do {
      std::string name = parseIdentifierName("column name");
      expectToken(TokenType::Equals, "'='");
      c.assignments.emplace_back(std::move(name), parseExpr());
    } while (peekType() == TokenType::Comma && isIdentifierToken(1) && peekType(2) == TokenType::Equals &&
             (advance(), true));
    in_partition();
    expectKeyword("WHERE");
    c.predicate = parseExpr();
  } else if (acceptKeyword("DROP PARTITION")) {
    c.type = Type::DropPartition;
    c.partition = partition();
  } else if (acceptKeyword("MODIFY SETTING")) {
    c.type = Type::ModifySetting;
    c.settings = parseSettingsList(pos_);
  } else if (acceptKeyword("MODIFY TTL")) {
    c.type = Type::ModifyTTL;
    auto list = make<ASTExpressionList>(pos_);
    auto next_is_command = [&] {
      for (const char* w : {"ADD", "DROP", "MODIFY", "RENAME", "COMMENT", "CLEAR", "MATERIALIZE", "DELETE", "UPDATE"})
        if (isWord(w, 1)) return true;
      return false;
    };
    do {
      list->children.push_back(parseExpr());
      acceptKeyword("DELETE");
    } while (peekType() == TokenType::Comma && !next_is_command() && (advance(), true));
    finish(*list);
    c.ttl = list;
  } else {
    fail();
  }
  return c;
}

ASTPtr SqlParser::parseAlter(size_t begin) {
  advance();  // ALTER
  expectKeyword("TABLE");
  auto q = make<ASTAlterQuery>(begin);
  parseQualifiedName(q->database, q->table);
  skipOnCluster();
  do {
    q->commands.push_back(parseAlterCommand());
  } while (acceptToken(TokenType::Comma, "','"));
  finish(*q);
  return q;
}

ASTPtr SqlParser::parseRename(size_t begin) {
  auto q = make<ASTRenameQuery>(begin);
  q->exchange = isWord("EXCHANGE");
  advance();
  if (q->exchange) {
    if (acceptKeyword("DICTIONARIES"))
      q->is_dictionary = true;
    else
      expectKeyword("TABLES");
  } else if (acceptKeyword("DATABASE")) {
    q->is_database = true;
  } else if (acceptKeyword("DICTIONARY")) {
    q->is_dictionary = true;
  } else {
    expectKeyword("TABLE");
  }
  do {
    ASTRenameQuery::Element e;
    if (q->is_database)
      e.from_table = parseIdentifierName("database name");
    else
      parseQualifiedName(e.from_database, e.from_table);
    expectKeyword(q->exchange ? "AND" : "TO");
    if (q->is_database)
      e.to_table = parseIdentifierName("database name");
    else
      parseQualifiedName(e.to_database, e.to_table);
    q->elements.push_back(std::move(e));
  } while (!q->exchange && acceptToken(TokenType::Comma, "','"));
  skipOnCluster();
  finish(*q);
  return q;
}

ASTPtr SqlParser::parseSystem(size_t begin) {
  advance();  // SYSTEM
  auto q = make<ASTSystemQuery>(begin);
  while (peekType() == TokenType::BareWord && isSystemWord(tokenText(peek())) &&
         peekType(1) != TokenType::Dot) {
    if (!q->command.empty()) {
      bool takes_target = false;
      for (auto cmd : kSystemTargetCommands)
        if (q->command == cmd) takes_target = true;
      if (takes_target) break;
      q->command += ' ';
    }
    for (char ch : tokenText(peek())) q->command += char(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    advance();
  }
  if (q->command.empty()) {
    expected("SYSTEM command (RELOAD DICTIONARY, FLUSH LOGS, STOP MERGES, ...)");
    fail();
  }
  skipOnCluster();
  if (isIdentifierToken()) parseQualifiedName(q->database, q->target);
  else if (isStringToken()) q->target = parseStringLiteral();
  skipOnCluster();
  finish(*q);
  return q;
}

ASTPtr SqlParser::parseKill(size_t begin) {
  advance();  // KILL
  auto q = make<ASTKillQuery>(begin);
  if (acceptKeyword("MUTATION"))
    q->mutation = true;
  else
    expectKeyword("QUERY");
  skipOnCluster();
  expectKeyword("WHERE");
  q->where = parseExpr();
  if (acceptKeyword("SYNC"))
    q->sync = true;
  else if (acceptKeyword("TEST"))
    q->test = true;
  else
    acceptKeyword("ASYNC");
  parseOutputClauses(*q);
  return q;
}

ASTPtr SqlParser::parseDelete(size_t begin) {
  advance();  // DELETE
  expectKeyword("FROM");
  auto q = make<ASTDeleteQuery>(begin);
  parseQualifiedName(q->database, q->table);
  skipOnCluster();
  expectKeyword("WHERE");
  q->predicate = parseExpr();
  finish(*q);
  return q;
}

}  // namespace tally
