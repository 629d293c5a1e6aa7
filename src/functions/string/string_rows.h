#pragma once
// Read access to the string arguments of string functions — String, FixedString and constants
// of either — through one small accessor per column kind. Kernels are templates over the
// accessor and visitStringRows() picks the accessor once per block, so the per-row loop has no
// virtual calls and no branches on the column kind.
//
// Also: StringColumnWriteBuffer (a WriteBuffer appending rows to a ColumnString, for results
// built with the text serialisers) and integerColumnValues (an integer argument as Int64).

#include <string>
#include <string_view>

#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_string.h"
#include "common/exception.h"
#include "io/write_buffer.h"
#include "types/block.h"
#include "types/data_type.h"

namespace tally {

/// Rows of a ColumnString.
struct StringRows {
  static constexpr bool is_const = false;
  const char* chars;
  const uint64_t* offsets;
  explicit StringRows(const ColumnString& c) : chars(c.getChars().data()), offsets(c.getOffsets().data()) {}
  size_t begin(size_t i) const { return i == 0 ? 0 : offsets[i - 1]; }
  std::string_view operator[](size_t i) const {
    size_t b = begin(i);
    return {chars + b, size_t(offsets[i] - b)};
  }
};

/// Rows of a ColumnFixedString (each exactly n bytes, zero padding included).
struct FixedStringRows {
  static constexpr bool is_const = false;
  const char* chars;
  size_t n;
  explicit FixedStringRows(const ColumnFixedString& c) : chars(c.getChars().data()), n(c.getN()) {}
  std::string_view operator[](size_t i) const { return {chars + i * n, n}; }
};

/// One value for every row (a ColumnConst of String or FixedString).
struct ConstStringRows {
  static constexpr bool is_const = true;
  std::string_view value;
  explicit ConstStringRows(std::string_view v) : value(v) {}
  std::string_view operator[](size_t) const { return value; }
};

/// Calls f(rows) with the accessor for `column` (String, FixedString or a constant of either);
/// throws ILLEGAL_COLUMN naming `function` for anything else.
template <typename F>
decltype(auto) visitStringRows(const Column& column, const std::string& function, F&& f) {
  switch (column.kind()) {
    case ColumnKind::String: return f(StringRows(static_cast<const ColumnString&>(column)));
    case ColumnKind::FixedString: return f(FixedStringRows(static_cast<const ColumnFixedString&>(column)));
    case ColumnKind::Const: {
      const auto& data = static_cast<const ColumnConst&>(column).getDataColumn();
      if (data.kind() == ColumnKind::String || data.kind() == ColumnKind::FixedString)
        return f(ConstStringRows(data.getDataAt(0)));
      break;
    }
    default: break;
  }
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of argument of function {}", column.familyName(),
                  function);
}

/// One argument of a variadic string function (concat, format, ...) as rows of bytes: String,
/// FixedString and constants as they are; any other type is first converted to its text form
/// (what toString gives). Reading a row is one switch on a kind fixed for the block.
class TextArgument {
 public:
  TextArgument(const ColumnWithTypeAndName& argument, size_t rows);
  bool isConst() const { return kind_ == Kind::Const; }
  std::string_view operator[](size_t i) const {
    switch (kind_) {
      case Kind::String: {
        size_t b = i == 0 ? 0 : offsets_[i - 1];
        return {chars_ + b, size_t(offsets_[i] - b)};
      }
      case Kind::Fixed: return {chars_ + i * n_, n_};
      case Kind::Const: break;
    }
    return {chars_, n_};
  }

 private:
  enum class Kind : uint8_t { String, Fixed, Const };
  Kind kind_ = Kind::Const;
  const char* chars_ = nullptr;
  const uint64_t* offsets_ = nullptr;
  size_t n_ = 0;
  ColumnPtr holder_;  // keeps a converted column alive
};

/// The column holding the value of argument i if it is constant: the data of a ColumnConst, or
/// the one-row column the executor passes when every argument of the call was constant;
/// nullptr otherwise.
const Column* constantArgumentData(const ColumnsWithTypeAndName& arguments, size_t i);
/// The value of a constant String/FixedString argument (throws ILLEGAL_COLUMN if not constant).
std::string_view constantStringArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t i);

/// True for String and FixedString (after the executor removed Nullable/LowCardinality).
inline bool isStringLike(const DataTypePtr& type) {
  return isStringOrFixedString(type);
}

/// Values of an integer (or Bool) argument as Int64, one conversion per block; a constant gives
/// `rows` copies. UInt64 values above INT64_MAX wrap, as ClickHouse's getInt does.
PODArray<Int64> integerColumnValues(const Column& column, const DataTypePtr& type, size_t rows);
/// Value of row 0 of an integer argument (for constants).
Int64 integerConstantValue(const Column& column);
bool isIntegerLike(const DataTypePtr& type);

/// A WriteBuffer that appends to the last row of a ColumnString; finishRow() ends the row.
/// Used where results come from the text serialisers (concat of non-strings, format, ...).
class StringColumnWriteBuffer : public WriteBuffer {
 public:
  explicit StringColumnWriteBuffer(ColumnString& column);
  ~StringColumnWriteBuffer() override;
  void finishRow();
  void finalize() override { commit(); }

 private:
  void nextImpl() override;
  void commit();
  ColumnString& column_;
};

}  // namespace tally
