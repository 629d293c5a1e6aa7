#include "analyzer/query_analyzer.h"

#include "analyzer/ast_children.h"
#include "analyzer/select_analyzer.h"
#include "common/exception.h"
#include "execution/block_stream.h"
#include "io/read_buffer.h"
#include "types/data_type_factory.h"
#include "types/least_supertype.h"

namespace tally {

QueryPlan QueryAnalyzer::analyze(const ASTPtr& query, const CteScope* ctes) {
  QueryPlan plan;
  plan.root = analyzeUnion(query, ctes, plan);
  return plan;
}

PlanStepPtr QueryAnalyzer::analyzeUnion(const ASTPtr& query, const CteScope* ctes, QueryPlan& plan) {
  if (query->kind == ASTKind::SelectQuery) {
    SelectAnalyzer analyzer(*this, query->as<ASTSelectQuery>(), ctes);
    return analyzer.analyze(plan);
  }
  if (query->kind != ASTKind::SelectWithUnionQuery)
    throw Exception(ErrorCodes::LOGICAL_ERROR, "Expected a SELECT query, got {}", int(query->kind));
  const auto& u = query->as<ASTSelectWithUnionQuery>();
  if (u.selects.size() == 1) return analyzeUnion(u.selects[0], ctes, plan);

  std::vector<PlanStepPtr> branches;
  for (const auto& s : u.selects) {
    QueryPlan branch_plan;
    branches.push_back(analyzeUnion(s, ctes, branch_plan));
  }
  for (auto mode : u.modes)
    if (mode == UnionMode::Except || mode == UnionMode::Intersect)
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "EXCEPT and INTERSECT are not supported");

  // Common header: names of the first branch, least supertypes of the columns.
  const Block& first = branches[0]->header();
  for (const auto& b : branches)
    if (b->header().columns() != first.columns())
      throw Exception(ErrorCodes::UNION_ALL_RESULT_STRUCTURES_MISMATCH,
                      "Different number of columns in UNION elements: {} and {}", first.columns(), b->header().columns());
  Block header;
  for (size_t i = 0; i < first.columns(); ++i) {
    DataTypes types;
    for (const auto& b : branches) types.push_back(b->header().at(i).type);
    header.insert({nullptr, getLeastSupertype(types), first.at(i).name});
  }

  // Left to right: UNION DISTINCT removes duplicates of everything before it.
  PlanStepPtr result = std::make_unique<ConvertingStep>(std::move(branches[0]), header);
  for (size_t i = 1; i < branches.size(); ++i) {
    std::vector<PlanStepPtr> two;
    two.push_back(std::move(result));
    two.push_back(std::make_unique<ConvertingStep>(std::move(branches[i]), header));
    result = std::make_unique<UnionStep>(std::move(two), header);
    UnionMode mode = i - 1 < u.modes.size() ? u.modes[i - 1] : UnionMode::All;
    if (mode == UnionMode::Distinct || mode == UnionMode::Unspecified)
      result = std::make_unique<DistinctStep>(std::move(result), std::vector<std::string>{});
  }
  return result;
}

Exprs QueryAnalyzer::resolveExpressions(const Block& header, const ASTs& expressions) {
  return SelectAnalyzer::resolveOver(*this, header, expressions);
}

Block QueryAnalyzer::execute(const ASTPtr& query, const CteScope* ctes) {
  QueryPlan plan = analyze(query, ctes);
  Block header = plan.header().cloneEmpty();
  QueryPipeline pipeline = plan.build(*context_.query_context);
  std::vector<Block> blocks = readAll(*pipeline.stream);
  if (blocks.empty()) {
    Block empty = header.cloneEmpty();
    return empty;
  }
  return concatenateBlocks(blocks, header);
}

void substituteQueryParameters(ASTPtr& ast, const std::map<std::string, std::string>& parameters) {
  if (!ast) return;
  auto value_of = [&](const std::string& name) -> const std::string& {
    auto it = parameters.find(name);
    if (it == parameters.end())
      throw Exception(ErrorCodes::UNKNOWN_QUERY_PARAMETER, "Substitution `{}` is not set", name);
    return it->second;
  };
  if (ast->kind == ASTKind::QueryParameter) {
    const auto& p = ast->as<ASTQueryParameter>();
    const std::string& text = value_of(p.name);
    if (p.type == "Identifier") {
      auto id = std::make_shared<ASTIdentifier>(std::vector<std::string>{text});
      id->alias = ast->alias;
      id->begin = ast->begin;
      id->end = ast->end;
      ast = id;
      return;
    }
    DataTypePtr type = dataTypeFromString(p.type);
    auto column = type->createColumn();
    ReadBufferFromMemory in(text);
    try {
      type->deserializeWholeText(*column, in, FormatSettings{});
    } catch (const Exception& e) {
      throw Exception(ErrorCodes::BAD_QUERY_PARAMETER, "Value {} cannot be parsed as {} for query parameter '{}': {}",
                      text, p.type, p.name, e.message());
    }
    auto literal = std::make_shared<ASTLiteral>((*column)[0]);
    literal->type_name = p.type;
    literal->alias = ast->alias;
    literal->begin = ast->begin;
    literal->end = ast->end;
    ast = literal;
    return;
  }
  if (ast->kind == ASTKind::Identifier) {
    auto& id = ast->as<ASTIdentifier>();
    if (!id.parameter_name.empty()) {
      id.parts = {value_of(id.parameter_name)};
      id.parameter_name.clear();
    }
    return;
  }
  if (ast->kind == ASTKind::TableExpression) {
    auto& t = ast->as<ASTTableExpression>();
    if (t.table.size() > 2 && t.table.front() == '{' && t.table.back() == '}') {
      std::string inner = t.table.substr(1, t.table.size() - 2);
      size_t colon = inner.find(':');
      if (colon != std::string::npos) t.table = value_of(inner.substr(0, colon));
    }
  }
  forEachChild(*ast, [&](ASTPtr& child) { substituteQueryParameters(child, parameters); });
}

}  // namespace tally
