#pragma once
// ColumnString: variable-length byte strings in one buffer. offsets[i] is the end of string i
// in chars (no terminating zero); string i starts at offsetAt(i) = offsets[i-1] (0 for i = 0).

#include "columns/column.h"

namespace tally {

class ColumnString final : public Column {
 public:
  using Chars = PODArray<char>;

  static std::shared_ptr<ColumnString> create() { return std::make_shared<ColumnString>(); }

  Chars& getChars() { return chars_; }
  const Chars& getChars() const { return chars_; }
  Offsets& getOffsets() { return offsets_; }
  const Offsets& getOffsets() const { return offsets_; }
  size_t offsetAt(size_t i) const { return i == 0 ? 0 : offsets_[i - 1]; }
  size_t sizeAt(size_t i) const { return offsets_[i] - offsetAt(i); }
  std::string_view at(size_t i) const {
    size_t start = offsetAt(i);
    return {chars_.data() + start, offsets_[i] - start};
  }

  ColumnKind kind() const override { return ColumnKind::String; }
  std::string familyName() const override { return "String"; }
  size_t size() const override { return offsets_.size(); }
  size_t byteSize() const override { return chars_.size() + offsets_.size() * sizeof(uint64_t); }
  size_t allocatedBytes() const override { return chars_.allocatedBytes() + offsets_.allocatedBytes(); }

  Field operator[](size_t n) const override { return Field(std::string(at(n))); }
  std::string_view getDataAt(size_t n) const override { return at(n); }

  MutableColumnPtr cloneEmpty() const override { return create(); }

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override {
    insertData(static_cast<const ColumnString&>(src).at(n));
  }
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override { offsets_.push_back(chars_.size()); }
  void insertManyDefaults(size_t n) override { offsets_.resizeFill(offsets_.size() + n, chars_.size()); }
  void insertData(const char* pos, size_t length) override {
    chars_.insert(pos, pos + length);
    offsets_.push_back(chars_.size());
  }
  void insertData(std::string_view s) { insertData(s.data(), s.size()); }
  void popBack(size_t n) override;
  void reserve(size_t n) override { offsets_.reserve(n); }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const override {
    return at(n).compare(static_cast<const ColumnString&>(rhs).at(m)) < 0
               ? -1
               : (at(n) == static_cast<const ColumnString&>(rhs).at(m) ? 0 : 1);
  }
  void getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const override;
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;

 private:
  Chars chars_;
  Offsets offsets_;
};

}  // namespace tally
