// sleep(seconds) sleeps once per block, sleepEachRow(seconds) once per row; both return zeros.
// A block may sleep at most 3 seconds (TOO_SLOW otherwise), as ClickHouse's default limit.

#include <chrono>
#include <cmath>
#include <thread>

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace sleep_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr uint64_t kMaxMicrosecondsPerBlock = 3'000'000;

template <bool each_row>
class FunctionSleep final : public IFunction {
 public:
  std::string getName() const override { return each_row ? "sleepEachRow" : "sleep"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool isDeterministic() const override { return false; }
  bool isSuitableForConstantFolding() const override { return false; }
  bool useDefaultImplementationForConstants() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!args[0].type->isNumber()) throwIllegalType(getName(), 0, args[0].type);
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    if (!args[0].column->isConst())
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "The argument of function {} must be constant.", getName());
    double seconds = args[0].column->getFloat64(0);
    if (std::isnan(seconds) || seconds < 0)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "The argument of function {} must be a non-negative number",
                      getName());
    // Nothing to process (e.g. analysis on an empty block): do not sleep.
    if (rows > 0 && seconds > 0) {
      double total = seconds * (each_row ? double(rows) : 1.0);
      double microseconds = total * 1e6;
      if (microseconds > double(kMaxMicrosecondsPerBlock))
        throw Exception(ErrorCodes::TOO_SLOW, "The maximum sleep time is {} microseconds. Requested: {} microseconds",
                        kMaxMicrosecondsPerBlock, uint64_t(microseconds));
      std::this_thread::sleep_for(std::chrono::microseconds(uint64_t(microseconds)));
    }
    return std::make_shared<ColumnUInt8>(rows, UInt8(0));
  }
};

}  // namespace sleep_functions

REGISTER_FUNCTION(Sleep) {
  using namespace sleep_functions;
  factory.registerFunction(
      "sleep", [](const FunctionContext&) { return std::make_shared<FunctionSleep<false>>(); },
      makeDoc("Sleeps `seconds` once per block (at most 3 seconds); returns 0.", "sleep(seconds)", "Other"));
  factory.registerFunction(
      "sleepEachRow", [](const FunctionContext&) { return std::make_shared<FunctionSleep<true>>(); },
      makeDoc("Sleeps `seconds` for each row (at most 3 seconds per block); returns 0.", "sleepEachRow(seconds)",
              "Other"));
}

}  // namespace tally
