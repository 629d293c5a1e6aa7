// SELECT: unions, the SELECT clauses, FROM with joins and ARRAY JOIN, window definitions,
// and the output clauses (INTO OUTFILE, FORMAT, SETTINGS).

#include "parser/parser_impl.h"

namespace tally {

ASTPtr SqlParser::parseSelectWithUnion() {
  DepthGuard guard(*this);
  auto u = make<ASTSelectWithUnionQuery>(pos_);
  u->selects.push_back(parseUnionElement());
  parseUnionChain(*u);
  finish(*u);
  return u;
}

ASTPtr SqlParser::parseSelectWithUnionTail(ASTPtr first, size_t begin_token) {
  auto u = make<ASTSelectWithUnionQuery>(begin_token);
  auto& inner = first->as<ASTSelectWithUnionQuery>();
  u->selects.push_back(inner.selects.size() == 1 ? inner.selects.front() : first);
  parseUnionChain(*u);
  finish(*u);
  return u;
}

void SqlParser::parseUnionChain(ASTSelectWithUnionQuery& u) {
  while (true) {
    UnionMode mode;
    if (acceptKeyword("UNION")) {
      if (acceptKeyword("ALL"))
        mode = UnionMode::All;
      else if (acceptKeyword("DISTINCT"))
        mode = UnionMode::Distinct;
      else
        mode = UnionMode::Unspecified;
    } else if (acceptKeyword("EXCEPT")) {
      if (!acceptKeyword("DISTINCT")) acceptKeyword("ALL");
      mode = UnionMode::Except;
    } else if (acceptKeyword("INTERSECT")) {
      if (!acceptKeyword("DISTINCT")) acceptKeyword("ALL");
      mode = UnionMode::Intersect;
    } else {
      break;
    }
    u.modes.push_back(mode);
    u.selects.push_back(parseUnionElement());
  }
}

ASTPtr SqlParser::parseUnionElement() {
  if (peekType() == TokenType::OpeningRoundBracket) {
    DepthGuard guard(*this);
    advance();
    ASTPtr inner = parseSelectWithUnion();
    expectToken(TokenType::ClosingRoundBracket, "')'");
    auto& u = inner->as<ASTSelectWithUnionQuery>();
    if (u.selects.size() == 1) return u.selects.front();
    return inner;
  }
  return parseSelect();
}

std::shared_ptr<ASTSubquery> SqlParser::parseSubqueryInParens() {
  auto sub = make<ASTSubquery>(pos_);
  expectToken(TokenType::OpeningRoundBracket, "'('");
  sub->query = parseSelectWithUnion();
  expectToken(TokenType::ClosingRoundBracket, "')'");
  finish(*sub);
  return sub;
}

ASTPtr SqlParser::parseSelect() {
  DepthGuard guard(*this);
  auto s = make<ASTSelectQuery>(pos_);
  if (acceptKeyword("WITH")) {
    auto list = make<ASTExpressionList>(pos_);
    do {
      if (isIdentifierToken() && isWord("AS", 1) && peekType(2) == TokenType::OpeningRoundBracket &&
          isSelectStart(3)) {
        std::string name = parseIdentifierName();
        advance();  // AS
        auto sub = parseSubqueryInParens();
        sub->alias = std::move(name);
        sub->as<ASTSubquery>().is_cte = true;
        list->children.push_back(sub);
      } else {
        list->children.push_back(parseExprWithAlias(false));
      }
    } while (acceptToken(TokenType::Comma, "','"));
    finish(*list);
    s->with = list;
  }
  expectKeyword("SELECT");
  if (acceptKeyword("DISTINCT")) {
    s->distinct = true;
  } else if (isWord("ALL") && canStartExpression(1)) {
    advance();
  }
  if (isWord("TOP") && peekType(1) == TokenType::Number) {
    advance();
    s->limit_length = parseOperand(kPrecUnaryMinus);
    if (acceptKeyword("WITH TIES")) s->limit_with_ties = true;
  }
  expected("expression");
  s->select = parseExpressionList(true);
  if (acceptKeyword("FROM")) s->tables = parseTables();
  if (acceptKeyword("PREWHERE")) s->prewhere = parseExpr();
  if (acceptKeyword("WHERE")) s->where = parseExpr();
  if (acceptKeyword("GROUP BY")) {
    if (isWord("ALL") && peekType(1) != TokenType::OpeningRoundBracket && peekType(1) != TokenType::Comma &&
        peekType(1) != TokenType::Dot) {
      advance();
      s->group_by_all = true;
    } else if ((isWord("ROLLUP") || isWord("CUBE")) && peekType(1) == TokenType::OpeningRoundBracket) {
      (isWord("ROLLUP") ? s->group_by_with_rollup : s->group_by_with_cube) = true;
      pos_ += 2;
      s->group_by = parseExpressionList(false);
      expectToken(TokenType::ClosingRoundBracket, "')'");
    } else {
      s->group_by = parseExpressionList(false);
    }
    if (acceptKeyword("WITH ROLLUP")) s->group_by_with_rollup = true;
    else if (acceptKeyword("WITH CUBE")) s->group_by_with_cube = true;
  }
  if (acceptKeyword("WITH TOTALS")) s->group_by_with_totals = true;
  if (acceptKeyword("HAVING")) s->having = parseExpr();
  if (acceptKeyword("WINDOW")) {
    auto list = make<ASTExpressionList>(pos_);
    do {
      std::string name = parseIdentifierName("window name");
      expectKeyword("AS");
      ASTPtr def = parseWindowDefinition();
      def->alias = std::move(name);
      list->children.push_back(def);
    } while (acceptToken(TokenType::Comma, "','"));
    finish(*list);
    s->window = list;
  }
  if (acceptKeyword("QUALIFY")) s->qualify = parseExpr();
  if (acceptKeyword("ORDER BY")) s->order_by = parseOrderByList();

  // LIMIT [offset,] n [BY exprs] / LIMIT n OFFSET m / OFFSET m ROWS FETCH FIRST n ROWS ONLY
  for (int round = 0; round < 2 && acceptKeyword("LIMIT"); ++round) {
    ASTPtr first = parseExpr();
    ASTPtr offset, length = first;
    if (acceptToken(TokenType::Comma, "','")) {
      offset = first;
      length = parseExpr();
    } else if (acceptKeyword("OFFSET")) {
      offset = parseExpr();
    }
    if (round == 0 && acceptKeyword("BY")) {
      s->limit_by_length = length;
      s->limit_by_offset = offset;
      s->limit_by = parseExpressionList(false);
      continue;
    }
    if (s->limit_length && !s->limit_by) fail("duplicate LIMIT");
    s->limit_length = length;
    s->limit_offset = offset;
    if (acceptKeyword("WITH TIES")) s->limit_with_ties = true;
    break;
  }
  if (!s->limit_offset && acceptKeyword("OFFSET")) {
    s->limit_offset = parseExpr();
    if (!acceptKeyword("ROWS")) acceptKeyword("ROW");
    if (acceptKeyword("FETCH")) {
      if (!acceptKeyword("FIRST")) expectKeyword("NEXT");
      s->limit_length = parseExpr();
      if (!acceptKeyword("ROWS")) expectKeyword("ROW");
      if (acceptKeyword("WITH TIES"))
        s->limit_with_ties = true;
      else
        expectKeyword("ONLY");
    }
  }
  if (acceptKeyword("SETTINGS")) s->settings = parseSettingsList(pos_ - 1);
  finish(*s);
  return s;
}

void SqlParser::parseOutputClauses(ASTQueryWithOutput& q) {
  if (acceptKeyword("INTO OUTFILE")) {
    q.out_file = parseStringLiteral();
    if (!acceptKeyword("TRUNCATE")) acceptKeyword("APPEND");
    if (acceptKeyword("COMPRESSION")) parseStringLiteral();
  }
  if (acceptKeyword("FORMAT")) q.format = parseIdentifierName("format name");
  if (acceptKeyword("SETTINGS")) q.settings = parseSettingsList(pos_ - 1);
  if (q.format.empty() && acceptKeyword("FORMAT")) q.format = parseIdentifierName("format name");
  finish(q);
}

ASTPtr SqlParser::parseOrderByList() {
  auto list = make<ASTExpressionList>(pos_);
  do {
    auto e = make<ASTOrderByElement>(pos_);
    e->expression = parseExpr();
    if (acceptKeyword("DESC") || acceptKeyword("DESCENDING"))
      e->direction = -1;
    else if (!acceptKeyword("ASC"))
      acceptKeyword("ASCENDING");
    e->nulls_direction = e->direction;
    if (acceptKeyword("NULLS")) {
      e->nulls_direction_explicit = true;
      if (acceptKeyword("FIRST"))
        e->nulls_direction = -e->direction;
      else
        expectKeyword("LAST");
    }
    if (acceptKeyword("COLLATE")) e->collation = parseStringLiteral();
    finish(*e);
    list->children.push_back(e);
  } while (acceptToken(TokenType::Comma, "','"));
  finish(*list);
  return list;
}

void SqlParser::parseWindowFrameBound(WindowFrameBound& bound) {
  if (acceptKeyword("UNBOUNDED")) {
    bound.type = WindowBoundType::Unbounded;
    if (acceptKeyword("PRECEDING"))
      bound.preceding = true;
    else {
      expectKeyword("FOLLOWING");
      bound.preceding = false;
    }
    return;
  }
  if (acceptKeyword("CURRENT ROW")) {
    bound.type = WindowBoundType::Current;
    bound.preceding = false;
    return;
  }
  bound.type = WindowBoundType::Offset;
  bound.offset = parseOperand(kPrecConcat);
  if (acceptKeyword("PRECEDING")) {
    bound.preceding = true;
  } else {
    expectKeyword("FOLLOWING");
    bound.preceding = false;
  }
}

ASTPtr SqlParser::parseWindowDefinition() {
  DepthGuard guard(*this);
  auto w = make<ASTWindowDefinition>(pos_);
  expectToken(TokenType::OpeningRoundBracket, "'('");
  if (isIdentifierToken() && !isWord("PARTITION") && !isWord("ORDER") && !isWord("ROWS") && !isWord("RANGE") &&
      !isWord("GROUPS"))
    w->parent_window_name = parseIdentifierName();
  if (acceptKeyword("PARTITION BY")) w->partition_by = parseExpressionList(false);
  if (acceptKeyword("ORDER BY")) w->order_by = parseOrderByList();
  bool rows = false, range = false;
  if ((rows = acceptKeyword("ROWS")) || (range = acceptKeyword("RANGE")) || acceptKeyword("GROUPS")) {
    w->frame_is_default = false;
    w->frame_type = rows ? WindowFrameType::Rows : range ? WindowFrameType::Range : WindowFrameType::Groups;
    if (acceptKeyword("BETWEEN")) {
      parseWindowFrameBound(w->frame_begin);
      expectKeyword("AND");
      parseWindowFrameBound(w->frame_end);
    } else {
      parseWindowFrameBound(w->frame_begin);
      w->frame_end = WindowFrameBound{WindowBoundType::Current, false, nullptr};
    }
  }
  expectToken(TokenType::ClosingRoundBracket, "')'");
  finish(*w);
  return w;
}

ASTPtr SqlParser::parseTableExpression() {
  DepthGuard guard(*this);
  auto te = make<ASTTableExpression>(pos_);
  if (peekType() == TokenType::OpeningRoundBracket) {
    te->subquery = parseSubqueryInParens();
  } else if (peekType() == TokenType::OpeningCurlyBrace) {
    ASTPtr p = parseQueryParameter();
    if (p->kind != ASTKind::Identifier) {
      expected("{name:Identifier}");
      fail();
    }
    te->parameter_name = p->as<ASTIdentifier>().parameter_name;
  } else {
    const size_t name_begin = pos_;
    std::string name = parseIdentifierName("table name");
    if (peekType() == TokenType::OpeningRoundBracket) {
      te->table_function = parseFunctionCall(std::move(name), name_begin);
    } else if (peekType() == TokenType::Dot && isIdentifierToken(1)) {
      advance();
      te->database = std::move(name);
      te->table = parseIdentifierName("table name");
    } else {
      te->table = std::move(name);
    }
  }
  tryParseAlias(*te, true);
  if (acceptKeyword("FINAL")) te->final = true;
  if (te->alias.empty()) tryParseAlias(*te, true);
  if (acceptKeyword("SAMPLE")) {
    te->sample = parseExpr();
    if (acceptKeyword("OFFSET")) parseExpr();
  }
  finish(*te);
  return te;
}

ASTPtr SqlParser::parseTables() {
  auto tables = make<ASTTablesInSelectQuery>(pos_);
  {
    auto first = make<ASTTablesInSelectQueryElement>(pos_);
    first->table_expression = parseTableExpression();
    finish(*first);
    tables->elements.push_back(first);
  }
  while (true) {
    const size_t begin = pos_;
    auto element = make<ASTTablesInSelectQueryElement>(pos_);
    if (acceptToken(TokenType::Comma, "','")) {
      auto join = make<ASTTableJoin>(begin);
      join->kind = JoinKind::Comma;
      finish(*join);
      element->table_join = join;
      element->table_expression = parseTableExpression();
    } else if ((isWord("LEFT") && isWord("ARRAY", 1)) || isWord("ARRAY")) {
      auto aj = make<ASTArrayJoin>(pos_);
      aj->left = acceptKeyword("LEFT");
      expectKeyword("ARRAY JOIN");
      aj->expressions = parseExpressionList(true);
      finish(*aj);
      element->array_join = aj;
    } else {
      auto join = make<ASTTableJoin>(begin);
      join->global = acceptKeyword("GLOBAL");
      if (!join->global) acceptKeyword("LOCAL");
      auto parse_strictness = [&] {
        if (acceptKeyword("ANY")) join->strictness = JoinStrictness::Any;
        else if (acceptKeyword("ALL")) join->strictness = JoinStrictness::All;
        else if (acceptKeyword("ASOF")) join->strictness = JoinStrictness::Asof;
        else if (acceptKeyword("SEMI")) join->strictness = JoinStrictness::Semi;
        else if (acceptKeyword("ANTI")) join->strictness = JoinStrictness::Anti;
      };
      parse_strictness();
      if (acceptKeyword("INNER")) {
        join->kind = JoinKind::Inner;
      } else if (acceptKeyword("LEFT")) {
        join->kind = JoinKind::Left;
        acceptKeyword("OUTER");
      } else if (acceptKeyword("RIGHT")) {
        join->kind = JoinKind::Right;
        acceptKeyword("OUTER");
      } else if (acceptKeyword("FULL")) {
        join->kind = JoinKind::Full;
        acceptKeyword("OUTER");
      } else if (acceptKeyword("CROSS")) {
        join->kind = JoinKind::Cross;
      }
      if (join->strictness == JoinStrictness::Unspecified) parse_strictness();
      if (!acceptKeyword("JOIN")) {
        if (pos_ != begin) fail();
        break;
      }
      element->table_expression = parseTableExpression();
      if (join->kind != JoinKind::Cross) {
        if (acceptKeyword("ON")) {
          join->on_expression = parseExpr();
        } else if (acceptKeyword("USING")) {
          if (peekType() == TokenType::OpeningRoundBracket && !isSelectStart(1)) {
            advance();
            join->using_list = parseExpressionList(false);
            expectToken(TokenType::ClosingRoundBracket, "')'");
          } else {
            join->using_list = parseExpressionList(false);
          }
        }
      }
      finish(*join);
      element->table_join = join;
    }
    finish(*element);
    tables->elements.push_back(element);
  }
  finish(*tables);
  return tables;
}

}  // namespace tally
