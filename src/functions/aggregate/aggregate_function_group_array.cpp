// groupArray([N])(x): the values in arrival order (the first N with a parameter) — array_agg;
// groupUniqArray([N])(x): the distinct values (at most N). Nullable arguments lose their NULLs
// (the Null wrapper skips them) and the result is Array(T).
// groupUniqArray's order is the slot order of its hash set (ClickHouse's is its own hash
// table's order: both unspecified; compare sorted). Floats are distinct by == as in ClickHouse.
// States: varint size + values (raw numbers; the type's binary form for groupArray of other
// types; length-prefixed bytes for groupUniqArray of other types).

#include "columns/column_array.h"
#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/hash_set.h"
#include "functions/aggregate/state_io.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"

namespace tally {

namespace aggregate_group_array {

constexpr uint64_t kMaxArraySize = 0xFFFFFF;

template <typename T>
struct NumericArrayData {
  PODArray<T> values;
};

/// Values of any type in a column of that type (created on first use).
struct GenericArrayData {
  MutableColumnPtr values;
};

template <typename Data, typename T>
class AggregateFunctionGroupArray final
    : public AggregateFunctionDataHelper<Data, AggregateFunctionGroupArray<Data, T>> {
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionGroupArray<Data, T>>;
  using Base::data;
  static constexpr bool numeric = std::is_same_v<Data, NumericArrayData<T>>;

 public:
  AggregateFunctionGroupArray(uint64_t max_size, const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters), max_size_(max_size), result_(std::make_shared<DataTypeArray>(arguments[0])) {}

  std::string getName() const override { return "groupArray"; }
  DataTypePtr getReturnType() const override { return result_; }

  size_t count(const Data& d) const {
    if constexpr (numeric) return d.values.size();
    else return d.values ? d.values->size() : 0;
  }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    Data& d = data(place);
    if (count(d) >= max_size_) return;
    if constexpr (numeric) {
      d.values.push_back(static_cast<const ColumnVector<T>&>(*columns[0]).getData()[row]);
    } else {
      if (!d.values) d.values = this->argument_types_[0]->createColumn();
      d.values->insertFrom(*columns[0], row);
    }
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena*) const override {
    Data& d = data(place);
    size_t take = std::min<size_t>(rows, max_size_ - std::min<size_t>(max_size_, count(d)));
    if (take == 0) return;
    if constexpr (numeric) {
      const T* x = static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
      d.values.insert(x, x + take);
    } else {
      if (!d.values) d.values = this->argument_types_[0]->createColumn();
      d.values->insertRangeFrom(*columns[0], 0, take);
    }
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs_place, Arena*) const override {
    Data& d = data(place);
    const Data& rhs = data(rhs_place);
    size_t take = std::min<size_t>(count(rhs), max_size_ - std::min<size_t>(max_size_, count(d)));
    if (take == 0) return;
    if constexpr (numeric) {
      d.values.insert(rhs.values.begin(), rhs.values.begin() + take);
    } else {
      if (!d.values) d.values = this->argument_types_[0]->createColumn();
      d.values->insertRangeFrom(*rhs.values, 0, take);
    }
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    auto& array = static_cast<ColumnArray&>(to);
    const Data& d = data(place);
    if constexpr (numeric) {
      auto& out = static_cast<ColumnVector<T>&>(array.getData()).getData();
      out.insert(d.values.begin(), d.values.end());
    } else if (d.values) {
      array.getData().insertRangeFrom(*d.values, 0, d.values->size());
    }
    array.getOffsets().push_back(array.getData().size());
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    const Data& d = data(place);
    writeVarUInt(count(d), out);
    if constexpr (numeric) {
      out.write(reinterpret_cast<const char*>(d.values.data()), d.values.size() * sizeof(T));
    } else {
      for (size_t i = 0; i < count(d); ++i) this->argument_types_[0]->serializeBinary(*d.values, i, out);
    }
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override {
    Data& d = data(place);
    size_t n = readSizeBinary(in, kMaxArraySize);
    if constexpr (numeric) {
      d.values.resize(n);
      in.readStrict(reinterpret_cast<char*>(d.values.data()), n * sizeof(T));
    } else {
      d.values = this->argument_types_[0]->createColumn();
      for (size_t i = 0; i < n; ++i) this->argument_types_[0]->deserializeBinary(*d.values, in);
    }
  }

 private:
  uint64_t max_size_;
  DataTypePtr result_;
};

template <typename Key>
using UniqTraits = std::conditional_t<std::is_floating_point_v<Key>, FloatValueHashTableTraits<Key>, HashTableTraits<Key>>;

/// groupUniqArray over numbers (Key = T) or over serialized values (Key = string_view in the arena).
template <typename Key, bool serialized>
class AggregateFunctionGroupUniqArray final
    : public AggregateFunctionDataHelper<HashSet<Key, UniqTraits<Key>>, AggregateFunctionGroupUniqArray<Key, serialized>> {
  using Data = HashSet<Key, UniqTraits<Key>>;
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionGroupUniqArray<Key, serialized>>;
  using Base::data;
  static constexpr bool numeric = !std::is_same_v<Key, std::string_view>;

 public:
  AggregateFunctionGroupUniqArray(uint64_t max_size, const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters), max_size_(max_size), result_(std::make_shared<DataTypeArray>(arguments[0])) {}

  std::string getName() const override { return "groupUniqArray"; }
  DataTypePtr getReturnType() const override { return result_; }
  bool allocatesMemoryInArena() const override { return !numeric; }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    Data& d = data(place);
    if (d.size() >= max_size_) return;
    if constexpr (numeric) {
      d.insert(static_cast<const ColumnVector<Key>&>(*columns[0]).getData()[row]);
    } else if constexpr (!serialized) {
      bool inserted;
      auto* cell = d.emplace(columns[0]->getDataAt(row), inserted);
      if (inserted) cell->key = arena->insert(cell->key);
    } else {
      const char* begin = nullptr;
      size_t size = columns[0]->serializeValueIntoArena(row, *arena, begin);
      d.insert(std::string_view(begin, size));
    }
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const override {
    Data& d = data(place);
    data(rhs).forEach([&](const auto& c) {
      if (d.size() >= max_size_) return;
      bool inserted;
      auto* cell = d.emplace(c.key, inserted);
      if constexpr (!numeric)
        if (inserted) cell->key = arena->insert(cell->key);
    });
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    auto& array = static_cast<ColumnArray&>(to);
    Column& values = array.getData();
    data(place).forEach([&](const auto& c) {
      if constexpr (numeric)
        static_cast<ColumnVector<Key>&>(values).insertValue(c.key);
      else if constexpr (!serialized)
        values.insertData(c.key.data(), c.key.size());
      else
        values.deserializeAndInsertFromArena(c.key.data());
    });
    array.getOffsets().push_back(values.size());
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    writeVarUInt(data(place).size(), out);
    data(place).forEach([&](const auto& c) {
      if constexpr (numeric)
        writePodBinary(c.key, out);
      else
        writeStringBinary(c.key, out);
    });
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    Data& d = data(place);
    size_t n = readSizeBinary(in, kMaxArraySize);
    for (size_t i = 0; i < n; ++i) {
      if constexpr (numeric) {
        d.insert(readPodBinary<Key>(in));
      } else {
        size_t len = readSizeBinary(in);
        char* p = arena->alloc(len, 1);
        in.readStrict(p, len);
        d.insert(std::string_view(p, len));
      }
    }
  }

 private:
  uint64_t max_size_;
  DataTypePtr result_;
};

uint64_t maxSizeParameter(const std::string& name, const Fields& parameters) {
  if (parameters.empty()) return kMaxArraySize;
  if (parameters.size() > 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Incorrect number of parameters for aggregate function {}, should be 0 or 1",
                    name);
  uint64_t n = positiveIntegerParameter(name, parameters[0], ErrorCodes::BAD_ARGUMENTS);
  if (n > kMaxArraySize) throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Too large array size");
  return n;
}

AggregateFunctionPtr createGroupArray(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkAggregateArguments(name, arguments, 1, 1);
  uint64_t max_size = maxSizeParameter(name, parameters);
  AggregateFunctionPtr res;
  dispatchColumnVector(arguments[0]->typeId(), [&](auto tag) {
    using T = typename decltype(tag)::Type;
    res = std::make_shared<AggregateFunctionGroupArray<NumericArrayData<T>, T>>(max_size, arguments, parameters);
  });
  if (!res) res = std::make_shared<AggregateFunctionGroupArray<GenericArrayData, void>>(max_size, arguments, parameters);
  return res;
}

AggregateFunctionPtr createGroupUniqArray(const std::string& name, const DataTypes& arguments,
                                          const Fields& parameters) {
  checkAggregateArguments(name, arguments, 1, 1);
  uint64_t max_size = maxSizeParameter(name, parameters);
  AggregateFunctionPtr res;
  TypeIndex id = arguments[0]->typeId();
  dispatchColumnVector(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    res = std::make_shared<AggregateFunctionGroupUniqArray<T, false>>(max_size, arguments, parameters);
  });
  if (res) return res;
  if (id == TypeIndex::String || id == TypeIndex::FixedString)
    return std::make_shared<AggregateFunctionGroupUniqArray<std::string_view, false>>(max_size, arguments, parameters);
  return std::make_shared<AggregateFunctionGroupUniqArray<std::string_view, true>>(max_size, arguments, parameters);
}

}  // namespace aggregate_group_array

REGISTER_AGGREGATE_FUNCTION(GroupArray) {
  using namespace aggregate_group_array;
  factory.registerFunction("groupArray", createGroupArray, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"The values as an array, in arrival order (at most N).",
                                                 "groupArray([N])(x)", "", "", "", "Aggregate"});
  factory.registerAlias("array_agg", "groupArray", FunctionFactory::CaseInsensitive);
  factory.registerFunction("groupUniqArray", createGroupUniqArray, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"The distinct values as an array (at most N).",
                                                 "groupUniqArray([N])(x)", "", "", "", "Aggregate"});
}

}  // namespace tally
