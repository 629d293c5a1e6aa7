// String, FixedString, UUID and generic (compareAt) comparison kernels.

#include <cstring>

#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "functions/comparison/comparison_kernels.h"

namespace tally {

namespace comparison_other {

template <CompareOp op>
inline UInt8 fromMemcmp(int c) {
  if constexpr (op == CompareOp::Equals) return c == 0;
  else if constexpr (op == CompareOp::NotEquals) return c != 0;
  else if constexpr (op == CompareOp::Less) return c < 0;
  else return c <= 0;
}

inline int compareBytes(const char* a, size_t na, const char* b, size_t nb) {
  int c = std::memcmp(a, b, std::min(na, nb));
  if (c != 0) return c;
  return na < nb ? -1 : (na > nb ? 1 : 0);
}

/// Row accessor for the string-like columns.
struct StringRows {
  const ColumnString* string = nullptr;
  const ColumnFixedString* fixed = nullptr;
  std::string_view constant;
  bool is_const = false;

  explicit StringRows(const Column& column) {
    const Column* data = &column;
    if (column.isConst()) {
      is_const = true;
      constant = static_cast<const ColumnConst&>(column).getDataColumn().getDataAt(0);
      return;
    }
    if (data->kind() == ColumnKind::String) string = static_cast<const ColumnString*>(data);
    else fixed = static_cast<const ColumnFixedString*>(data);
  }
};

template <CompareOp op>
void compareStrings(const StringRows& a, const StringRows& b, UInt8* __restrict res, size_t rows) {
  // String with a constant: equality compares sizes first, then bytes.
  if (a.string && b.is_const) {
    const char* chars = a.string->getChars().data();
    const auto& offsets = a.string->getOffsets();
    const char* c = b.constant.data();
    size_t cn = b.constant.size();
    size_t prev = 0;
    if constexpr (op == CompareOp::Equals || op == CompareOp::NotEquals) {
      for (size_t i = 0; i < rows; ++i) {
        size_t end = offsets[i];
        bool eq = end - prev == cn && std::memcmp(chars + prev, c, cn) == 0;
        res[i] = op == CompareOp::Equals ? eq : !eq;
        prev = end;
      }
    } else {
      for (size_t i = 0; i < rows; ++i) {
        size_t end = offsets[i];
        res[i] = fromMemcmp<op>(compareBytes(chars + prev, end - prev, c, cn));
        prev = end;
      }
    }
    return;
  }
  if (a.string && b.string) {
    const char* ca = a.string->getChars().data();
    const char* cb = b.string->getChars().data();
    const auto& oa = a.string->getOffsets();
    const auto& ob = b.string->getOffsets();
    size_t pa = 0, pb = 0;
    for (size_t i = 0; i < rows; ++i) {
      size_t ea = oa[i], eb = ob[i];
      if constexpr (op == CompareOp::Equals || op == CompareOp::NotEquals) {
        bool eq = ea - pa == eb - pb && std::memcmp(ca + pa, cb + pb, ea - pa) == 0;
        res[i] = op == CompareOp::Equals ? eq : !eq;
      } else {
        res[i] = fromMemcmp<op>(compareBytes(ca + pa, ea - pa, cb + pb, eb - pb));
      }
      pa = ea;
      pb = eb;
    }
    return;
  }
  auto at = [](const StringRows& r, size_t i) -> std::string_view {
    if (r.is_const) return r.constant;
    if (r.string) return r.string->at(i);
    return r.fixed->at(i);
  };
  for (size_t i = 0; i < rows; ++i) {
    std::string_view x = at(a, i), y = at(b, i);
    res[i] = fromMemcmp<op>(compareBytes(x.data(), x.size(), y.data(), y.size()));
  }
}

template <CompareOp op>
void compareUUIDs(const Column& a, const Column& b, UInt8* res, size_t rows) {
  auto data = [](const Column& c) -> const UInt128* {
    const Column& d = c.isConst() ? static_cast<const ColumnConst&>(c).getDataColumn() : c;
    return static_cast<const ColumnUInt128&>(d).getData().data();
  };
  const UInt128* pa = data(a);
  const UInt128* pb = data(b);
  size_t sa = a.isConst() ? 0 : 1, sb = b.isConst() ? 0 : 1;
  for (size_t i = 0; i < rows; ++i) {
    const UInt128& x = pa[i * sa];
    const UInt128& y = pb[i * sb];
    if constexpr (op == CompareOp::Equals) res[i] = x == y;
    else if constexpr (op == CompareOp::NotEquals) res[i] = x != y;
    else if constexpr (op == CompareOp::Less) res[i] = x < y;
    else res[i] = x <= y;
  }
}

template <CompareOp op>
void compareGeneric(const Column& a, const Column& b, UInt8* res, size_t rows) {
  const Column& da = a.isConst() ? static_cast<const ColumnConst&>(a).getDataColumn() : a;
  const Column& db = b.isConst() ? static_cast<const ColumnConst&>(b).getDataColumn() : b;
  size_t sa = a.isConst() ? 0 : 1, sb = b.isConst() ? 0 : 1;
  for (size_t i = 0; i < rows; ++i) res[i] = fromMemcmp<op>(da.compareAt(i * sa, i * sb, db, 1));
}

template <template <CompareOp> class Kernel, typename... Args>
void withOp(CompareOp op, Args&&... args) {
  switch (op) {
    case CompareOp::Equals: Kernel<CompareOp::Equals>::run(args...); break;
    case CompareOp::NotEquals: Kernel<CompareOp::NotEquals>::run(args...); break;
    case CompareOp::Less: Kernel<CompareOp::Less>::run(args...); break;
    case CompareOp::LessOrEquals: Kernel<CompareOp::LessOrEquals>::run(args...); break;
  }
}

template <CompareOp op>
struct StringKernel {
  static void run(const Column& a, const Column& b, UInt8* res, size_t rows) {
    StringRows ra(a), rb(b);
    if (ra.is_const && !rb.is_const) {
      // Keep the constant on the right: flip the operation.
      constexpr CompareOp flipped = op;  // Equals/NotEquals are symmetric
      if constexpr (op == CompareOp::Equals || op == CompareOp::NotEquals) {
        compareStrings<flipped>(rb, ra, res, rows);
        return;
      }
    }
    compareStrings<op>(ra, rb, res, rows);
  }
};
template <CompareOp op>
struct UUIDKernel {
  static void run(const Column& a, const Column& b, UInt8* res, size_t rows) { compareUUIDs<op>(a, b, res, rows); }
};
template <CompareOp op>
struct GenericKernel {
  static void run(const Column& a, const Column& b, UInt8* res, size_t rows) { compareGeneric<op>(a, b, res, rows); }
};

}  // namespace comparison_other

void compareStringColumns(CompareOp op, const Column& a, const Column& b, UInt8* res, size_t rows) {
  comparison_other::withOp<comparison_other::StringKernel>(op, a, b, res, rows);
}
void compareUUIDColumns(CompareOp op, const Column& a, const Column& b, UInt8* res, size_t rows) {
  comparison_other::withOp<comparison_other::UUIDKernel>(op, a, b, res, rows);
}
void compareGenericColumns(CompareOp op, const Column& a, const Column& b, UInt8* res, size_t rows) {
  comparison_other::withOp<comparison_other::GenericKernel>(op, a, b, res, rows);
}

}  // namespace tally
