// null('structure'): a table of the given structure that reads nothing and discards inserts
// (StorageNull), e.g. to measure a query's cost without its output.

#include "common/exception.h"
#include "storage/engines/storage_null.h"
#include "storage/table_functions/column_list.h"
#include "storage/table_functions/table_function_arguments.h"

namespace tally {

REGISTER_TABLE_FUNCTION(Null) {
  factory.registerFunction(
      "null",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) -> StoragePtr {
        if (args.size() != 1)
          throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                          "Table function 'null' requires 1 argument: structure of table");
        return std::make_shared<StorageNull>(parseColumnList(stringArgument(args[0], "null", "structure")));
      },
      "Creates a temporary table of the specified structure with the Null table engine: it reads nothing and "
      "discards what is inserted.");
}

}  // namespace tally
