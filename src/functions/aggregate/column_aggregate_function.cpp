#include "functions/aggregate/column_aggregate_function.h"

#include "common/exception.h"
#include "common/sip_hash.h"
#include "functions/aggregate/data_type_aggregate_function.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"

namespace tally {

ColumnAggregateFunction::ColumnAggregateFunction(AggregateFunctionPtr function) : func_(std::move(function)) {}

ColumnAggregateFunction::~ColumnAggregateFunction() {
  if (!src_) destroyStates(0);
}

void ColumnAggregateFunction::destroyStates(size_t from) noexcept {
  if (func_->hasTrivialDestructor()) return;
  for (size_t i = from; i < data_.size(); ++i) func_->destroy(data_[i]);
}

Arena& ColumnAggregateFunction::arena() {
  if (!arena_) arena_ = std::make_shared<Arena>();
  return *arena_;
}

AggregateDataPtr ColumnAggregateFunction::insertEmptyState() {
  ensureOwnership();
  AggregateDataPtr place = arena().alloc(func_->sizeOfData(), func_->alignOfData());
  func_->create(place);
  data_.push_back(place);
  return place;
}

void ColumnAggregateFunction::insertMergeFrom(ConstAggregateDataPtr place) {
  AggregateDataPtr dst = insertEmptyState();
  try {
    func_->merge(dst, place, &arena());
  } catch (...) {
    func_->destroy(dst);
    data_.pop_back();
    throw;
  }
}

void ColumnAggregateFunction::insertDeserialized(ReadBuffer& in) {
  AggregateDataPtr dst = insertEmptyState();
  try {
    func_->deserialize(dst, in, &arena());
  } catch (...) {
    func_->destroy(dst);
    data_.pop_back();
    throw;
  }
}

void ColumnAggregateFunction::insertFromSerialized(std::string_view bytes) {
  ReadBufferFromMemory in(bytes);
  insertDeserialized(in);
}

std::string ColumnAggregateFunction::serializeState(size_t n) const {
  std::string s;
  WriteBufferFromString out(s);
  func_->serialize(data_[n], out);
  out.finalize();
  return s;
}

void ColumnAggregateFunction::ensureOwnership() {
  if (!src_) return;
  PODArray<AggregateDataPtr> own;
  own.reserve(data_.size());
  Arena& a = arena();
  try {
    for (AggregateDataPtr shared : data_) {
      AggregateDataPtr place = a.alloc(func_->sizeOfData(), func_->alignOfData());
      func_->create(place);
      own.push_back(place);
      func_->merge(place, shared, &a);
    }
  } catch (...) {
    if (!func_->hasTrivialDestructor())
      for (AggregateDataPtr p : own) func_->destroy(p);
    throw;
  }
  data_.swap(own);
  src_.reset();
}

size_t ColumnAggregateFunction::byteSize() const {
  return data_.size() * (sizeof(AggregateDataPtr) + func_->sizeOfData()) + (arena_ ? arena_->allocatedBytes() : 0);
}

size_t ColumnAggregateFunction::allocatedBytes() const {
  return data_.allocatedBytes() + (arena_ ? arena_->allocatedBytes() : 0);
}

Field ColumnAggregateFunction::operator[](size_t n) const {
  return Field(AggregateStateField{aggregateFunctionTypeName(*func_), serializeState(n)});
}

void ColumnAggregateFunction::insert(const Field& value) {
  if (!value.is<AggregateStateField>()) {
    if (value.is<std::string>()) {
      insertFromSerialized(value.get<std::string>());
      return;
    }
    throw Exception(ErrorCodes::TYPE_MISMATCH, "Cannot insert {} into a column of type {}", value.dump(),
                    aggregateFunctionTypeName(*func_));
  }
  const auto& state = value.get<AggregateStateField>();
  if (!state.name.empty() && state.name != aggregateFunctionTypeName(*func_))
    throw Exception(ErrorCodes::TYPE_MISMATCH, "Cannot insert a value of type {} into a column of type {}", state.name,
                    aggregateFunctionTypeName(*func_));
  insertFromSerialized(state.data);
}

void ColumnAggregateFunction::throwIncompatible(const Column& src) const {
  throw Exception(ErrorCodes::LOGICAL_ERROR, "Cannot insert states of {} into a column of {}",
                  src.kind() == ColumnKind::AggregateFunction
                      ? aggregateFunctionTypeName(*static_cast<const ColumnAggregateFunction&>(src).func_)
                      : src.familyName(),
                  aggregateFunctionTypeName(*func_));
}

const ColumnAggregateFunction& ColumnAggregateFunction::checkedSource(const Column& src) const {
  if (src.kind() != ColumnKind::AggregateFunction) throwIncompatible(src);
  const auto& s = static_cast<const ColumnAggregateFunction&>(src);
  if (s.func_ != func_ && aggregateFunctionTypeName(*s.func_) != aggregateFunctionTypeName(*func_))
    throwIncompatible(src);
  return s;
}

void ColumnAggregateFunction::insertFrom(const Column& src, size_t n) {
  const auto& s = checkedSource(src);
  insertMergeFrom(s.data_[n]);
}

void ColumnAggregateFunction::insertRangeFrom(const Column& src, size_t start, size_t length) {
  const auto& s = checkedSource(src);
  if (length == 0) return;
  if (data_.empty() && s.func_ == func_) {
    // Nothing of our own yet: share the source's states.
    src_ = s.owner();
    data_.insert(s.data_.begin() + start, s.data_.begin() + start + length);
    return;
  }
  ensureOwnership();
  data_.reserve(data_.size() + length);
  for (size_t i = 0; i < length; ++i) insertMergeFrom(s.data_[start + i]);
}

void ColumnAggregateFunction::popBack(size_t n) {
  size_t new_size = data_.size() - n;
  if (!src_) destroyStates(new_size);
  data_.resize(new_size);
}

std::shared_ptr<ColumnAggregateFunction> ColumnAggregateFunction::makeSharing(PODArray<AggregateDataPtr> data) const {
  auto res = create(func_);
  res->data_ = std::move(data);
  if (!res->data_.empty()) res->src_ = owner();
  return res;
}

ColumnPtr ColumnAggregateFunction::filter(const Filter& filter, ssize_t result_size_hint) const {
  PODArray<AggregateDataPtr> kept;
  kept.reserve(result_size_hint >= 0 ? size_t(result_size_hint) : countBytesInFilter(filter));
  for (size_t i = 0; i < data_.size(); ++i)
    if (filter[i]) kept.push_back(data_[i]);
  return makeSharing(std::move(kept));
}

ColumnPtr ColumnAggregateFunction::permute(const Permutation& perm, size_t limit) const {
  size_t n = limit ? std::min<size_t>(limit, perm.size()) : perm.size();
  PODArray<AggregateDataPtr> res(n);
  for (size_t i = 0; i < n; ++i) res[i] = data_[perm[i]];
  return makeSharing(std::move(res));
}

ColumnPtr ColumnAggregateFunction::replicate(const Offsets& offsets) const {
  PODArray<AggregateDataPtr> res;
  res.reserve(offsets.empty() ? 0 : offsets.back());
  uint64_t prev = 0;
  for (size_t i = 0; i < data_.size(); ++i) {
    for (uint64_t j = prev; j < offsets[i]; ++j) res.push_back(data_[i]);
    prev = offsets[i];
  }
  return makeSharing(std::move(res));
}

ColumnPtr ColumnAggregateFunction::cut(size_t start, size_t length) const {
  if (start == 0 && length == size()) return shared_from_this();
  return makeSharing(PODArray<AggregateDataPtr>(data_.begin() + start, data_.begin() + start + length));
}

void ColumnAggregateFunction::updateHashWithValue(size_t n, SipHash& hash) const {
  std::string s = serializeState(n);
  hash.update(uint64_t(s.size()));
  hash.update(s.data(), s.size());
}

size_t ColumnAggregateFunction::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  std::string s = serializeState(n);
  uint64_t size = s.size();
  char* pos = arena.allocContinue(sizeof(size) + s.size(), begin);
  std::memcpy(pos, &size, sizeof(size));
  std::memcpy(pos + sizeof(size), s.data(), s.size());
  return sizeof(size) + s.size();
}

const char* ColumnAggregateFunction::deserializeAndInsertFromArena(const char* pos) {
  uint64_t size;
  std::memcpy(&size, pos, sizeof(size));
  pos += sizeof(size);
  insertFromSerialized(std::string_view(pos, size));
  return pos + size;
}

}  // namespace tally
