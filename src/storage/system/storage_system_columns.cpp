// system.columns: one row per column of every table (databases and tables sorted by name,
// columns in table order), with SQL-standard precision information as ClickHouse computes it.

#include "parser/parser.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"
#include "storage/system/table_definition.h"
#include "types/data_type_date.h"
#include "types/data_type_string.h"

namespace tally {

namespace storage_system_columns {

/// Bits of an integer type (Bool counts as UInt8), 0 for others.
uint64_t integerBits(TypeIndex id) {
  switch (id) {
    case TypeIndex::UInt8:
    case TypeIndex::Int8:
    case TypeIndex::Bool:
      return 8;
    case TypeIndex::UInt16:
    case TypeIndex::Int16:
      return 16;
    case TypeIndex::UInt32:
    case TypeIndex::Int32:
      return 32;
    case TypeIndex::UInt64:
    case TypeIndex::Int64:
      return 64;
    default:
      return 0;
  }
}

}  // namespace storage_system_columns

class StorageSystemColumns final : public SystemTable {
 public:
  explicit StorageSystemColumns(const Catalog& catalog)
      : SystemTable("SystemColumns", {{"database", "String"},
                                      {"table", "String"},
                                      {"name", "String"},
                                      {"type", "String"},
                                      {"position", "UInt64"},
                                      {"default_kind", "String"},
                                      {"default_expression", "String"},
                                      {"data_compressed_bytes", "UInt64"},
                                      {"data_uncompressed_bytes", "UInt64"},
                                      {"marks_bytes", "UInt64"},
                                      {"comment", "String"},
                                      {"is_in_partition_key", "UInt8"},
                                      {"is_in_sorting_key", "UInt8"},
                                      {"is_in_primary_key", "UInt8"},
                                      {"is_in_sampling_key", "UInt8"},
                                      {"compression_codec", "String"},
                                      {"character_octet_length", "Nullable(UInt64)"},
                                      {"numeric_precision", "Nullable(UInt64)"},
                                      {"numeric_precision_radix", "Nullable(UInt64)"},
                                      {"numeric_scale", "Nullable(UInt64)"},
                                      {"datetime_precision", "Nullable(UInt64)"}}),
        catalog_(catalog) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    using namespace storage_system_columns;
    for (const auto& db : catalog_.databases()) {
      for (const auto& [table, entry] : db->tables()) {
        TableDefinition definition = describeTableDefinition(entry.create_query, entry.storage->engineName());
        uint64_t position = 0;
        for (const auto& column : entry.storage->columns().all()) {
          ++position;
          size_t i = 0;
          columns[i++]->insert(Field(db->name()));
          columns[i++]->insert(Field(table));
          columns[i++]->insert(Field(column.name));
          columns[i++]->insert(Field(column.type->name()));
          columns[i++]->insert(Field(position));
          bool has_default = column.default_expression != nullptr;
          columns[i++]->insert(Field(has_default ? column.default_kind : std::string()));
          columns[i++]->insert(Field(has_default ? formatAST(*column.default_expression) : std::string()));
          for (int k = 0; k < 3; ++k) columns[i++]->insert(Field(uint64_t(0)));  // sizes
          columns[i++]->insert(Field(column.comment));
          columns[i++]->insert(Field(uint64_t(definition.partition_columns.count(column.name))));
          columns[i++]->insert(Field(uint64_t(definition.sorting_columns.count(column.name))));
          columns[i++]->insert(Field(uint64_t(definition.primary_columns.count(column.name))));
          columns[i++]->insert(Field(uint64_t(definition.sampling_columns.count(column.name))));
          columns[i++]->insert(Field(column.codec));

          DataTypePtr type = removeNullable(column.type);
          TypeIndex id = type->typeId();
          if (id == TypeIndex::FixedString)
            columns[i++]->insert(Field(uint64_t(static_cast<const DataTypeFixedString&>(*type).getN())));
          else
            columns[i++]->insertDefault();
          uint64_t bits = integerBits(id);
          columns[i++]->insert(bits ? Field(bits) : Field());
          columns[i++]->insert(bits ? Field(uint64_t(2)) : Field());
          columns[i++]->insert(bits ? Field(uint64_t(0)) : Field());
          if (id == TypeIndex::DateTime64)
            columns[i++]->insert(Field(uint64_t(static_cast<const DataTypeDateTime64&>(*type).getScale())));
          else if (id == TypeIndex::Date || id == TypeIndex::Date32 || id == TypeIndex::DateTime)
            columns[i++]->insert(Field(uint64_t(0)));
          else
            columns[i++]->insertDefault();
        }
      }
    }
  }

 private:
  const Catalog& catalog_;
};

StoragePtr createSystemColumns(const Catalog& catalog) { return std::make_shared<StorageSystemColumns>(catalog); }

}  // namespace tally
