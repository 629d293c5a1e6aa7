// file(path [, format [, structure [, compression]]]): the rows of the files matching `path`
// (ClickHouse globs), read by StorageFile. The format comes from the argument or the file
// extension ("auto"), the structure from the argument or schema inference ("auto"), the
// compression from the argument or the extension. Without globs the table can be written to
// (INSERT INTO FUNCTION file(...)).

#include "common/exception.h"
#include "storage/engines/file_paths.h"
#include "storage/engines/storage_file.h"
#include "storage/table_functions/column_list.h"
#include "storage/table_functions/table_function_arguments.h"

namespace tally {

REGISTER_TABLE_FUNCTION(File) {
  factory.registerFunction(
      "file",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext& context) -> StoragePtr {
        if (args.empty() || args.size() > 4)
          throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                          "Table function 'file' requires 1, 2, 3 or 4 arguments: filename, format (default auto), "
                          "structure (default auto) and compression method (default auto)");
        std::string path = stringArgument(args[0], "file", "path");
        std::string format = args.size() > 1 ? stringArgument(args[1], "file", "format") : "auto";
        std::string structure = args.size() > 2 ? stringArgument(args[2], "file", "structure") : "auto";
        if (structure == "auto" && !context.insertionTableStructure().empty())
          structure = context.insertionTableStructure();
        StorageFile::Options options;
        options.format = format;
        options.compression = args.size() > 3 ? stringArgument(args[3], "file", "compression") : "auto";
        options.paths = resolveFilePaths(path, context, options.from_glob);
        if (!options.from_glob) options.write_path = options.paths.front();
        ColumnsDescription columns = structure == "auto" ? ColumnsDescription() : parseColumnList(structure);
        return std::make_shared<StorageFile>(std::move(columns), std::move(options), context.settings());
      },
      "Provides a table-like interface to SELECT from and INSERT into files: file(path [, format [, structure [, "
      "compression]]]), with globs in the path.");
}

}  // namespace tally
