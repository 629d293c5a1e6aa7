// Schema readers (registerSchemaReader): the column names and types of an input, inferred from
// up to max_rows of it as ClickHouse does (see schema_inference.h). JSONEachRow and the
// JSONCompactEachRow family, CSV and TabSeparated families (columns c1, c2, ... unless the
// format has names; a first row of names, and a second of type names, is detected when
// input_format_csv/tsv_detect_header is on), and Values.

#include "common/exception.h"
#include "formats/csv_text.h"
#include "formats/format.h"
#include "formats/json_object_text.h"
#include "formats/row_input_format.h"
#include "formats/schema_inference.h"
#include "formats/tab_separated_text.h"
#include "io/read_helpers.h"
#include "types/data_type_factory.h"

namespace tally {

namespace schema_readers {

[[noreturn]] void throwEmpty(const char* format) {
  throw Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                  "The table structure cannot be extracted from a {} format file: the file is empty. You can specify "
                  "the structure manually",
                  format);
}

/// Columns in order of first appearance, with their merged types.
struct NamedTypes {
  std::vector<std::string> names;
  std::vector<InferredType> types;

  void add(const std::string& name, const InferredType& type) {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) {
        mergeInferredTypes(types[i], type);
        return;
      }
    names.push_back(name);
    types.push_back(type);
  }

  InferredSchema finish(bool unknown_as_string, size_t rows) const {
    InferredSchema schema;
    for (size_t i = 0; i < names.size(); ++i)
      schema.emplace_back(names[i], inferredToDataType(types[i], unknown_as_string, names[i], rows));
    return schema;
  }
};

InferredSchema readJSONEachRow(ReadBuffer& in, const FormatSettings& settings, size_t max_rows) {
  skipBOM(in);
  skipWhitespaceIfAny(in);
  bool in_array = checkChar('[', in);
  NamedTypes columns;
  size_t rows = 0;
  std::string text;
  std::vector<std::pair<std::string, InferredType>> fields;
  while (rows < max_rows) {
    skipWhitespaceIfAny(in);
    if (!in.eof() && *in.position() == ',') {
      in.setPosition(in.position() + 1);
      skipWhitespaceIfAny(in);
    }
    if (in.eof() || (in_array && *in.position() == ']')) break;
    if (*in.position() != '{') throwExpectedBefore("{", in);
    text.clear();
    readJSONObjectText(in, text);
    fields.clear();
    if (!inferJSONObjectFields(text, settings, fields))
      throw Exception(ErrorCodes::INCORRECT_DATA, "Cannot parse JSON object here: {}", text.substr(0, 160));
    for (const auto& [name, type] : fields) columns.add(name, type);
    ++rows;
  }
  if (rows == 0) throwEmpty("JSONEachRow");
  return columns.finish(true, rows);
}

InferredSchema readJSONCompactEachRow(ReadBuffer& in, const FormatSettings& settings, size_t max_rows, bool with_names,
                                      bool with_types) {
  skipBOM(in);
  std::string text;
  auto read_row = [&]() -> bool {
    skipWhitespaceIfAny(in);
    if (in.eof()) return false;
    if (*in.position() != '[') throwExpectedBefore("[", in);
    text.clear();
    readJSONObjectText(in, text);
    return true;
  };
  auto read_strings = [&](std::vector<std::string>& out) {
    if (!read_row()) throwEmpty("JSONCompactEachRow");
    ReadBufferFromMemory buf(text);
    assertChar('[', buf);
    skipWhitespaceIfAny(buf);
    if (checkChar(']', buf)) return;
    while (true) {
      skipWhitespaceIfAny(buf);
      std::string value;
      readJSONStringInto(value, buf);
      out.push_back(std::move(value));
      skipWhitespaceIfAny(buf);
      if (checkChar(']', buf)) return;
      assertChar(',', buf);
    }
  };
  std::vector<std::string> names, type_names;
  if (with_names) read_strings(names);
  if (with_types) {
    read_strings(type_names);
    InferredSchema schema;
    for (size_t i = 0; i < type_names.size(); ++i)
      schema.emplace_back(i < names.size() ? names[i] : "c" + std::to_string(i + 1), dataTypeFromString(type_names[i]));
    return schema;
  }
  std::vector<InferredType> columns;
  size_t rows = 0;
  while (rows < max_rows && read_row()) {
    std::vector<InferredType> elements;
    if (!inferJSONArrayElements(text, settings, elements))
      throw Exception(ErrorCodes::INCORRECT_DATA, "Cannot parse JSON array here: {}", text.substr(0, 160));
    if (rows == 0) columns.resize(elements.size());
    if (elements.size() != columns.size())
      throw Exception(ErrorCodes::INCORRECT_DATA, "Rows have different amount of values");
    for (size_t i = 0; i < elements.size(); ++i) mergeInferredTypes(columns[i], elements[i]);
    ++rows;
  }
  if (rows == 0 && names.empty()) throwEmpty("JSONCompactEachRow");
  NamedTypes result;
  for (size_t i = 0; i < std::max(columns.size(), names.size()); ++i)
    result.add(i < names.size() ? names[i] : "c" + std::to_string(i + 1), i < columns.size() ? columns[i] : InferredType{});
  return result.finish(true, rows);
}

/// A field of a delimited text row, before inference.
struct RawField {
  std::string text;
  bool quoted = false;
};
using TextRow = std::vector<RawField>;

bool readCSVRow(ReadBuffer& in, const FormatSettings& settings, TextRow& row) {
  row.clear();
  if (in.eof()) return false;
  char delimiter = settings.csv.delimiter;
  while (true) {
    skipCSVWhitespace(in, delimiter);
    RawField field;
    field.quoted = !in.eof() && (*in.position() == '"' || (settings.csv.allow_single_quotes && *in.position() == '\''));
    readCSVField(field.text, in, settings.csv);
    row.push_back(std::move(field));
    skipCSVWhitespace(in, delimiter);
    if (in.eof()) return true;
    char c = *in.position();
    in.setPosition(in.position() + 1);
    if (c == delimiter) {
      if (!in.eof() && (*in.position() == '\n' || *in.position() == '\r')) continue;  // empty last field
      continue;
    }
    if (c == '\r' && !in.eof() && *in.position() == '\n') in.setPosition(in.position() + 1);
    if (c == '\n' || c == '\r') return true;
    throw Exception(ErrorCodes::INCORRECT_DATA, "Cannot parse CSV row while reading the schema");
  }
}

bool readTSVRow(ReadBuffer& in, bool raw, TextRow& row) {
  row.clear();
  if (in.eof()) return false;
  while (true) {
    RawField field;
    if (raw)
      readRawTabSeparatedString(field.text, in);
    else
      readEscapedTabSeparatedString(field.text, in);
    row.push_back(std::move(field));
    if (in.eof()) return true;
    char c = *in.position();
    in.setPosition(in.position() + 1);
    if (c == '\n') return true;
  }
}

InferredType inferCSVField(const RawField& field, const FormatSettings& settings) {
  if (!field.quoted) {
    if (field.text.empty() || field.text == settings.csv.null_representation) return {};
    return inferTextScalar(field.text, settings, false);
  }
  InferredType literal;
  if (inferLiteral(field.text, settings, literal)) {
    bool number = literal.kind == InferredType::Kind::Int64 || literal.kind == InferredType::Kind::UInt64 ||
                  literal.kind == InferredType::Kind::Float64;
    if (number || !literal.known()) {
      InferredType s;
      s.kind = InferredType::Kind::String;
      return s;
    }
    return literal;
  }
  return inferStringContent(field.text, settings);
}

InferredType inferTSVField(const RawField& field, const FormatSettings& settings) {
  if (field.text.empty() || field.text == settings.tsv.null_representation) return {};
  InferredType scalar = inferTextScalar(field.text, settings, false);
  if (scalar.kind != InferredType::Kind::String) return scalar;
  InferredType literal;
  char first = field.text[0];
  if ((first == '[' || first == '(' || first == '\'') && inferLiteral(field.text, settings, literal) && literal.known())
    return literal;
  return scalar;
}

bool isStringLike(const InferredType& t) { return t.kind == InferredType::Kind::String; }

bool allValidTypeNames(const TextRow& row) {
  for (const auto& f : row) {
    try {
      dataTypeFromString(f.text);
    } catch (const Exception&) {
      return false;
    }
  }
  return !row.empty();
}

/// CSV and TabSeparated: rows of fields, names from the format's header or detected, types
/// inferred per column.
template <typename ReadRow, typename InferField>
InferredSchema readDelimited(ReadBuffer& in, const FormatSettings& settings, size_t max_rows, bool with_names,
                             bool with_types, bool detect_header, const char* format, ReadRow&& read_row,
                             InferField&& infer) {
  skipBOM(in);
  TextRow names_row, types_row, row;
  if (with_names && !read_row(names_row)) throwEmpty(format);
  if (with_types) {
    if (!read_row(types_row)) throwEmpty(format);
    InferredSchema schema;
    for (size_t i = 0; i < types_row.size(); ++i)
      schema.emplace_back(i < names_row.size() ? names_row[i].text : "c" + std::to_string(i + 1),
                          dataTypeFromString(types_row[i].text));
    return schema;
  }
  std::vector<TextRow> rows;
  while (rows.size() < max_rows + (detect_header && !with_names ? 1 : 0) && read_row(row)) rows.push_back(row);
  if (rows.empty() && !with_names) throwEmpty(format);

  auto infer_rows = [&](size_t first, std::vector<InferredType>& columns) {
    size_t width = first < rows.size() ? rows[first].size() : names_row.size();
    columns.assign(std::max(width, names_row.size()), InferredType{});
    for (size_t r = first; r < rows.size(); ++r) {
      if (rows[r].size() != width)
        throw Exception(ErrorCodes::INCORRECT_DATA,
                        "The number of values in row {} ({}) differs from the number of values in the first row ({})",
                        r + 1, rows[r].size(), width);
      for (size_t i = 0; i < width; ++i) mergeInferredTypes(columns[i], infer(rows[r][i]));
    }
  };

  std::vector<InferredType> columns;
  if (!with_names && detect_header && rows.size() >= 2) {
    bool first_all_strings = true;
    for (const auto& f : rows[0])
      if (!isStringLike(infer(f))) first_all_strings = false;
    if (first_all_strings && rows[1].size() == rows[0].size()) {
      if (allValidTypeNames(rows[1])) {
        InferredSchema schema;
        for (size_t i = 0; i < rows[0].size(); ++i)
          schema.emplace_back(rows[0][i].text, dataTypeFromString(rows[1][i].text));
        return schema;
      }
      infer_rows(1, columns);
      bool any_not_string = false;
      for (const auto& c : columns)
        if (c.known() && !isStringLike(c)) any_not_string = true;
      if (any_not_string) {
        names_row = rows[0];
        NamedTypes result;
        for (size_t i = 0; i < columns.size(); ++i) result.add(names_row[i].text, columns[i]);
        return result.finish(true, rows.size() - 1);
      }
    }
  }
  if (rows.size() > max_rows) rows.pop_back();
  infer_rows(0, columns);
  NamedTypes result;
  for (size_t i = 0; i < columns.size(); ++i)
    result.add(i < names_row.size() ? names_row[i].text : "c" + std::to_string(i + 1), columns[i]);
  return result.finish(true, rows.size());
}

InferredSchema readValues(ReadBuffer& in, const FormatSettings& settings, size_t max_rows) {
  std::vector<InferredType> columns;
  size_t rows = 0;
  std::string text;
  while (rows < max_rows) {
    skipWhitespaceIfAny(in);
    if (!in.eof() && (*in.position() == ',' || *in.position() == ';')) {
      in.setPosition(in.position() + 1);
      skipWhitespaceIfAny(in);
    }
    if (in.eof()) break;
    if (*in.position() != '(') throwExpectedBefore("(", in);
    // The row text up to its closing parenthesis (quotes respected).
    text.clear();
    int depth = 0;
    bool done = false;
    while (!done && !in.eof()) {
      char c = *in.position();
      in.setPosition(in.position() + 1);
      text += c;
      if (c == '\'') {
        while (!in.eof()) {
          char q = *in.position();
          in.setPosition(in.position() + 1);
          text += q;
          if (q == '\\' && !in.eof()) {
            text += *in.position();
            in.setPosition(in.position() + 1);
          } else if (q == '\'') {
            break;
          }
        }
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
        done = true;
      }
    }
    InferredType row;
    if (!inferLiteral(text, settings, row) || row.kind != InferredType::Kind::Tuple)
      throw Exception(ErrorCodes::INCORRECT_DATA, "Cannot infer the types of the Values row {}", text.substr(0, 160));
    if (rows == 0) columns.resize(row.children.size());
    if (row.children.size() != columns.size())
      throw Exception(ErrorCodes::INCORRECT_DATA, "Rows have different amount of values");
    for (size_t i = 0; i < columns.size(); ++i) mergeInferredTypes(columns[i], row.children[i]);
    ++rows;
  }
  if (rows == 0) throwEmpty("Values");
  NamedTypes result;
  for (size_t i = 0; i < columns.size(); ++i) result.add("c" + std::to_string(i + 1), columns[i]);
  return result.finish(false, rows);
}

}  // namespace schema_readers

REGISTER_FORMAT(SchemaReaders) {
  using namespace schema_readers;
  factory.registerSchemaReader("JSONEachRow", readJSONEachRow);
  for (int variant = 0; variant < 3; ++variant) {
    bool with_names = variant >= 1, with_types = variant == 2;
    std::string suffix = variant == 0 ? "" : (variant == 1 ? "WithNames" : "WithNamesAndTypes");
    factory.registerSchemaReader("JSONCompactEachRow" + suffix, [with_names, with_types](ReadBuffer& in,
                                                                                         const FormatSettings& s,
                                                                                         size_t max_rows) {
      return readJSONCompactEachRow(in, s, max_rows, with_names, with_types);
    });
    factory.registerSchemaReader("CSV" + suffix, [with_names, with_types](ReadBuffer& in, const FormatSettings& s,
                                                                         size_t max_rows) {
      return readDelimited(
          in, s, max_rows, with_names, with_types, s.csv.detect_header, "CSV",
          [&](TextRow& row) { return readCSVRow(in, s, row); }, [&](const RawField& f) { return inferCSVField(f, s); });
    });
    for (bool raw : {false, true}) {
      std::string name = std::string(raw ? "TabSeparatedRaw" : "TabSeparated") + suffix;
      factory.registerSchemaReader(name, [with_names, with_types, raw](ReadBuffer& in, const FormatSettings& s,
                                                                       size_t max_rows) {
        return readDelimited(
            in, s, max_rows, with_names, with_types, s.tsv.detect_header, "TSV",
            [&](TextRow& row) { return readTSVRow(in, raw, row); }, [&](const RawField& f) { return inferTSVField(f, s); });
      });
    }
  }
  factory.registerSchemaReader("Values", readValues);
}

}  // namespace tally
