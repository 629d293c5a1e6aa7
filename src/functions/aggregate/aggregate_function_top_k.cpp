// topK(N[, load_factor])(x) and topKWeighted(N[, load_factor])(x, weight): the (approximately)
// most frequent values, most frequent first — Filtered Space-Saving with load_factor * N
// counters (space_saving.h; default N = 10, load factor 3). Exact, and in ClickHouse's order,
// while there are at most load_factor * N distinct values. Floats compare with == (so -0 and 0
// are one value and each NaN is a value of its own), as in ClickHouse.
// State: varint size, (key, varint count, varint error) per counter in order, varint alpha size,
// alphas; keys are raw numbers or varint-length-prefixed bytes.

#include "columns/column_array.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/space_saving.h"
#include "functions/aggregate/state_io.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"

namespace tally {

namespace aggregate_top_k {

constexpr uint64_t kMaxSize = 0xFFFFFF;

enum class KeyKind { Number, Bytes, Serialized };

template <typename Key>
using TraitsFor = std::conditional_t<std::is_floating_point_v<Key>, FloatValueHashTableTraits<Key>, HashTableTraits<Key>>;

template <typename Key, KeyKind kind, bool weighted>
class AggregateFunctionTopK final
    : public AggregateFunctionDataHelper<SpaceSaving<Key, TraitsFor<Key>>, AggregateFunctionTopK<Key, kind, weighted>> {
  using Data = SpaceSaving<Key, TraitsFor<Key>>;
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionTopK<Key, kind, weighted>>;
  using Base::data;

 public:
  AggregateFunctionTopK(uint64_t threshold, uint64_t capacity, const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters),
        threshold_(threshold),
        capacity_(capacity),
        result_(std::make_shared<DataTypeArray>(arguments[0])) {}

  std::string getName() const override { return weighted ? "topKWeighted" : "topK"; }
  DataTypePtr getReturnType() const override { return result_; }
  bool allocatesMemoryInArena() const override { return kind != KeyKind::Number; }
  void create(AggregateDataPtr place) const override { new (place) Data(capacity_); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    uint64_t increment = 1;
    if constexpr (weighted) increment = columns[1]->getUInt(row);
    if constexpr (kind == KeyKind::Number) {
      data(place).insert(static_cast<const ColumnVector<Key>&>(*columns[0]).getData()[row], increment);
    } else if constexpr (kind == KeyKind::Bytes) {
      data(place).insert(columns[0]->getDataAt(row), increment, 0,
                         [arena](std::string_view k) { return arena->insert(k); });
    } else {
      const char* begin = nullptr;
      size_t size = columns[0]->serializeValueIntoArena(row, *arena, begin);
      data(place).insert(std::string_view(begin, size), increment, 0, [](std::string_view k) { return k; });
    }
  }

  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const override {
    if constexpr (kind == KeyKind::Number)
      data(place).merge(data(rhs), [](Key k) { return k; });
    else
      data(place).merge(data(rhs), [arena](std::string_view k) { return arena->insert(k); });
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    auto& array = static_cast<ColumnArray&>(to);
    Column& values = array.getData();
    data(place).forEachTop(threshold_, [&](const auto& counter) {
      if constexpr (kind == KeyKind::Number)
        static_cast<ColumnVector<Key>&>(values).insertValue(counter.key);
      else if constexpr (kind == KeyKind::Bytes)
        values.insertData(counter.key.data(), counter.key.size());
      else
        values.deserializeAndInsertFromArena(counter.key.data());
    });
    array.getOffsets().push_back(values.size());
  }

  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    const Data& d = data(place);
    writeVarUInt(d.size(), out);
    d.forEachTop(d.size(), [&](const auto& counter) {
      if constexpr (kind == KeyKind::Number)
        writePodBinary(counter.key, out);
      else
        writeStringBinary(counter.key, out);
      writeVarUInt(counter.count, out);
      writeVarUInt(counter.error, out);
    });
    writeVarUInt(d.alpha().size(), out);
    for (uint64_t a : d.alpha()) writeVarUInt(a, out);
  }

  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    Data& d = data(place);
    size_t n = readSizeBinary(in, capacity_);
    for (size_t i = 0; i < n; ++i) {
      Key key;
      if constexpr (kind == KeyKind::Number) {
        key = readPodBinary<Key>(in);
      } else {
        size_t len = readSizeBinary(in);
        char* p = arena->alloc(len, 1);
        in.readStrict(p, len);
        key = std::string_view(p, len);
      }
      uint64_t count = readVarUInt(in);
      uint64_t error = readVarUInt(in);
      d.pushCounter(key, count, error);
    }
    size_t alpha_size = readSizeBinary(in, kMaxSize * 8);
    if (alpha_size != d.alpha().size())
      throw Exception(ErrorCodes::INCORRECT_DATA, "Incorrect alpha table size {} in the state of {}", alpha_size,
                      getName());
    for (size_t i = 0; i < alpha_size; ++i) d.alpha()[i] = readVarUInt(in);
  }

 private:
  uint64_t threshold_;
  uint64_t capacity_;
  DataTypePtr result_;
};

template <bool weighted>
AggregateFunctionPtr create(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkAggregateArguments(name, arguments, weighted ? 2 : 1, weighted ? 2 : 1);
  if (weighted && !arguments[1]->isInteger() && arguments[1]->typeId() != TypeIndex::Bool)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "The second argument for aggregate function '{}' must have integer type", name);
  uint64_t threshold = 10;
  uint64_t load_factor = 3;
  if (parameters.size() > 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} requires two parameters or less",
                    name);
  if (!parameters.empty()) {
    threshold = positiveIntegerParameter(name, parameters[0], ErrorCodes::ARGUMENT_OUT_OF_BOUND);
    if (parameters.size() == 2) load_factor = positiveIntegerParameter(name, parameters[1], ErrorCodes::ARGUMENT_OUT_OF_BOUND);
  }
  if (threshold > kMaxSize || load_factor * threshold > kMaxSize)
    throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Too large parameter(s) for aggregate function {}. Maximum: {}",
                    name, kMaxSize);
  uint64_t capacity = threshold * load_factor;

  AggregateFunctionPtr res;
  TypeIndex id = arguments[0]->typeId();
  dispatchColumnVector(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    res = std::make_shared<AggregateFunctionTopK<T, KeyKind::Number, weighted>>(threshold, capacity, arguments,
                                                                                parameters);
  });
  if (res) return res;
  if (id == TypeIndex::String || id == TypeIndex::FixedString)
    return std::make_shared<AggregateFunctionTopK<std::string_view, KeyKind::Bytes, weighted>>(threshold, capacity,
                                                                                              arguments, parameters);
  return std::make_shared<AggregateFunctionTopK<std::string_view, KeyKind::Serialized, weighted>>(threshold, capacity,
                                                                                                 arguments, parameters);
}

}  // namespace aggregate_top_k

REGISTER_AGGREGATE_FUNCTION(TopK) {
  using namespace aggregate_top_k;
  factory.registerFunction("topK", create<false>, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"The approximately most frequent values (Filtered Space-Saving).",
                                                 "topK(N[, load_factor])(x)", "", "", "", "Aggregate"});
  factory.registerFunction("topKWeighted", create<true>, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"topK where each row counts `weight` times.",
                                                 "topKWeighted(N[, load_factor])(x, weight)", "", "", "", "Aggregate"});
}

}  // namespace tally
