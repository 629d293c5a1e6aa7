#pragma once
// One remembered value of a column, the state of min/max/any/anyLast and of both halves of
// argMin/argMax. Three layouts:
//   SingleValueFixed<T>  — a ColumnVector<T> value (numbers, dates, enums, UUID) held inline;
//   SingleValueString    — String bytes, inline up to 48 bytes, else in the Arena;
//   SingleValueGeneric   — any other type, held in a one-row column (compared with compareAt);
// plus SingleValueRaw, a type-erased fixed-width value (up to 16 bytes) used for argMin/argMax
// results so that they need not be instantiated per result type.
//
// Binary forms follow ClickHouse: fixed: has-flag byte + raw value; String: Int32 size including
// a terminating zero (-1 = no value) + bytes + zero; generic: has-flag + the type's binary form.

#include <cstring>
#include <string_view>

#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/arena.h"
#include "functions/aggregate/state_io.h"
#include "types/data_type.h"

namespace tally {

/// What the data structures need to know about the value type (one per function).
struct SingleValueContext {
  DataTypePtr type;
  size_t fixed_size = 0;  // sizeOfValueIfFixed() of the type's column (SingleValueRaw)
};

template <typename T>
struct SingleValueFixed {
  bool has_value = false;
  T value{};

  static const T* values(const Column& c) { return static_cast<const ColumnVector<T>&>(c).getData().data(); }

  bool has() const { return has_value; }
  void set(const Column& c, size_t row, Arena*, const SingleValueContext&) {
    has_value = true;
    value = values(c)[row];
  }
  void setValue(T v) {
    has_value = true;
    value = v;
  }
  void setFrom(const SingleValueFixed& other, Arena*, const SingleValueContext&) {
    has_value = true;
    value = other.value;
  }
  /// column[row] < value (value must be set).
  bool greaterThanRow(const Column& c, size_t row) const { return values(c)[row] < value; }
  bool lessThanRow(const Column& c, size_t row) const { return value < values(c)[row]; }
  bool greaterThan(const SingleValueFixed& other) const { return other.value < value; }
  bool lessThan(const SingleValueFixed& other) const { return value < other.value; }

  void insertResultInto(Column& to, const SingleValueContext&) const {
    auto& data = static_cast<ColumnVector<T>&>(to).getData();
    data.push_back(has_value ? value : T{});
  }
  void write(WriteBuffer& out, const SingleValueContext&) const {
    out.write(char(has_value));
    if (has_value) writePodBinary(value, out);
  }
  void read(ReadBuffer& in, Arena*, const SingleValueContext&) {
    has_value = readPodBinary<char>(in) != 0;
    if (has_value) value = readPodBinary<T>(in);
  }
};

struct SingleValueString {
  static constexpr size_t kSmall = 48;
  int32_t size = -1;  // -1: no value
  uint32_t capacity = 0;
  char* large = nullptr;
  char small[kSmall];

  bool has() const { return size >= 0; }
  std::string_view view() const { return {size_t(size) <= kSmall ? small : large, size_t(size < 0 ? 0 : size)}; }

  void setView(std::string_view s, Arena* arena) {
    if (s.size() <= kSmall) {
      std::memcpy(small, s.data(), s.size());
    } else {
      if (s.size() > capacity) {
        capacity = uint32_t(s.size() * 2 > UINT32_MAX ? s.size() : s.size() * 2);
        large = arena->alloc(capacity, 1);
      }
      std::memcpy(large, s.data(), s.size());
    }
    size = int32_t(s.size());
  }
  void set(const Column& c, size_t row, Arena* arena, const SingleValueContext&) {
    setView(static_cast<const ColumnString&>(c).at(row), arena);
  }
  void setFrom(const SingleValueString& other, Arena* arena, const SingleValueContext&) { setView(other.view(), arena); }
  bool greaterThanRow(const Column& c, size_t row) const { return static_cast<const ColumnString&>(c).at(row) < view(); }
  bool lessThanRow(const Column& c, size_t row) const { return view() < static_cast<const ColumnString&>(c).at(row); }
  bool greaterThan(const SingleValueString& other) const { return other.view() < view(); }
  bool lessThan(const SingleValueString& other) const { return view() < other.view(); }

  void insertResultInto(Column& to, const SingleValueContext&) const {
    static_cast<ColumnString&>(to).insertData(view());
  }
  void write(WriteBuffer& out, const SingleValueContext&) const {
    if (!has()) {
      writePodBinary(int32_t(-1), out);
      return;
    }
    writePodBinary(int32_t(size + 1), out);
    out.write(view());
    out.write('\0');
  }
  void read(ReadBuffer& in, Arena* arena, const SingleValueContext&) {
    int32_t n = readPodBinary<int32_t>(in);
    if (n < 0) {
      size = -1;
      return;
    }
    if (n == 0) {  // tolerate a state without the terminating zero
      size = 0;
      return;
    }
    std::string bytes(size_t(n), '\0');
    in.readStrict(bytes.data(), bytes.size());
    setView(std::string_view(bytes.data(), bytes.size() - 1), arena);
  }
};

/// A value of any type in a one-row column.
struct SingleValueGeneric {
  MutableColumnPtr value;

  bool has() const { return value != nullptr; }
  void set(const Column& c, size_t row, Arena*, const SingleValueContext& ctx) {
    if (!value) value = ctx.type->createColumn();
    else value->popBack(1);
    value->insertFrom(c, row);
  }
  void setFrom(const SingleValueGeneric& other, Arena* arena, const SingleValueContext& ctx) {
    set(*other.value, 0, arena, ctx);
  }
  bool greaterThanRow(const Column& c, size_t row) const { return c.compareAt(row, 0, *value, 1) < 0; }
  bool lessThanRow(const Column& c, size_t row) const { return value->compareAt(0, row, c, 1) < 0; }
  bool greaterThan(const SingleValueGeneric& other) const { return other.value->compareAt(0, 0, *value, 1) < 0; }
  bool lessThan(const SingleValueGeneric& other) const { return value->compareAt(0, 0, *other.value, 1) < 0; }

  void insertResultInto(Column& to, const SingleValueContext&) const {
    if (value) to.insertFrom(*value, 0);
    else to.insertDefault();
  }
  void write(WriteBuffer& out, const SingleValueContext& ctx) const {
    out.write(char(has()));
    if (has()) ctx.type->serializeBinary(*value, 0, out);
  }
  void read(ReadBuffer& in, Arena*, const SingleValueContext& ctx) {
    value.reset();
    if (readPodBinary<char>(in)) {
      auto c = ctx.type->createColumn();
      ctx.type->deserializeBinary(*c, in);
      value = std::move(c);
    }
  }
};

/// A fixed-width value of any ColumnVector type, as raw bytes (argMin/argMax results only:
/// it is never compared).
struct SingleValueRaw {
  bool has_value = false;
  char bytes[16];

  bool has() const { return has_value; }
  void set(const Column& c, size_t row, Arena*, const SingleValueContext& ctx) {
    has_value = true;
    std::memcpy(bytes, c.getDataAt(row).data(), ctx.fixed_size);
  }
  void setFrom(const SingleValueRaw& other, Arena*, const SingleValueContext& ctx) {
    has_value = true;
    std::memcpy(bytes, other.bytes, ctx.fixed_size);
  }
  void insertResultInto(Column& to, const SingleValueContext& ctx) const {
    if (has_value) to.insertData(bytes, ctx.fixed_size);
    else to.insertDefault();
  }
  void write(WriteBuffer& out, const SingleValueContext& ctx) const {
    out.write(char(has_value));
    if (has_value) out.write(bytes, ctx.fixed_size);
  }
  void read(ReadBuffer& in, Arena*, const SingleValueContext& ctx) {
    has_value = readPodBinary<char>(in) != 0;
    if (has_value) in.readStrict(bytes, ctx.fixed_size);
  }
};

/// Calls f(TypeTag<Data>) with the SingleValue layout for values of `type`:
/// SingleValueFixed<T>, SingleValueString or SingleValueGeneric.
template <typename F>
void dispatchSingleValue(const DataTypePtr& type, F&& f);

}  // namespace tally

#include "functions/type_dispatch.h"

namespace tally {

template <typename F>
void dispatchSingleValue(const DataTypePtr& type, F&& f) {
  if (type->typeId() == TypeIndex::String) {
    f(TypeTag<SingleValueString>{});
    return;
  }
  bool fixed = dispatchColumnVector(type->typeId(), [&](auto tag) {
    using T = typename decltype(tag)::Type;
    f(TypeTag<SingleValueFixed<T>>{});
  });
  if (!fixed) f(TypeTag<SingleValueGeneric>{});
}

}  // namespace tally
