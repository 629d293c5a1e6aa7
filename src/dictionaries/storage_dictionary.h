#pragma once
// StorageDictionary: a dictionary seen as a read-only table — the `Dictionary` engine behind
// SELECT * FROM db.dict (each dictionary is also an entry of its database) and the
// dictionary('name') table function. Columns: keys, range columns, attributes. Reading loads
// the dictionary if needed. Dropping the table drops the dictionary and its stored definition.

#include <memory>

#include "dictionaries/dictionary_definition_store.h"
#include "dictionaries/dictionary_registry.h"
#include "storage/storage.h"

namespace tally {

class StorageDictionary final : public IStorage {
 public:
  /// `store` may be null (table function: nothing to drop).
  StorageDictionary(std::shared_ptr<DictionaryRegistry> registry, std::shared_ptr<const DictionaryDefinitionStore> store,
                    const DictionaryStructure& structure);

  std::string engineName() const override { return "Dictionary"; }
  std::string engineFull() const override { return "Dictionary(" + full_name_ + ")"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  void drop() override;

 private:
  std::shared_ptr<DictionaryRegistry> registry_;
  std::shared_ptr<const DictionaryDefinitionStore> store_;
  std::string database_, name_, full_name_;
};

}  // namespace tally
