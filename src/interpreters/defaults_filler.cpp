#include "interpreters/defaults_filler.h"

#include "columns/column_const.h"

namespace tally {

DefaultsFiller::DefaultsFiller(QueryAnalyzer& analyzer, const ColumnsDescription& columns, const Block& insert_header) {
  physical_ = columns.physical();
  Exprs outputs;
  for (const auto& c : physical_) {
    int pos = insert_header.position(c.name);
    if (pos >= 0) {
      outputs.push_back(Expr::makeColumn(c.name, insert_header.at(size_t(pos)).type));
      continue;
    }
    if (c.default_expression) {
      ExprPtr e = analyzer.resolveExpressions(insert_header, {c.default_expression}).at(0);
      if (!e->type->equals(*c.type)) {
        auto type_literal = std::make_shared<ASTLiteral>(Field(c.type->name()));
        ASTPtr cast = std::make_shared<ASTFunction>("CAST", ASTs{c.default_expression, type_literal});
        e = analyzer.resolveExpressions(insert_header, {cast}).at(0);
      }
      outputs.push_back(e);
    } else {
      outputs.push_back(Expr::makeConstant("_default_" + c.name, c.type, c.type->defaultValue()));
    }
  }
  evaluator_ = std::make_shared<ExpressionEvaluator>(insert_header, outputs, false);
}

Block DefaultsFiller::fill(const Block& block) const {
  Block computed = evaluator_->execute(block);
  Block out;
  for (size_t i = 0; i < physical_.size(); ++i) out.insert({materialize(computed.at(i).column), physical_[i].type, physical_[i].name});
  out.setRows(block.rows());
  return out;
}

}  // namespace tally
