#include "dictionaries/storage_dictionary.h"

#include "common/exception.h"
#include "storage/table_function.h"

namespace tally {

StorageDictionary::StorageDictionary(std::shared_ptr<DictionaryRegistry> registry,
                                     std::shared_ptr<const DictionaryDefinitionStore> store, const DictionaryStructure& structure)
    : registry_(std::move(registry)), store_(std::move(store)), database_(structure.database), name_(structure.name),
      full_name_(structure.fullName()) {
  ColumnsDescription columns;
  for (const auto& c : structure.allColumns()) {
    ColumnDescription d;
    d.name = c.name;
    d.type = c.type;
    columns.add(std::move(d));
  }
  setColumns(std::move(columns));
}

BlockStreams StorageDictionary::read(const ReadRequest& request, QueryContext& context) {
  Block result_header = header(request.columns);  // throws for unknown columns
  DictionaryPtr dictionary = registry_->get(full_name_, database_, context.query_id);
  Block all = dictionary->contents();
  Block selected;
  for (const auto& name : request.columns) selected.insert(all.at(size_t(all.position(name))));
  selected.setRows(all.rows());
  std::vector<Block> blocks;
  const size_t block_size = std::max<size_t>(request.max_block_size, 1);
  size_t position = 0;
  Block slice;
  while (readResultSlice(selected, position, block_size, slice)) blocks.push_back(slice);
  BlockStreams res;
  res.push_back(makeBlocksStream(std::move(result_header), std::move(blocks), "Dictionary"));
  return res;
}

void StorageDictionary::drop() {
  if (!store_) return;
  registry_->remove(database_, name_);
  store_->remove(database_, name_);
}

// dictionary('name'): the dictionary's elements as a table.
REGISTER_TABLE_FUNCTION(Dictionary) {
  factory.registerFunction(
      "dictionary",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext& context) -> StoragePtr {
        if (args.size() != 1)
          throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                          "Table function 'dictionary' requires 1 argument: the dictionary's name");
        std::string name = args[0].value.which() == Field::Which::String ? args[0].value.get<std::string>() : args[0].text;
        std::shared_ptr<DictionaryRegistry> registry = context.dictionaryRegistry();
        if (!registry) throw Exception(ErrorCodes::BAD_ARGUMENTS, "external dictionary '{}' not found", name);
        auto structure = registry->structure(name, context.currentDatabase());
        return std::make_shared<StorageDictionary>(registry, nullptr, *structure);
      },
      "Displays the dictionary data as a ClickHouse table.");
}

}  // namespace tally
