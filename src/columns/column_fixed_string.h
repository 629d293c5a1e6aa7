#pragma once
// ColumnFixedString: values of exactly n bytes each (shorter inputs are zero-padded).

#include "columns/column.h"

namespace tally {

class ColumnFixedString final : public Column {
 public:
  using Chars = PODArray<char>;
  explicit ColumnFixedString(size_t n) : n_(n) {}
  static std::shared_ptr<ColumnFixedString> create(size_t n) { return std::make_shared<ColumnFixedString>(n); }

  size_t getN() const { return n_; }
  Chars& getChars() { return chars_; }
  const Chars& getChars() const { return chars_; }
  std::string_view at(size_t i) const { return {chars_.data() + i * n_, n_}; }

  ColumnKind kind() const override { return ColumnKind::FixedString; }
  std::string familyName() const override { return "FixedString"; }
  size_t size() const override { return n_ ? chars_.size() / n_ : 0; }
  size_t byteSize() const override { return chars_.size(); }

  Field operator[](size_t n) const override { return Field(std::string(at(n))); }
  std::string_view getDataAt(size_t n) const override { return at(n); }
  MutableColumnPtr cloneEmpty() const override { return create(n_); }

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override { insertData(static_cast<const ColumnFixedString&>(src).at(n).data(), n_); }
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override { chars_.resizeFill(chars_.size() + n_, 0); }
  void insertManyDefaults(size_t n) override { chars_.resizeFill(chars_.size() + n * n_, 0); }
  void insertData(const char* pos, size_t length) override;
  void popBack(size_t n) override { chars_.resize(chars_.size() - n * n_); }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int) const override {
    int c = std::memcmp(at(n).data(), static_cast<const ColumnFixedString&>(rhs).at(m).data(), n_);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;
  size_t sizeOfValueIfFixed() const override { return n_; }

 private:
  size_t n_;
  Chars chars_;
};

}  // namespace tally
