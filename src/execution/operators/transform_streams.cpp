#include "execution/operators/transform_streams.h"

#include <algorithm>

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "common/readable.h"
#include "functions/conversion/cast.h"
#include "types/data_type_low_cardinality.h"

namespace tally {

namespace {

class ExpressionStream final : public BlockStream {
 public:
  ExpressionStream(BlockStreamPtr input, ExpressionEvaluatorPtr evaluator, QueryContext& context)
      : input_(std::move(input)), evaluator_(std::move(evaluator)), context_(context), header_(evaluator_->header()) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "Expression"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }
  bool read(Block& block) override {
    Block in;
    if (!input_->read(in)) return false;
    context_.checkAlive();
    block = evaluator_->execute(in);
    return true;
  }

 private:
  BlockStreamPtr input_;
  ExpressionEvaluatorPtr evaluator_;
  QueryContext& context_;
  Block header_;
};

/// Turns a filter column (UInt8, Nullable(UInt8), Bool, other numbers, constants) into a mask;
/// returns false when every row passes (mask left empty), true otherwise.
/// The rows a filter column keeps: null when it is constant (then all_pass / none_pass say
/// which), else a byte mask (non-zero = keep). A UInt8 column without NULLs is its own mask
/// (no copy); otherwise the mask is built in `scratch`.
const Filter* buildFilter(const ColumnPtr& column, size_t rows, Filter& scratch, bool& all_pass, bool& none_pass) {
  all_pass = none_pass = false;
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    bool pass = !c.isNullAt(0) && c.getDataColumn().getFloat64(0) != 0;
    all_pass = pass;
    none_pass = !pass;
    return nullptr;
  }
  const Column* data = column.get();
  const PODArray<UInt8>* nulls = nullptr;
  if (column->isNullable()) {
    const auto& n = static_cast<const ColumnNullable&>(*column);
    data = &n.getNestedColumn();
    nulls = &n.getNullMapData();
  }
  const auto* u8 = tryTypedAs<ColumnUInt8>(data);
  if (u8 && !nulls) return &u8->getData();
  scratch.resize(rows);
  UInt8* __restrict mask = scratch.data();
  if (u8) {
    const UInt8* __restrict d = u8->getData().data();
    for (size_t i = 0; i < rows; ++i) mask[i] = d[i] != 0;
  } else {
    for (size_t i = 0; i < rows; ++i) mask[i] = data->getFloat64(i) != 0;
  }
  if (nulls) {
    const UInt8* __restrict n = nulls->data();
    for (size_t i = 0; i < rows; ++i) mask[i] &= !n[i];
  }
  return &scratch;
}

class FilterStream final : public BlockStream {
 public:
  FilterStream(BlockStreamPtr input, ExpressionEvaluatorPtr evaluator, std::string filter_column, bool remove_filter,
               QueryContext& context, const std::optional<std::vector<std::string>>& keep_columns)
      : input_(std::move(input)), evaluator_(std::move(evaluator)), filter_column_(std::move(filter_column)), context_(context) {
    const Block& evaluated = evaluator_->header();
    filter_position_ = evaluated.position(filter_column_);
    if (filter_position_ < 0) throw Exception(ErrorCodes::LOGICAL_ERROR, "Filter column {} not computed", filter_column_);
    auto type = removeLowCardinality(removeNullable(evaluated.at(size_t(filter_position_)).type));
    if (!type->isValueRepresentedByNumber() && type->typeId() != TypeIndex::Nothing)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER, "Illegal type {} of column {} for filter",
                      evaluated.at(size_t(filter_position_)).type->name(), filter_column_);
    kept_ = filterOutputPositions(evaluated, filter_column_, remove_filter, keep_columns);
    for (size_t i : kept_) header_.insert({evaluated.at(i).type->createColumn(), evaluated.at(i).type, evaluated.at(i).name});
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return "Filter"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }

  bool read(Block& block) override {
    while (true) {
      Block in;
      if (!input_->read(in)) return false;
      context_.checkAlive();
      Block evaluated = evaluator_->execute(in);
      size_t rows = evaluated.rows();
      ColumnPtr filter_col = evaluated.at(size_t(filter_position_)).column;
      if (filter_col->kind() == ColumnKind::LowCardinality)
        filter_col = static_cast<const ColumnLowCardinality&>(*filter_col).convertToFullColumn();
      bool all_pass, none_pass;
      const Filter* mask = buildFilter(filter_col, rows, mask_, all_pass, none_pass);
      size_t count = mask ? countBytesInFilter(*mask) : (none_pass ? 0 : rows);
      if (count == 0) continue;
      Block out;
      for (size_t i : kept_) {
        auto& c = evaluated.at(i);
        out.insert({count == rows ? c.column : c.column->filter(*mask, ssize_t(count)), c.type, c.name});
      }
      out.setRows(count);
      block = std::move(out);
      return true;
    }
  }

 private:
  BlockStreamPtr input_;
  ExpressionEvaluatorPtr evaluator_;
  std::string filter_column_;
  QueryContext& context_;
  Block header_;
  std::vector<size_t> kept_;  // positions in the evaluator's header of the columns passed on
  int filter_position_ = -1;
  Filter mask_;
};

Block cutBlock(const Block& block, size_t start, size_t length) {
  Block out;
  for (const auto& c : block) out.insert({c.column->cut(start, length), c.type, c.name});
  out.setRows(length);
  return out;
}

class LimitStream final : public BlockStream {
 public:
  LimitStream(BlockStreamPtr input, uint64_t limit, uint64_t offset, QueryContext::ReadStopToken stop_sources)
      : input_(std::move(input)), limit_(limit), offset_(offset), stop_sources_(std::move(stop_sources)),
        header_(input_->header().cloneEmpty()) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "Limit"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }

  bool read(Block& block) override {
    while (position_ < offset_ + limit_) {
      Block in;
      if (!input_->read(in)) return false;
      size_t rows = in.rows();
      uint64_t start = position_;
      position_ += rows;
      if (position_ <= offset_) continue;
      size_t from = start < offset_ ? size_t(offset_ - start) : 0;
      size_t to = size_t(std::min<uint64_t>(rows, offset_ + limit_ - start));
      if (position_ >= offset_ + limit_ && stop_sources_) stop_sources_->store(true, std::memory_order_relaxed);
      if (from == 0 && to == rows) {
        block = std::move(in);
      } else {
        block = cutBlock(in, from, to - from);
      }
      return true;
    }
    return false;
  }

 private:
  BlockStreamPtr input_;
  uint64_t limit_, offset_;
  uint64_t position_ = 0;
  QueryContext::ReadStopToken stop_sources_;
  Block header_;
};

class ProjectionStream final : public BlockStream {
 public:
  ProjectionStream(BlockStreamPtr input, const Block& header) : input_(std::move(input)), header_(header.cloneEmpty()) {
    for (const auto& c : header_) {
      int pos = input_->header().position(c.name);
      if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", c.name);
      positions_.push_back(size_t(pos));
    }
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return "Projection"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }
  bool read(Block& block) override {
    Block in;
    if (!input_->read(in)) return false;
    Block out;
    for (size_t i = 0; i < positions_.size(); ++i) out.insert({in.at(positions_[i]).column, header_.at(i).type, header_.at(i).name});
    out.setRows(in.rows());
    block = std::move(out);
    return true;
  }

 private:
  BlockStreamPtr input_;
  Block header_;
  std::vector<size_t> positions_;
};

class RenameStream final : public BlockStream {
 public:
  RenameStream(BlockStreamPtr input, const Block& header) : input_(std::move(input)), header_(header.cloneEmpty()) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "Rename"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }
  bool read(Block& block) override {
    Block in;
    if (!input_->read(in)) return false;
    for (size_t i = 0; i < in.columns() && i < header_.columns(); ++i) in.at(i).name = header_.at(i).name;
    block = std::move(in);
    return true;
  }

 private:
  BlockStreamPtr input_;
  Block header_;
};

class ConvertingStream final : public BlockStream {
 public:
  ConvertingStream(BlockStreamPtr input, const Block& header, QueryContext& context)
      : input_(std::move(input)), header_(header.cloneEmpty()), context_(context) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "Converting"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }
  bool read(Block& block) override {
    Block in;
    if (!input_->read(in)) return false;
    Block out;
    for (size_t i = 0; i < header_.columns(); ++i) {
      const auto& src = in.at(i);
      const auto& dst = header_.at(i);
      ColumnPtr c = src.type->equals(*dst.type) ? src.column
                                                : castColumn({src.column, src.type, src.name}, dst.type, context_.function_context);
      out.insert({c, dst.type, dst.name});
    }
    out.setRows(in.rows());
    block = std::move(out);
    return true;
  }

 private:
  BlockStreamPtr input_;
  Block header_;
  QueryContext& context_;
};

class ResultLimitsStream final : public BlockStream {
 public:
  ResultLimitsStream(BlockStreamPtr input, QueryContext& context, std::atomic<uint64_t>* rows, std::atomic<uint64_t>* bytes)
      : input_(std::move(input)), context_(context), rows_(rows), bytes_(bytes), header_(input_->header().cloneEmpty()) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "ResultLimits"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }
  bool read(Block& block) override {
    if (done_) return false;
    if (!input_->read(block)) return false;
    uint64_t total_rows = rows_->fetch_add(block.rows()) + block.rows();
    uint64_t total_bytes = bytes_->fetch_add(block.bytes()) + block.bytes();
    const auto& s = context_.settings;
    bool over_rows = s.max_result_rows && total_rows > s.max_result_rows;
    bool over_bytes = s.max_result_bytes && total_bytes > s.max_result_bytes;
    if (over_rows || over_bytes) {
      if (s.result_overflow_mode == "throw") {
        if (over_rows)
          throw Exception(ErrorCodes::TOO_MANY_ROWS_OR_BYTES, "Limit for result exceeded, max rows: {}, current rows: {}",
                          formatReadableQuantity(double(s.max_result_rows)), formatReadableQuantity(double(total_rows)));
        throw Exception(ErrorCodes::TOO_MANY_ROWS_OR_BYTES, "Limit for result exceeded, max bytes: {}, current bytes: {}",
                        formatReadableSize(double(s.max_result_bytes)), formatReadableSize(double(total_bytes)));
      }
      // break: this block is the last one (ClickHouse stops at block granularity).
      done_ = true;
      context_.stopReading();
    }
    return true;
  }

 private:
  BlockStreamPtr input_;
  QueryContext& context_;
  std::atomic<uint64_t>* rows_;
  std::atomic<uint64_t>* bytes_;
  Block header_;
  bool done_ = false;
};

}  // namespace

BlockStreamPtr makeExpressionStream(BlockStreamPtr input, ExpressionEvaluatorPtr evaluator, QueryContext& context) {
  return std::make_unique<ExpressionStream>(std::move(input), std::move(evaluator), context);
}
std::vector<size_t> filterOutputPositions(const Block& evaluated, const std::string& filter_column, bool remove_filter,
                                          const std::optional<std::vector<std::string>>& keep_columns) {
  std::vector<size_t> kept;
  for (size_t i = 0; i < evaluated.columns(); ++i) {
    const auto& name = evaluated.at(i).name;
    if (remove_filter && name == filter_column) continue;
    if (keep_columns && std::find(keep_columns->begin(), keep_columns->end(), name) == keep_columns->end()) continue;
    kept.push_back(i);
  }
  return kept;
}
BlockStreamPtr makeFilterStream(BlockStreamPtr input, ExpressionEvaluatorPtr evaluator, std::string filter_column,
                                bool remove_filter, QueryContext& context,
                                const std::optional<std::vector<std::string>>& keep_columns) {
  return std::make_unique<FilterStream>(std::move(input), std::move(evaluator), std::move(filter_column), remove_filter,
                                        context, keep_columns);
}
BlockStreamPtr makeLimitStream(BlockStreamPtr input, uint64_t limit, uint64_t offset,
                               QueryContext::ReadStopToken stop_sources) {
  return std::make_unique<LimitStream>(std::move(input), limit, offset, std::move(stop_sources));
}
BlockStreamPtr makeProjectionStream(BlockStreamPtr input, const Block& header) {
  return std::make_unique<ProjectionStream>(std::move(input), header);
}
BlockStreamPtr makeRenameStream(BlockStreamPtr input, const Block& header) {
  return std::make_unique<RenameStream>(std::move(input), header);
}
BlockStreamPtr makeConvertingStream(BlockStreamPtr input, const Block& header, QueryContext& context) {
  return std::make_unique<ConvertingStream>(std::move(input), header, context);
}
BlockStreamPtr makeResultLimitsStream(BlockStreamPtr input, QueryContext& context, std::atomic<uint64_t>* result_rows,
                                      std::atomic<uint64_t>* result_bytes) {
  return std::make_unique<ResultLimitsStream>(std::move(input), context, result_rows, result_bytes);
}

}  // namespace tally
