#pragma once
// QueryPlan: the logical plan of a SELECT — a tree of steps from reading storages up to the
// final projection. The analyzer builds it; build() turns it into physical streams
// (execution/), deciding parallelism; describe() prints it for EXPLAIN.
//
// Each step knows its output header. Steps own their children. A plan is built once and
// executed once.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "execution/expression_evaluator.h"
#include "execution/operators/aggregating_stream.h"
#include "execution/operators/join_stream.h"
#include "execution/operators/set_streams.h"
#include "execution/operators/sorting_stream.h"
#include "execution/operators/window_stream.h"
#include "storage/storage.h"

namespace tally {

class PlanStep;
using PlanStepPtr = std::unique_ptr<PlanStep>;

class PlanStep {
 public:
  virtual ~PlanStep() = default;
  /// Step kind as EXPLAIN prints it ("Expression", "Filter", "Aggregating", ...).
  virtual std::string name() const = 0;
  /// Short detail in parentheses ("Before ORDER BY", "WHERE", table name, ...).
  virtual std::string detail() const { return detail_; }
  /// Builds the physical streams of this step (consumes the children's streams).
  virtual BlockStreams build(QueryContext& context) = 0;

  const Block& header() const { return header_; }
  void setDetail(std::string detail) { detail_ = std::move(detail); }
  std::vector<PlanStepPtr>& children() { return children_; }
  const std::vector<PlanStepPtr>& children() const { return children_; }

 protected:
  Block header_;
  std::string detail_;
  std::vector<PlanStepPtr> children_;
};

/// Reads columns of a storage on up to max_threads streams.
class ReadStorageStep final : public PlanStep {
 public:
  ReadStorageStep(StoragePtr storage, std::vector<std::string> columns, std::string table_name);
  std::string name() const override { return "ReadFromStorage"; }
  BlockStreams build(QueryContext& context) override;
  /// The query's filter, for data skipping; `columns` maps its column names to the storage's.
  void setFilterHint(ExprPtr filter, std::map<std::string, std::string> columns) {
    filter_hint_ = std::move(filter);
    filter_hint_columns_ = std::move(columns);
  }
  void setLimitHint(uint64_t limit) { limit_hint_ = limit; }
  void setFinal(bool final) { final_ = final; }
  const StoragePtr& storage() const { return storage_; }

 private:
  StoragePtr storage_;
  std::vector<std::string> columns_;
  ExprPtr filter_hint_;
  std::map<std::string, std::string> filter_hint_columns_;
  uint64_t limit_hint_ = 0;
  bool final_ = false;
};

/// Blocks known at planning time (VALUES, a pre-computed count()).
class ConstantBlocksStep final : public PlanStep {
 public:
  ConstantBlocksStep(Block header, std::vector<Block> blocks, std::string detail);
  std::string name() const override { return "ReadFromPreparedSource"; }
  BlockStreams build(QueryContext& context) override;

 private:
  std::vector<Block> blocks_;
};

class ExpressionStep final : public PlanStep {
 public:
  ExpressionStep(PlanStepPtr input, ExpressionEvaluatorPtr evaluator, std::string detail);
  std::string name() const override { return "Expression"; }
  BlockStreams build(QueryContext& context) override;
  const ExpressionEvaluatorPtr& evaluator() const { return evaluator_; }

 private:
  ExpressionEvaluatorPtr evaluator_;
};

class FilterStep final : public PlanStep {
 public:
  /// `evaluator` keeps its input columns and computes `filter_column`.
  /// `keep_columns`: the only columns downstream reads (see makeFilterStream); an empty list
  /// passes on only row counts.
  FilterStep(PlanStepPtr input, ExpressionEvaluatorPtr evaluator, std::string filter_column, bool remove_filter,
             std::string detail, std::optional<std::vector<std::string>> keep_columns = std::nullopt);
  std::string name() const override { return "Filter"; }
  BlockStreams build(QueryContext& context) override;

 private:
  ExpressionEvaluatorPtr evaluator_;
  std::string filter_column_;
  bool remove_filter_;
  std::optional<std::vector<std::string>> keep_columns_;
};

class ArrayJoinStep final : public PlanStep {
 public:
  ArrayJoinStep(PlanStepPtr input, std::vector<ArrayJoinColumn> columns, bool left);
  std::string name() const override { return "ArrayJoin"; }
  BlockStreams build(QueryContext& context) override;

 private:
  std::vector<ArrayJoinColumn> columns_;
  bool left_;
};

class JoinStep final : public PlanStep {
 public:
  JoinStep(PlanStepPtr left, PlanStepPtr right, JoinParams params);
  std::string name() const override { return "Join"; }
  BlockStreams build(QueryContext& context) override;

 private:
  JoinParams params_;
};

class AggregatingStep final : public PlanStep {
 public:
  AggregatingStep(PlanStepPtr input, AggregationParams params, std::shared_ptr<TotalsHolder> totals);
  std::string name() const override { return "Aggregating"; }
  BlockStreams build(QueryContext& context) override;

 private:
  AggregationParams params_;
  std::shared_ptr<TotalsHolder> totals_;
};

class WindowStep final : public PlanStep {
 public:
  WindowStep(PlanStepPtr input, std::vector<WindowDescription> windows);
  std::string name() const override { return "Window"; }
  BlockStreams build(QueryContext& context) override;

 private:
  std::vector<WindowDescription> windows_;
};

class SortingStep final : public PlanStep {
 public:
  SortingStep(PlanStepPtr input, SortDescription description, uint64_t limit);
  std::string name() const override { return "Sorting"; }
  BlockStreams build(QueryContext& context) override;

 private:
  SortDescription description_;
  uint64_t limit_;
};

class DistinctStep final : public PlanStep {
 public:
  DistinctStep(PlanStepPtr input, std::vector<std::string> columns);
  std::string name() const override { return "Distinct"; }
  BlockStreams build(QueryContext& context) override;

 private:
  std::vector<std::string> columns_;
};

class LimitByStep final : public PlanStep {
 public:
  LimitByStep(PlanStepPtr input, std::vector<std::string> columns, uint64_t limit, uint64_t offset);
  std::string name() const override { return "LimitBy"; }
  BlockStreams build(QueryContext& context) override;

 private:
  std::vector<std::string> columns_;
  uint64_t limit_, offset_;
};

class LimitStep final : public PlanStep {
 public:
  /// `preserves_order`: the input is ordered (after ORDER BY) and must be read in order.
  LimitStep(PlanStepPtr input, uint64_t limit, uint64_t offset, bool preserves_order);
  std::string name() const override { return "Limit"; }
  BlockStreams build(QueryContext& context) override;

 private:
  uint64_t limit_, offset_;
  bool preserves_order_;
};

/// Selects and renames columns: output column i is input column `sources[i]` named header[i].
class ProjectionStep final : public PlanStep {
 public:
  ProjectionStep(PlanStepPtr input, std::vector<std::string> sources, Block header);
  std::string name() const override { return "Projection"; }
  BlockStreams build(QueryContext& context) override;

 private:
  std::vector<std::string> sources_;
};

/// UNION ALL of several plans, each converted to the common header.
class UnionStep final : public PlanStep {
 public:
  UnionStep(std::vector<PlanStepPtr> inputs, Block header);
  std::string name() const override { return "Union"; }
  BlockStreams build(QueryContext& context) override;
};

/// Casts columns to the types of `header` (same positions).
class ConvertingStep final : public PlanStep {
 public:
  ConvertingStep(PlanStepPtr input, Block header);
  std::string name() const override { return "Converting"; }
  BlockStreams build(QueryContext& context) override;
};

/// Merges the input streams into one stream (a stage that needs a single ordered stream).
class MergeStreamsStep final : public PlanStep {
 public:
  explicit MergeStreamsStep(PlanStepPtr input);
  std::string name() const override { return "Union"; }
  BlockStreams build(QueryContext& context) override;
};

/// A built plan: the final stream plus what the output formats need besides rows.
struct QueryPipeline {
  BlockStreamPtr stream;
  std::shared_ptr<TotalsHolder> totals;      // totals row after the final projection (may be null)
  ExpressionEvaluatorPtr totals_projection;  // applied to the raw totals before output
  std::vector<std::string> totals_sources;   // columns of the projected totals, in output order
  bool has_limit = false;
};

struct QueryPlan {
  PlanStepPtr root;
  std::shared_ptr<TotalsHolder> totals;
  /// Evaluator that turns the aggregator's totals row into the output row (post-aggregation
  /// expressions), and the output columns to take from it.
  ExpressionEvaluatorPtr totals_expression;
  std::vector<std::string> totals_sources;
  bool has_limit = false;

  const Block& header() const { return root->header(); }
  /// Builds the streams, merged into one.
  QueryPipeline build(QueryContext& context);
  /// EXPLAIN text (one line per step, indented by depth).
  std::string explain() const;
};

}  // namespace tally
