#pragma once
// FunctionFactory: the registry of scalar functions. Each function registers itself from its
// own .cpp with REGISTER_FUNCTION, so adding a function touches that file and its test only.
//
//   REGISTER_FUNCTION(Lower) {
//     factory.registerFunction("lower", [](const FunctionContext&) { return std::make_shared<FunctionLower>(); },
//                              FunctionDocumentation{...}, FunctionFactory::CaseInsensitive);
//     factory.registerAlias("lcase", "lower", FunctionFactory::CaseInsensitive);
//   }
//
// Thread-safe after static initialisation (registration happens before main()).

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "functions/function.h"

namespace tally {

struct FunctionDocumentation {
  std::string description;
  std::string syntax;
  std::string arguments;
  std::string returned_value;
  std::string examples;
  std::string category;
};

class FunctionFactory {
 public:
  using Creator = std::function<FunctionPtr(const FunctionContext&)>;
  enum CaseSensitivity { CaseSensitive, CaseInsensitive };

  static FunctionFactory& instance();

  void registerFunction(const std::string& name, Creator creator, FunctionDocumentation doc = {},
                        CaseSensitivity case_sensitivity = CaseSensitive);
  void registerAlias(const std::string& alias, const std::string& target, CaseSensitivity case_sensitivity = CaseSensitive);

  /// The function named `name`; throws UNKNOWN_FUNCTION (46) with close-name hints.
  FunctionPtr get(const std::string& name, const FunctionContext& context) const;
  /// nullptr when unknown.
  FunctionPtr tryGet(const std::string& name, const FunctionContext& context) const;
  bool has(const std::string& name) const;
  /// Canonical name for a name or alias ("" if unknown).
  std::string canonicalName(const std::string& name) const;

  struct Entry {
    std::string name;
    bool case_insensitive = false;
    std::string alias_to;
    FunctionDocumentation doc;
  };
  /// Every function and alias, for system.functions.
  std::vector<Entry> entries() const;

 private:
  struct Registered {
    Creator creator;
    FunctionDocumentation doc;
    bool case_insensitive = false;
  };
  std::map<std::string, Registered> functions_;
  std::map<std::string, std::string> lower_names_;  // for case-insensitive lookup
  std::map<std::string, std::string> aliases_;
  std::map<std::string, std::string> lower_aliases_;
};

/// Close names for "Maybe you meant" hints (Levenshtein distance).
std::vector<std::string> closestNames(const std::string& name, const std::vector<std::string>& candidates, size_t limit = 2);

#define TALLY_CONCAT_IMPL(a, b) a##b
#define TALLY_CONCAT(a, b) TALLY_CONCAT_IMPL(a, b)
/// Defines a registration function run at static-initialisation time. The body sees `factory`.
#define REGISTER_FUNCTION(NAME)                                                             \
  static void TALLY_CONCAT(registerFunction, NAME)(::tally::FunctionFactory & factory);     \
  namespace {                                                                               \
  struct TALLY_CONCAT(FunctionRegistrar, NAME) {                                            \
    TALLY_CONCAT(FunctionRegistrar, NAME)() {                                               \
      TALLY_CONCAT(registerFunction, NAME)(::tally::FunctionFactory::instance());           \
    }                                                                                       \
  } TALLY_CONCAT(function_registrar_, NAME);                                                \
  }                                                                                         \
  static void TALLY_CONCAT(registerFunction, NAME)(::tally::FunctionFactory & factory)

}  // namespace tally
