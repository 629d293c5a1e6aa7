#pragma once
// ColumnFunction: a lambda as a column value, the argument higher-order functions (arrayMap,
// arrayFilter, ...) receive. It holds the compiled body and the values of everything the body
// captures from the enclosing query (one row per row of the column). The function turns its
// array arguments into flat element columns, replicates the captured values to match
// (replicate(offsets)), and calls evaluate() once for all elements of the block.

#include <memory>

#include "columns/column.h"
#include "types/block.h"

namespace tally {

/// The compiled body of a lambda (implemented by the execution layer).
class LambdaBody {
 public:
  virtual ~LambdaBody() = default;
  /// Evaluates the body for `rows` rows: `params` bind the lambda's parameters in order,
  /// `captured` the values it captures (both of `rows` rows).
  virtual ColumnPtr execute(const ColumnsWithTypeAndName& params, const ColumnsWithTypeAndName& captured,
                            size_t rows) const = 0;
  virtual const DataTypes& paramTypes() const = 0;
  virtual const DataTypePtr& resultType() const = 0;
};

class ColumnFunction final : public Column {
 public:
  ColumnFunction(size_t rows, std::shared_ptr<const LambdaBody> body, ColumnsWithTypeAndName captured)
      : rows_(rows), body_(std::move(body)), captured_(std::move(captured)) {}

  /// Evaluates the lambda over `arguments` (one column per parameter, size() rows each).
  ColumnPtr evaluate(const ColumnsWithTypeAndName& arguments) const { return body_->execute(arguments, captured_, rows_); }
  const DataTypes& paramTypes() const { return body_->paramTypes(); }
  const DataTypePtr& resultType() const { return body_->resultType(); }

  ColumnKind kind() const override { return ColumnKind::Function; }
  std::string familyName() const override { return "Function"; }
  size_t size() const override { return rows_; }
  size_t byteSize() const override {
    size_t b = 0;
    for (const auto& c : captured_) b += c.column->byteSize();
    return b;
  }
  Field operator[](size_t) const override { return Field(); }
  MutableColumnPtr cloneEmpty() const override { return std::make_shared<ColumnFunction>(0, body_, emptyCaptured()); }
  void insert(const Field&) override { unsupported(); }
  void insertFrom(const Column&, size_t) override { unsupported(); }
  void insertRangeFrom(const Column&, size_t, size_t) override { unsupported(); }
  void insertDefault() override { unsupported(); }
  void popBack(size_t) override { unsupported(); }

  ColumnPtr filter(const Filter& filter, ssize_t hint) const override {
    auto c = captured_;
    for (auto& x : c) x.column = x.column->filter(filter, hint);
    return std::make_shared<ColumnFunction>(hint >= 0 ? size_t(hint) : countBytesInFilter(filter), body_, std::move(c));
  }
  ColumnPtr permute(const Permutation& perm, size_t limit) const override {
    auto c = captured_;
    for (auto& x : c) x.column = x.column->permute(perm, limit);
    return std::make_shared<ColumnFunction>(limit ? std::min<size_t>(limit, perm.size()) : perm.size(), body_, std::move(c));
  }
  ColumnPtr replicate(const Offsets& offsets) const override {
    auto c = captured_;
    for (auto& x : c) x.column = x.column->replicate(offsets);
    return std::make_shared<ColumnFunction>(offsets.empty() ? 0 : offsets.back(), body_, std::move(c));
  }
  ColumnPtr cut(size_t start, size_t length) const override {
    auto c = captured_;
    for (auto& x : c) x.column = x.column->cut(start, length);
    return std::make_shared<ColumnFunction>(length, body_, std::move(c));
  }
  int compareAt(size_t, size_t, const Column&, int) const override { unsupported(); }
  void updateHashWithValue(size_t, SipHash&) const override { unsupported(); }
  size_t serializeValueIntoArena(size_t, Arena&, const char*&) const override { unsupported(); }
  const char* deserializeAndInsertFromArena(const char*) override { unsupported(); }

 private:
  [[noreturn]] static void unsupported();
  ColumnsWithTypeAndName emptyCaptured() const {
    auto c = captured_;
    for (auto& x : c) x.column = x.column->cloneEmpty();
    return c;
  }

  size_t rows_;
  std::shared_ptr<const LambdaBody> body_;
  ColumnsWithTypeAndName captured_;
};

}  // namespace tally
