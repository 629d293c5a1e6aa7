#include "formats/values_input.h"

#include <cstdint>

#include "common/exception.h"
#include "formats/row_input_format.h"
#include "io/read_helpers.h"

namespace tally {

namespace values_input {

ValuesExpressionEvaluator& evaluator() {
  static ValuesExpressionEvaluator instance;
  return instance;
}

class ValuesInputFormat final : public RowInputFormat {
 public:
  ValuesInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings)
      : RowInputFormat(in, header, settings) {}

 protected:
  bool readRow(MutableColumns& columns) override {
    skipWhitespaceIfAny(in_);
    if (in_.eof()) return false;
    if (*in_.position() == ';') {
      in_.setPosition(in_.position() + 1);
      skipWhitespaceIfAny(in_);
      if (in_.eof()) return false;
      throwExpectedBefore("end of data", in_);
    }
    expectChar('(', in_);
    size_t n = columns.size();
    for (size_t i = 0; i < n; ++i) {
      skipWhitespaceIfAny(in_);
      if (i) {
        expectChar(',', in_);
        skipWhitespaceIfAny(in_);
      }
      readValue(i, *columns[i]);
    }
    skipWhitespaceIfAny(in_);
    expectChar(')', in_);
    skipWhitespaceIfAny(in_);
    if (!in_.eof() && *in_.position() == ',') in_.setPosition(in_.position() + 1);
    return true;
  }

 private:
  void readValue(size_t index, Column& column) {
    const DataTypePtr& type = types()[index];
    char* start = in_.position();
    size_t start_window = windowKey();
    if (settings_.null_as_default && !type->isNullable() && !removeLowCardinality(type)->isNullable() &&
        checkStringCaseInsensitive("NULL", in_)) {
      if (atValueEnd()) {
        column.insertDefault();
        return;
      }
      in_.setPosition(start);
    }
    try {
      type->deserializeTextQuoted(column, in_, settings_);
      skipWhitespaceIfAny(in_);
      if (atValueEnd()) return;
      // Something follows the literal (e.g. "1 + 2"): treat the whole value as an expression.
      column.popBack(1);
    } catch (const Exception& e) {
      if (!isParseError(e.code())) throw;
      if (!canEvaluate(start_window)) throw;
    }
    if (!canEvaluate(start_window)) throwExpectedBefore(index + 1 < types().size() ? "," : ")", in_);
    in_.setPosition(start);
    std::string_view expression = scanExpression();
    column.insert(evaluator()(expression, type));
  }

  bool atValueEnd() {
    if (in_.eof()) return true;
    char c = *in_.position();
    return c == ',' || c == ')';
  }

  /// Identifies the buffer window (changes when the buffer is refilled).
  size_t windowKey() { return in_.offset() - size_t(reinterpret_cast<uintptr_t>(in_.position())); }

  /// Expressions are evaluated when allowed and the value started in the current window.
  bool canEvaluate(size_t start_window) {
    return settings_.values.interpret_expressions && evaluator() && windowKey() == start_window;
  }

  /// Text of the value starting at the current position up to the next ',' or ')' outside
  /// quotes and brackets (must lie in the buffer window).
  std::string_view scanExpression() {
    char* begin = in_.position();
    char* end = in_.bufferEnd();
    char* p = begin;
    int depth = 0;
    while (p < end) {
      char c = *p;
      if (c == '\'' || c == '"' || c == '`') {
        char quote = c;
        ++p;
        while (p < end && *p != quote) {
          if (*p == '\\') ++p;
          ++p;
        }
        if (p < end) ++p;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) break;
        --depth;
      }
      if (c == ',' && depth == 0) break;
      ++p;
    }
    if (p == end) throwExpectedBefore(")", in_);
    in_.setPosition(p);
    std::string_view text(begin, size_t(p - begin));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
      text.remove_suffix(1);
    return text;
  }
};

}  // namespace values_input

void setValuesExpressionEvaluator(ValuesExpressionEvaluator evaluator) {
  values_input::evaluator() = std::move(evaluator);
}

REGISTER_FORMAT(ValuesInput) {
  factory.registerInputFormat("Values", [](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
    return std::make_unique<values_input::ValuesInputFormat>(in, header, settings);
  });
}

}  // namespace tally
