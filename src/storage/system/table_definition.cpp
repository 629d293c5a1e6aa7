#include "storage/system/table_definition.h"

#include "parser/ast.h"
#include "parser/parser.h"

namespace tally {

namespace table_definition {

/// "a, b" for tuple(a, b) / (a, b), the expression itself otherwise.
std::string formatKey(const ASTPtr& ast) {
  if (!ast) return {};
  if (ast->kind == ASTKind::Function) {
    const auto& f = ast->as<ASTFunction>();
    if (f.name == "tuple" && !f.parameters) {
      std::string res;
      for (const auto& a : f.args()) {
        if (!res.empty()) res += ", ";
        res += formatAST(*a);
      }
      return res;
    }
  }
  return formatAST(*ast);
}

void collectIdentifiers(const ASTPtr& ast, std::set<std::string>& out) {
  if (!ast) return;
  switch (ast->kind) {
    case ASTKind::Identifier:
      out.insert(ast->as<ASTIdentifier>().name());
      break;
    case ASTKind::Function:
      for (const auto& a : ast->as<ASTFunction>().args()) collectIdentifiers(a, out);
      break;
    case ASTKind::ExpressionList:
      for (const auto& a : ast->as<ASTExpressionList>().children) collectIdentifiers(a, out);
      break;
    default:
      break;
  }
}

bool isMergeTreeFamily(const std::string& engine) {
  return engine.size() >= 9 && engine.compare(engine.size() - 9, 9, "MergeTree") == 0;
}

}  // namespace table_definition

TableDefinition describeTableDefinition(const std::string& create_query, const std::string& engine_name) {
  using namespace table_definition;
  TableDefinition res;
  if (create_query.empty()) return res;
  ASTPtr ast;
  try {
    ast = parseQuery(create_query);
  } catch (...) {
    return res;
  }
  if (!ast || ast->kind != ASTKind::CreateQuery) return res;
  const auto& create = ast->as<ASTCreateQuery>();
  res.comment = create.comment;
  if (create.select) res.as_select = formatAST(*create.select);
  if (!create.storage) return res;
  const auto& storage = create.storage->as<ASTStorage>();
  res.partition_key = storage.partition_by ? formatAST(*storage.partition_by) : "";
  res.sorting_key = formatKey(storage.order_by);
  res.sampling_key = storage.sample_by ? formatAST(*storage.sample_by) : "";
  collectIdentifiers(storage.partition_by, res.partition_columns);
  collectIdentifiers(storage.order_by, res.sorting_columns);
  collectIdentifiers(storage.sample_by, res.sampling_columns);
  if (storage.primary_key) {
    res.primary_key = formatKey(storage.primary_key);
    collectIdentifiers(storage.primary_key, res.primary_columns);
  } else if (isMergeTreeFamily(engine_name)) {
    res.primary_key = res.sorting_key;
    res.primary_columns = res.sorting_columns;
  }
  return res;
}

}  // namespace tally
