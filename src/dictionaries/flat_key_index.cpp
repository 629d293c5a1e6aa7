// FLAT layout: keys index a direct array (keys must be below max_array_size).

#include "columns/column_vector.h"
#include "common/exception.h"
#include "dictionaries/dictionary_key_index.h"

namespace tally {

namespace {

constexpr uint64_t kEmpty = ~0ULL;

class FlatKeyIndex final : public DictionaryKeyIndex {
 public:
  explicit FlatKeyIndex(const DictionaryStructure& s) : name_(s.fullName()), max_array_size_(s.max_array_size) {}

  void build(const Columns& keys, const Columns&, size_t rows) override {
    PODArray<UInt64> buffer;
    const auto& k = simpleKeyValues(*keys[0], buffer);
    uint64_t max_key = 0;
    for (size_t i = 0; i < rows; ++i) {
      if (k[i] >= max_array_size_)
        throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "{}: identifier should be less than {}", name_, max_array_size_);
      max_key = std::max(max_key, k[i]);
    }
    slots_.resizeFill(rows ? max_key + 1 : 0, kEmpty);
    for (size_t i = 0; i < rows; ++i) slots_[k[i]] = i;
  }

  void find(const Columns& keys, const Column*, uint64_t missing, PODArray<UInt64>& rows) const override {
    const auto& k = typedAs<ColumnUInt64>(*keys[0]).getData();
    const size_t n = k.size(), size = slots_.size();
    rows.resize(n);
    const UInt64* slots = slots_.data();
    for (size_t i = 0; i < n; ++i) {
      uint64_t r = k[i] < size ? slots[k[i]] : kEmpty;
      rows[i] = r == kEmpty ? missing : r;
    }
  }

  size_t bytesAllocated() const override { return slots_.allocatedBytes(); }

 private:
  std::string name_;
  uint64_t max_array_size_;
  PODArray<UInt64> slots_;
};

}  // namespace

std::unique_ptr<DictionaryKeyIndex> makeFlatKeyIndex(const DictionaryStructure& structure) {
  return std::make_unique<FlatKeyIndex>(structure);
}

std::unique_ptr<DictionaryKeyIndex> makeKeyIndex(const DictionaryStructure& structure) {
  switch (structure.layout) {
    case DictionaryLayout::Flat: return makeFlatKeyIndex(structure);
    case DictionaryLayout::Hashed: return makeHashedKeyIndex(structure);
    case DictionaryLayout::ComplexKeyHashed: return makeComplexKeyIndex(structure);
    case DictionaryLayout::RangeHashed: return makeRangeKeyIndex(structure);
  }
  return nullptr;
}

const PODArray<UInt64>& simpleKeyValues(const Column& keys, PODArray<UInt64>& buffer) {
  if (const auto* u64 = tryTypedAs<ColumnUInt64>(&keys)) return u64->getData();
  buffer.resize(keys.size());
  auto widen = [&](const auto& data) {
    for (size_t i = 0; i < data.size(); ++i) buffer[i] = uint64_t(data[i]);
  };
  if (const auto* c = tryTypedAs<ColumnUInt32>(&keys)) widen(c->getData());
  else if (const auto* c16 = tryTypedAs<ColumnUInt16>(&keys)) widen(c16->getData());
  else if (const auto* c8 = tryTypedAs<ColumnUInt8>(&keys)) widen(c8->getData());
  else
    for (size_t i = 0; i < keys.size(); ++i) buffer[i] = keys.getUInt(i);
  return buffer;
}

}  // namespace tally
