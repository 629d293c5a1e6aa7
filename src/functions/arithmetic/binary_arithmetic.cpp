#include "functions/arithmetic/binary_arithmetic.h"

namespace tally {

void throwIllegalArithmeticTypes(const std::string& function, const DataTypePtr& a, const DataTypePtr& b) {
  throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal types {} and {} of arguments of function {}", a->name(),
                  b->name(), function);
}

void throwDivisionByZero() { throw Exception(ErrorCodes::ILLEGAL_DIVISION, "Division by zero"); }

void throwDivisionOfMinimalByMinusOne() {
  throw Exception(ErrorCodes::ILLEGAL_DIVISION, "Division of minimal signed number by minus one");
}

}  // namespace tally
