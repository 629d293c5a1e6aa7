#include "analyzer/in_set.h"

#include <cstring>
#include <mutex>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "types/data_type_number.h"

namespace tally {

namespace {
ColumnPtr plainColumn(const ColumnPtr& c) {
  ColumnPtr m = materialize(c);
  if (m->kind() == ColumnKind::LowCardinality) return static_cast<const ColumnLowCardinality&>(*m).convertToFullColumn();
  return m;
}
}  // namespace

InSet::InSet(DataTypes types, Columns columns, bool transform_null_in)
    : types_(std::move(types)), transform_null_in_(transform_null_in) {
  const ColumnPtr given = columns.size() == 1 ? columns[0] : nullptr;
  Permutation distinct_rows;  // rows whose key was new: values_ keeps each value once
  if (types_.size() == 1) {
    DataTypePtr t = types_[0];
    if (!t->isNullable() && t->isValueRepresentedByNumber() && t->haveMaximumSizeOfValue() && t->sizeOfValueInMemory() <= 8) {
      single_fixed_ = true;
      fixed_width_ = t->sizeOfValueInMemory();
    }
  }
  for (auto& c : columns) c = plainColumn(c);
  size_t rows = columns.empty() ? 0 : columns[0]->size();
  for (size_t r = 0; r < rows; ++r) {
    if (keyHasNull(columns, r)) {
      has_null_ = true;
      continue;
    }
    bool inserted;
    if (single_fixed_) {
      uint64_t k = 0;
      std::memcpy(&k, columns[0]->getDataAt(r).data(), fixed_width_);
      char*& v = fixed_.emplace(k, inserted);
      if (inserted) v = &marker_;
    } else {
      std::string_view key = serialize(columns, r, arena_);
      auto& cell = general_.emplace(key, hashBytes(key), inserted);
      if (inserted) cell.value = &marker_;
    }
    if (inserted) {
      ++size_;
      if (given) distinct_rows.push_back(r);
    }
  }
  if (given) values_ = distinct_rows.size() == rows ? given : given->permute(distinct_rows, 0);
}

bool InSet::keyHasNull(const Columns& keys, size_t row) const {
  for (const auto& k : keys)
    if (k->isNullAt(row)) return true;
  return false;
}

std::string_view InSet::serialize(const Columns& keys, size_t row, Arena& arena) const {
  const char* begin = nullptr;
  size_t size = 0;
  for (const auto& k : keys) {
    const Column& c = k->isNullable() ? static_cast<const ColumnNullable&>(*k).getNestedColumn() : *k;
    size += c.serializeValueIntoArena(row, arena, begin);
  }
  return {begin, size};
}

void InSet::contains(const Columns& input, size_t rows, PODArray<UInt8>& result) const {
  Columns keys;
  for (const auto& c : input) keys.push_back(plainColumn(c));
  result.resize(rows);
  if (single_fixed_ && !keys[0]->isNullable()) {
    const char* raw = rows ? keys[0]->getDataAt(0).data() : nullptr;
    for (size_t r = 0; r < rows; ++r) {
      uint64_t k = 0;
      std::memcpy(&k, raw + r * fixed_width_, fixed_width_);
      result[r] = fixed_.find(k) != nullptr;
    }
    return;
  }
  Arena arena;
  for (size_t r = 0; r < rows; ++r) {
    if (keyHasNull(keys, r)) {
      result[r] = transform_null_in_ && has_null_;
      continue;
    }
    if (single_fixed_) {
      uint64_t k = 0;
      const Column& c = keys[0]->isNullable() ? static_cast<const ColumnNullable&>(*keys[0]).getNestedColumn() : *keys[0];
      std::memcpy(&k, c.getDataAt(r).data(), fixed_width_);
      result[r] = fixed_.find(k) != nullptr;
      continue;
    }
    std::string_view key = serialize(keys, r, arena);
    result[r] = general_.find(key, hashBytes(key)) != nullptr;
  }
}

namespace {

class FunctionIn final : public IFunction {
 public:
  FunctionIn(std::string name, InSetPtr set, bool negate, size_t key_columns)
      : name_(std::move(name)), set_(std::move(set)), negate_(negate), key_columns_(key_columns) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override { return typeUInt8(); }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt8::create(0);
    if (!executeOnCodes(arguments, rows, res->getData())) {
      Columns keys;
      for (const auto& a : arguments) keys.push_back(a.column);
      set_->contains(keys, rows, res->getData());
    }
    if (negate_)
      for (auto& v : res->getData()) v = !v;
    return res;
  }
  /// One LowCardinality key (not nullable): each dictionary code is looked up in the set once
  /// per query (memo_), rows then read their code's answer; no value is materialised or hashed
  /// per row. False when the key is of another kind.
  bool executeOnCodes(const ColumnsWithTypeAndName& arguments, size_t rows, PODArray<UInt8>& result) const {
    if (arguments.size() != 1 || arguments[0].column->kind() != ColumnKind::LowCardinality) return false;
    const auto& lc = static_cast<const ColumnLowCardinality&>(*arguments[0].column);
    const LowCardinalityDictionary& dict = lc.getDictionary();
    if (dict.isNullable()) return false;
    std::lock_guard lock(memo_.mutex);
    if (memo_.dictionary != lc.getDictionaryPtr()) {
      memo_.dictionary = lc.getDictionaryPtr();
      memo_.state.assign(dict.size(), kUnknown);
    } else if (memo_.state.size() < dict.size()) {
      memo_.state.resize(dict.size(), kUnknown);
    }
    uint8_t* state = memo_.state.data();
    // Codes not looked up yet: their values in one column, looked up together.
    Permutation unknown;
    lc.visitIndexes([&](const auto& codes) {
      for (size_t i = 0; i < rows; ++i)
        if (state[codes[i]] == kUnknown) {
          state[codes[i]] = kPending;
          unknown.push_back(uint32_t(codes[i]));
        }
    });
    if (!unknown.empty()) {
      PODArray<UInt8> found;
      set_->contains({dict.valuesPtr()->permute(unknown, 0)}, unknown.size(), found);
      for (size_t k = 0; k < unknown.size(); ++k) state[unknown[k]] = found[k] ? kIn : kOut;
    }
    result.resize(rows);
    lc.visitIndexes([&](const auto& codes) {
      for (size_t i = 0; i < rows; ++i) result[i] = state[codes[i]] == kIn;
    });
    return true;
  }

  ColumnWithTypeAndName inSetValues() const override {
    if (negate_ || key_columns_ != 1 || !set_->values() || set_->matchesNull()) return {};
    return {set_->values(), set_->types()[0], ""};
  }

 private:
  static constexpr uint8_t kUnknown = 0, kPending = 1, kIn = 2, kOut = 3;
  std::string name_;
  InSetPtr set_;
  bool negate_;
  size_t key_columns_;
  struct CodeMemo {
    std::mutex mutex;
    std::shared_ptr<LowCardinalityDictionary> dictionary;
    std::vector<uint8_t> state;  // per code: kUnknown / kIn / kOut
  };
  mutable CodeMemo memo_;
};

}  // namespace

FunctionPtr makeFunctionIn(std::string name, InSetPtr set, bool negate, size_t key_columns) {
  return std::make_shared<FunctionIn>(std::move(name), std::move(set), negate, key_columns);
}

}  // namespace tally
