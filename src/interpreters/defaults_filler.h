#pragma once
// DefaultsFiller: the full physical block of a table from the columns an INSERT (or a
// materialized view) provides: DEFAULT and MATERIALIZED expressions for the missing ones, the
// type's default otherwise.

#include <vector>

#include "analyzer/query_analyzer.h"
#include "execution/expression_evaluator.h"
#include "storage/storage.h"

namespace tally {

class DefaultsFiller {
 public:
  /// `insert_header`: the provided columns (names and types of the table's columns).
  DefaultsFiller(QueryAnalyzer& analyzer, const ColumnsDescription& columns, const Block& insert_header);
  /// The physical block for `block` (columns as in insert_header).
  Block fill(const Block& block) const;

 private:
  std::vector<ColumnDescription> physical_;
  ExpressionEvaluatorPtr evaluator_;
};

}  // namespace tally
