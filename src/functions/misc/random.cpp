// rand (rand32), rand64, randCanonical, randConstant and generateUUIDv4: pseudo-random values
// from a per-thread xoshiro256** generator seeded from std::random_device. Arguments are
// ignored (they only keep separate calls apart). None of them is constant-folded; randConstant
// draws one value per function object (per query).

#include <random>

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"

namespace tally {

namespace random_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

class Xoshiro256 {
 public:
  Xoshiro256() {
    std::random_device device;
    for (auto& s : state_) s = (uint64_t(device()) << 32) ^ device();
  }
  uint64_t next() {
    uint64_t result = rotl(state_[1] * 5, 7) * 9;
    uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

Xoshiro256& generator() {
  thread_local Xoshiro256 g;
  return g;
}

enum class Kind { Rand32, Rand64, Canonical, UUIDv4 };

template <Kind kind>
MutableColumnPtr randomColumn(size_t rows) {
  auto& g = generator();
  if constexpr (kind == Kind::Rand32) {
    auto c = ColumnUInt32::create(rows);
    for (auto& v : c->getData()) v = uint32_t(g.next() >> 32);
    return c;
  } else if constexpr (kind == Kind::Rand64) {
    auto c = ColumnUInt64::create(rows);
    for (auto& v : c->getData()) v = g.next();
    return c;
  } else if constexpr (kind == Kind::Canonical) {
    auto c = ColumnFloat64::create(rows);
    for (auto& v : c->getData()) v = double(g.next() >> 11) * 0x1.0p-53;
    return c;
  } else {
    auto c = ColumnUInt128::create(rows);
    for (auto& v : c->getData()) {
      // high = first half of the text form: version nibble 4; low: variant 10xx.
      v.high = (g.next() & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
      v.low = (g.next() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    }
    return c;
  }
}

template <Kind kind>
DataTypePtr resultType() {
  if constexpr (kind == Kind::Rand32)
    return typeUInt32();
  else if constexpr (kind == Kind::Rand64)
    return typeUInt64();
  else if constexpr (kind == Kind::Canonical)
    return typeFloat64();
  else
    return typeUUID();
}

template <Kind kind>
class FunctionRandom final : public IFunction {
 public:
  explicit FunctionRandom(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  bool isDeterministic() const override { return false; }
  bool isDeterministicInScopeOfQuery() const override { return false; }
  bool isSuitableForConstantFolding() const override { return false; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForConstants() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 0, kind == Kind::UUIDv4 ? 1 : SIZE_MAX);
    return resultType<kind>();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr&, size_t rows) const override {
    return randomColumn<kind>(rows);
  }

 private:
  std::string name_;
};

/// randConstant([x]): one random UInt32 for the whole query.
class FunctionRandConstant final : public IFunction {
 public:
  FunctionRandConstant() : value_(uint32_t(generator().next() >> 32)) {}
  std::string getName() const override { return "randConstant"; }
  bool isVariadic() const override { return true; }
  bool isDeterministic() const override { return false; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 0, 1);
    return typeUInt32();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr&, size_t rows) const override {
    return typeUInt32()->createColumnConst(rows, Field(uint64_t(value_)));
  }

 private:
  uint32_t value_;
};

template <Kind kind>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionRandom<kind>>(n); };
}

}  // namespace random_functions

REGISTER_FUNCTION(RandomFunctions) {
  using namespace random_functions;
  factory.registerFunction("rand", creator<Kind::Rand32>("rand"),
                           makeDoc("A pseudo-random UInt32.", "rand([x])", "Random"), FunctionFactory::CaseInsensitive);
  factory.registerAlias("rand32", "rand");
  factory.registerFunction("rand64", creator<Kind::Rand64>("rand64"),
                           makeDoc("A pseudo-random UInt64.", "rand64([x])", "Random"));
  factory.registerFunction("randCanonical", creator<Kind::Canonical>("randCanonical"),
                           makeDoc("A pseudo-random Float64 in [0, 1).", "randCanonical([x])", "Random"));
  factory.registerFunction(
      "randConstant", [](const FunctionContext&) { return std::make_shared<FunctionRandConstant>(); },
      makeDoc("One pseudo-random UInt32 for the whole query.", "randConstant([x])", "Random"));
  factory.registerFunction("generateUUIDv4", creator<Kind::UUIDv4>("generateUUIDv4"),
                           makeDoc("A random version 4 UUID.", "generateUUIDv4([x])", "UUID"));
}

}  // namespace tally
