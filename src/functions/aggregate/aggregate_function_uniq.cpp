// uniqExact, uniq, uniqCombined(K), uniqCombined64, uniqHLL12: the number of distinct values
// (or tuples of the arguments), UInt64.
//
// Methods (see uniq_keys.h for the keys):
//   uniqExact    — a hash set of the values (numbers) or of their 128-bit SipHash (others).
//                  State: varint size + raw keys (ClickHouse's layout).
//   uniq         — adaptive sampling of 64-bit hashes (ClickHouse's UniquesHashSet idea): all
//                  hashes are kept while there are at most 65536 of them, so results are exact
//                  up to 65536 distinct values; beyond, only hashes whose low `skip_degree` bits
//                  are zero are kept and the count is scaled by 2^skip_degree.
//   uniqCombined — exact set of 64-bit hashes up to 2^(K-4) values (8192 for the default
//                  K = 17), then HyperLogLog with 2^K registers and linear counting for small
//                  estimates. uniqHLL12: the same with an exact set of 16 and 2^12 registers.
// The approximate results differ from ClickHouse's (different hash functions and estimators);
// the exact ranges give the same values.

#include <cmath>

#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/hash_set.h"
#include "functions/aggregate/state_io.h"
#include "functions/aggregate/uniq_keys.h"
#include "types/data_type_number.h"

namespace tally {

namespace aggregate_uniq {

struct UniqParams {
  uint8_t precision = 17;    // HyperLogLog: log2 of the number of registers
  size_t exact_limit = 8192;  // uniqCombined: distinct values counted exactly
};

template <typename Key>
struct UniqExactData {
  HashSet<Key> set;

  void insert(Key key, const UniqParams&) { set.insert(key); }
  void merge(const UniqExactData& rhs, const UniqParams&) {
    rhs.set.forEach([&](const auto& cell) { set.insert(cell.key); });
  }
  UInt64 size(const UniqParams&) const { return set.size(); }
  void write(WriteBuffer& out, const UniqParams&) const {
    writeVarUInt(set.size(), out);
    set.forEach([&](const auto& cell) { writePodBinary(cell.key, out); });
  }
  void read(ReadBuffer& in, const UniqParams&) {
    size_t n = readSizeBinary(in);
    set.reserve(n);
    for (size_t i = 0; i < n; ++i) set.insert(readPodBinary<Key>(in));
  }
};

struct UniqSampleData {
  static constexpr size_t kMaxSize = 65536;
  HashSet<UInt64> set;
  uint8_t skip_degree = 0;

  bool good(UInt64 hash) const { return (hash & ((UInt64(1) << skip_degree) - 1)) == 0; }
  void shrink() {
    while (set.size() > kMaxSize) {
      ++skip_degree;
      HashSet<UInt64> kept;
      set.forEach([&](const auto& cell) {
        if (good(cell.key)) kept.insert(cell.key);
      });
      set.swap(kept);
    }
  }
  void insert(UInt64 hash, const UniqParams&) {
    if (!good(hash)) return;
    if (set.insert(hash) && set.size() > kMaxSize) shrink();
  }
  void merge(const UniqSampleData& rhs, const UniqParams& params) {
    if (rhs.skip_degree > skip_degree) {
      skip_degree = rhs.skip_degree;
      HashSet<UInt64> kept;
      set.forEach([&](const auto& cell) {
        if (good(cell.key)) kept.insert(cell.key);
      });
      set.swap(kept);
    }
    rhs.set.forEach([&](const auto& cell) { insert(cell.key, params); });
  }
  UInt64 size(const UniqParams&) const { return UInt64(set.size()) << skip_degree; }
  void write(WriteBuffer& out, const UniqParams&) const {
    out.write(char(skip_degree));
    writeVarUInt(set.size(), out);
    set.forEach([&](const auto& cell) { writePodBinary(cell.key, out); });
  }
  void read(ReadBuffer& in, const UniqParams& params) {
    skip_degree = uint8_t(readPodBinary<char>(in));
    if (skip_degree > 63) throw Exception(ErrorCodes::INCORRECT_DATA, "Incorrect skip degree in the state of uniq");
    size_t n = readSizeBinary(in);
    for (size_t i = 0; i < n; ++i) insert(readPodBinary<UInt64>(in), params);
  }
};

struct UniqCombinedData {
  HashSet<UInt64> set;
  PODArray<uint8_t> registers;  // empty while exact

  bool isHll() const { return !registers.empty(); }
  void hllInsert(UInt64 hash, uint8_t p) {
    size_t index = hash >> (64 - p);
    UInt64 rest = (hash << p) | (UInt64(1) << (p - 1));
    uint8_t rank = uint8_t(__builtin_clzll(rest) + 1);
    if (registers[index] < rank) registers[index] = rank;
  }
  void toHll(uint8_t p) {
    registers.resizeFill(size_t(1) << p, 0);
    set.forEach([&](const auto& cell) { hllInsert(cell.key, p); });
    set.clear();
  }
  void insert(UInt64 hash, const UniqParams& params) {
    if (isHll()) {
      hllInsert(hash, params.precision);
      return;
    }
    if (set.insert(hash) && set.size() > params.exact_limit) toHll(params.precision);
  }
  void merge(const UniqCombinedData& rhs, const UniqParams& params) {
    if (!rhs.isHll()) {
      rhs.set.forEach([&](const auto& cell) { insert(cell.key, params); });
      return;
    }
    if (!isHll()) toHll(params.precision);
    for (size_t i = 0; i < registers.size(); ++i)
      if (registers[i] < rhs.registers[i]) registers[i] = rhs.registers[i];
  }
  UInt64 size(const UniqParams& params) const {
    if (!isHll()) return set.size();
    double m = double(registers.size());
    double sum = 0;
    size_t zeros = 0;
    for (uint8_t r : registers) {
      sum += std::ldexp(1.0, -int(r));
      zeros += r == 0;
    }
    double alpha = 0.7213 / (1 + 1.079 / m);
    double estimate = alpha * m * m / sum;
    if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / double(zeros));
    return UInt64(std::llround(estimate));
  }
  void write(WriteBuffer& out, const UniqParams&) const {
    out.write(char(isHll()));
    if (isHll()) {
      out.write(reinterpret_cast<const char*>(registers.data()), registers.size());
      return;
    }
    writeVarUInt(set.size(), out);
    set.forEach([&](const auto& cell) { writePodBinary(cell.key, out); });
  }
  void read(ReadBuffer& in, const UniqParams& params) {
    if (readPodBinary<char>(in)) {
      registers.resizeFill(size_t(1) << params.precision, 0);
      in.readStrict(reinterpret_cast<char*>(registers.data()), registers.size());
      return;
    }
    size_t n = readSizeBinary(in);
    for (size_t i = 0; i < n; ++i) insert(readPodBinary<UInt64>(in), params);
  }
};

template <typename Data, typename Keyer>
class AggregateFunctionUniq final : public AggregateFunctionDataHelper<Data, AggregateFunctionUniq<Data, Keyer>> {
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionUniq<Data, Keyer>>;
  using Base::data;

 public:
  AggregateFunctionUniq(std::string name, Keyer keyer, UniqParams params, const DataTypes& arguments,
                        const Fields& parameters)
      : Base(arguments, parameters), name_(std::move(name)), keyer_(keyer), params_(params) {}

  std::string getName() const override { return name_; }
  DataTypePtr getReturnType() const override { return typeUInt64(); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    data(place).insert(keyer_.key(columns, row), params_);
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override {
    data(place).merge(data(rhs), params_);
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    static_cast<ColumnUInt64&>(to).insertValue(data(place).size(params_));
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override { data(place).write(out, params_); }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override { data(place).read(in, params_); }

 private:
  std::string name_;
  Keyer keyer_;
  UniqParams params_;
};

enum class Method { Exact, Sample, Combined };

template <Method method>
AggregateFunctionPtr createUniq(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkAtLeastOneArgument(name, arguments);
  UniqParams params;
  if (name == "uniqHLL12") {
    checkNoParameters(name, parameters);
    params.precision = 12;
    params.exact_limit = 16;
  } else if constexpr (method == Method::Combined) {
    if (parameters.size() > 1)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Aggregate function {} requires one parameter or less.", name);
    if (!parameters.empty()) {
      int64_t k = parameters[0].as<int64_t>();
      if (!(parameters[0].which() == Field::Which::UInt64 || parameters[0].which() == Field::Which::Int64) || k < 12 ||
          k > 20)
        throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Parameter for aggregate function {} is out or range: [12, 20].",
                        name);
      params.precision = uint8_t(k);
    }
    params.exact_limit = size_t(1) << (params.precision - 4);
  } else {
    checkNoParameters(name, parameters);
  }
  AggregateFunctionPtr res;
  if constexpr (method == Method::Exact) {
    dispatchUniqExactKey(arguments, [&](auto keyer) {
      using Keyer = decltype(keyer);
      res = std::make_shared<AggregateFunctionUniq<UniqExactData<typename Keyer::Key>, Keyer>>(name, keyer, params,
                                                                                               arguments, parameters);
    });
  } else {
    using Data = std::conditional_t<method == Method::Sample, UniqSampleData, UniqCombinedData>;
    dispatchUniq64Key(arguments, [&](auto keyer) {
      using Keyer = decltype(keyer);
      res = std::make_shared<AggregateFunctionUniq<Data, Keyer>>(name, keyer, params, arguments, parameters);
    });
  }
  return res;
}

}  // namespace aggregate_uniq

REGISTER_AGGREGATE_FUNCTION(Uniq) {
  using namespace aggregate_uniq;
  auto doc = [](const char* description, const char* syntax) {
    return FunctionDocumentation{description, syntax, "", "", "", "Aggregate"};
  };
  factory.registerFunction("uniqExact", createUniq<Method::Exact>, {}, FunctionFactory::CaseSensitive,
                           doc("The exact number of distinct values.", "uniqExact(x[, ...])"));
  factory.registerFunction("uniq", createUniq<Method::Sample>, {}, FunctionFactory::CaseSensitive,
                           doc("Approximate number of distinct values (adaptive sampling; exact up to 65536).",
                               "uniq(x[, ...])"));
  factory.registerFunction("uniqCombined", createUniq<Method::Combined>, {}, FunctionFactory::CaseSensitive,
                           doc("Approximate number of distinct values (exact set, then HyperLogLog).",
                               "uniqCombined(K)(x[, ...])"));
  factory.registerFunction("uniqCombined64", createUniq<Method::Combined>, {}, FunctionFactory::CaseSensitive,
                           doc("uniqCombined with 64-bit hashes.", "uniqCombined64(K)(x[, ...])"));
  factory.registerFunction("uniqHLL12", createUniq<Method::Combined>, {}, FunctionFactory::CaseSensitive,
                           doc("Approximate number of distinct values (HyperLogLog with 4096 registers).",
                               "uniqHLL12(x[, ...])"));
}

}  // namespace tally
