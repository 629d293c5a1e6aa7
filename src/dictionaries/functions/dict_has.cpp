// dictHas('db.dict', key[, range_point]): 1 for keys present in the dictionary (and, for
// RANGE_HASHED, with a range containing the point), 0 otherwise.

#include "columns/column_vector.h"
#include "dictionaries/functions/dictionary_lookup.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace {

class FunctionDictHas final : public IFunction {
 public:
  explicit FunctionDictHas(const FunctionContext& context) : context_(&context) {}

  std::string getName() const override { return "dictHas"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0}; }
  bool isDeterministic() const override { return false; }
  bool useDefaultImplementationForNulls() const override { return false; }
  /// The result has the attribute's type, whatever the key's (LowCardinality keys are expanded).
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount("dictHas", args.size(), 2, 3);
    const std::string name = dictionaryNameArgument("dictHas", args, 0);
    auto structure = dictionaryStructureOf(*context_, name);
    checkKeyArguments("dictHas", *structure, 1, args[1].type, args.size() > 2 ? &args[2].type : nullptr);
    return typeUInt8();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t input_rows_count) const override {
    const std::string name = dictionaryNameArgument("dictHas", args, 0);
    DictionaryPtr dictionary = dictionaryRegistryOf(*context_, name).get(name, context_->current_database, context_->query_id);
    // The loaded version decides (it may have been replaced since the query was analysed).
    checkKeyArguments("dictHas", dictionary->structure(), 1, args[1].type, args.size() > 2 ? &args[2].type : nullptr);
    LookupKeys keys = lookupKeys(dictionary->structure(), args[1], args.size() > 2 ? &args[2] : nullptr, *context_);
    PODArray<UInt64> rows;
    findDictionaryRows(*dictionary, keys, rows);
    const uint64_t missing = dictionary->elementCount();
    auto res = ColumnUInt8::create(input_rows_count);
    auto& data = res->getData();
    for (size_t i = 0; i < input_rows_count; ++i) data[i] = rows[i] != missing;
    return res;
  }

 private:
  const FunctionContext* context_;
};

}  // namespace

REGISTER_FUNCTION(DictHas) {
  FunctionDocumentation doc;
  doc.description = "Checks whether a key is present in a dictionary.";
  doc.syntax = "dictHas('dict_name', id_expr[, range])";
  doc.category = "Dictionary";
  factory.registerFunction("dictHas", [](const FunctionContext& context) { return std::make_shared<FunctionDictHas>(context); }, doc);
}

}  // namespace tally
