// -Distinct: f(args...) over the distinct argument tuples only: sumDistinct, countDistinct,
// groupArrayDistinct, ... The state keeps the distinct tuples in order of first appearance
// (one numeric argument: the values; otherwise each tuple serialised into the arena); the
// nested function runs over them when the result is produced, so states merge correctly.
// State: varint count + the values (raw numbers, or length-prefixed serialised tuples).

#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/hash_set.h"
#include "functions/aggregate/state_io.h"
#include "functions/type_dispatch.h"

namespace tally {

namespace aggregate_combinator_distinct {

template <typename Key>
struct DistinctData {
  HashSet<Key> seen;
  PODArray<Key> order;
};

/// Key = T: one numeric argument; Key = std::string_view: serialised tuples.
template <typename Key>
class AggregateFunctionDistinct final : public AggregateFunctionDataHelper<DistinctData<Key>, AggregateFunctionDistinct<Key>> {
  using Data = DistinctData<Key>;
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionDistinct<Key>>;
  using Base::data;
  static constexpr bool serialized = std::is_same_v<Key, std::string_view>;

 public:
  AggregateFunctionDistinct(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters), nested_(std::move(nested)) {}

  std::string getName() const override { return nested_->getName() + "Distinct"; }
  DataTypePtr getReturnType() const override { return nested_->getReturnType(); }
  bool allocatesMemoryInArena() const override { return serialized; }
  bool returnsDefaultWhenOnlyNulls() const override { return nested_->returnsDefaultWhenOnlyNulls(); }

  void remember(Data& d, Key key, Arena* arena, bool copy) const {
    bool inserted;
    auto* cell = d.seen.emplace(key, inserted);
    if (!inserted) return;
    if constexpr (serialized)
      if (copy) cell->key = arena->insert(cell->key);
    d.order.push_back(cell->key);
  }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    if constexpr (!serialized) {
      remember(data(place), static_cast<const ColumnVector<Key>&>(*columns[0]).getData()[row], arena, false);
    } else {
      const char* begin = nullptr;
      size_t size = 0;
      for (size_t i = 0; i < this->argument_types_.size(); ++i)
        size += columns[i]->serializeValueIntoArena(row, *arena, begin);
      remember(data(place), std::string_view(begin, size), arena, false);
    }
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const override {
    for (const Key& key : data(rhs).order) remember(data(place), key, arena, true);
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena* arena) const override {
    const Data& d = data(place);
    MutableColumns columns;
    for (const auto& type : this->argument_types_) columns.push_back(type->createColumn());
    if constexpr (!serialized) {
      auto& values = static_cast<ColumnVector<Key>&>(*columns[0]).getData();
      values.insert(d.order.begin(), d.order.end());
    } else {
      for (const Key& key : d.order) {
        const char* pos = key.data();
        for (auto& c : columns) pos = c->deserializeAndInsertFromArena(pos);
      }
    }
    std::vector<const Column*> raw;
    for (const auto& c : columns) raw.push_back(c.get());
    AggregateDataPtr nested_place = arena->alloc(nested_->sizeOfData(), nested_->alignOfData());
    nested_->create(nested_place);
    try {
      nested_->addBatchSinglePlace(d.order.size(), nested_place, raw.data(), arena);
      nested_->insertResultInto(nested_place, to, arena);
    } catch (...) {
      nested_->destroy(nested_place);
      throw;
    }
    nested_->destroy(nested_place);
  }

  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    const Data& d = data(place);
    writeVarUInt(d.order.size(), out);
    for (const Key& key : d.order) {
      if constexpr (serialized)
        writeStringBinary(key, out);
      else
        writePodBinary(key, out);
    }
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    size_t n = readSizeBinary(in);
    for (size_t i = 0; i < n; ++i) {
      if constexpr (serialized) {
        size_t len = readSizeBinary(in);
        char* p = arena->alloc(len, 1);
        in.readStrict(p, len);
        remember(data(place), std::string_view(p, len), arena, false);
      } else {
        remember(data(place), readPodBinary<Key>(in), arena, false);
      }
    }
  }

 private:
  AggregateFunctionPtr nested_;
};

class CombinatorDistinct final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "Distinct"; }
  DataTypes transformArguments(const DataTypes& arguments) const override {
    if (arguments.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Incorrect number of arguments for aggregate function with Distinct suffix");
    return arguments;
  }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    AggregateFunctionPtr res;
    if (arguments.size() == 1)
      dispatchColumnVector(arguments[0]->typeId(), [&](auto tag) {
        using T = typename decltype(tag)::Type;
        res = std::make_shared<AggregateFunctionDistinct<T>>(nested, arguments, params);
      });
    if (!res) res = std::make_shared<AggregateFunctionDistinct<std::string_view>>(nested, arguments, params);
    return res;
  }
};

}  // namespace aggregate_combinator_distinct

REGISTER_AGGREGATE_FUNCTION(CombinatorDistinct) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_distinct::CombinatorDistinct>());
}

}  // namespace tally
