// bitAnd, bitOr, bitXor, bitShiftLeft, bitShiftRight, bitNot, bitCount, bitTest, bitTestAll,
// bitTestAny. Operands are cast to the result type first (floats to Int64), as ClickHouse does.

#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/arithmetic/unary_arithmetic.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace bit_operations {

bool planBit(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
  TypeIndex result = resultOfBit(a, b);
  plan.read_a = readAsResultWhenSameWidth(a, result);
  plan.read_b = readAsResultWhenSameWidth(b, result);
  plan.bits_a = int64_t(numberKind(a).size * 8);
  return planInResultType(result, plan);
}

struct AndValues {
  template <typename T>
  static T apply(T a, T b) { return a & b; }
};
struct OrValues {
  template <typename T>
  static T apply(T a, T b) { return a | b; }
};
struct XorValues {
  template <typename T>
  static T apply(T a, T b) { return a ^ b; }
};

template <typename Values, const char* const& Name>
struct BitOp {
  static constexpr const char* name = Name;
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) { return planBit(a, b, plan); }
  template <typename C>
  static constexpr bool supports = std::is_integral_v<C>;
  template <typename C>
  using Kernel = ElementwiseKernel<C, Values>;
};

constexpr const char* kBitAnd = "bitAnd";
constexpr const char* kBitOr = "bitOr";
constexpr const char* kBitXor = "bitXor";

/// Shifts: the count must be within [0, bit width of the first argument].
template <typename C, bool left>
struct ShiftKernel {
  explicit ShiftKernel(const BinaryArithmeticPlan& plan) : bits_(plan.bits_a) {}
  void check(C b) const {
    if (int64_t(b) < 0 || int64_t(b) > bits_ || (std::is_unsigned_v<C> && uint64_t(b) > uint64_t(bits_)))
      throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND,
                      "The number of shift positions needs to be a non-negative value and less or equal to the bit "
                      "width of the value to shift");
  }
  static C shift(C a, C b) {
    if (uint64_t(b) >= 64) {
      if constexpr (left || std::is_unsigned_v<C>) return 0;
      else return a < 0 ? C(-1) : C(0);
    }
    if constexpr (left) return C(uint64_t(a) << b);
    else return a >> b;
  }
  void vv(const C* a, const C* b, C* out, size_t n) {
    for (size_t i = 0; i < n; ++i) check(b[i]);
    for (size_t i = 0; i < n; ++i) out[i] = shift(a[i], b[i]);
  }
  void vc(const C* __restrict a, C b, C* __restrict out, size_t n) {
    check(b);
    if (uint64_t(b) >= 64) {
      for (size_t i = 0; i < n; ++i) out[i] = shift(a[i], b);
      return;
    }
    for (size_t i = 0; i < n; ++i) {
      if constexpr (left) out[i] = C(uint64_t(a[i]) << b);
      else out[i] = a[i] >> b;
    }
  }
  void cv(C a, const C* b, C* out, size_t n) {
    for (size_t i = 0; i < n; ++i) check(b[i]);
    for (size_t i = 0; i < n; ++i) out[i] = shift(a, b[i]);
  }

 private:
  int64_t bits_;
};

template <bool left>
struct ShiftOp {
  static constexpr const char* name = left ? "bitShiftLeft" : "bitShiftRight";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
    if (numberKind(a).is_float || numberKind(b).is_float) return false;
    return planBit(a, b, plan);
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Int64> || std::is_same_v<C, UInt64>;
  template <typename C>
  using Kernel = ShiftKernel<C, left>;
};

struct BitNotOp {
  static constexpr const char* name = "bitNot";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.result = resultOfBitNot(a);
    plan.compute = wideComputationType(plan.result);
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Int64> || std::is_same_v<C, UInt64>;
  template <typename C>
  struct Kernel {
    using Out = C;
    void v(const C* __restrict a, C* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = ~a[i];
    }
  };
};

/// bitCount: set bits of the value's own representation (floats: their IEEE bits).
struct BitCountOp {
  static constexpr const char* name = "bitCount";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.read = constructNumberType(false, false, numberKind(a).size);
    plan.result = TypeIndex::UInt8;
    plan.compute = TypeIndex::UInt64;
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, UInt64>;
  template <typename C>
  struct Kernel {
    using Out = UInt8;
    void v(const C* __restrict a, UInt8* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = UInt8(__builtin_popcountll(a[i]));
    }
  };
};

/// bitTest(a, pos), bitTestAll(a, pos...), bitTestAny(a, pos...): UInt8.
class FunctionBitTest final : public IFunction {
 public:
  enum Mode { Single, All, Any };
  FunctionBitTest(const char* name, Mode mode) : name_(name), mode_(mode) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return mode_ != Single; }
  size_t getNumberOfArguments() const override { return 2; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(name_, arguments.size(), 2, mode_ == Single ? 2 : SIZE_MAX);
    for (size_t i = 0; i < arguments.size(); ++i) {
      TypeIndex t = arithmeticNumberType(arguments[i].type);
      if (t == TypeIndex::Nothing || numberKind(t).is_float) throwIllegalType(name_, i, arguments[i].type);
    }
    return typeUInt8();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt8::create(rows);
    if (rows == 0) return res;
    UInt8* out = res->getData().data();
    NumericOperand value = numericOperand(*arguments[0].column->convertToFullColumnIfConst(),
                                          arithmeticNumberType(arguments[0].type));
    // The value as UInt64 bits (sign-extended for signed types, as a C++ shift would see it).
    PODArray<UInt64> bits(rows);
    numberConverter(value.type, TypeIndex::UInt64)(value.data, bits.data(), rows);

    bool all_const = true;
    UInt64 mask = 0;
    for (size_t i = 1; i < arguments.size(); ++i) {
      if (!arguments[i].column->isConst()) {
        all_const = false;
        break;
      }
      mask |= UInt64(1) << (operandScalar<UInt64>(numericOperand(*arguments[i].column,
                                                                 arithmeticNumberType(arguments[i].type))) & 63);
    }
    if (all_const) {
      const UInt64* __restrict b = bits.data();
      if (mode_ == Any) {
        for (size_t i = 0; i < rows; ++i) out[i] = (b[i] & mask) != 0;
      } else {
        for (size_t i = 0; i < rows; ++i) out[i] = (b[i] & mask) == mask;
      }
      return res;
    }
    // Positions per row.
    PODArray<UInt64> positions(rows);
    std::fill(out, out + rows, UInt8(mode_ == Any ? 0 : 1));
    for (size_t arg = 1; arg < arguments.size(); ++arg) {
      ColumnPtr full = arguments[arg].column->convertToFullColumnIfConst();
      NumericOperand p = numericOperand(*full, arithmeticNumberType(arguments[arg].type));
      numberConverter(p.type, TypeIndex::UInt64)(p.data, positions.data(), rows);
      for (size_t i = 0; i < rows; ++i) {
        UInt8 bit = (bits[i] >> (positions[i] & 63)) & 1;
        out[i] = mode_ == Any ? (out[i] | bit) : (out[i] & bit);
      }
    }
    return res;
  }

 private:
  const char* name_;
  Mode mode_;
};

template <typename Op>
FunctionFactory::Creator binaryCreator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<Op>>(); };
}
template <typename Op>
FunctionFactory::Creator unaryCreator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<Op>>(); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return FunctionDocumentation{.description = description, .syntax = syntax, .category = "Bit"};
}

}  // namespace bit_operations

REGISTER_FUNCTION(BitOperations) {
  using namespace bit_operations;
  factory.registerFunction("bitAnd", binaryCreator<BitOp<AndValues, kBitAnd>>(), doc("Bitwise AND.", "bitAnd(a, b)"));
  factory.registerFunction("bitOr", binaryCreator<BitOp<OrValues, kBitOr>>(), doc("Bitwise OR.", "bitOr(a, b)"));
  factory.registerFunction("bitXor", binaryCreator<BitOp<XorValues, kBitXor>>(), doc("Bitwise XOR.", "bitXor(a, b)"));
  factory.registerFunction("bitShiftLeft", binaryCreator<ShiftOp<true>>(),
                           doc("Shifts the bits of a left by b positions.", "bitShiftLeft(a, b)"));
  factory.registerFunction("bitShiftRight", binaryCreator<ShiftOp<false>>(),
                           doc("Shifts the bits of a right by b positions.", "bitShiftRight(a, b)"));
  factory.registerFunction("bitNot", unaryCreator<BitNotOp>(), doc("Bitwise NOT.", "bitNot(a)"));
  factory.registerFunction("bitCount", unaryCreator<BitCountOp>(),
                           doc("Number of bits set to one in the value.", "bitCount(x)"));
  factory.registerFunction(
      "bitTest", [](const FunctionContext&) { return std::make_shared<FunctionBitTest>("bitTest", FunctionBitTest::Single); },
      doc("The bit of a at position pos (0 = least significant).", "bitTest(a, pos)"));
  factory.registerFunction(
      "bitTestAll", [](const FunctionContext&) { return std::make_shared<FunctionBitTest>("bitTestAll", FunctionBitTest::All); },
      doc("1 if all the given bits of a are set.", "bitTestAll(a, pos1, pos2, ...)"));
  factory.registerFunction(
      "bitTestAny", [](const FunctionContext&) { return std::make_shared<FunctionBitTest>("bitTestAny", FunctionBitTest::Any); },
      doc("1 if any of the given bits of a is set.", "bitTestAny(a, pos1, pos2, ...)"));
}

}  // namespace tally
