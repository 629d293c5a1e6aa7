#pragma once
// IAggregateFunction: an aggregate (sum, uniq, quantile, ...) or a combinator-wrapped one
// (sumIf, uniqState, ...). The object is immutable and shared between threads; the state of
// one group lives in memory the caller provides ("place", sizeOfData() bytes aligned to
// alignOfData(), usually in an Arena), created with create() and destroyed with destroy().
//
// Hot paths never make a virtual call per row: operators call addBatch / addBatchSinglePlace
// once per block, which concrete functions implement with an inlined loop
// (AggregateFunctionHelper below). merge() combines partial states of parallel threads;
// serialize()/deserialize() give the binary state of AggregateFunction(...) columns.

#include <memory>
#include <string>
#include <vector>

#include "columns/column.h"
#include "common/arena.h"
#include "common/field.h"
#include "types/data_type.h"

namespace tally {

class ReadBuffer;
class WriteBuffer;

using AggregateDataPtr = char*;
using ConstAggregateDataPtr = const char*;

class IAggregateFunction;
using AggregateFunctionPtr = std::shared_ptr<const IAggregateFunction>;

class IAggregateFunction : public std::enable_shared_from_this<IAggregateFunction> {
 public:
  IAggregateFunction(DataTypes argument_types, Fields parameters)
      : argument_types_(std::move(argument_types)), parameters_(std::move(parameters)) {}
  virtual ~IAggregateFunction() = default;

  virtual std::string getName() const = 0;
  virtual DataTypePtr getReturnType() const = 0;
  const DataTypes& getArgumentTypes() const { return argument_types_; }
  const Fields& getParameters() const { return parameters_; }

  // ---- State lifetime ----
  virtual size_t sizeOfData() const = 0;
  virtual size_t alignOfData() const = 0;
  virtual void create(AggregateDataPtr place) const = 0;
  virtual void destroy(AggregateDataPtr place) const noexcept = 0;
  virtual bool hasTrivialDestructor() const { return false; }
  /// True if states keep pointers into the arena passed to add/merge (the arena must live
  /// as long as the states).
  virtual bool allocatesMemoryInArena() const { return false; }

  // ---- Accumulating ----
  /// Adds row `row` of `columns` (the arguments) to the state at `place`.
  virtual void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const = 0;
  /// For each row i < rows: add row i to places[i] + place_offset (places[i] may be null:
  /// skip). One call per block.
  virtual void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                        Arena* arena) const = 0;
  /// Adds rows [0, rows) to one state (aggregation without GROUP BY).
  virtual void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const = 0;
  /// Like addBatchSinglePlace but only rows with filter[i] != 0 (for -If and WHERE pushdown).
  virtual void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns,
                                           const uint8_t* filter, Arena* arena) const = 0;
  /// Adds rows [begin, end) to one state (window frames, arrayReduce).
  virtual void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const = 0;

  /// Combines rhs into place.
  virtual void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const = 0;

  // ---- Results ----
  /// Appends the final value of the state to `to` (a column of getReturnType()).
  virtual void insertResultInto(AggregateDataPtr place, Column& to, Arena* arena) const = 0;
  /// The state in the binary form of AggregateFunction(...) values.
  virtual void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const = 0;
  virtual void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const = 0;

  /// For -State: the function whose states this one produces (itself by default).
  virtual AggregateFunctionPtr getNestedFunction() const { return shared_from_this(); }
  /// Returns a result of type `Nullable` by itself (so the implicit Null wrapper is not needed).
  virtual bool handlesNullsItself() const { return false; }
  /// count() keeps its non-Nullable result type even for Nullable arguments.
  virtual bool returnsDefaultWhenOnlyNulls() const { return false; }
  /// Window-only functions (row_number, rank, lagInFrame, ...) have special frame handling.
  virtual bool isWindowFunction() const { return false; }

 protected:
  DataTypes argument_types_;
  Fields parameters_;
};

/// CRTP base implementing the batch methods with an inlined per-row add() of Derived.
template <typename Derived>
class AggregateFunctionHelper : public IAggregateFunction {
 public:
  using IAggregateFunction::IAggregateFunction;

  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override {
    const auto& self = static_cast<const Derived&>(*this);
    for (size_t i = 0; i < rows; ++i)
      if (places[i]) self.Derived::add(places[i] + place_offset, columns, i, arena);
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    const auto& self = static_cast<const Derived&>(*this);
    for (size_t i = 0; i < rows; ++i) self.Derived::add(place, columns, i, arena);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    const auto& self = static_cast<const Derived&>(*this);
    for (size_t i = 0; i < rows; ++i)
      if (filter[i]) self.Derived::add(place, columns, i, arena);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    const auto& self = static_cast<const Derived&>(*this);
    for (size_t i = begin; i < end; ++i) self.Derived::add(place, columns, i, arena);
  }
};

/// CRTP base adding state management for a state type Data (default-constructed in place).
template <typename Data, typename Derived>
class AggregateFunctionDataHelper : public AggregateFunctionHelper<Derived> {
 public:
  using AggregateFunctionHelper<Derived>::AggregateFunctionHelper;
  using State = Data;

  static Data& data(AggregateDataPtr place) { return *reinterpret_cast<Data*>(place); }
  static const Data& data(ConstAggregateDataPtr place) { return *reinterpret_cast<const Data*>(place); }

  size_t sizeOfData() const override { return sizeof(Data); }
  size_t alignOfData() const override { return alignof(Data); }
  void create(AggregateDataPtr place) const override { new (place) Data; }
  void destroy(AggregateDataPtr place) const noexcept override { data(place).~Data(); }
  bool hasTrivialDestructor() const override { return std::is_trivially_destructible_v<Data>; }
};

}  // namespace tally
