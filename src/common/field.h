#pragma once
// Field: one value of any type, used where values are few (literals, settings, parameters,
// constant folding, the slow generic paths of columns). Columns never store Fields.

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "common/numeric_types.h"

namespace tally {

class Field;
struct Null {
  bool operator==(const Null&) const { return true; }
};
struct FieldArray : std::vector<Field> {
  using std::vector<Field>::vector;
};
struct FieldTuple : std::vector<Field> {
  using std::vector<Field>::vector;
};
/// Opaque serialized state of an aggregate function (the value of AggregateFunction(...)).
struct AggregateStateField {
  std::string name;  // type name, e.g. "AggregateFunction(uniq, String)"
  std::string data;  // binary state
  bool operator==(const AggregateStateField& o) const { return name == o.name && data == o.data; }
};

class Field {
 public:
  enum class Which : uint8_t { Null, UInt64, Int64, Float64, UInt128, String, Array, Tuple, Bool, AggregateState };

  Field() : value_(Null{}) {}
  Field(Null) : value_(Null{}) {}
  Field(bool v) : value_(v) {}
  Field(uint64_t v) : value_(v) {}
  Field(unsigned v) : value_(uint64_t(v)) {}
  Field(unsigned long long v) : value_(uint64_t(v)) {}
  Field(int64_t v) : value_(v) {}
  Field(int v) : value_(int64_t(v)) {}
  Field(long long v) : value_(int64_t(v)) {}
  Field(double v) : value_(v) {}
  Field(UInt128 v) : value_(v) {}
  Field(std::string v) : value_(std::move(v)) {}
  Field(std::string_view v) : value_(std::string(v)) {}
  Field(const char* v) : value_(std::string(v)) {}
  Field(FieldArray v) : value_(std::move(v)) {}
  Field(FieldTuple v) : value_(std::move(v)) {}
  Field(AggregateStateField v) : value_(std::move(v)) {}

  Which which() const {
    switch (value_.index()) {
      case 0: return Which::Null;
      case 1: return Which::UInt64;
      case 2: return Which::Int64;
      case 3: return Which::Float64;
      case 4: return Which::UInt128;
      case 5: return Which::String;
      case 6: return Which::Array;
      case 7: return Which::Tuple;
      case 8: return Which::Bool;
      default: return Which::AggregateState;
    }
  }
  bool isNull() const { return value_.index() == 0; }

  template <typename T>
  const T& get() const { return std::get<T>(value_); }
  template <typename T>
  T& get() { return std::get<T>(value_); }
  template <typename T>
  bool is() const { return std::holds_alternative<T>(value_); }

  /// Numeric value converted to the requested C++ type (Bool, UInt64, Int64, Float64 sources).
  template <typename T>
  T as() const {
    switch (value_.index()) {
      case 1: return static_cast<T>(std::get<uint64_t>(value_));
      case 2: return static_cast<T>(std::get<int64_t>(value_));
      case 3: return static_cast<T>(std::get<double>(value_));
      case 8: return static_cast<T>(std::get<bool>(value_));
      default: return T{};
    }
  }

  bool operator==(const Field& o) const { return value_ == o.value_; }
  bool operator!=(const Field& o) const { return !(*this == o); }
  /// Total order used for sorting literal sets: by kind, then value.
  bool operator<(const Field& o) const;

  /// Debug form, e.g. "UInt64_1", "'a'", "[1, 2]".
  std::string dump() const;

 private:
  std::variant<Null, uint64_t, int64_t, double, UInt128, std::string, FieldArray, FieldTuple, bool,
               AggregateStateField>
      value_;
};

using Fields = std::vector<Field>;

}  // namespace tally
