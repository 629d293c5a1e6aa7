#include "storage/storage.h"

#include "common/exception.h"

namespace tally {

ColumnsDescription ColumnsDescription::fromBlock(const Block& header) {
  ColumnsDescription res;
  for (const auto& c : header) res.add({c.name, c.type, "", nullptr, "", ""});
  return res;
}

std::vector<ColumnDescription> ColumnsDescription::physical() const {
  std::vector<ColumnDescription> res;
  for (const auto& c : columns_)
    if (c.default_kind != "ALIAS" && c.default_kind != "EPHEMERAL") res.push_back(c);
  return res;
}

std::vector<ColumnDescription> ColumnsDescription::ordinary() const {
  std::vector<ColumnDescription> res;
  for (const auto& c : columns_)
    if (c.default_kind.empty() || c.default_kind == "DEFAULT") res.push_back(c);
  return res;
}

const ColumnDescription* ColumnsDescription::find(const std::string& name) const {
  for (const auto& c : columns_)
    if (c.name == name) return &c;
  return nullptr;
}

Block ColumnsDescription::physicalHeader() const {
  Block res;
  for (const auto& c : physical()) res.insert({nullptr, c.type, c.name});
  return res;
}

Block IStorage::header(const std::vector<std::string>& names) const {
  Block res;
  auto virtuals = virtualColumns();
  for (const auto& n : names) {
    const ColumnDescription* c = columns_.find(n);
    if (!c)
      for (const auto& v : virtuals)
        if (v.name == n) c = &v;
    if (!c) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in table", n);
    res.insert({nullptr, c->type, c->name});
  }
  return res;
}

void IStorage::insert(const Block&, QueryContext&) {
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Table engine {} doesn't support INSERT", engineName());
}

namespace {

class DeferredInsert final : public PreparedInsert {
 public:
  DeferredInsert(IStorage& storage, std::vector<Block> blocks, QueryContext& context)
      : storage_(storage), blocks_(std::move(blocks)), context_(context) {}
  void publish() override { storage_.insert(blocks_, context_); }

 private:
  IStorage& storage_;
  std::vector<Block> blocks_;
  QueryContext& context_;
};

}  // namespace

std::unique_ptr<PreparedInsert> IStorage::prepareInsert(const std::vector<Block>& blocks, QueryContext& context) {
  return std::make_unique<DeferredInsert>(*this, blocks, context);
}

void IStorage::truncate() {
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Table engine {} doesn't support TRUNCATE", engineName());
}

}  // namespace tally
