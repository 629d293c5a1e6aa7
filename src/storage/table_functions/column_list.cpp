#include "storage/table_functions/column_list.h"

#include <cctype>
#include <optional>
#include <set>

#include "common/exception.h"
#include "types/data_type_factory.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace column_list {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

[[noreturn]] void syntaxError(std::string_view text, size_t pos, std::string_view expected) {
  std::string_view rest = pos < text.size() ? text.substr(pos) : std::string_view();
  throw Exception(ErrorCodes::SYNTAX_ERROR,
                  "Syntax error: failed at position {} ('{}') of columns list '{}': expected {}", pos + 1,
                  rest.substr(0, 20), text, expected);
}

/// Splits at commas outside brackets and quotes.
std::vector<std::pair<size_t, std::string_view>> splitTopLevel(std::string_view text) {
  std::vector<std::pair<size_t, std::string_view>> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '`' || c == '"') {
      for (++i; i < text.size() && text[i] != c; ++i)
        if (text[i] == '\\') ++i;
      if (i >= text.size()) syntaxError(text, start, "a closing quote");
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) syntaxError(text, i, "no unmatched ')'");
    } else if (c == ',' && depth == 0) {
      parts.emplace_back(start, text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0) syntaxError(text, text.size(), "')'");
  parts.emplace_back(start, text.substr(start));
  return parts;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool endsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  std::string_view tail = s.substr(s.size() - word.size());
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(tail[i])) != word[i]) return false;
  return s.size() == word.size() || !isWordChar(s[s.size() - word.size() - 1]);
}

ColumnDescription parseElement(std::string_view text, size_t offset, std::string_view element) {
  size_t pos = 0;
  while (pos < element.size() && isSpace(element[pos])) ++pos;
  if (pos == element.size()) syntaxError(text, offset + pos, "a column name");
  ColumnDescription column;
  char quote = element[pos];
  if (quote == '`' || quote == '"') {
    size_t i = pos + 1;
    for (; i < element.size() && element[i] != quote; ++i) {
      if (element[i] == '\\' && i + 1 < element.size()) ++i;
      column.name += element[i];
    }
    pos = i + 1;
  } else {
    size_t start = pos;
    while (pos < element.size() && isWordChar(element[pos])) ++pos;
    if (pos == start || std::isdigit(static_cast<unsigned char>(element[start])))
      syntaxError(text, offset + start, "a column name");
    column.name = std::string(element.substr(start, pos - start));
  }
  std::string_view type_text = trim(element.substr(std::min(pos, element.size())));
  if (type_text.empty()) syntaxError(text, offset + element.size(), "a data type after the column name");
  if (pos < element.size() && !isSpace(element[pos]) && quote != '`' && quote != '"')
    syntaxError(text, offset + pos, "whitespace after the column name");

  // NULL / NOT NULL modifiers.
  std::optional<bool> nullable;
  if (endsWithWord(type_text, "NULL")) {
    std::string_view before = trim(type_text.substr(0, type_text.size() - 4));
    if (endsWithWord(before, "NOT")) {
      nullable = false;
      type_text = trim(before.substr(0, before.size() - 3));
    } else {
      nullable = true;
      type_text = before;
    }
    if (type_text.empty()) syntaxError(text, offset + pos, "a data type");
  }
  column.type = DataTypeFactory::instance().get(type_text);
  if (nullable == true) column.type = makeNullable(column.type);
  return column;
}

}  // namespace column_list

ColumnsDescription parseColumnList(std::string_view text) {
  using namespace column_list;
  if (trim(text).empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Empty list of columns passed");
  ColumnsDescription result;
  std::set<std::string> names;
  for (const auto& [offset, element] : splitTopLevel(text)) {
    ColumnDescription column = parseElement(text, offset, element);
    if (!names.insert(column.name).second)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Column {} already exists", column.name);
    result.add(std::move(column));
  }
  return result;
}

bool tryParseColumnList(std::string_view text, ColumnsDescription& result) {
  try {
    result = parseColumnList(text);
    return true;
  } catch (const Exception&) {
    return false;
  }
}

}  // namespace tally
