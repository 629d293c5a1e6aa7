#include "functions/string/case_folding.h"

#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_string.h"

namespace tally {

namespace case_folding {

/// Lower-cases `rows` rows of `total` bytes; row i ends at offsets[i], or at (i + 1) * total / rows
/// for FixedString data (offsets == nullptr).
void lowerRows(const char* src, char* dst, const uint64_t* offsets, size_t rows, size_t total, bool utf8) {
  if (!utf8) {
    asciiCaseMap<true>(src, dst, total);
    return;
  }
  const auto* in = reinterpret_cast<const uint8_t*>(src);
  auto* out = reinterpret_cast<uint8_t*>(dst);
  uint64_t prev = 0;
  for (size_t i = 0; i < rows; ++i) {
    uint64_t end = offsets ? offsets[i] : (i + 1) * (total / rows);
    utf8CaseMapRow<true>(in + prev, in + end, out + prev);
    prev = end;
  }
}

}  // namespace case_folding

ColumnPtr lowerCaseColumn(const ColumnPtr& column, bool utf8) {
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    return ColumnConst::create(lowerCaseColumn(c.getDataColumnPtr(), utf8), c.size());
  }
  if (column->kind() == ColumnKind::FixedString) {
    const auto& src = static_cast<const ColumnFixedString&>(*column);
    auto res = ColumnFixedString::create(src.getN());
    res->getChars().resize(src.getChars().size());
    case_folding::lowerRows(src.getChars().data(), res->getChars().data(), nullptr, src.size(), src.getChars().size(),
                            utf8);
    return res;
  }
  const auto& src = typedAs<ColumnString>(*column);
  auto res = ColumnString::create();
  res->getChars().resize(src.getChars().size());
  res->getOffsets() = src.getOffsets();
  case_folding::lowerRows(src.getChars().data(), res->getChars().data(), src.getOffsets().data(), src.size(),
                          src.getChars().size(), utf8);
  return res;
}

}  // namespace tally
