#include "columns/column_nullable.h"

#include <algorithm>
#include <numeric>

#include "columns/column_const.h"
#include "common/arena.h"
#include "common/sip_hash.h"

namespace tally {

void ColumnNullable::insert(const Field& value) {
  if (value.isNull()) {
    insertDefault();
  } else {
    nested_->insert(value);
    null_map_->insertValue(0);
  }
}

void ColumnNullable::insertFrom(const Column& src, size_t n) {
  const auto& s = static_cast<const ColumnNullable&>(src);
  nested_->insertFrom(*s.nested_, n);
  null_map_->insertValue(s.null_map_->getData()[n]);
}

void ColumnNullable::insertRangeFrom(const Column& src, size_t start, size_t length) {
  const auto& s = static_cast<const ColumnNullable&>(src);
  nested_->insertRangeFrom(*s.nested_, start, length);
  null_map_->insertRangeFrom(*s.null_map_, start, length);
}

ColumnPtr ColumnNullable::filter(const Filter& filter, ssize_t hint) const {
  return create(nested_->filter(filter, hint), null_map_->filter(filter, hint));
}

ColumnPtr ColumnNullable::permute(const Permutation& perm, size_t limit) const {
  return create(nested_->permute(perm, limit), null_map_->permute(perm, limit));
}

ColumnPtr ColumnNullable::replicate(const Offsets& offsets) const {
  return create(nested_->replicate(offsets), null_map_->replicate(offsets));
}

ColumnPtr ColumnNullable::cut(size_t start, size_t length) const {
  if (start == 0 && length == size()) return shared_from_this();
  return create(nested_->cut(start, length), null_map_->cut(start, length));
}

int ColumnNullable::compareAt(size_t n, size_t m, const Column& rhs_column, int nan_direction_hint) const {
  const auto& rhs = static_cast<const ColumnNullable&>(rhs_column);
  bool a = isNullAt(n), b = rhs.isNullAt(m);
  if (a || b) {
    if (a && b) return 0;
    return a ? nan_direction_hint : -nan_direction_hint;
  }
  return nested_->compareAt(n, m, *rhs.nested_, nan_direction_hint);
}

void ColumnNullable::getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const {
  // Sort non-NULL rows by the nested column, then put NULLs first or last as the hint says
  // (after reversal, NULLs keep their requested side, as in ClickHouse).
  nested_->getPermutation(reverse, 0, nan_direction_hint, perm);
  const auto& nulls = null_map_->getData();
  Permutation non_null, null_rows;
  non_null.reserve(perm.size());
  for (uint64_t row : perm) (nulls[row] ? null_rows : non_null).push_back(row);
  bool nulls_last = reverse ? nan_direction_hint < 0 : nan_direction_hint > 0;
  // Null rows keep ascending row order for stability.
  std::sort(null_rows.begin(), null_rows.end());
  perm.clear();
  if (nulls_last) {
    perm.insert(non_null.begin(), non_null.end());
    perm.insert(null_rows.begin(), null_rows.end());
  } else {
    perm.insert(null_rows.begin(), null_rows.end());
    perm.insert(non_null.begin(), non_null.end());
  }
  if (limit && limit < perm.size()) perm.resize(limit);
}

void ColumnNullable::updateHashWithValue(size_t n, SipHash& hash) const {
  if (isNullAt(n))
    hash.update(uint8_t(1));
  else {
    hash.update(uint8_t(0));
    nested_->updateHashWithValue(n, hash);
  }
}

size_t ColumnNullable::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  char* pos = arena.allocContinue(1, begin);
  *pos = char(isNullAt(n));
  if (isNullAt(n)) return 1;
  return 1 + nested_->serializeValueIntoArena(n, arena, begin);
}

const char* ColumnNullable::deserializeAndInsertFromArena(const char* pos) {
  if (*pos) {
    insertDefault();
    return pos + 1;
  }
  const char* next = nested_->deserializeAndInsertFromArena(pos + 1);
  null_map_->insertValue(0);
  return next;
}

bool ColumnNullable::hasNulls() const {
  const auto& d = null_map_->getData();
  for (size_t i = 0; i < d.size(); ++i)
    if (d[i]) return true;
  return false;
}

ColumnPtr makeNullable(const ColumnPtr& column) {
  if (column->isNullable()) return column;
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    return ColumnConst::create(makeNullable(c.getDataColumnPtr()), c.size());
  }
  if (column->kind() == ColumnKind::Nothing) return column;
  return ColumnNullable::create(column, std::make_shared<ColumnUInt8>(column->size(), 0));
}

const Column& removeNullable(const Column& column) {
  if (column.isNullable()) return static_cast<const ColumnNullable&>(column).getNestedColumn();
  return column;
}

ColumnPtr removeNullable(const ColumnPtr& column) {
  if (column->isNullable()) return static_cast<const ColumnNullable&>(*column).getNestedColumnPtr();
  return column;
}

}  // namespace tally
