#pragma once
// Shared driver of the splitBy* functions: builds an Array(String) column from per-row token
// generators. A tokenizer is called as next(begin, end, pos, token) -> bool on one row and
// yields tokens left to right; max_substrings > 0 keeps only that many tokens.

#include "columns/column_array.h"
#include "columns/column_string.h"
#include "common/numeric_types.h"
#include "common/pod_array.h"
#include "functions/string/string_rows.h"

namespace tally {

/// Splits every row of `rows_source` (an accessor from string_rows.h) with a fresh tokenizer
/// from make_tokenizer(); max_substrings[i] (or 0) limits the tokens of row i.
template <typename Rows, typename MakeTokenizer>
std::shared_ptr<ColumnArray> splitRows(const Rows& src, size_t rows, const PODArray<Int64>* max_substrings,
                                       MakeTokenizer&& make_tokenizer) {
  auto strings = ColumnString::create();
  auto& chars = strings->getChars();
  auto& string_offsets = strings->getOffsets();
  Offsets array_offsets(rows);
  for (size_t i = 0; i < rows; ++i) {
    std::string_view s = src[i];
    auto tokenizer = make_tokenizer();
    const char* pos = s.data();
    const char* end = s.data() + s.size();
    std::string_view token;
    Int64 limit = max_substrings ? (*max_substrings)[i] : 0;
    Int64 count = 0;
    while ((limit <= 0 || count < limit) && tokenizer.next(s.data(), end, pos, token)) {
      chars.insert(token.data(), token.data() + token.size());
      string_offsets.push_back(chars.size());
      ++count;
    }
    array_offsets[i] = string_offsets.size();
  }
  return ColumnArray::create(MutableColumnPtr(strings), std::move(array_offsets));
}

}  // namespace tally
