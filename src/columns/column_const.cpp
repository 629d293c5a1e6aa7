#include "columns/column_const.h"

#include <numeric>

#include "common/exception.h"

namespace tally {

void ColumnConst::getPermutation(bool, size_t limit, int, Permutation& perm) const {
  size_t n = limit ? std::min(limit, size_) : size_;
  perm.resize(n);
  std::iota(perm.begin(), perm.end(), 0);
}

const char* ColumnConst::deserializeAndInsertFromArena(const char*) {
  throw Exception(ErrorCodes::LOGICAL_ERROR, "Cannot insert into a constant column");
}

ColumnPtr ColumnConst::convertToFullColumnIfConst() const {
  if (size_ == 0) return data_->cloneEmpty();
  if (size_ == 1) return data_;
  Offsets offsets;
  offsets.push_back(size_);
  return data_->replicate(offsets);
}

}  // namespace tally
