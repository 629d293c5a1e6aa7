#pragma once
// Helpers for unit tests of scalar functions: build argument columns from values, run a
// function through the same executor the engine uses, and read results back as text.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "columns/column_const.h"
#include "io/write_buffer.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "types/data_type_factory.h"

namespace tally::test {

/// A full column of `type` holding `values`.
inline ColumnWithTypeAndName column(const std::string& type, const std::vector<Field>& values,
                                   const std::string& name = "x") {
  DataTypePtr t = dataTypeFromString(type);
  auto c = t->createColumn();
  for (const auto& v : values) c->insert(v);
  return {c, t, name};
}

/// A constant column of `type` with `rows` copies of `value`.
inline ColumnWithTypeAndName constant(const std::string& type, const Field& value, size_t rows = 1) {
  DataTypePtr t = dataTypeFromString(type);
  return {t->createColumnConst(rows, value), t, "c"};
}

inline const FunctionContext& testContext() {
  static Settings settings;
  static FunctionContext context = [] {
    FunctionContext c;
    c.settings = &settings;
    return c;
  }();
  return context;
}

/// Result type and column of function `name` over `args` (rows = size of the first argument).
inline ColumnWithTypeAndName evaluate(const std::string& name, const ColumnsWithTypeAndName& args) {
  FunctionPtr f = FunctionFactory::instance().get(name, testContext());
  ColumnsWithTypeAndName for_type = args;
  for (auto& a : for_type)
    if (a.column && !a.column->isConst()) a.column = nullptr;  // analysis sees only constants
  DataTypePtr type = getFunctionReturnType(*f, for_type);
  size_t rows = args.empty() ? 1 : args[0].column->size();
  ColumnPtr result = executeFunction(*f, args, type, rows);
  return {result, type, name};
}

/// Values of a column as ClickHouse's plain text (what toString would give; NULL as "NULL").
inline std::vector<std::string> texts(const ColumnWithTypeAndName& c) {
  std::vector<std::string> out;
  ColumnPtr full = materialize(c.column);
  for (size_t i = 0; i < full->size(); ++i) {
    std::string s;
    WriteBufferFromString buf(s);
    c.type->serializeText(*full, i, buf, FormatSettings{});
    buf.finalize();
    out.push_back(s);
  }
  return out;
}

}  // namespace tally::test
