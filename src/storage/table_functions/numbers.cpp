// numbers(), numbers(N), numbers(start, N), numbers(start, N, step) and numbers_mt(...): the
// sequence start, start + step, ... of the values in [start, start + N), as column `number`
// UInt64, generated block by block (StorageNumbers). numbers_mt reads on several streams.

#include "common/exception.h"
#include "storage/system/storage_system_numbers.h"
#include "storage/table_functions/table_function_arguments.h"

namespace tally {

namespace table_function_numbers {

StoragePtr create(const std::string& name, bool multithreaded, const std::vector<TableFunctionArgument>& args) {
  if (args.size() > 3)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Table function '{}' cannot have more than three params", name);
  if (args.empty()) return std::make_shared<StorageNumbers>(multithreaded, std::nullopt);
  uint64_t offset = args.size() >= 2 ? unsignedArgument(args[0], name) : 0;
  uint64_t length = unsignedArgument(args.size() >= 2 ? args[1] : args[0], name);
  uint64_t step = args.size() == 3 ? unsignedArgument(args[2], name) : 1;
  if (step == 0)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Table function {} requires step to be a positive number", name);
  uint64_t rows = length / step + (length % step != 0);
  return std::make_shared<StorageNumbers>(multithreaded, rows, offset, step);
}

}  // namespace table_function_numbers

REGISTER_TABLE_FUNCTION(Numbers) {
  factory.registerFunction(
      "numbers",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) {
        return table_function_numbers::create("numbers", false, args);
      },
      "Returns a table with a single `number` column (UInt64): numbers() unbounded, numbers(N) 0..N-1, "
      "numbers(N, M) N..N+M-1, numbers(N, M, S) the values of [N, N+M) with step S.");
  factory.registerFunction(
      "numbers_mt",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) {
        return table_function_numbers::create("numbers_mt", true, args);
      },
      "The same as `numbers`, but generates the values using multiple threads, so the order of the rows is not "
      "deterministic.");
}

}  // namespace tally
