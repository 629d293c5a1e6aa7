// generateRandom('structure'[, random_seed[, max_string_length[, max_array_length]]]): an endless
// stream of random rows of the given structure (StorageGenerateRandom); use it with LIMIT.
// random_seed NULL or omitted: a different stream each time.

#include "common/exception.h"
#include "storage/engines/storage_generate_random.h"
#include "storage/table_functions/column_list.h"
#include "storage/table_functions/table_function_arguments.h"

namespace tally {

REGISTER_TABLE_FUNCTION(GenerateRandom) {
  factory.registerFunction(
      "generateRandom",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) -> StoragePtr {
        if (args.empty())
          throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                          "Table function 'generateRandom' requires at least one argument: structure, [random_seed, "
                          "max_string_length, max_array_length].");
        if (args.size() > 4)
          throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                          "Table function 'generateRandom' requires at most four arguments: structure, random_seed, "
                          "max_string_length, max_array_length.");
        ColumnsDescription columns = parseColumnList(stringArgument(args[0], "generateRandom", "structure"));
        std::optional<uint64_t> seed;
        if (args.size() > 1 && !isNullArgument(args[1])) seed = unsignedArgument(args[1], "generateRandom");
        uint64_t max_string_length = args.size() > 2 ? unsignedArgument(args[2], "generateRandom") : 10;
        uint64_t max_array_length = args.size() > 3 ? unsignedArgument(args[3], "generateRandom") : 10;
        return std::make_shared<StorageGenerateRandom>(std::move(columns), seed, max_string_length, max_array_length);
      },
      "Generates random data with a given schema: generateRandom('structure'[, random_seed[, max_string_length[, "
      "max_array_length]]]).");
}

}  // namespace tally
