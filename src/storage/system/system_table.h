#pragma once
// SystemTable: the base of the small system tables whose content is computed when they are read
// (system.databases, system.settings, system.functions, ...). A read fills every column once,
// then returns the requested ones on a single stream in blocks of at most max_block_size rows.

#include <string>

#include "storage/storage.h"

namespace tally {

class SystemTable : public IStorage {
 public:
  /// `columns`: (name, type text) pairs, parsed with DataTypeFactory.
  SystemTable(std::string engine_name, const std::vector<std::pair<std::string, std::string>>& columns);

  std::string engineName() const override { return engine_name_; }
  bool isSystemTable() const override { return true; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) final;

 protected:
  /// Appends the rows: `columns` are empty columns of the table's columns, in order.
  virtual void fillData(MutableColumns& columns, QueryContext& context) const = 0;

 private:
  std::string engine_name_;
};

}  // namespace tally
