#pragma once
// CREATE MATERIALIZED VIEW: a trigger on inserts into its source table. Every block inserted
// into the source runs through the view's SELECT and the result goes to the target table (TO
// db.t, or the view's own inner table `.inner.<name>`), in the same atomic insert
// (interpreters/insert_with_views.h). Reading the view reads the target.

#include "storage/catalog.h"
#include "storage/storage.h"

namespace tally {

class StorageMaterializedView final : public IStorage {
 public:
  StorageMaterializedView(ColumnsDescription columns, ASTPtr query, std::string database, std::string source_database,
                          std::string source_table, std::string target_database, std::string target_table, bool inner_target,
                          Catalog& catalog);

  std::string engineName() const override { return "MaterializedView"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  bool supportsInsert() const override { return true; }
  void insert(const std::vector<Block>& blocks, QueryContext& context) override;
  std::unique_ptr<PreparedInsert> prepareInsert(const std::vector<Block>& blocks, QueryContext& context) override;
  bool supportsFinal() const override;
  std::optional<uint64_t> totalRows() const override;
  std::optional<uint64_t> totalBytes() const override;
  void truncate() override;
  void drop() override;

  const ASTPtr& selectQuery() const { return query_; }
  /// The database the view was created in (unqualified names in its query resolve there).
  const std::string& database() const { return database_; }
  const std::string& sourceDatabase() const { return source_database_; }
  const std::string& sourceTable() const { return source_table_; }
  const std::string& targetDatabase() const { return target_database_; }
  const std::string& targetTable() const { return target_table_; }
  bool hasInnerTarget() const { return inner_target_; }
  /// Throws UNKNOWN_TABLE if the target is gone.
  StoragePtr target() const;

 private:
  ASTPtr query_;
  std::string database_, source_database_, source_table_, target_database_, target_table_;
  bool inner_target_;
  Catalog& catalog_;
};

}  // namespace tally
