#pragma once
// What the dict* functions share: finding the query's dictionary registry, reading the
// dictionary-name and attribute arguments, and turning key (and range) arguments into the
// columns a Dictionary looks up (simple keys as UInt64, complex keys cast to the key types
// from a tuple or, for one key column, a plain value; range points as Int64).

#include <string>
#include <vector>

#include "dictionaries/dictionary_registry.h"
#include "functions/function.h"

namespace tally {

/// The engine's registry from FunctionContext::services (which the engine sets to its
/// DictionaryRegistry); throws BAD_ARGUMENTS "external dictionary 'name' not found" without one.
DictionaryRegistry& dictionaryRegistryOf(const FunctionContext& context, const std::string& dictionary_name);

/// The definition of dictionary `name` (resolved against the current database), after checking
/// that the query's user holds dictGet on it (FunctionContext::check_dict_get).
std::shared_ptr<const DictionaryStructure> dictionaryStructureOf(const FunctionContext& context, const std::string& name);

/// The constant dictionary name of argument i.
std::string dictionaryNameArgument(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);

/// Attribute indexes named by argument i: a constant String or a constant tuple/array of them.
/// `is_tuple` tells which. Throws BAD_ARGUMENTS for unknown attributes.
std::vector<size_t> attributeArguments(const std::string& function, const ColumnsWithTypeAndName& args, size_t i,
                                       const DictionaryStructure& structure, bool& is_tuple);

/// Checks the key (and range, may be null) argument types against the structure; throws
/// ILLEGAL_TYPE_OF_ARGUMENT / TYPE_MISMATCH like ClickHouse.
/// `key_position`: the key argument's index (for messages).
void checkKeyArguments(const std::string& function, const DictionaryStructure& structure, size_t key_position,
                       const DataTypePtr& key_type, const DataTypePtr* range_type);

/// NULL keys (or NULL range points) are looked up as absent keys. A single LowCardinality key
/// (alone or as the one element of a tuple) is looked up once per distinct code of the block:
/// `keys` then hold those codes' values and `row_codes` maps each row to its value there.
struct LookupKeys {
  Columns keys;
  ColumnPtr range;         // null unless RANGE_HASHED
  PODArray<UInt8> nulls;   // 1 where a key part or the range point is NULL; empty if none can be
  PODArray<uint32_t> row_codes;  // per row: index into keys (LowCardinality key); empty otherwise
};
LookupKeys lookupKeys(const DictionaryStructure& structure, const ColumnWithTypeAndName& key,
                      const ColumnWithTypeAndName* range, const FunctionContext& context);

/// Rows of `keys` in the dictionary (missing = elementCount()), counting the statistics.
void findDictionaryRows(const Dictionary& dictionary, const LookupKeys& keys, PODArray<UInt64>& rows);

}  // namespace tally
