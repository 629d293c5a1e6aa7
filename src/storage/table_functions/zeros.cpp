// zeros(N) and zeros_mt(N): N rows of a column `zero` UInt8 = 0, for benchmarks and tests
// (StorageZeros). zeros_mt reads on several streams.

#include "common/exception.h"
#include "storage/system/storage_system_numbers.h"
#include "storage/table_functions/table_function_arguments.h"

namespace tally {

namespace table_function_zeros {

StoragePtr create(const std::string& name, bool multithreaded, const std::vector<TableFunctionArgument>& args) {
  if (args.size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Table function '{}' requires 'length'.", name);
  return std::make_shared<StorageZeros>(multithreaded, unsignedArgument(args[0], name));
}

}  // namespace table_function_zeros

REGISTER_TABLE_FUNCTION(Zeros) {
  factory.registerFunction(
      "zeros",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) {
        return table_function_zeros::create("zeros", false, args);
      },
      "Returns a table with a single `zero` column (UInt8) that contains 0 N times. Used for tests as the fastest "
      "way to generate many rows.");
  factory.registerFunction(
      "zeros_mt",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) {
        return table_function_zeros::create("zeros_mt", true, args);
      },
      "The same as `zeros`, but generates the rows using multiple threads.");
}

}  // namespace tally
