#pragma once
// Block: a set of equally long columns with their types and names — what flows between
// operators, formats and storages. Rows of a block with no columns are counted in `rows`.

#include <string>
#include <vector>

#include "columns/column.h"
#include "types/data_type.h"

namespace tally {

struct ColumnWithTypeAndName {
  ColumnPtr column;  // may be nullptr in a header or at analysis time
  DataTypePtr type;
  std::string name;
};
using ColumnsWithTypeAndName = std::vector<ColumnWithTypeAndName>;

class Block {
 public:
  Block() = default;
  explicit Block(ColumnsWithTypeAndName columns) : data_(std::move(columns)) { rows_ = data_.empty() || !data_[0].column ? 0 : data_[0].column->size(); }

  size_t columns() const { return data_.size(); }
  size_t rows() const { return data_.empty() || !data_[0].column ? rows_ : data_[0].column->size(); }
  void setRows(size_t rows) { rows_ = rows; }
  bool empty() const { return rows() == 0; }
  explicit operator bool() const { return !data_.empty() || rows_ != 0; }

  void insert(ColumnWithTypeAndName column) { data_.push_back(std::move(column)); }
  void erase(size_t position) { data_.erase(data_.begin() + position); }
  void clear() {
    data_.clear();
    rows_ = 0;
  }

  ColumnWithTypeAndName& at(size_t i) { return data_[i]; }
  const ColumnWithTypeAndName& at(size_t i) const { return data_[i]; }
  ColumnWithTypeAndName& operator[](size_t i) { return data_[i]; }
  const ColumnWithTypeAndName& operator[](size_t i) const { return data_[i]; }
  /// Position of the column named `name`, or -1.
  int position(const std::string& name) const {
    for (size_t i = 0; i < data_.size(); ++i)
      if (data_[i].name == name) return int(i);
    return -1;
  }
  const ColumnsWithTypeAndName& data() const { return data_; }
  ColumnsWithTypeAndName& data() { return data_; }
  auto begin() { return data_.begin(); }
  auto end() { return data_.end(); }
  auto begin() const { return data_.begin(); }
  auto end() const { return data_.end(); }

  /// The same columns without data (names and types only).
  Block cloneEmpty() const {
    Block res;
    for (const auto& c : data_) res.insert({c.type ? ColumnPtr(c.type->createColumn()) : nullptr, c.type, c.name});
    return res;
  }
  size_t bytes() const {
    size_t b = 0;
    for (const auto& c : data_)
      if (c.column) b += c.column->byteSize();
    return b;
  }

 private:
  ColumnsWithTypeAndName data_;
  size_t rows_ = 0;
};

}  // namespace tally
