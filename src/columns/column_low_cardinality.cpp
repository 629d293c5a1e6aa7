#include "columns/column_low_cardinality.h"

#include <algorithm>
#include <numeric>

#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/arena.h"
#include "common/exception.h"
#include "common/hash.h"
#include "common/sip_hash.h"

namespace tally {

LowCardinalityDictionary::LowCardinalityDictionary(MutableColumnPtr values, bool nullable)
    : values_(std::move(values)), nullable_(nullable) {
  values_->insertDefault();  // code 0
  rehash(64);
}

LowCardinalityDictionary::LowCardinalityDictionary(const LowCardinalityDictionary& other)
    : values_(other.values_->clone()), nullable_(other.nullable_), slots_(other.slots_), hashes_(other.hashes_) {}

std::shared_ptr<LowCardinalityDictionary::DerivedCodes> LowCardinalityDictionary::derived(const std::string& key) const {
  std::lock_guard lock(derived_mutex_);
  auto it = derived_.find(key);
  if (it != derived_.end()) return it->second;
  if (derived_.size() >= kMaxDerived) derived_.clear();  // entries in use stay alive through their owners
  auto entry = std::make_shared<DerivedCodes>();
  derived_.emplace(key, entry);
  return entry;
}

void LowCardinalityDictionary::rehash(size_t new_capacity) {
  slots_.clear();
  slots_.resizeFill(new_capacity, 0);
  hashes_.resize(values_->size());
  size_t mask = new_capacity - 1;
  // Code 0 is never looked up by value when nullable (NULL is not a value); when not nullable,
  // the default value is findable through the table like any other.
  for (size_t code = 0; code < values_->size(); ++code) {
    uint64_t h = hashBytes(values_->getDataAt(code));
    hashes_[code] = h;
    if (code == 0 && nullable_) continue;
    size_t slot = h & mask;
    while (slots_[slot]) slot = (slot + 1) & mask;
    slots_[slot] = uint32_t(code + 1);
  }
}

bool LowCardinalityDictionary::find(std::string_view raw, uint32_t& code) const {
  uint64_t h = hashBytes(raw);
  size_t mask = slots_.size() - 1;
  size_t slot = h & mask;
  while (uint32_t s = slots_[slot]) {
    if (hashes_[s - 1] == h && values_->getDataAt(s - 1) == raw) {
      code = s - 1;
      return true;
    }
    slot = (slot + 1) & mask;
  }
  return false;
}

uint32_t LowCardinalityDictionary::insertRaw(std::string_view raw) {
  uint64_t h = hashBytes(raw);
  size_t mask = slots_.size() - 1;
  size_t slot = h & mask;
  while (uint32_t s = slots_[slot]) {
    if (hashes_[s - 1] == h && values_->getDataAt(s - 1) == raw) return s - 1;
    slot = (slot + 1) & mask;
  }
  uint32_t code = uint32_t(values_->size());
  values_->insertData(raw.data(), raw.size());
  hashes_.push_back(h);
  slots_[slot] = code + 1;
  if (values_->size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  return code;
}

uint32_t LowCardinalityDictionary::insert(const Field& value) {
  if (value.isNull()) return 0;
  auto tmp = values_->cloneEmpty();
  tmp->insert(value);
  return insertFrom(*tmp, 0);
}

std::shared_ptr<ColumnLowCardinality> ColumnLowCardinality::create(MutableColumnPtr empty_values, bool nullable) {
  return std::make_shared<ColumnLowCardinality>(
      std::make_shared<LowCardinalityDictionary>(std::move(empty_values), nullable), ColumnUInt8::create());
}

LowCardinalityDictionary& ColumnLowCardinality::mutableDictionary() {
  if (dict_.use_count() > 1) dict_ = std::make_shared<LowCardinalityDictionary>(*dict_);
  return *dict_;
}

void ColumnLowCardinality::widenIfNeeded(uint32_t code) {
  size_t width = indexWidth();
  if ((width == 1 && code > 0xFF) || (width == 2 && code > 0xFFFF)) {
    MutableColumnPtr wider;
    if (code > 0xFFFF) {
      auto c = ColumnUInt32::create();
      visitIndexes([&](const auto& idx) { c->getData().insert(idx.begin(), idx.end()); });
      wider = c;
    } else {
      auto c = ColumnUInt16::create();
      visitIndexes([&](const auto& idx) { c->getData().insert(idx.begin(), idx.end()); });
      wider = c;
    }
    indexes_ = wider;
  }
}

void ColumnLowCardinality::insertIndex(uint32_t code) {
  widenIfNeeded(code);
  switch (indexWidth()) {
    case 1: static_cast<ColumnUInt8&>(*indexes_).insertValue(UInt8(code)); break;
    case 2: static_cast<ColumnUInt16&>(*indexes_).insertValue(UInt16(code)); break;
    default: static_cast<ColumnUInt32&>(*indexes_).insertValue(code); break;
  }
}

void ColumnLowCardinality::insertFromFullColumn(const Column& src, size_t n) {
  if (src.isNullAt(n)) {
    if (!dict_->isNullable())
      insertIndex(0);
    else
      insertIndex(0);
    return;
  }
  const Column& values = removeNullable(src);
  insertIndex(mutableDictionary().insertFrom(values, n));
}

namespace {

/// Rows' values of a dictionary of numbers gathered by code in one pass (no permutation).
template <typename T>
ColumnPtr gatherNumbers(const ColumnVector<T>& values, const ColumnLowCardinality& lc) {
  auto out = ColumnVector<T>::create(lc.size());
  T* dst = out->getData().data();
  const T* src = values.getData().data();
  lc.visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < idx.size(); ++i) dst[i] = src[idx[i]];
  });
  return out;
}

template <typename... Ts>
ColumnPtr tryGatherNumbers(const Column& values, const ColumnLowCardinality& lc) {
  ColumnPtr out;
  ((out = out ? out : [&]() -> ColumnPtr {
     const auto* v = dynamic_cast<const ColumnVector<Ts>*>(&values);
     return v ? gatherNumbers(*v, lc) : nullptr;
   }()), ...);
  return out;
}

}  // namespace

ColumnPtr ColumnLowCardinality::convertToFullColumn() const {
  // A function's UInt8 result (a comparison's 0/1) has a dictionary whose codes are its values:
  // the codes are the column.
  if (!dict_->isNullable() && indexWidth() == 1)
    if (const auto* v = dynamic_cast<const ColumnUInt8*>(&dict_->values())) {
      const auto& values = v->getData();
      bool identity = true;
      for (size_t i = 0; i < values.size() && identity; ++i) identity = values[i] == i;
      if (identity) return static_cast<const ColumnUInt8&>(*indexes_).clone();
    }
  if (!dict_->isNullable() && dict_->values().kind() == ColumnKind::Vector)
    if (ColumnPtr out = tryGatherNumbers<UInt8, UInt16, UInt32, UInt64, Int8, Int16, Int32, Int64>(dict_->values(), *this))
      return out;
  Permutation perm(size());
  visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < idx.size(); ++i) perm[i] = idx[i];
  });
  ColumnPtr values = perm.empty() ? ColumnPtr(dict_->values().cloneEmpty()) : dict_->values().permute(perm, 0);
  if (!dict_->isNullable()) return values;
  auto null_map = std::make_shared<ColumnUInt8>(size());
  for (size_t i = 0; i < perm.size(); ++i) null_map->getData()[i] = perm[i] == 0;
  return ColumnNullable::create(values->assumeMutable(), null_map);
}

Field ColumnLowCardinality::operator[](size_t n) const {
  uint32_t code = getIndexAt(n);
  if (code == 0 && dict_->isNullable()) return Field();
  return dict_->values()[code];
}

MutableColumnPtr ColumnLowCardinality::cloneEmpty() const {
  // Keeps the dictionary: values already known need no new insert.
  return std::make_shared<ColumnLowCardinality>(dict_, ColumnUInt8::create());
}

MutableColumnPtr ColumnLowCardinality::clone() const {
  return std::make_shared<ColumnLowCardinality>(dict_, indexes_->clone());
}

void ColumnLowCardinality::insert(const Field& value) {
  if (value.isNull()) {
    insertIndex(0);
    return;
  }
  insertIndex(mutableDictionary().insert(value));
}

void ColumnLowCardinality::insertData(const char* pos, size_t length) {
  if (!pos) {
    insertIndex(0);
    return;
  }
  insertIndex(mutableDictionary().insertRaw({pos, length}));
}

void ColumnLowCardinality::insertManyDefaults(size_t n) {
  for (size_t i = 0; i < n; ++i) insertIndex(0);
}

void ColumnLowCardinality::insertFrom(const Column& src_column, size_t n) {
  if (src_column.kind() != ColumnKind::LowCardinality) {
    insertFromFullColumn(src_column, n);
    return;
  }
  const auto& src = static_cast<const ColumnLowCardinality&>(src_column);
  uint32_t code = src.getIndexAt(n);
  if (src.dict_ == dict_) {
    insertIndex(code);
  } else if (code == 0) {
    insertIndex(0);
  } else {
    insertIndex(mutableDictionary().insertFrom(src.dict_->values(), code));
  }
}

void ColumnLowCardinality::insertIndexes(const uint32_t* codes, size_t n) {
  if (n == 0) return;
  uint32_t max_code = 0;
  for (size_t i = 0; i < n; ++i) max_code = std::max(max_code, codes[i]);
  widenIfNeeded(max_code);
  auto append = [&](auto& data) {
    size_t old = data.size();
    data.resize(old + n);
    for (size_t i = 0; i < n; ++i) data[old + i] = static_cast<std::remove_reference_t<decltype(data[0])>>(codes[i]);
  };
  switch (indexWidth()) {
    case 1: append(static_cast<ColumnUInt8&>(*indexes_).getData()); break;
    case 2: append(static_cast<ColumnUInt16&>(*indexes_).getData()); break;
    default: append(static_cast<ColumnUInt32&>(*indexes_).getData()); break;
  }
}

void ColumnLowCardinality::insertRangeFrom(const Column& src_column, size_t start, size_t length) {
  // Codes are gathered first and appended in one go (one width check, no per-row dispatch).
  thread_local PODArray<uint32_t> codes;
  codes.resize(length);
  if (src_column.kind() != ColumnKind::LowCardinality) {
    const Column& values = removeNullable(src_column);
    for (size_t i = 0; i < length; ++i)
      codes[i] = src_column.isNullAt(start + i) ? 0 : mutableDictionary().insertFrom(values, start + i);
    insertIndexes(codes.data(), length);
    return;
  }
  const auto& src = static_cast<const ColumnLowCardinality&>(src_column);
  if (src.dict_ == dict_ && src.indexWidth() == indexWidth()) {
    indexes_->insertRangeFrom(*src.indexes_, start, length);  // same codes, same width
    return;
  }
  if (src.dict_ == dict_) {
    src.visitIndexes([&](const auto& idx) {
      for (size_t i = 0; i < length; ++i) codes[i] = idx[start + i];
    });
  } else if (length * 4 < src.dict_->size()) {
    // Few rows from a big dictionary (a table's): hashing each value beats a cache as big as it.
    LowCardinalityDictionary& dict = mutableDictionary();
    src.visitIndexes([&](const auto& idx) {
      for (size_t i = 0; i < length; ++i) codes[i] = idx[start + i] == 0 ? 0 : dict.insertFrom(src.dict_->values(), idx[start + i]);
    });
  } else {
    // Remap codes through a per-call cache so each distinct source code is hashed once.
    CodeRemap remap;
    insertRangeFrom(src_column, start, length, remap);
    return;
  }
  insertIndexes(codes.data(), length);
}

void ColumnLowCardinality::insertRangeFrom(const Column& src_column, size_t start, size_t length, CodeRemap& remap) {
  if (src_column.kind() != ColumnKind::LowCardinality) return insertRangeFrom(src_column, start, length);
  const auto& src = static_cast<const ColumnLowCardinality&>(src_column);
  if (src.dict_ == dict_) return insertRangeFrom(src_column, start, length);
  if (remap.source != src.dict_) {
    remap.source = src.dict_;
    remap.codes.assign(src.dict_->size(), UINT32_MAX);
  }
  if (remap.codes.size() < src.dict_->size()) remap.codes.resize(src.dict_->size(), UINT32_MAX);
  if (!remap.codes.empty()) remap.codes[0] = 0;  // the default / NULL
  thread_local PODArray<uint32_t> codes;
  codes.resize(length);
  LowCardinalityDictionary& dict = mutableDictionary();
  const Column& values = src.dict_->values();
  uint32_t* mapped = remap.codes.data();
  src.visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < length; ++i) {
      uint32_t code = idx[start + i];
      if (mapped[code] == UINT32_MAX) mapped[code] = dict.insertFrom(values, code);
      codes[i] = mapped[code];
    }
  });
  insertIndexes(codes.data(), length);
}

ColumnPtr ColumnLowCardinality::filter(const Filter& filter, ssize_t hint) const {
  return std::make_shared<ColumnLowCardinality>(dict_, indexes_->filter(filter, hint)->assumeMutable());
}

ColumnPtr ColumnLowCardinality::permute(const Permutation& perm, size_t limit) const {
  return std::make_shared<ColumnLowCardinality>(dict_, indexes_->permute(perm, limit)->assumeMutable());
}

ColumnPtr ColumnLowCardinality::replicate(const Offsets& offsets) const {
  return std::make_shared<ColumnLowCardinality>(dict_, indexes_->replicate(offsets)->assumeMutable());
}

ColumnPtr ColumnLowCardinality::cut(size_t start, size_t length) const {
  if (start == 0 && length == size()) return shared_from_this();
  return std::make_shared<ColumnLowCardinality>(dict_, indexes_->cut(start, length)->assumeMutable());
}

int ColumnLowCardinality::compareAt(size_t n, size_t m, const Column& rhs_column, int nan_direction_hint) const {
  const auto& rhs = static_cast<const ColumnLowCardinality&>(rhs_column);
  uint32_t a = getIndexAt(n), b = rhs.getIndexAt(m);
  bool a_null = a == 0 && dict_->isNullable(), b_null = b == 0 && rhs.dict_->isNullable();
  if (a_null || b_null) {
    if (a_null && b_null) return 0;
    return a_null ? nan_direction_hint : -nan_direction_hint;
  }
  if (dict_ == rhs.dict_ && a == b) return 0;
  return dict_->values().compareAt(a, b, rhs.dict_->values(), nan_direction_hint);
}

void ColumnLowCardinality::getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const {
  // Rank the dictionary once, then sort rows by the rank of their code.
  Permutation dict_perm;
  dict_->values().getPermutation(false, 0, nan_direction_hint, dict_perm);
  PODArray<uint32_t> rank(dict_perm.size());
  for (size_t i = 0; i < dict_perm.size(); ++i) rank[dict_perm[i]] = uint32_t(i);
  bool nullable = dict_->isNullable();
  bool nulls_last = reverse ? nan_direction_hint < 0 : nan_direction_hint > 0;
  size_t n = size();
  PODArray<uint32_t> keys(n);
  // Real values get rank + 1; NULL gets 0 or UINT32_MAX so that, in the sort direction, it
  // lands on the requested side.
  uint32_t null_key = (nulls_last != reverse) ? UINT32_MAX : 0;
  visitIndexes([&](const auto& idx) {
    for (size_t i = 0; i < n; ++i) keys[i] = (nullable && idx[i] == 0) ? null_key : rank[idx[i]] + 1;
  });
  perm.resize(n);
  std::iota(perm.begin(), perm.end(), 0);
  auto less = [&](uint64_t a, uint64_t b) {
    if (keys[a] != keys[b]) return reverse ? keys[a] > keys[b] : keys[a] < keys[b];
    return a < b;
  };
  if (limit && limit < n) {
    std::partial_sort(perm.begin(), perm.begin() + limit, perm.end(), less);
    perm.resize(limit);
  } else {
    std::sort(perm.begin(), perm.end(), less);
  }
}

void ColumnLowCardinality::updateHashWithValue(size_t n, SipHash& hash) const {
  uint32_t code = getIndexAt(n);
  if (dict_->isNullable()) {
    if (code == 0) {
      hash.update(uint8_t(1));
      return;
    }
    hash.update(uint8_t(0));
  }
  dict_->values().updateHashWithValue(code, hash);
}

size_t ColumnLowCardinality::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  uint32_t code = getIndexAt(n);
  size_t total = 0;
  if (dict_->isNullable()) {
    char* pos = arena.allocContinue(1, begin);
    *pos = char(code == 0);
    total = 1;
    if (code == 0) return total;
  }
  return total + dict_->values().serializeValueIntoArena(code, arena, begin);
}

const char* ColumnLowCardinality::deserializeAndInsertFromArena(const char* pos) {
  if (dict_->isNullable()) {
    if (*pos) {
      insertIndex(0);
      return pos + 1;
    }
    ++pos;
  }
  auto tmp = dict_->values().cloneEmpty();
  const char* next = tmp->deserializeAndInsertFromArena(pos);
  insertIndex(mutableDictionary().insertFrom(*tmp, 0));
  return next;
}

}  // namespace tally
