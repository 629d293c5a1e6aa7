#pragma once
// DataTypeFactory: type names -> DataType objects. "Nullable(String)", "DateTime('UTC')",
// "Enum8('a' = 1, 'b' = 2)", "Tuple(a UInt8, b String)", "LowCardinality(String)", SQL aliases
// (INT, BIGINT, VARCHAR, DOUBLE, BOOLEAN, ...) and families registered by other libraries
// (AggregateFunction, SimpleAggregateFunction from the functions library).
// Thread-safe; unknown names throw UNKNOWN_TYPE (50), malformed ones SYNTAX_ERROR.

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "types/data_type.h"

namespace tally {

/// A parsed type expression: Name[(args)], a literal, `name Type` or `'x' = 1`.
struct TypeExpression {
  enum class Kind : uint8_t { Name, Literal, NamedElement, EnumValue };
  Kind kind = Kind::Name;
  std::string name;       // type/function name, element name, or enum value name
  Field literal;          // Literal value; EnumValue number
  bool has_parentheses = false;
  std::vector<TypeExpression> args;  // Name: its arguments; NamedElement: exactly the element type
  std::string text;       // the source text of this node
};

class DataTypeFactory {
 public:
  using Creator = std::function<DataTypePtr(const TypeExpression& expression)>;

  static DataTypeFactory& instance();

  /// The type named by `text`.
  DataTypePtr get(std::string_view text) const;
  DataTypePtr get(const TypeExpression& expression) const;
  /// Parses type text without building the type.
  static TypeExpression parse(std::string_view text);

  /// Registers a family: `creator` receives the whole expression (name + args).
  void registerFamily(const std::string& name, Creator creator, bool case_insensitive = false);
  /// Registers `alias` for `target` (e.g. "INT" -> "Int32").
  void registerAlias(const std::string& alias, const std::string& target, bool case_insensitive = true);

  /// Canonical family names (for system.data_type_families).
  std::vector<std::pair<std::string, bool>> families() const;
  std::vector<std::pair<std::string, std::string>> aliases() const;

 private:
  DataTypeFactory();
  const Creator* find(const std::string& name, std::string* canonical) const;

  std::map<std::string, Creator> families_;
  std::map<std::string, std::string> lower_families_;  // lower-case name -> canonical (case-insensitive ones)
  std::map<std::string, std::string> aliases_;         // exact alias -> target
  std::map<std::string, std::string> lower_aliases_;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, DataTypePtr> cache_;
};

/// Shorthand for DataTypeFactory::instance().get(text).
DataTypePtr dataTypeFromString(std::string_view text);

/// Registers a family at static-initialisation time (used by other libraries).
struct DataTypeFamilyRegistration {
  DataTypeFamilyRegistration(const std::string& name, DataTypeFactory::Creator creator, bool case_insensitive = false) {
    DataTypeFactory::instance().registerFamily(name, std::move(creator), case_insensitive);
  }
};

}  // namespace tally
