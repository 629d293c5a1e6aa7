// system.functions: the scalar functions of FunctionFactory and the aggregate functions of
// AggregateFunctionFactory, with their aliases and documentation, sorted by name.

#include <algorithm>
#include <map>

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/function_factory.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemFunctions final : public SystemTable {
 public:
  StorageSystemFunctions()
      : SystemTable("SystemFunctions",
                    {{"name", "String"},
                     {"is_aggregate", "UInt8"},
                     {"case_insensitive", "UInt8"},
                     {"alias_to", "String"},
                     {"create_query", "String"},
                     {"origin", "Enum8('System' = 0, 'SQLUserDefined' = 1, 'ExecutableUserDefined' = 2)"},
                     {"description", "String"},
                     {"syntax", "String"},
                     {"arguments", "String"},
                     {"parameters", "String"},
                     {"returned_value", "String"},
                     {"examples", "String"},
                     {"introduced_in", "String"},
                     {"categories", "String"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    struct Row {
      FunctionFactory::Entry entry;
      bool is_aggregate;
    };
    std::vector<Row> rows;
    for (auto& e : FunctionFactory::instance().entries()) rows.push_back({std::move(e), false});
    for (auto& e : AggregateFunctionFactory::instance().entries()) rows.push_back({std::move(e), true});
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return a.entry.name != b.entry.name ? a.entry.name < b.entry.name : a.is_aggregate < b.is_aggregate;
    });
    // Aliases show the documentation of what they stand for.
    std::map<std::pair<bool, std::string>, const FunctionDocumentation*> docs;
    for (const auto& r : rows)
      if (r.entry.alias_to.empty()) docs[{r.is_aggregate, r.entry.name}] = &r.entry.doc;
    for (const auto& r : rows) {
      const FunctionDocumentation* doc = &r.entry.doc;
      if (!r.entry.alias_to.empty())
        if (auto it = docs.find({r.is_aggregate, r.entry.alias_to}); it != docs.end()) doc = it->second;
      size_t i = 0;
      columns[i++]->insert(Field(r.entry.name));
      columns[i++]->insert(Field(uint64_t(r.is_aggregate)));
      columns[i++]->insert(Field(uint64_t(r.entry.case_insensitive)));
      columns[i++]->insert(Field(r.entry.alias_to));
      columns[i++]->insert(Field(std::string()));  // create_query
      columns[i++]->insert(Field(int64_t(0)));     // origin: System
      columns[i++]->insert(Field(doc->description));
      columns[i++]->insert(Field(doc->syntax));
      columns[i++]->insert(Field(doc->arguments));
      columns[i++]->insert(Field(std::string()));  // parameters
      columns[i++]->insert(Field(doc->returned_value));
      columns[i++]->insert(Field(doc->examples));
      columns[i++]->insert(Field(std::string()));  // introduced_in
      columns[i++]->insert(Field(doc->category));
    }
  }
};

StoragePtr createSystemFunctions() { return std::make_shared<StorageSystemFunctions>(); }

}  // namespace tally
