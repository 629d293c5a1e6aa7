#include "common/field.h"

#include <fmt/format.h>

namespace tally {

bool Field::operator<(const Field& o) const {
  if (value_.index() != o.value_.index()) {
    // Compare numbers across kinds by value.
    bool a_num = which() == Which::UInt64 || which() == Which::Int64 || which() == Which::Float64;
    bool b_num = o.which() == Which::UInt64 || o.which() == Which::Int64 || o.which() == Which::Float64;
    if (a_num && b_num) {
      if (which() == Which::Float64 || o.which() == Which::Float64) return as<double>() < o.as<double>();
      if (which() == Which::Int64 && get<int64_t>() < 0) return true;
      if (o.which() == Which::Int64 && o.get<int64_t>() < 0) return false;
      return as<uint64_t>() < o.as<uint64_t>();
    }
    return value_.index() < o.value_.index();
  }
  switch (which()) {
    case Which::Null: return false;
    case Which::UInt64: return get<uint64_t>() < o.get<uint64_t>();
    case Which::Int64: return get<int64_t>() < o.get<int64_t>();
    case Which::Float64: return get<double>() < o.get<double>();
    case Which::UInt128: return get<UInt128>() < o.get<UInt128>();
    case Which::String: return get<std::string>() < o.get<std::string>();
    case Which::Bool: return get<bool>() < o.get<bool>();
    case Which::Array: {
      const auto& a = get<FieldArray>();
      const auto& b = o.get<FieldArray>();
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    }
    case Which::Tuple: {
      const auto& a = get<FieldTuple>();
      const auto& b = o.get<FieldTuple>();
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    }
    case Which::AggregateState: return get<AggregateStateField>().data < o.get<AggregateStateField>().data;
  }
  return false;
}

std::string Field::dump() const {
  switch (which()) {
    case Which::Null: return "NULL";
    case Which::UInt64: return fmt::format("UInt64_{}", get<uint64_t>());
    case Which::Int64: return fmt::format("Int64_{}", get<int64_t>());
    case Which::Float64: return fmt::format("Float64_{}", get<double>());
    case Which::UInt128: return fmt::format("UInt128_{}_{}", get<UInt128>().high, get<UInt128>().low);
    case Which::String: return fmt::format("'{}'", get<std::string>());
    case Which::Bool: return get<bool>() ? "true" : "false";
    case Which::Array:
    case Which::Tuple: {
      const auto& items = which() == Which::Array ? static_cast<const std::vector<Field>&>(get<FieldArray>())
                                                  : static_cast<const std::vector<Field>&>(get<FieldTuple>());
      std::string s = which() == Which::Array ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) s += ", ";
        s += items[i].dump();
      }
      s += which() == Which::Array ? "]" : ")";
      return s;
    }
    case Which::AggregateState: return "AggregateState";
  }
  return {};
}

}  // namespace tally
