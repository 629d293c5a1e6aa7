// formatColumnName: the name ClickHouse gives an unaliased expression column.

#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {

namespace {

void appendColumnName(const IAST& ast, std::string& out);

void appendList(const ASTs& list, std::string& out) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    appendColumnName(*list[i], out);
  }
}

void appendColumnName(const IAST& ast, std::string& out) {
  switch (ast.kind) {
    case ASTKind::Literal:
      out += fieldToString(ast.as<ASTLiteral>().value);
      return;
    case ASTKind::Identifier: {
      const auto& id = ast.as<ASTIdentifier>();
      if (!id.parameter_name.empty() && id.parts.empty())
        out += "{" + id.parameter_name + ":Identifier}";
      else
        out += id.name();
      return;
    }
    case ASTKind::Function: {
      const auto& f = ast.as<ASTFunction>();
      out += f.name;
      if (f.parameters) {
        out += '(';
        appendList(f.parameters->children, out);
        out += ')';
      }
      out += '(';
      if (f.arguments) appendList(f.args(), out);
      out += ')';
      if (f.is_window_function) {
        out += " OVER ";
        if (!f.window_name.empty()) {
          out += f.window_name;
        } else if (f.window_definition) {
          std::string def = formatAST(*f.window_definition);
          out += def;
        }
      }
      return;
    }
    case ASTKind::ExpressionList:
      appendList(ast.as<ASTExpressionList>().children, out);
      return;
    case ASTKind::QueryParameter: {
      const auto& p = ast.as<ASTQueryParameter>();
      out += "{" + p.name + ":" + p.type + "}";
      return;
    }
    default: {
      // Asterisks, matchers, subqueries: their SQL text (without the alias).
      auto copy = ast.clone();
      copy->alias.clear();
      out += formatAST(*copy);
      return;
    }
  }
}

}  // namespace

std::string formatColumnName(const IAST& ast) {
  std::string out;
  appendColumnName(ast, out);
  return out;
}

}  // namespace tally
