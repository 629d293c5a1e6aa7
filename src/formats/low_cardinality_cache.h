#pragma once
// LowCardinalityInsertCache: appends strings to a LowCardinality(String) column, remembering
// the dictionary code of recently seen values in a small direct-mapped table so that repeated
// values (the common case for low-cardinality data) skip the dictionary's hash lookup. Valid for
// one column (dictionary) at a time: readers call reset() whenever they start filling a new
// column, since a new dictionary may be allocated where a freed one was.

#include <array>
#include <string>
#include <string_view>

#include "columns/column_low_cardinality.h"

namespace tally {

class LowCardinalityInsertCache {
 public:
  void reset() { clear(nullptr); }

  void insert(ColumnLowCardinality& column, std::string_view value) {
    const LowCardinalityDictionary* dictionary = column.getDictionaryPtr().get();
    if (dictionary != dictionary_) clear(dictionary);
    Entry& entry = entries_[slot(value)];
    if (entry.valid && entry.value == value) {
      column.insertIndex(entry.code);
      return;
    }
    column.insertData(value.data(), value.size());
    if (column.getDictionaryPtr().get() != dictionary_) clear(column.getDictionaryPtr().get());
    entry.value.assign(value);
    entry.code = column.getIndexAt(column.size() - 1);
    entry.valid = true;
  }

 private:
  struct Entry {
    std::string value;
    uint32_t code = 0;
    bool valid = false;
  };
  static constexpr size_t kSlots = 128;

  static size_t slot(std::string_view v) {
    size_t h = v.size() * 0x9E3779B1u;
    if (!v.empty()) h ^= size_t(static_cast<unsigned char>(v[0])) * 131 + size_t(static_cast<unsigned char>(v.back())) * 31;
    if (v.size() > 2) h ^= size_t(static_cast<unsigned char>(v[v.size() / 2])) * 7;
    return (h ^ (h >> 7)) & (kSlots - 1);
  }

  void clear(const LowCardinalityDictionary* dictionary) {
    for (auto& e : entries_) e.valid = false;
    dictionary_ = dictionary;
  }

  const LowCardinalityDictionary* dictionary_ = nullptr;
  std::array<Entry, kSlots> entries_;
};

}  // namespace tally
