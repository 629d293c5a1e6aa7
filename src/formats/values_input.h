#pragma once
// Values input: rows "(v, v, ...)" separated by optional commas and whitespace, each value an
// SQL literal in its quoted form (numbers, 'strings', NULL, [arrays], (tuples)). Values that
// are not literals (expressions like 1 + 2 or now()) are handed to the evaluator installed by
// the query engine, when input_format_values_interpret_expressions is on; without one they are
// a parse error.

#include <functional>
#include <string_view>

#include "common/field.h"
#include "types/data_type.h"

namespace tally {

/// Evaluates the text of one SQL expression to a value of `type` (throws on failure).
using ValuesExpressionEvaluator = std::function<Field(std::string_view expression, const DataTypePtr& type)>;

/// Installs the evaluator (once, at start-up, by the library that can evaluate expressions).
void setValuesExpressionEvaluator(ValuesExpressionEvaluator evaluator);

}  // namespace tally
