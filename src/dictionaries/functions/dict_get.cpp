// dictGet, dictGetOrDefault, dictGetOrNull and the typed forms (dictGetString, dictGetUInt64,
// ..., dictGetStringOrDefault, ...): attribute values of a dictionary for a column of keys.
//
//   dictGet('db.dict', 'attr' | ('a1', 'a2'), key[, range_point])
//   dictGetOrDefault('db.dict', 'attr', key[, range_point], default)
//
// A block is looked up once (key -> row numbers) and each attribute is then one permute of
// its stored column; keys that are absent get the attribute's DEFAULT (dictGet), the given
// default (OrDefault) or NULL (OrNull).

#include "columns/column_nullable.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "dictionaries/functions/dictionary_lookup.h"
#include "functions/conditional/row_selection.h"
#include "functions/conversion/cast.h"
#include "functions/function_factory.h"
#include "types/data_type_array.h"
#include "types/data_type_factory.h"

namespace tally {

namespace {

enum class Mode { Get, OrDefault, OrNull };

class FunctionDictGet final : public IFunction {
 public:
  FunctionDictGet(std::string name, Mode mode, std::string expected_type, const FunctionContext& context)
      : name_(std::move(name)), mode_(mode), expected_type_(std::move(expected_type)), context_(&context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0, 1}; }
  bool isDeterministic() const override { return false; }
  bool useDefaultImplementationForNulls() const override { return false; }
  /// The result has the attribute's type, whatever the key's (LowCardinality keys are expanded).
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    const size_t base = mode_ == Mode::OrDefault ? 4 : 3;
    checkArgumentCount(name_, args.size(), base, base + 1);
    Resolved r = resolve(args);
    if (mode_ == Mode::OrDefault) {
      const auto& default_type = args.back().type;
      if (r.is_tuple && removeNullable(default_type)->typeId() != TypeIndex::Tuple)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of default argument of function {}, expected a tuple",
                        default_type->name(), name_);
    }
    return resultType(r);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t input_rows_count) const override {
    const std::string name = dictionaryNameArgument(name_, args, 0);
    DictionaryPtr dictionary = dictionaryRegistryOf(*context_, name).get(name, context_->current_database, context_->query_id);
    // The loaded version decides; it must still give the type the query was analysed with.
    Resolved r = resolve(args, dictionary->structure());
    if (!resultType(r)->equals(*result_type))
      throw Exception(ErrorCodes::TYPE_MISMATCH, "Dictionary {} was replaced while the query ran: {} now returns {}, not {}", name,
                      name_, resultType(r)->name(), result_type->name());
    const ColumnWithTypeAndName* range = r.has_range ? &args[3] : nullptr;
    LookupKeys keys = lookupKeys(dictionary->structure(), args[2], range, *context_);
    PODArray<UInt64> rows;
    findDictionaryRows(*dictionary, keys, rows);
    const uint64_t missing = dictionary->elementCount();

    PODArray<UInt8> found;
    if (mode_ != Mode::Get) {
      found.resize(rows.size());
      for (size_t i = 0; i < rows.size(); ++i) found[i] = rows[i] != missing;
    }
    Columns defaults;
    if (mode_ == Mode::OrDefault) {
      const auto& d = args.back();
      ColumnPtr column = d.column->convertToFullColumnIfConst();
      if (r.is_tuple) {
        const auto& tuple = typedAs<ColumnTuple>(*column);
        const auto& types = static_cast<const DataTypeTuple&>(*d.type).getElements();
        if (types.size() != r.attributes.size())
          throw Exception(ErrorCodes::TYPE_MISMATCH, "Default tuple of function {} has {} elements, {} attributes requested", name_,
                          types.size(), r.attributes.size());
        for (size_t i = 0; i < types.size(); ++i) defaults.push_back(tuple.getColumnPtr(i));
      } else {
        defaults.push_back(column);
      }
      for (size_t i = 0; i < defaults.size(); ++i) {
        const DataTypePtr& from = r.is_tuple ? static_cast<const DataTypeTuple&>(*d.type).getElements()[i] : d.type;
        defaults[i] = castColumn({defaults[i], from, ""}, dictionary->structure().attributes[r.attributes[i]].type, *context_);
      }
    }

    Columns results;
    for (size_t i = 0; i < r.attributes.size(); ++i) {
      const size_t a = r.attributes[i];
      const DataTypePtr& type = dictionary->structure().attributes[a].type;
      ColumnPtr values = dictionary->attributeColumn(a)->permute(rows, 0);
      if (mode_ == Mode::OrDefault) {
        values = selectRows(found, values, defaults[i], type, input_rows_count);
      } else if (mode_ == Mode::OrNull) {
        auto null_map = ColumnUInt8::create(input_rows_count);
        auto& map = null_map->getData();
        if (const auto* nullable = tryTypedAs<ColumnNullable>(values.get())) {
          const auto& inner = nullable->getNullMapData();
          for (size_t row = 0; row < input_rows_count; ++row) map[row] = !found[row] || inner[row];
          values = nullable->getNestedColumnPtr();
        } else {
          for (size_t row = 0; row < input_rows_count; ++row) map[row] = !found[row];
        }
        values = ColumnNullable::create(values, ColumnPtr(null_map));
      }
      results.push_back(values);
    }
    if (!r.is_tuple) return results[0];
    return ColumnTuple::create(results, input_rows_count);
  }

 private:
  struct Resolved {
    std::shared_ptr<const DictionaryStructure> owner;  // keeps a registered definition alive
    const DictionaryStructure* structure = nullptr;
    std::vector<size_t> attributes;
    bool is_tuple = false;
    bool has_range = false;
  };

  /// The attribute type (a tuple of them), checked against the typed forms' expectation.
  DataTypePtr resultType(const Resolved& r) const {
    DataTypes types;
    for (size_t a : r.attributes) {
      DataTypePtr t = r.structure->attributes[a].type;
      if (!expected_type_.empty() && removeNullable(t)->name() != expected_type_ &&
          !(expected_type_ == "DateTime" && removeNullable(t)->familyName() == "DateTime"))
        throw Exception(ErrorCodes::TYPE_MISMATCH, "Type mismatch: attribute {} of dictionary {} has type {}, but {} expects {}",
                        r.structure->attributes[a].name, r.structure->fullName(), t->name(), name_, expected_type_);
      types.push_back(mode_ == Mode::OrNull ? makeNullable(t) : t);
    }
    return r.is_tuple ? std::make_shared<DataTypeTuple>(types) : types[0];
  }

  /// Dictionary, attributes and key checks against the registered definition.
  Resolved resolve(const ColumnsWithTypeAndName& args) const {
    const std::string name = dictionaryNameArgument(name_, args, 0);
    auto structure = dictionaryStructureOf(*context_, name);
    Resolved r = resolve(args, *structure);
    r.owner = std::move(structure);
    return r;
  }

  /// The same against `structure`, which the caller keeps alive.
  Resolved resolve(const ColumnsWithTypeAndName& args, const DictionaryStructure& structure) const {
    Resolved r;
    r.structure = &structure;
    r.attributes = attributeArguments(name_, args, 1, *r.structure, r.is_tuple);
    const size_t base = mode_ == Mode::OrDefault ? 4 : 3;
    r.has_range = args.size() > base;
    checkKeyArguments(name_, *r.structure, 2, args[2].type, r.has_range ? &args[3].type : nullptr);
    return r;
  }

  std::string name_;
  Mode mode_;
  std::string expected_type_;  // typed forms: the attribute type they require
  const FunctionContext* context_;
};

void registerDictGet(FunctionFactory& factory, const std::string& name, Mode mode, const std::string& expected_type,
                     const std::string& description) {
  FunctionDocumentation doc;
  doc.description = description;
  doc.category = "Dictionary";
  doc.syntax = name + (mode == Mode::OrDefault ? "('dict_name', attr_names, id_expr[, range], default_value_expr)"
                                               : "('dict_name', attr_names, id_expr[, range])");
  factory.registerFunction(
      name, [=](const FunctionContext& context) { return std::make_shared<FunctionDictGet>(name, mode, expected_type, context); }, doc);
}

}  // namespace

REGISTER_FUNCTION(DictGet) {
  registerDictGet(factory, "dictGet", Mode::Get, "", "Retrieves values from a dictionary; absent keys give the attribute's DEFAULT.");
  registerDictGet(factory, "dictGetOrDefault", Mode::OrDefault, "",
                  "Retrieves values from a dictionary; absent keys give the value of the last argument.");
  registerDictGet(factory, "dictGetOrNull", Mode::OrNull, "", "Retrieves values from a dictionary; absent keys give NULL.");
  for (const char* type : {"UInt8", "UInt16", "UInt32", "UInt64", "Int8", "Int16", "Int32", "Int64", "Float32", "Float64", "Date",
                           "DateTime", "UUID", "String", "IPv4", "IPv6"}) {
    registerDictGet(factory, std::string("dictGet") + type, Mode::Get, type,
                    std::string("Retrieves a ") + type + " attribute from a dictionary (the attribute must have that type).");
    registerDictGet(factory, std::string("dictGet") + type + "OrDefault", Mode::OrDefault, type,
                    std::string("Retrieves a ") + type + " attribute from a dictionary, or the last argument for absent keys.");
  }
}

}  // namespace tally
