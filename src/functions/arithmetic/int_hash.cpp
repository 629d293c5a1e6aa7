// intHash32 and intHash64: ClickHouse's integer hashes (bit-exact), over the value widened to
// UInt64 (signed values sign-extended).

#include "functions/arithmetic/unary_arithmetic.h"
#include "functions/function_factory.h"

namespace tally {

namespace int_hash {

/// Thomas Wang's 64 -> 32 bit hash with ClickHouse's salt.
inline UInt32 hash32(UInt64 key) {
  key ^= 0x75D9543DE018BF45ULL;
  key = (~key) + (key << 18);
  key = key ^ ((key >> 31) | (key << 33));
  key = key * 21;
  key = key ^ ((key >> 11) | (key << 53));
  key = key + (key << 6);
  key = key ^ ((key >> 22) | (key << 42));
  return UInt32(key);
}

/// Murmur3 finaliser with ClickHouse's salt.
inline UInt64 hash64(UInt64 x) {
  x ^= 0x4CF2D2BAAE6DA887ULL;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

template <bool is64>
struct IntHashOp {
  static constexpr const char* name = is64 ? "intHash64" : "intHash32";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    if (numberKind(a).is_float) return false;
    plan.result = is64 ? TypeIndex::UInt64 : TypeIndex::UInt32;
    plan.compute = TypeIndex::UInt64;
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, UInt64>;
  template <typename C>
  struct Kernel {
    using Out = std::conditional_t<is64, UInt64, UInt32>;
    void v(const UInt64* __restrict a, Out* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) {
        if constexpr (is64) out[i] = hash64(a[i]);
        else out[i] = hash32(a[i]);
      }
    }
  };
};

}  // namespace int_hash

REGISTER_FUNCTION(IntHash) {
  using namespace int_hash;
  factory.registerFunction(
      "intHash32", [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<IntHashOp<false>>>(); },
      FunctionDocumentation{.description = "32-bit hash of an integer.", .syntax = "intHash32(x)", .category = "Hash"});
  factory.registerFunction(
      "intHash64", [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<IntHashOp<true>>>(); },
      FunctionDocumentation{.description = "64-bit hash of an integer.", .syntax = "intHash64(x)", .category = "Hash"});
}

}  // namespace tally
