// system.processes: the queries the engine is running (ProcessList), one row each.

#include "execution/process_list.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemProcesses final : public SystemTable {
 public:
  explicit StorageSystemProcesses(const ProcessList& processes)
      : SystemTable("SystemProcesses", {{"is_initial_query", "UInt8"},
                                        {"user", "String"},
                                        {"query_id", "String"},
                                        {"elapsed", "Float64"},
                                        {"is_cancelled", "UInt8"},
                                        {"read_rows", "UInt64"},
                                        {"read_bytes", "UInt64"},
                                        {"total_rows_approx", "UInt64"},
                                        {"written_rows", "UInt64"},
                                        {"written_bytes", "UInt64"},
                                        {"memory_usage", "Int64"},
                                        {"query", "String"},
                                        {"current_database", "String"}}),
        processes_(processes) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    for (const auto& p : processes_.snapshot()) {
      columns[0]->insert(Field(uint64_t(1)));
      columns[1]->insert(Field(p.user));
      columns[2]->insert(Field(p.query_id));
      columns[3]->insert(Field(p.elapsed_seconds));
      columns[4]->insert(Field(uint64_t(p.is_cancelled)));
      columns[5]->insert(Field(p.progress.read_rows));
      columns[6]->insert(Field(p.progress.read_bytes));
      columns[7]->insert(Field(p.progress.total_rows_to_read));
      columns[8]->insert(Field(p.progress.written_rows));
      columns[9]->insert(Field(p.progress.written_bytes));
      columns[10]->insert(Field(p.memory_usage));
      columns[11]->insert(Field(p.query));
      columns[12]->insert(Field(p.current_database));
    }
  }

 private:
  const ProcessList& processes_;
};

StoragePtr createSystemProcesses(const ProcessList& processes) {
  return std::make_shared<StorageSystemProcesses>(processes);
}

void attachSystemProcesses(Catalog& catalog, const ProcessList& processes) {
  catalog.getDatabase("system")->replaceTable("processes", createSystemProcesses(processes), "");
}

}  // namespace tally
