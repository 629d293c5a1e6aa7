// CREATE / ATTACH: tables (columns, indices, constraints, storage), views, materialized
// views, databases and dictionaries.

#include "parser/parser_impl.h"

namespace tally {

namespace {

std::shared_ptr<ASTFunction> makeCreateFunction(std::string name, ASTs args) {
  return std::make_shared<ASTFunction>(std::move(name), std::move(args));
}

}  // namespace

ASTPtr SqlParser::parseColumnDeclaration(bool type_required) {
  auto c = make<ASTColumnDeclaration>(pos_);
  c->name = parseIdentifierName("column name");
  auto is_modifier = [&](size_t k) {
    for (const char* w : {"NULL", "NOT", "DEFAULT", "MATERIALIZED", "ALIAS", "EPHEMERAL", "COMMENT", "CODEC", "TTL",
                          "PRIMARY", "SETTINGS", "STATISTICS", "AUTO_INCREMENT", "FIRST", "AFTER"})
      if (isWord(w, k)) return true;
    return false;
  };
  const size_t type_pos = pos_;
  if (isIdentifierToken() && !is_modifier(0)) c->type = parseTypeText();
  while (true) {
    if (acceptKeyword("NOT NULL")) {
      c->null_modifier = false;
    } else if (acceptKeyword("NULL")) {
      c->null_modifier = true;
    } else if (isWord("DEFAULT") || isWord("MATERIALIZED") || isWord("ALIAS")) {
      c->default_kind = toLowerAscii(tokenText(peek()));
      for (char& ch : c->default_kind) ch = char(ch - 'a' + 'A');
      advance();
      c->default_expression = parseExpr();
    } else if (acceptKeyword("EPHEMERAL")) {
      c->default_kind = "EPHEMERAL";
      if (canStartExpression() && !is_modifier(0)) c->default_expression = parseExpr();
    } else if (acceptKeyword("COMMENT")) {
      c->comment = parseStringLiteral();
    } else if (isWord("CODEC") && peekType(1) == TokenType::OpeningRoundBracket) {
      size_t begin = pos_;
      advance();
      c->codec = parseFunctionCall("CODEC", begin);
    } else if (acceptKeyword("TTL")) {
      c->ttl = parseExpr();
    } else {
      break;
    }
  }
  if (type_required && c->type.empty() && !c->default_expression) {
    pos_ = type_pos;
    expected("data type");
    fail();
  }
  finish(*c);
  return c;
}

bool SqlParser::parseTableElement(ASTCreateQuery& q) {
  const size_t begin = pos_;
  if (isWord("INDEX") && isIdentifierToken(1) && peekType(2) != TokenType::Comma &&
      peekType(2) != TokenType::ClosingRoundBracket) {
    try {
      advance();
      std::string name = parseIdentifierName("index name");
      ASTPtr expr = parseExpr();
      expectKeyword("TYPE");
      const size_t type_begin = pos_;
      std::string type_name = parseIdentifierName("index type");
      ASTPtr type = peekType() == TokenType::OpeningRoundBracket ? parseFunctionCall(type_name, type_begin)
                                                                 : makeCreateFunction(type_name, {});
      ASTs args{expr, type};
      if (acceptKeyword("GRANULARITY")) args.push_back(parseOperand(kPrecUnaryMinus));
      auto index = makeCreateFunction("index", std::move(args));
      index->alias = std::move(name);
      index->begin = byteBegin(begin);
      finish(*index);
      q.indices.push_back(index);
      return true;
    } catch (const ParseFailure&) {
      pos_ = begin;  // a column named `index`
    }
  }
  if (isWord("CONSTRAINT") && isIdentifierToken(1) && (isWord("CHECK", 2) || isWord("ASSUME", 2))) {
    advance();
    std::string name = parseIdentifierName("constraint name");
    std::string kind = isWord("CHECK") ? "check" : "assume";
    advance();
    auto c = makeCreateFunction(kind, {parseExpr()});
    c->alias = std::move(name);
    c->begin = byteBegin(begin);
    finish(*c);
    q.constraints.push_back(c);
    return true;
  }
  if (isWord("PRIMARY") && isWord("KEY", 1)) {
    pos_ += 2;
    if (!q.storage) q.storage = make<ASTStorage>(begin);
    ASTPtr key = parseExpr();
    if (acceptToken(TokenType::Comma, "','")) {  // PRIMARY KEY a, b (only as the last element)
      ASTs items{key};
      do {
        items.push_back(parseExpr());
      } while (acceptToken(TokenType::Comma, "','"));
      auto t = makeCreateFunction("tuple", std::move(items));
      t->is_operator = true;
      key = t;
    }
    q.storage->as<ASTStorage>().primary_key = key;
    return true;
  }
  if (isWord("PROJECTION") && isIdentifierToken(1) && peekType(2) == TokenType::OpeningRoundBracket)
    fail("projections are not supported");
  q.columns.push_back(parseColumnDeclaration(!q.is_view && !q.is_materialized_view));
  return true;
}

ASTPtr SqlParser::parseStorage(size_t begin_token) {
  auto st = make<ASTStorage>(begin_token);
  if (acceptKeyword("ENGINE")) {
    acceptToken(TokenType::Equals, "'='");
    const size_t name_begin = pos_;
    std::string name = parseIdentifierName("engine name");
    if (peekType() == TokenType::OpeningRoundBracket) {
      st->engine = parseFunctionCall(std::move(name), name_begin);
    } else {
      auto f = makeCreateFunction(std::move(name), {});
      f->begin = byteBegin(name_begin);
      finish(*f);
      st->engine = f;
    }
  }
  auto parse_key = [&]() -> ASTPtr {
    ASTPtr e = parseExpr();
    if (peekType() != TokenType::Comma) return e;
    ASTs items{e};
    while (acceptToken(TokenType::Comma, "','")) items.push_back(parseExpr());
    auto t = makeCreateFunction("tuple", std::move(items));
    t->is_operator = true;
    return t;
  };
  while (true) {
    if (acceptKeyword("PARTITION BY")) {
      st->partition_by = parseExpr();
    } else if (acceptKeyword("PRIMARY KEY")) {
      st->primary_key = parse_key();
    } else if (acceptKeyword("ORDER BY")) {
      st->order_by = parse_key();
    } else if (acceptKeyword("SAMPLE BY")) {
      st->sample_by = parseExpr();
    } else if (acceptKeyword("TTL")) {
      auto list = make<ASTExpressionList>(pos_);
      do {
        list->children.push_back(parseExpr());
        if (!acceptKeyword("DELETE")) {
          if (acceptKeyword("TO DISK") || acceptKeyword("TO VOLUME")) parseStringLiteral();
        }
      } while (acceptToken(TokenType::Comma, "','"));
      finish(*list);
      st->ttl = list;
    } else if (acceptKeyword("SETTINGS")) {
      st->settings = parseSettingsList(pos_ - 1);
    } else {
      break;
    }
  }
  finish(*st);
  return st;
}

ASTPtr SqlParser::parseKeyValueFunction() {
  DepthGuard guard(*this);
  const size_t begin = pos_;
  std::string name = parseIdentifierName("source or layout type");
  expectToken(TokenType::OpeningRoundBracket, "'('");
  ASTs args;
  while (!acceptToken(TokenType::ClosingRoundBracket, "')'")) {
    const size_t key_begin = pos_;
    if (isIdentifierToken() && peekType(1) == TokenType::OpeningRoundBracket) {  // replica(host 'h' ...)
      args.push_back(parseKeyValueFunction());
      acceptToken(TokenType::Comma, "','");
      continue;
    }
    auto key = make<ASTIdentifier>(pos_);
    key->parts.push_back(parseIdentifierName("parameter name"));
    finish(*key);
    ASTPtr value;
    if (isIdentifierToken() && peekType(1) == TokenType::OpeningRoundBracket)
      value = parseKeyValueFunction();
    else
      value = parseOperand(kPrecUnaryMinus);
    if (value->kind != ASTKind::Literal && value->kind != ASTKind::Identifier) {
      pos_ = key_begin + 1;
      expected("literal or identifier");
      fail();
    }
    auto pair = makeCreateFunction("equals", {key, value});
    pair->begin = byteBegin(key_begin);
    finish(*pair);
    args.push_back(pair);
    acceptToken(TokenType::Comma, "','");
  }
  auto f = makeCreateFunction(std::move(name), std::move(args));
  f->begin = byteBegin(begin);
  finish(*f);
  return f;
}

void SqlParser::parseDictionary(ASTCreateQuery& q) {
  auto dict = std::make_shared<DictionaryDefinition>();
  expectToken(TokenType::OpeningRoundBracket, "'('");
  do {
    DictionaryDefinition::Attribute attr;
    attr.name = parseIdentifierName("attribute name");
    attr.type = parseTypeText();
    while (true) {
      if (acceptKeyword("DEFAULT")) attr.default_value = parseOperand(kPrecUnaryMinus);
      else if (acceptKeyword("EXPRESSION")) attr.expression = parseExpr();
      else if (acceptKeyword("HIERARCHICAL")) attr.hierarchical = true;
      else if (acceptKeyword("BIDIRECTIONAL")) {}
      else if (acceptKeyword("INJECTIVE")) attr.injective = true;
      else if (acceptKeyword("IS_OBJECT_ID")) attr.is_object_id = true;
      else break;
    }
    dict->attributes.push_back(std::move(attr));
  } while (acceptToken(TokenType::Comma, "','"));
  expectToken(TokenType::ClosingRoundBracket, "')'");

  while (true) {
    if (acceptKeyword("PRIMARY KEY")) {
      do {
        dict->primary_key.push_back(parseIdentifierName("key column"));
      } while (acceptToken(TokenType::Comma, "','"));
    } else if (acceptKeyword("SOURCE")) {
      expectToken(TokenType::OpeningRoundBracket, "'('");
      dict->source = parseKeyValueFunction();
      expectToken(TokenType::ClosingRoundBracket, "')'");
    } else if (acceptKeyword("LAYOUT")) {
      expectToken(TokenType::OpeningRoundBracket, "'('");
      dict->layout = parseKeyValueFunction();
      expectToken(TokenType::ClosingRoundBracket, "')'");
    } else if (acceptKeyword("LIFETIME")) {
      expectToken(TokenType::OpeningRoundBracket, "'('");
      auto number = [&]() -> uint64_t {
        Token t = peek();
        if (t.type != TokenType::Number) {
          expected("number");
          fail();
        }
        Field v = parseNumberField(t, false);
        if (v.which() != Field::Which::UInt64) {
          expected("non-negative integer");
          fail();
        }
        advance();
        return v.get<uint64_t>();
      };
      if (isWord("MIN") || isWord("MAX")) {
        while (true) {
          if (acceptKeyword("MIN")) dict->lifetime_min = number();
          else if (acceptKeyword("MAX")) dict->lifetime_max = number();
          else break;
        }
      } else {
        dict->lifetime_min = 0;
        dict->lifetime_max = number();
      }
      expectToken(TokenType::ClosingRoundBracket, "')'");
    } else if (acceptKeyword("RANGE")) {
      const size_t begin = pos_ - 1;
      expectToken(TokenType::OpeningRoundBracket, "'('");
      ASTPtr min, max;
      while (true) {
        if (acceptKeyword("MIN")) min = parseOperand(kPrecUnaryMinus);
        else if (acceptKeyword("MAX")) max = parseOperand(kPrecUnaryMinus);
        else break;
      }
      expectToken(TokenType::ClosingRoundBracket, "')'");
      if (!min || !max) fail("RANGE needs MIN and MAX");
      auto r = makeCreateFunction("range", {min, max});
      r->begin = byteBegin(begin);
      finish(*r);
      dict->range = r;
    } else if (acceptKeyword("SETTINGS")) {
      dict->settings = parseSettingsList(pos_ - 1, true);
    } else if (acceptKeyword("COMMENT")) {
      q.comment = parseStringLiteral();
    } else {
      break;
    }
  }
  q.dictionary = std::move(dict);
}

ASTPtr SqlParser::parseCreate(size_t begin, bool attach) {
  advance();  // CREATE / ATTACH
  auto q = make<ASTCreateQuery>(begin);
  q->attach = attach;
  if (acceptKeyword("OR REPLACE")) q->or_replace = true;
  if (acceptKeyword("TEMPORARY")) q->temporary = true;
  if (acceptKeyword("DATABASE")) {
    q->is_database = true;
    if (acceptKeyword("IF NOT EXISTS")) q->if_not_exists = true;
    q->database = parseIdentifierName("database name");
    skipOnCluster();
    if (acceptKeyword("ENGINE")) {
      acceptToken(TokenType::Equals, "'='");
      const size_t name_begin = pos_;
      std::string name = parseIdentifierName("database engine");
      q->database_engine = peekType() == TokenType::OpeningRoundBracket
                               ? formatAST(*parseFunctionCall(std::move(name), name_begin))
                               : std::move(name);
    }
    if (acceptKeyword("COMMENT")) q->comment = parseStringLiteral();
    finish(*q);
    return q;
  }
  if (acceptKeyword("TABLE")) {
  } else if (acceptKeyword("MATERIALIZED VIEW")) {
    q->is_view = false;
    q->is_materialized_view = true;
  } else if (acceptKeyword("VIEW")) {
    q->is_view = true;
  } else if (acceptKeyword("DICTIONARY")) {
    q->is_dictionary = true;
  } else {
    fail();
  }
  if (acceptKeyword("IF NOT EXISTS")) q->if_not_exists = true;
  parseQualifiedName(q->database, q->table);
  skipOnCluster();
  if (q->is_dictionary) {
    parseDictionary(*q);
    finish(*q);
    return q;
  }
  auto parse_to = [&] {
    if (q->is_materialized_view && q->to_table.empty() && acceptKeyword("TO"))
      parseQualifiedName(q->to_database, q->to_table);
  };
  parse_to();
  if (peekType() == TokenType::OpeningRoundBracket && !isSelectStart(1)) {
    advance();
    do {
      parseTableElement(*q);
    } while (acceptToken(TokenType::Comma, "','"));
    expectToken(TokenType::ClosingRoundBracket, "')'");
  }
  parse_to();
  auto parse_storage = [&] {
    for (const char* w : {"ENGINE", "PARTITION BY", "PRIMARY KEY", "ORDER BY", "SAMPLE BY", "TTL", "SETTINGS"}) {
      if (checkKeyword(w)) {
        ASTPtr primary_key = q->storage ? q->storage->as<ASTStorage>().primary_key : nullptr;
        q->storage = parseStorage(pos_);
        auto& st = q->storage->as<ASTStorage>();
        if (!st.primary_key) st.primary_key = primary_key;
        return;
      }
    }
  };
  parse_storage();
  if (acceptKeyword("POPULATE")) q->populate = true;
  if (acceptKeyword("EMPTY")) q->empty = true;
  if (acceptKeyword("COMMENT")) q->comment = parseStringLiteral();
  if (acceptKeyword("AS")) {
    if (isSelectStart() || peekType() == TokenType::OpeningRoundBracket) {
      const size_t select_begin = byteBegin(pos_);
      q->select = parseSelectWithUnion();
      q->select_text = std::string(text().substr(select_begin, prevEnd() - select_begin));
    } else {
      const size_t name_begin = pos_;
      std::string name = parseIdentifierName("table name");
      if (peekType() == TokenType::OpeningRoundBracket) {
        q->as_table_function = parseFunctionCall(std::move(name), name_begin);
      } else if (peekType() == TokenType::Dot && isIdentifierToken(1)) {
        advance();
        q->as_database = std::move(name);
        q->as_table = parseIdentifierName("table name");
      } else {
        q->as_table = std::move(name);
      }
      if (!q->storage) parse_storage();
    }
  } else if (q->is_view || q->is_materialized_view) {
    expectKeyword("AS");
  }
  if (q->comment.empty() && acceptKeyword("COMMENT")) q->comment = parseStringLiteral();
  finish(*q);
  return q;
}

}  // namespace tally
