// rowNumberInBlock() (0-based row index within the block) and blockSize() (rows in the block).
// Neither is constant-folded.

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace block_info {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

template <bool row_number>
class FunctionBlockInfo final : public IFunction {
 public:
  std::string getName() const override { return row_number ? "rowNumberInBlock" : "blockSize"; }
  size_t getNumberOfArguments() const override { return 0; }
  bool isDeterministic() const override { return false; }
  bool isDeterministicInScopeOfQuery() const override { return false; }
  bool isSuitableForConstantFolding() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override { return typeUInt64(); }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr&, size_t rows) const override {
    auto c = ColumnUInt64::create(rows);
    auto* out = c->getData().data();
    for (size_t i = 0; i < rows; ++i) out[i] = row_number ? i : rows;
    return c;
  }
};

}  // namespace block_info

REGISTER_FUNCTION(BlockInfo) {
  using namespace block_info;
  factory.registerFunction(
      "rowNumberInBlock", [](const FunctionContext&) { return std::make_shared<FunctionBlockInfo<true>>(); },
      makeDoc("The 0-based number of the row within its block.", "rowNumberInBlock()", "Other"));
  factory.registerFunction(
      "blockSize", [](const FunctionContext&) { return std::make_shared<FunctionBlockInfo<false>>(); },
      makeDoc("The number of rows in the block.", "blockSize()", "Other"));
}

}  // namespace tally
