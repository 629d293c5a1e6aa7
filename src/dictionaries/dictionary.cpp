#include "dictionaries/dictionary.h"

#include <limits>

#include "columns/column_vector.h"

namespace tally {

namespace {

/// Int64 bounds of a range column; NULL bounds become open (-inf for min, +inf for max).
ColumnPtr rangeBounds(const Column& column, bool is_min) {
  auto res = ColumnInt64::create(column.size());
  auto& data = res->getData();
  const Int64 open = is_min ? std::numeric_limits<Int64>::min() : std::numeric_limits<Int64>::max();
  for (size_t i = 0; i < column.size(); ++i) data[i] = column.isNullAt(i) ? open : column.getInt(i);
  return res;
}

}  // namespace

Dictionary::Dictionary(DictionaryStructure structure, const Block& data, const Block& defaults)
    : structure_(std::move(structure)), rows_(data.rows()) {
  size_t pos = 0;
  auto next = [&]() { return data.at(pos++).column->convertToFullColumnIfConst(); };
  for (size_t i = 0; i < structure_.keys.size(); ++i) keys_.push_back(next());
  if (structure_.range_min) {
    range_columns_.push_back(next());
    range_columns_.push_back(next());
  }
  Columns attributes;
  for (size_t i = 0; i < structure_.attributes.size(); ++i) attributes.push_back(next());

  buildIndex();
  if (!index_->keepsDuplicates() && rows_ > 0) {
    // Later rows win: keep only the rows their key resolves to.
    PODArray<UInt64> found;
    Columns lookup = keys_;
    if (!structure_.isComplexKey()) {
      PODArray<UInt64> buffer;
      const auto& values = simpleKeyValues(*keys_[0], buffer);
      auto u64 = ColumnUInt64::create(rows_);
      std::copy(values.begin(), values.end(), u64->getData().begin());
      lookup = {u64};
    }
    index_->find(lookup, nullptr, rows_, found);
    Filter keep(rows_);
    size_t kept = 0;
    for (size_t i = 0; i < rows_; ++i) kept += keep[i] = found[i] == i;
    if (kept < rows_) {
      for (auto* list : {&keys_, &attributes})
        for (auto& c : *list) c = c->filter(keep, ssize_t(kept));
      rows_ = kept;
      buildIndex();
    }
  }

  for (size_t i = 0; i < attributes.size(); ++i) {
    MutableColumnPtr column = attributes[i]->cloneEmpty();
    column->reserve(rows_ + 1);
    column->insertRangeFrom(*attributes[i], 0, rows_);
    int d = defaults.position(structure_.attributes[i].name);
    if (d >= 0 && defaults.rows() > 0)
      column->insertFrom(*defaults.at(size_t(d)).column->convertToFullColumnIfConst(), 0);
    else
      column->insertDefault();
    attributes_.push_back(std::move(column));
  }
}

void Dictionary::buildIndex() {
  if (!range_columns_.empty()) range_bounds_ = {rangeBounds(*range_columns_[0], true), rangeBounds(*range_columns_[1], false)};
  index_ = makeKeyIndex(structure_);
  index_->build(keys_, range_bounds_, rows_);
}

void Dictionary::findRows(const Columns& keys, const Column* range, PODArray<UInt64>& rows) const {
  index_->find(keys, range, rows_, rows);
}

Block Dictionary::contents() const {
  Block block;
  auto columns = structure_.allColumns();
  size_t pos = 0;
  for (const auto& k : keys_) {
    block.insert({k, columns[pos].type, columns[pos].name});
    ++pos;
  }
  for (const auto& r : range_columns_) {
    block.insert({r, columns[pos].type, columns[pos].name});
    ++pos;
  }
  for (const auto& a : attributes_) {
    block.insert({a->cut(0, rows_), columns[pos].type, columns[pos].name});
    ++pos;
  }
  return block;
}

size_t Dictionary::bytesAllocated() const {
  size_t bytes = index_->bytesAllocated();
  for (const auto* list : {&keys_, &range_columns_, &range_bounds_, &attributes_})
    for (const auto& c : *list) bytes += c->allocatedBytes();
  return bytes;
}

}  // namespace tally
