#include "dictionaries/dictionary_structure.h"

#include <algorithm>
#include <map>

#include "common/exception.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"
#include "types/data_type_factory.h"

namespace tally {

namespace {

/// Parameters of SOURCE(X(key value ...)) / LAYOUT(X(...)) by upper-case key.
std::map<std::string, Field> keyValues(const ASTFunction& f) {
  std::map<std::string, Field> res;
  for (const auto& arg : f.args()) {
    if (arg->kind != ASTKind::Function) continue;
    const auto& pair = arg->as<ASTFunction>();
    if (pair.name != "equals" || pair.args().size() != 2) continue;  // nested function (replica(...))
    std::string key = upperCaseAscii(pair.args()[0]->as<ASTIdentifier>().name());
    const IAST& value = *pair.args()[1];
    if (value.kind == ASTKind::Literal) res[key] = value.as<ASTLiteral>().value;
    else if (value.kind == ASTKind::Identifier) res[key] = Field(value.as<ASTIdentifier>().name());
  }
  return res;
}

std::string stringParameter(const std::map<std::string, Field>& params, const std::string& key) {
  auto it = params.find(key);
  if (it == params.end()) return {};
  if (it->second.which() != Field::Which::String)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Dictionary source parameter {} must be a string", key);
  return it->second.get<std::string>();
}

DictionarySource sourceFromAST(const ASTPtr& ast, const std::string& database) {
  if (!ast) throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Cannot create dictionary with empty source");
  const auto& f = ast->as<ASTFunction>();
  auto params = keyValues(f);
  std::string kind = upperCaseAscii(f.name);
  DictionarySource s;
  if (kind == "CLICKHOUSE") {
    // HOST, PORT, USER, PASSWORD, SECURE, WHERE... name the local server here: accepted.
    s.query = stringParameter(params, "QUERY");
    s.table = stringParameter(params, "TABLE");
    s.database = stringParameter(params, "DB");
    if (s.database.empty()) s.database = database;
    if (!s.query.empty() && !s.table.empty())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Only one of 'query' and 'table' can be specified for a ClickHouse dictionary source");
    if (s.query.empty() && s.table.empty())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Either 'query' or 'table' must be specified for a ClickHouse dictionary source");
    s.kind = s.query.empty() ? DictionarySource::Kind::ClickHouseTable : DictionarySource::Kind::ClickHouseQuery;
    s.text = s.query.empty() ? "ClickHouse: " + s.database + "." + s.table : "ClickHouse: " + s.query;
    return s;
  }
  if (kind == "FILE") {
    s.kind = DictionarySource::Kind::File;
    s.path = stringParameter(params, "PATH");
    s.format = stringParameter(params, "FORMAT");
    if (s.path.empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Dictionary FILE source requires PATH");
    if (s.format.empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Dictionary FILE source requires FORMAT");
    s.text = "File: " + s.path + ", " + s.format;
    return s;
  }
  throw Exception(ErrorCodes::UNKNOWN_ELEMENT_IN_CONFIG, "Unknown dictionary source type: {}", f.name);
}

void layoutFromAST(const ASTPtr& ast, DictionaryStructure& d) {
  if (!ast) throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Cannot create dictionary with empty layout");
  const auto& f = ast->as<ASTFunction>();
  auto params = keyValues(f);
  std::string kind = upperCaseAscii(f.name);
  if (kind == "FLAT") {
    d.layout = DictionaryLayout::Flat;
    auto it = params.find("MAX_ARRAY_SIZE");
    if (it != params.end()) {
      if (it->second.which() != Field::Which::UInt64)
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "FLAT dictionary parameter max_array_size must be a non-negative integer");
      d.max_array_size = it->second.get<uint64_t>();
    }
  } else if (kind == "HASHED" || kind == "SPARSE_HASHED" || kind == "HASHED_ARRAY") {
    d.layout = DictionaryLayout::Hashed;
  } else if (kind == "COMPLEX_KEY_HASHED" || kind == "COMPLEX_KEY_SPARSE_HASHED" || kind == "COMPLEX_KEY_HASHED_ARRAY") {
    d.layout = DictionaryLayout::ComplexKeyHashed;
  } else if (kind == "RANGE_HASHED") {
    d.layout = DictionaryLayout::RangeHashed;
    std::string strategy = stringParameter(params, "RANGE_LOOKUP_STRATEGY");
    if (!strategy.empty() && strategy != "min" && strategy != "max")
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unknown range_lookup_strategy '{}', expected 'min' or 'max'", strategy);
    d.range_lookup_max = strategy == "max";
  } else {
    throw Exception(ErrorCodes::UNKNOWN_ELEMENT_IN_CONFIG, "Unknown dictionary layout type: {}", f.name);
  }
}

std::string rangeColumnName(const IAST& ast) {
  if (ast.kind != ASTKind::Identifier)
    throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "RANGE(MIN ... MAX ...) must name columns of the dictionary");
  return ast.as<ASTIdentifier>().name();
}

bool isIntegerLike(const DataTypePtr& type) {
  return type->isInteger() || isDateOrDate32(type) || isDateTimeOrDateTime64(type) || type->typeId() == TypeIndex::Bool;
}

}  // namespace

std::string upperCaseAscii(std::string s) {
  for (char& c : s) c = char(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

std::string DictionaryStructure::layoutName() const {
  switch (layout) {
    case DictionaryLayout::Flat: return "Flat";
    case DictionaryLayout::Hashed: return "Hashed";
    case DictionaryLayout::ComplexKeyHashed: return "ComplexKeyHashed";
    case DictionaryLayout::RangeHashed: return "RangeHashed";
  }
  return {};
}

int DictionaryStructure::attributeIndex(const std::string& attribute) const {
  for (size_t i = 0; i < attributes.size(); ++i)
    if (attributes[i].name == attribute) return int(i);
  return -1;
}

std::vector<DictionaryColumn> DictionaryStructure::allColumns() const {
  std::vector<DictionaryColumn> res = keys;
  if (range_min) res.push_back(*range_min);
  if (range_max) res.push_back(*range_max);
  res.insert(res.end(), attributes.begin(), attributes.end());
  return res;
}

std::string DictionaryStructure::loadQuery() const {
  auto columns = allColumns();
  std::string inner;
  switch (source.kind) {
    case DictionarySource::Kind::ClickHouseTable: {
      inner = "SELECT ";
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i) inner += ", ";
        if (columns[i].expression) inner += "(" + formatAST(*columns[i].expression) + ") AS ";
        inner += backQuote(columns[i].name);
      }
      inner += " FROM " + backQuote(source.database) + "." + backQuote(source.table);
      break;
    }
    case DictionarySource::Kind::ClickHouseQuery: inner = source.query; break;
    case DictionarySource::Kind::File: {
      std::string structure;
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i) structure += ", ";
        structure += backQuote(columns[i].name) + " " + columns[i].type->name();
      }
      inner = "SELECT * FROM file(" + quoteString(source.path) + ", " + quoteString(source.format) + ", " +
              quoteString(structure) + ")";
      break;
    }
  }
  std::string q = "SELECT ";
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) q += ", ";
    q += "CAST(" + backQuote(columns[i].name) + ", " + quoteString(columns[i].type->name()) + ") AS " + backQuote(columns[i].name);
  }
  return q + " FROM (" + inner + ")";
}

std::string DictionaryStructure::defaultsQuery() const {
  std::string q;
  for (const auto& a : attributes) {
    if (!a.default_value) continue;
    q += q.empty() ? "SELECT " : ", ";
    q += "CAST(" + formatAST(*a.default_value) + ", " + quoteString(a.type->name()) + ") AS " + backQuote(a.name);
  }
  return q;
}

DictionaryStructure dictionaryStructureFromAST(const ASTCreateQuery& create, const std::string& database) {
  if (!create.dictionary) throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Dictionary definition is missing");
  const auto& def = *create.dictionary;
  DictionaryStructure d;
  d.database = database;
  d.name = create.table;
  d.comment = create.comment;
  if (def.attributes.empty())
    throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Cannot create dictionary with empty attributes list");
  if (def.primary_key.empty())
    throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Cannot create dictionary with empty primary key");
  layoutFromAST(def.layout, d);
  d.source = sourceFromAST(def.source, database);
  d.lifetime_min = def.lifetime_min;
  d.lifetime_max = std::max(def.lifetime_min, def.lifetime_max);

  std::vector<DictionaryColumn> columns;
  for (const auto& a : def.attributes) {
    DictionaryColumn c;
    c.name = a.name;
    c.type = dataTypeFromString(a.type);
    c.default_value = a.default_value;
    c.expression = a.expression;
    c.hierarchical = a.hierarchical;
    c.injective = a.injective;
    for (const auto& other : columns)
      if (other.name == c.name)
        throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Dictionary attribute {} is declared twice", c.name);
    columns.push_back(std::move(c));
  }
  auto take = [&](const std::string& name, const char* what) {
    auto it = std::find_if(columns.begin(), columns.end(), [&](const DictionaryColumn& c) { return c.name == name; });
    if (it == columns.end())
      throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "Unknown {} column {} in dictionary {}", what, name, d.fullName());
    DictionaryColumn c = *it;
    columns.erase(it);
    return c;
  };
  for (const auto& k : def.primary_key) d.keys.push_back(take(k, "key"));
  if (def.range) {
    const auto& r = def.range->as<ASTFunction>().args();
    d.range_min = take(rangeColumnName(*r[0]), "range");
    d.range_max = take(rangeColumnName(*r[1]), "range");
    for (const auto* c : {&*d.range_min, &*d.range_max})
      if (!isIntegerLike(removeNullable(c->type)))
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "Range column {} of dictionary {} must be an integer, Date or DateTime, got {}",
                        c->name, d.fullName(), c->type->name());
  }
  d.attributes = std::move(columns);

  if (d.layout == DictionaryLayout::RangeHashed && !d.range_min)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Dictionary {} with layout range_hashed requires RANGE(MIN ... MAX ...)", d.fullName());
  if (d.layout != DictionaryLayout::RangeHashed && d.range_min)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "RANGE is only allowed for the range_hashed layout (dictionary {})", d.fullName());
  if (!d.isComplexKey()) {
    if (d.keys.size() != 1)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Layout {} of dictionary {} supports one key column; use complex_key_hashed for {}",
                      d.layoutName(), d.fullName(), d.keys.size());
    if (!d.keys[0].type->isInteger() || d.keys[0].type->isSigned())
      throw Exception(ErrorCodes::BAD_ARGUMENTS,
                      "Key {} of dictionary {} with a simple key layout must be UInt64 (got {}); use complex_key_hashed for other types",
                      d.keys[0].name, d.fullName(), d.keys[0].type->name());
  }
  for (const auto& k : d.keys)
    if (k.type->isNullable())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Key {} of dictionary {} cannot be Nullable", k.name, d.fullName());
  return d;
}

}  // namespace tally
