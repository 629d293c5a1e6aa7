#include "analyzer/ast_children.h"

namespace tally {

void forEachChild(IAST& ast, const std::function<void(ASTPtr&)>& fn) {
  auto visit = [&](ASTPtr& p) {
    if (p) fn(p);
  };
  auto visit_all = [&](ASTs& list) {
    for (auto& p : list) visit(p);
  };
  switch (ast.kind) {
    case ASTKind::Function: {
      auto& f = ast.as<ASTFunction>();
      if (f.arguments) visit_all(f.arguments->children);
      if (f.parameters) visit_all(f.parameters->children);
      visit(f.window_definition);
      break;
    }
    case ASTKind::ExpressionList: visit_all(ast.as<ASTExpressionList>().children); break;
    case ASTKind::Subquery: visit(ast.as<ASTSubquery>().query); break;
    case ASTKind::OrderByElement: visit(ast.as<ASTOrderByElement>().expression); break;
    case ASTKind::WindowDefinition: {
      auto& w = ast.as<ASTWindowDefinition>();
      visit(w.partition_by);
      visit(w.order_by);
      visit(w.frame_begin.offset);
      visit(w.frame_end.offset);
      break;
    }
    case ASTKind::SelectQuery: {
      auto& s = ast.as<ASTSelectQuery>();
      for (ASTPtr* p : {&s.with, &s.select, &s.tables, &s.prewhere, &s.where, &s.group_by, &s.having, &s.window,
                        &s.qualify, &s.order_by, &s.limit_by_length, &s.limit_by_offset, &s.limit_by, &s.limit_offset,
                        &s.limit_length})
        visit(*p);
      break;
    }
    case ASTKind::SelectWithUnionQuery: visit_all(ast.as<ASTSelectWithUnionQuery>().selects); break;
    case ASTKind::TablesInSelectQuery: visit_all(ast.as<ASTTablesInSelectQuery>().elements); break;
    case ASTKind::TablesInSelectQueryElement: {
      auto& e = ast.as<ASTTablesInSelectQueryElement>();
      visit(e.table_join);
      visit(e.table_expression);
      visit(e.array_join);
      break;
    }
    case ASTKind::TableExpression: {
      auto& t = ast.as<ASTTableExpression>();
      visit(t.table_function);
      visit(t.subquery);
      visit(t.sample);
      break;
    }
    case ASTKind::TableJoin: {
      auto& j = ast.as<ASTTableJoin>();
      visit(j.using_list);
      visit(j.on_expression);
      break;
    }
    case ASTKind::ArrayJoin: visit(ast.as<ASTArrayJoin>().expressions); break;
    case ASTKind::InsertQuery: {
      auto& i = ast.as<ASTInsertQuery>();
      visit(i.table_function);
      visit(i.select);
      break;
    }
    case ASTKind::CreateQuery: {
      auto& c = ast.as<ASTCreateQuery>();
      visit(c.select);
      visit(c.as_table_function);
      break;
    }
    case ASTKind::ExplainQuery: visit(ast.as<ASTExplainQuery>().query); break;
    case ASTKind::DescribeQuery: visit(ast.as<ASTDescribeQuery>().table_expression); break;
    case ASTKind::DeleteQuery: visit(ast.as<ASTDeleteQuery>().predicate); break;
    case ASTKind::KillQuery: visit(ast.as<ASTKillQuery>().where); break;
    case ASTKind::ShowTablesQuery: {
      auto& s = ast.as<ASTShowTablesQuery>();
      visit(s.where);
      visit(s.limit);
      break;
    }
    default: break;
  }
}

}  // namespace tally
