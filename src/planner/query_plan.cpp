#include "planner/query_plan.h"

#include "common/exception.h"
#include "execution/operators/transform_streams.h"

namespace tally {

// ---- ReadStorageStep ----

ReadStorageStep::ReadStorageStep(StoragePtr storage, std::vector<std::string> columns, std::string table_name)
    : storage_(std::move(storage)), columns_(std::move(columns)) {
  header_ = storage_->header(columns_);
  detail_ = std::move(table_name);
}

BlockStreams ReadStorageStep::build(QueryContext& context) {
  ReadRequest request;
  request.columns = columns_;
  request.max_streams = context.maxThreads();
  request.max_block_size = std::max<uint64_t>(context.settings.max_block_size, 1);
  request.filter_hint = filter_hint_;
  request.filter_hint_columns = filter_hint_columns_;
  request.limit_hint = limit_hint_;
  request.final = final_;
  BlockStreams streams = storage_->read(request, context);
  if (streams.empty()) streams.push_back(makeBlocksStream(header_, {}, "Empty"));
  return streams;
}

// ---- ConstantBlocksStep ----

ConstantBlocksStep::ConstantBlocksStep(Block header, std::vector<Block> blocks, std::string detail)
    : blocks_(std::move(blocks)) {
  header_ = header.cloneEmpty();
  detail_ = std::move(detail);
}

BlockStreams ConstantBlocksStep::build(QueryContext&) {
  BlockStreams res;
  res.push_back(makeBlocksStream(header_, std::move(blocks_), "Values"));
  return res;
}

// ---- ExpressionStep ----

ExpressionStep::ExpressionStep(PlanStepPtr input, ExpressionEvaluatorPtr evaluator, std::string detail)
    : evaluator_(std::move(evaluator)) {
  header_ = evaluator_->header();
  detail_ = std::move(detail);
  children_.push_back(std::move(input));
}

BlockStreams ExpressionStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  for (auto& s : in) out.push_back(makeExpressionStream(std::move(s), evaluator_, context));
  return out;
}

// ---- FilterStep ----

FilterStep::FilterStep(PlanStepPtr input, ExpressionEvaluatorPtr evaluator, std::string filter_column,
                       bool remove_filter, std::string detail, std::optional<std::vector<std::string>> keep_columns)
    : evaluator_(std::move(evaluator)),
      filter_column_(std::move(filter_column)),
      remove_filter_(remove_filter),
      keep_columns_(std::move(keep_columns)) {
  for (size_t i : filterOutputPositions(evaluator_->header(), filter_column_, remove_filter_, keep_columns_))
    header_.insert(evaluator_->header().at(i));
  detail_ = std::move(detail);
  children_.push_back(std::move(input));
}

BlockStreams FilterStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  for (auto& s : in)
    out.push_back(makeFilterStream(std::move(s), evaluator_, filter_column_, remove_filter_, context, keep_columns_));
  return out;
}

// ---- ArrayJoinStep ----

ArrayJoinStep::ArrayJoinStep(PlanStepPtr input, std::vector<ArrayJoinColumn> columns, bool left)
    : columns_(std::move(columns)), left_(left) {
  header_ = arrayJoinHeader(input->header(), columns_);
  children_.push_back(std::move(input));
}

BlockStreams ArrayJoinStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  for (auto& s : in) out.push_back(makeArrayJoinStream(std::move(s), columns_, left_, context));
  return out;
}

// ---- JoinStep ----

JoinStep::JoinStep(PlanStepPtr left, PlanStepPtr right, JoinParams params) : params_(std::move(params)) {
  for (const auto& c : params_.left_columns) header_.insert({nullptr, c.type, c.output});
  for (const auto& c : params_.right_columns) header_.insert({nullptr, c.type, c.output});
  children_.push_back(std::move(left));
  children_.push_back(std::move(right));
}

BlockStreams JoinStep::build(QueryContext& context) {
  BlockStreams left = children_[0]->build(context);
  BlockStreams right = children_[1]->build(context);
  return makeJoinStreams(std::move(left), std::move(right), params_, context);
}

// ---- AggregatingStep ----

AggregatingStep::AggregatingStep(PlanStepPtr input, AggregationParams params, std::shared_ptr<TotalsHolder> totals)
    : params_(std::move(params)), totals_(std::move(totals)) {
  const Block& in = input->header();
  for (const auto& k : params_.keys) {
    int pos = in.position(k);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found key column {}", k);
    header_.insert({nullptr, in.at(size_t(pos)).type, k});
  }
  for (const auto& a : params_.aggregates) header_.insert({nullptr, a.function->getReturnType(), a.name});
  children_.push_back(std::move(input));
}

BlockStreams AggregatingStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  out.push_back(makeAggregatingStream(std::move(in), params_, context, totals_));
  return out;
}

// ---- WindowStep ----

WindowStep::WindowStep(PlanStepPtr input, std::vector<WindowDescription> windows) : windows_(std::move(windows)) {
  header_ = input->header().cloneEmpty();
  for (const auto& w : windows_)
    for (const auto& f : w.functions)
      if (header_.position(f.name) < 0) header_.insert({nullptr, f.result_type, f.name});
  children_.push_back(std::move(input));
}

BlockStreams WindowStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  out.push_back(makeWindowStream(std::move(in), windows_, context));
  return out;
}

// ---- SortingStep ----

SortingStep::SortingStep(PlanStepPtr input, SortDescription description, uint64_t limit)
    : description_(std::move(description)), limit_(limit) {
  header_ = input->header().cloneEmpty();
  children_.push_back(std::move(input));
}

BlockStreams SortingStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  out.push_back(makeSortingStream(std::move(in), description_, limit_, context));
  return out;
}

// ---- DistinctStep ----

DistinctStep::DistinctStep(PlanStepPtr input, std::vector<std::string> columns) : columns_(std::move(columns)) {
  header_ = input->header().cloneEmpty();
  children_.push_back(std::move(input));
}

BlockStreams DistinctStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  out.push_back(makeDistinctStream(unionStreams(std::move(in), context), columns_, context));
  return out;
}

// ---- LimitByStep ----

LimitByStep::LimitByStep(PlanStepPtr input, std::vector<std::string> columns, uint64_t limit, uint64_t offset)
    : columns_(std::move(columns)), limit_(limit), offset_(offset) {
  header_ = input->header().cloneEmpty();
  children_.push_back(std::move(input));
}

BlockStreams LimitByStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  out.push_back(makeLimitByStream(unionStreams(std::move(in), context), columns_, limit_, offset_, context));
  return out;
}

// ---- LimitStep ----

LimitStep::LimitStep(PlanStepPtr input, uint64_t limit, uint64_t offset, bool preserves_order)
    : limit_(limit), offset_(offset), preserves_order_(preserves_order) {
  header_ = input->header().cloneEmpty();
  children_.push_back(std::move(input));
}

BlockStreams LimitStep::build(QueryContext& context) {
  // The sources under this LIMIT watch their own stop token.
  auto stop = std::make_shared<std::atomic<bool>>(false);
  QueryContext::ReadStopToken outer = context.exchangeReadStopToken(stop);
  BlockStreams in;
  try {
    in = children_[0]->build(context);
  } catch (...) {
    context.exchangeReadStopToken(outer);
    throw;
  }
  context.exchangeReadStopToken(outer);
  if (in.size() > 1 && !preserves_order_) {
    // Each stream may stop after limit+offset rows; the union then applies the exact limit.
    BlockStreams pre;
    for (auto& s : in) pre.push_back(makeLimitStream(std::move(s), limit_ + offset_, 0, nullptr));
    in = std::move(pre);
  }
  BlockStreams out;
  out.push_back(makeLimitStream(unionStreams(std::move(in), context), limit_, offset_, stop));
  return out;
}

// ---- ProjectionStep ----

ProjectionStep::ProjectionStep(PlanStepPtr input, std::vector<std::string> sources, Block header)
    : sources_(std::move(sources)) {
  header_ = header.cloneEmpty();
  children_.push_back(std::move(input));
}

namespace {
class ProjectAndRenameStream final : public BlockStream {
 public:
  ProjectAndRenameStream(BlockStreamPtr input, std::vector<std::string> sources, Block header)
      : input_(std::move(input)), header_(std::move(header)) {
    for (const auto& s : sources) {
      int pos = input_->header().position(s);
      if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", s);
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
    for (size_t i = 0; i < positions_.size(); ++i)
      out.insert({in.at(positions_[i]).column, header_.at(i).type, header_.at(i).name});
    out.setRows(in.rows());
    block = std::move(out);
    return true;
  }

 private:
  BlockStreamPtr input_;
  Block header_;
  std::vector<size_t> positions_;
};
}  // namespace

BlockStreams ProjectionStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  for (auto& s : in) out.push_back(std::make_unique<ProjectAndRenameStream>(std::move(s), sources_, header_));
  return out;
}

// ---- UnionStep ----

UnionStep::UnionStep(std::vector<PlanStepPtr> inputs, Block header) {
  header_ = header.cloneEmpty();
  children_ = std::move(inputs);
}

BlockStreams UnionStep::build(QueryContext& context) {
  BlockStreams out;
  for (auto& child : children_) {
    BlockStreams in = child->build(context);
    for (auto& s : in) out.push_back(std::move(s));
  }
  return out;
}

// ---- ConvertingStep ----

ConvertingStep::ConvertingStep(PlanStepPtr input, Block header) {
  header_ = header.cloneEmpty();
  children_.push_back(std::move(input));
}

BlockStreams ConvertingStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  for (auto& s : in) {
    bool same = s->header().columns() == header_.columns();
    for (size_t i = 0; same && i < header_.columns(); ++i) same = s->header().at(i).type->equals(*header_.at(i).type);
    BlockStreamPtr converted = same ? std::move(s) : makeConvertingStream(std::move(s), header_, context);
    out.push_back(makeRenameStream(std::move(converted), header_));
  }
  return out;
}

// ---- MergeStreamsStep ----

MergeStreamsStep::MergeStreamsStep(PlanStepPtr input) {
  header_ = input->header().cloneEmpty();
  children_.push_back(std::move(input));
}

BlockStreams MergeStreamsStep::build(QueryContext& context) {
  BlockStreams in = children_[0]->build(context);
  BlockStreams out;
  out.push_back(unionStreams(std::move(in), context));
  return out;
}

// ---- QueryPlan ----

QueryPipeline QueryPlan::build(QueryContext& context) {
  QueryPipeline pipeline;
  BlockStreams streams = root->build(context);
  pipeline.stream = unionStreams(std::move(streams), context);
  pipeline.totals = totals;
  pipeline.totals_projection = totals_expression;
  pipeline.totals_sources = totals_sources;
  pipeline.has_limit = has_limit;
  return pipeline;
}

static void explainStep(const PlanStep& step, size_t depth, std::string& out) {
  out += std::string(depth * 2, ' ');
  out += step.name();
  if (!step.detail().empty()) out += " (" + step.detail() + ")";
  out += '\n';
  for (const auto& c : step.children()) explainStep(*c, depth + 1, out);
}

std::string QueryPlan::explain() const {
  std::string out;
  explainStep(*root, 0, out);
  return out;
}

}  // namespace tally
