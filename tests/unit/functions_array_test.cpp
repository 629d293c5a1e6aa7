// Array, higher-order (lambda) and tuple functions, checked against ClickHouse's results
// (18.16 reference server; functions added later against today's documented behaviour).

#include <functional>

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "common/arena.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/column_function.h"
#include "io/write_buffer.h"  // before function_test_util.h, which uses it
#include "function_test_util.h"
#include "io/read_buffer.h"
#include "types/data_type_array.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"

namespace tally::test {
namespace {

/// A column of `type` parsed from ClickHouse text forms ("[1,2]", "('a',1)", "NULL").
ColumnWithTypeAndName parsed(const std::string& type, const std::vector<std::string>& values) {
  DataTypePtr t = dataTypeFromString(type);
  auto c = t->createColumn();
  for (const auto& v : values) {
    ReadBufferFromMemory buf(v);
    t->deserializeWholeText(*c, buf, FormatSettings{});
  }
  return {c, t, "x"};
}

/// A constant of `type` parsed from text.
ColumnWithTypeAndName parsedConst(const std::string& type, const std::string& value, size_t rows = 1) {
  auto c = parsed(type, {value});
  return {ColumnConst::create(c.column, rows), c.type, "c"};
}

/// A lambda whose body computes each row from the Fields of its parameters (and captures).
class TestLambdaBody final : public LambdaBody {
 public:
  using Fn = std::function<Field(const std::vector<Field>&)>;
  TestLambdaBody(DataTypes params, DataTypePtr result, Fn fn)
      : params_(std::move(params)), result_(std::move(result)), fn_(std::move(fn)) {}
  ColumnPtr execute(const ColumnsWithTypeAndName& params, const ColumnsWithTypeAndName& captured,
                    size_t rows) const override {
    auto out = result_->createColumn();
    for (size_t r = 0; r < rows; ++r) {
      std::vector<Field> values;
      for (const auto& p : params) values.push_back((*p.column)[r]);
      for (const auto& c : captured) values.push_back((*c.column)[r]);
      out->insert(fn_(values));
    }
    return out;
  }
  const DataTypes& paramTypes() const override { return params_; }
  const DataTypePtr& resultType() const override { return result_; }

 private:
  DataTypes params_;
  DataTypePtr result_;
  Fn fn_;
};

ColumnWithTypeAndName lambda(size_t rows, const std::vector<std::string>& params, const std::string& result,
                             TestLambdaBody::Fn fn, ColumnsWithTypeAndName captured = {}) {
  DataTypes param_types;
  for (const auto& p : params) param_types.push_back(dataTypeFromString(p));
  DataTypePtr result_type = dataTypeFromString(result);
  auto body = std::make_shared<TestLambdaBody>(param_types, result_type, std::move(fn));
  return {std::make_shared<ColumnFunction>(rows, body, std::move(captured)),
          std::make_shared<DataTypeFunction>(param_types, result_type), "lambda"};
}

int64_t num(const Field& f) { return f.as<int64_t>(); }

void check(const std::string& function, const ColumnsWithTypeAndName& args, const std::string& type,
           const std::vector<std::string>& values) {
  SCOPED_TRACE(function);
  auto r = evaluate(function, args);
  EXPECT_EQ(r.type->name(), type);
  EXPECT_EQ(texts(r), values);
}

void expectError(const std::string& function, const ColumnsWithTypeAndName& args, int code) {
  SCOPED_TRACE(function);
  try {
    evaluate(function, args);
    ADD_FAILURE() << "no exception";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), code) << e.message();
  }
}

// ---------------------------------------------------------------- construction

TEST(ArrayConstruction, ArrayOfColumns) {
  check("array", {parsed("UInt8", {"1", "2"}), parsed("Float64", {"2.5", "3"})}, "Array(Float64)",
        {"[1,2.5]", "[2,3]"});
  check("array", {parsed("UInt8", {"1"}), parsed("Int8", {"-1"})}, "Array(Int16)", {"[1,-1]"});
  check("array", {parsed("UInt8", {"1"}), parsedConst("Nullable(Nothing)", "NULL")}, "Array(Nullable(UInt8))",
        {"[1,NULL]"});
  check("array", {parsed("String", {"a", "b"})}, "Array(String)", {"['a']", "['b']"});
  auto r = evaluate("array", {});
  EXPECT_EQ(r.type->name(), "Array(Nothing)");
}

TEST(ArrayConstruction, Range) {
  check("range", {parsed("UInt8", {"3", "0", "1"})}, "Array(UInt8)", {"[0,1,2]", "[]", "[0]"});
  check("range", {parsed("UInt64", {"2"})}, "Array(UInt64)", {"[0,1]"});
  check("range", {parsedConst("UInt8", "1"), parsed("UInt8", {"5"})}, "Array(UInt8)", {"[1,2,3,4]"});
  check("range", {parsed("Int8", {"-1"}), parsed("UInt8", {"5"}), parsed("UInt8", {"2"})}, "Array(Int16)", {"[-1,1,3]"});
  check("range", {parsed("UInt8", {"5"}), parsed("UInt8", {"1"}), parsed("Int8", {"-1"})}, "Array(Int16)", {"[5,4,3,2]"});
  check("range", {parsed("UInt8", {"5"}), parsed("UInt8", {"1"})}, "Array(UInt8)", {"[]"});
  expectError("range", {parsed("Float64", {"1"})}, ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  expectError("range", {parsed("UInt8", {"1"}), parsed("UInt8", {"5"}), parsed("UInt8", {"0"})},
              ErrorCodes::ARGUMENT_OUT_OF_BOUND);
}

TEST(ArrayConstruction, WithConstantAndEmpty) {
  check("arrayWithConstant", {parsed("UInt8", {"3", "0"}), parsedConst("String", "x", 2)}, "Array(String)",
        {"['x','x','x']", "[]"});
  check("emptyArrayString", {}, "Array(String)", {"[]"});
  check("emptyArrayToSingle", {parsed("Array(UInt8)", {"[]", "[1,2]"})}, "Array(UInt8)", {"[0]", "[1,2]"});
}

// ---------------------------------------------------------------- search

TEST(ArraySearch, HasIndexOfCountEqual) {
  auto arr = parsed("Array(UInt8)", {"[1,2,3]", "[]", "[3,3]"});
  check("has", {arr, parsedConst("UInt8", "3", 3)}, "UInt8", {"1", "0", "1"});
  check("indexOf", {arr, parsedConst("UInt8", "3", 3)}, "UInt64", {"3", "0", "1"});
  check("countEqual", {arr, parsedConst("UInt8", "3", 3)}, "UInt64", {"1", "0", "2"});
  check("has", {arr, parsed("UInt16", {"257", "1", "3"})}, "UInt8", {"0", "0", "1"});
  check("has", {arr, parsed("Int8", {"-1", "0", "3"})}, "UInt8", {"0", "0", "1"});
  check("indexOf", {arr, parsed("Float64", {"2", "1", "3.5"})}, "UInt64", {"2", "0", "0"});
  // Mixed number types compare after C++'s usual arithmetic conversions, as in ClickHouse.
  check("has", {parsed("Array(Int64)", {"[-1,5]"}), parsed("UInt64", {"18446744073709551615"})}, "UInt8", {"1"});
  check("has", {parsed("Array(Int32)", {"[-1]"}), parsed("UInt32", {"4294967295"})}, "UInt8", {"1"});
  check("has", {parsed("Array(Int8)", {"[-1]"}), parsed("UInt16", {"65535"})}, "UInt8", {"0"});
  check("has", {parsed("Array(Float32)", {"[16777217]"}), parsed("Int64", {"16777216"})}, "UInt8", {"1"});
  check("has", {parsed("Array(Enum8('a' = 1, 'b' = 2))", {"['b']"}), parsed("UInt8", {"2"})}, "UInt8", {"1"});
  // Constant array, column needle.
  check("has", {parsedConst("Array(String)", "['a','b']", 3), parsed("String", {"b", "c", "a"})}, "UInt8",
        {"1", "0", "1"});
}

TEST(ArraySearch, Nulls) {
  auto arr = parsed("Array(Nullable(UInt8))", {"[1,2,NULL]", "[1,2]", "[1,1,2,NULL,NULL]"});
  auto null = parsedConst("Nullable(Nothing)", "NULL", 3);
  check("has", {arr, null}, "UInt8", {"1", "0", "1"});
  check("indexOf", {arr, null}, "UInt64", {"3", "0", "4"});
  check("countEqual", {arr, null}, "UInt64", {"1", "0", "2"});
  check("countEqual", {arr, parsed("Nullable(UInt8)", {"1", "NULL", "1"})}, "UInt64", {"1", "0", "2"});
  // nan never equals nan.
  check("has", {parsed("Array(Float64)", {"[nan]"}), parsed("Float64", {"nan"})}, "UInt8", {"0"});
  check("has", {parsed("Array(Array(UInt8))", {"[[1,2],[3]]"}), parsed("Array(UInt8)", {"[3]"})}, "UInt8", {"1"});
  expectError("has", {parsed("Array(UInt8)", {"[1]"}), parsed("String", {"a"})}, ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(ArraySearch, HasAnyAllSubstr) {
  auto a = parsed("Array(UInt8)", {"[1,2]", "[1,2]", "[]"});
  check("hasAny", {a, parsed("Array(UInt8)", {"[2,3]", "[3]", "[]"})}, "UInt8", {"1", "0", "0"});
  check("hasAll", {a, parsed("Array(UInt8)", {"[2]", "[]", "[]"})}, "UInt8", {"1", "1", "1"});
  check("hasAll", {parsed("Array(Nullable(UInt8))", {"[1,NULL]"}), parsed("Array(Nullable(Nothing))", {"[NULL]"})},
        "UInt8", {"1"});
  check("hasAny", {parsed("Array(UInt8)", {"[1,2]"}), parsed("Array(Float64)", {"[2]"})}, "UInt8", {"1"});
  check("hasSubstr", {parsed("Array(UInt8)", {"[1,2,3,4]", "[1,2,3]", "[1]"}),
                      parsed("Array(UInt8)", {"[2,3]", "[3,2]", "[]"})},
        "UInt8", {"1", "0", "1"});
  expectError("hasAny", {parsed("Array(String)", {"['a']"}), parsed("Array(UInt8)", {"[1]"})}, ErrorCodes::NO_COMMON_TYPE);
}

// ---------------------------------------------------------------- element access and reshaping

TEST(ArrayElement, Indexes) {
  auto arr = parsed("Array(UInt8)", {"[1,2,3]", "[1,2,3]", "[1,2,3]", "[1,2,3]"});
  check("arrayElement", {arr, parsed("Int8", {"1", "-1", "4", "-4"})}, "UInt8", {"1", "3", "0", "0"});
  check("arrayElement", {arr, parsed("UInt64", {"2", "18446744073709551615", "0", "3"})}, "UInt8", {"2", "0", "0", "3"});
  check("arrayElement", {parsed("Array(String)", {"['a','b']"}), parsedConst("UInt8", "3")}, "String", {""});
  check("arrayElement", {parsed("Array(Nullable(UInt8))", {"[1,NULL]", "[1,NULL]"}), parsed("UInt8", {"1", "5"})},
        "Nullable(UInt8)", {"1", "NULL"});
  check("arrayElement", {parsed("Array(Array(UInt8))", {"[[1],[2,3]]"}), parsedConst("UInt8", "2")}, "Array(UInt8)",
        {"[2,3]"});
  check("arrayElement", {parsed("Array(UInt8)", {"[1,2]"}), parsedConst("Nullable(UInt8)", "1")}, "Nullable(UInt8)", {"1"});
  expectError("arrayElement", {arr, parsedConst("UInt8", "0", 4)}, ErrorCodes::ZERO_ARRAY_OR_TUPLE_INDEX);
  expectError("arrayElement", {arr, parsedConst("Float64", "1.5", 4)}, ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(ArrayReshape, Slice) {
  auto a = parsedConst("Array(UInt8)", "[1,2,3,4,5]");
  auto slice = [&](const std::string& offset, const std::string& length, const std::string& expected) {
    ColumnsWithTypeAndName args{parsed("Array(UInt8)", {"[1,2,3,4,5]"}), parsed("Int64", {offset})};
    if (!length.empty()) args.push_back(parsed("Int64", {length}));
    check("arraySlice", args, "Array(UInt8)", {expected});
  };
  slice("2", "", "[2,3,4,5]");
  slice("2", "2", "[2,3]");
  slice("-2", "", "[4,5]");
  slice("-4", "-1", "[2,3,4]");
  slice("0", "", "[]");
  slice("2", "-10", "[]");
  slice("10", "", "[]");
  slice("1", "0", "[]");
  slice("-1", "5", "[5]");
  slice("-10", "2", "[]");
  slice("-10", "9", "[1,2,3,4]");
  check("arraySlice", {parsed("Array(UInt8)", {"[1,2,3]"}), parsedConst("Nullable(Nothing)", "NULL")}, "Array(UInt8)",
        {"[1,2,3]"});
  check("arraySlice", {parsed("Array(UInt8)", {"[1,2,3]"}), parsedConst("UInt8", "2"), parsedConst("Nullable(Nothing)", "NULL")},
        "Array(UInt8)", {"[2,3]"});
}

TEST(ArrayReshape, PopPushReverseConcat) {
  auto a = parsed("Array(UInt8)", {"[1,2,3]", "[]"});
  check("arrayPopFront", {a}, "Array(UInt8)", {"[2,3]", "[]"});
  check("arrayPopBack", {a}, "Array(UInt8)", {"[1,2]", "[]"});
  check("arrayReverse", {a}, "Array(UInt8)", {"[3,2,1]", "[]"});
  check("arrayReverse", {parsed("Array(Nullable(String))", {"['a',NULL]"})}, "Array(Nullable(String))", {"[NULL,'a']"});
  check("arrayPushFront", {a, parsedConst("UInt8", "3", 2)}, "Array(UInt8)", {"[3,1,2,3]", "[3]"});
  check("arrayPushBack", {a, parsed("Float64", {"3.5", "1"})}, "Array(Float64)", {"[1,2,3,3.5]", "[1]"});
  check("arrayPushBack", {a, parsedConst("Nullable(Nothing)", "NULL", 2)}, "Array(Nullable(UInt8))",
        {"[1,2,3,NULL]", "[NULL]"});
  check("arrayPushBack", {a, parsed("Int8", {"-1", "-2"})}, "Array(Int16)", {"[1,2,3,-1]", "[-2]"});
  check("arrayConcat", {a, parsedConst("Array(Float64)", "[3.5]", 2)}, "Array(Float64)", {"[1,2,3,3.5]", "[3.5]"});
  check("arrayConcat", {parsed("Array(UInt8)", {"[1]"}), parsed("Array(Nullable(Nothing))", {"[NULL]"})},
        "Array(Nullable(UInt8))", {"[1,NULL]"});
  expectError("arrayConcat", {parsed("Array(UInt8)", {"[1]"}), parsed("Array(String)", {"['a']"})},
              ErrorCodes::NO_COMMON_TYPE);
}

TEST(ArrayReshape, Resize) {
  auto a = parsed("Array(UInt8)", {"[1,2]"});
  check("arrayResize", {a, parsedConst("UInt8", "4")}, "Array(UInt8)", {"[1,2,0,0]"});
  check("arrayResize", {a, parsedConst("UInt8", "4"), parsedConst("UInt8", "9")}, "Array(UInt8)", {"[1,2,9,9]"});
  check("arrayResize", {parsed("Array(UInt8)", {"[1,2,3]"}), parsedConst("UInt8", "1")}, "Array(UInt8)", {"[1]"});
  check("arrayResize", {a, parsedConst("Int8", "-1")}, "Array(UInt8)", {"[2]"});
  check("arrayResize", {a, parsedConst("Int8", "-4")}, "Array(UInt8)", {"[0,0,1,2]"});
  check("arrayResize", {a, parsedConst("Int8", "-4"), parsedConst("UInt8", "7")}, "Array(UInt8)", {"[7,7,1,2]"});
  check("arrayResize", {parsed("Array(Nullable(UInt8))", {"[NULL,1]"}), parsedConst("UInt8", "3")},
        "Array(Nullable(UInt8))", {"[NULL,1,NULL]"});
}

// ---------------------------------------------------------------- sorting, distinct, enumerate

TEST(ArraySort, PlainAndLambda) {
  check("arraySort", {parsed("Array(UInt8)", {"[3,1,2]"})}, "Array(UInt8)", {"[1,2,3]"});
  check("arrayReverseSort", {parsed("Array(UInt8)", {"[3,1,2]"})}, "Array(UInt8)", {"[3,2,1]"});
  check("arraySort", {parsed("Array(Nullable(Float64))", {"[nan,1,NULL,-inf,3]"})}, "Array(Nullable(Float64))",
        {"[-inf,1,3,nan,NULL]"});
  check("arrayReverseSort", {parsed("Array(Nullable(Float64))", {"[nan,1,NULL,-inf,3]"})}, "Array(Nullable(Float64))",
        {"[3,1,-inf,nan,NULL]"});
  check("arraySort", {parsed("Array(Float64)", {"[nan,1,-inf,3]"})}, "Array(Float64)", {"[-inf,1,3,nan]"});
  check("arrayReverseSort", {parsed("Array(Float64)", {"[nan,1,-inf,3]"})}, "Array(Float64)", {"[3,1,-inf,nan]"});
  check("arraySort", {parsed("Array(Nullable(String))", {"['b','a',NULL]"})}, "Array(Nullable(String))",
        {"['a','b',NULL]"});
  check("arraySort", {parsed("Array(Array(UInt8))", {"[[2],[1,2],[1]]"})}, "Array(Array(UInt8))", {"[[1],[1,2],[2]]"});
  auto neg = lambda(1, {"UInt8"}, "Int16", [](const std::vector<Field>& v) { return Field(-num(v[0])); });
  check("arraySort", {neg, parsed("Array(UInt8)", {"[3,1,2]"})}, "Array(UInt8)", {"[3,2,1]"});
  auto second = lambda(1, {"String", "UInt8"}, "UInt8", [](const std::vector<Field>& v) { return v[1]; });
  check("arraySort", {second, parsed("Array(String)", {"['a','b','c']"}), parsed("Array(UInt8)", {"[3,1,2]"})},
        "Array(String)", {"['b','c','a']"});
  check("arrayReverseSort", {second, parsed("Array(String)", {"['a','b','c']"}), parsed("Array(UInt8)", {"[1,3,2]"})},
        "Array(String)", {"['b','c','a']"});
}

TEST(ArrayUniq, DistinctUniqEnumerate) {
  check("arrayDistinct", {parsed("Array(Nullable(UInt8))", {"[1,1,NULL,2,NULL]", "[]"})}, "Array(UInt8)", {"[1,2]", "[]"});
  check("arrayDistinct", {parsed("Array(String)", {"['a','b','a']"})}, "Array(String)", {"['a','b']"});
  // Floats are keyed by their bits and compared with ==: 0 and -0 differ, every NaN is new.
  check("arrayDistinct", {parsed("Array(Float64)", {"[nan,nan,0,-0,0]"})}, "Array(Float64)", {"[nan,nan,0,-0]"});
  check("arrayEnumerateUniq", {parsed("Array(Float64)", {"[nan,nan,0,-0,0]"})}, "Array(UInt32)", {"[1,1,1,1,2]"});
  check("arrayDistinct", {parsed("Array(Array(UInt8))", {"[[1],[1],[2]]"})}, "Array(Array(UInt8))", {"[[1],[2]]"});
  check("arrayUniq", {parsed("Array(UInt8)", {"[1,1,2]", "[]"})}, "UInt32", {"2", "0"});
  check("arrayUniq", {parsed("Array(UInt8)", {"[1,1,2]"}), parsed("Array(UInt8)", {"[1,2,2]"})}, "UInt32", {"3"});
  check("arrayUniq", {parsed("Array(Nullable(UInt8))", {"[NULL,NULL,1]"})}, "UInt32", {"2"});
  check("arrayEnumerate", {parsed("Array(UInt8)", {"[5,6,7]", "[]"})}, "Array(UInt32)", {"[1,2,3]", "[]"});
  check("arrayEnumerateUniq", {parsed("Array(UInt8)", {"[1,1,2,1]"})}, "Array(UInt32)", {"[1,2,1,3]"});
  check("arrayEnumerateUniq", {parsed("Array(UInt8)", {"[1,1,2,1]"}), parsed("Array(UInt8)", {"[1,2,2,1]"})},
        "Array(UInt32)", {"[1,1,1,2]"});
  check("arrayEnumerateUniq", {parsed("Array(Nullable(UInt8))", {"[NULL,NULL,1]"})}, "Array(UInt32)", {"[1,2,1]"});
  check("arrayEnumerateDense", {parsed("Array(UInt8)", {"[10,20,10,30]"})}, "Array(UInt32)", {"[1,2,1,3]"});
  check("arrayEnumerateDense", {parsed("Array(Nullable(UInt8))", {"[NULL,1,NULL]"})}, "Array(UInt32)", {"[1,2,1]"});
  expectError("arrayUniq", {parsed("Array(UInt8)", {"[1]"}), parsed("Array(UInt8)", {"[1,2]"})},
              ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH);
}

// ---------------------------------------------------------------- cumulative and aggregation

TEST(ArrayCumulative, TypesAndValues) {
  check("arrayDifference", {parsed("Array(UInt8)", {"[1,2,4]", "[]", "[0,255]"})}, "Array(Int16)", {"[0,1,2]", "[]", "[0,255]"});
  check("arrayDifference", {parsed("Array(UInt16)", {"[1]"})}, "Array(Int32)", {"[0]"});
  check("arrayDifference", {parsed("Array(UInt32)", {"[1]"})}, "Array(Int64)", {"[0]"});
  check("arrayDifference", {parsed("Array(UInt64)", {"[0,18446744073709551615]"})}, "Array(Int64)", {"[0,-1]"});
  check("arrayDifference", {parsed("Array(Float32)", {"[1.5,1]"})}, "Array(Float64)", {"[0,-0.5]"});
  check("arrayCumSum", {parsed("Array(UInt8)", {"[1,2,3]"})}, "Array(UInt64)", {"[1,3,6]"});
  check("arrayCumSum", {parsed("Array(Int8)", {"[100,100]"})}, "Array(Int64)", {"[100,200]"});
  check("arrayCumSum", {parsed("Array(Int64)", {"[9223372036854775807,1]"})}, "Array(Int64)",
        {"[9223372036854775807,-9223372036854775808]"});
  check("arrayCumSumNonNegative", {parsed("Array(Int8)", {"[1,-3,2]", "[-1,5]"})}, "Array(Int64)", {"[1,0,2]", "[0,5]"});
  check("arrayCumSumNonNegative", {parsed("Array(UInt8)", {"[1]"})}, "Array(UInt64)", {"[1]"});
  check("arrayCumSumNonNegative", {parsed("Array(Float64)", {"[1.5,-3,2]"})}, "Array(Float64)", {"[1.5,0,2]"});
  auto twice = lambda(1, {"UInt8"}, "UInt16", [](const std::vector<Field>& v) { return Field(num(v[0]) * 2); });
  check("arrayCumSum", {twice, parsed("Array(UInt8)", {"[1,2,3]"})}, "Array(UInt64)", {"[2,6,12]"});
  expectError("arrayDifference", {parsed("Array(String)", {"['a']"})}, ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(ArrayAggregation, SumAvgMinMaxProduct) {
  auto a = parsed("Array(UInt8)", {"[1,2,3]", "[]"});
  check("arraySum", {a}, "UInt64", {"6", "0"});
  check("arraySum", {parsed("Array(Int8)", {"[-1]"})}, "Int64", {"-1"});
  check("arraySum", {parsed("Array(Float32)", {"[1.5,1]"})}, "Float64", {"2.5"});
  check("arrayAvg", {a}, "Float64", {"2", "0"});
  check("arrayProduct", {parsed("Array(Int8)", {"[1,-2,3,4]"})}, "Float64", {"-24"});
  check("arrayMin", {parsed("Array(Int8)", {"[5,3,-2,7]", "[]"})}, "Int8", {"-2", "0"});
  check("arrayMax", {parsed("Array(String)", {"['a','c','b']"})}, "String", {"c"});
  check("arrayMin", {parsed("Array(Float64)", {"[nan,2,1]"})}, "Float64", {"1"});
  check("arrayMax", {parsed("Array(Float64)", {"[nan,2,1]"})}, "Float64", {"2"});
  check("arrayMax", {parsed("Array(Nullable(UInt8))", {"[1,NULL,3]", "[]"})}, "Nullable(UInt8)", {"3", "NULL"});
  auto twice = lambda(1, {"UInt8"}, "UInt16", [](const std::vector<Field>& v) { return Field(num(v[0]) * 2); });
  check("arraySum", {twice, parsed("Array(UInt8)", {"[1,2]"})}, "UInt64", {"6"});
  auto div = lambda(1, {"UInt8", "UInt8"}, "Float64",
                    [](const std::vector<Field>& v) { return Field(double(num(v[0])) / double(num(v[1]))); });
  check("arrayMax", {div, parsed("Array(UInt8)", {"[4,8,12,16]"}), parsed("Array(UInt8)", {"[1,2,1,2]"})}, "Float64",
        {"12"});
  expectError("arraySum", {parsed("Array(String)", {"['a']"})}, ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

// ---------------------------------------------------------------- higher-order

TEST(HigherOrder, MapFilterCount) {
  auto arr = parsed("Array(UInt8)", {"[1,2,3]", "[]"});
  auto twice = lambda(2, {"UInt8"}, "UInt16", [](const std::vector<Field>& v) { return Field(num(v[0]) * 2); });
  check("arrayMap", {twice, arr}, "Array(UInt16)", {"[2,4,6]", "[]"});
  auto gt1 = lambda(2, {"UInt8"}, "UInt8", [](const std::vector<Field>& v) { return Field(uint64_t(num(v[0]) > 1)); });
  check("arrayFilter", {gt1, arr}, "Array(UInt8)", {"[2,3]", "[]"});
  check("arrayExists", {gt1, arr}, "UInt8", {"1", "0"});
  check("arrayAll", {gt1, arr}, "UInt8", {"0", "1"});
  check("arrayCount", {gt1, arr}, "UInt32", {"2", "0"});
  check("arrayCount", {parsed("Array(UInt8)", {"[1,0,1]"})}, "UInt32", {"2"});
  check("arrayExists", {parsed("Array(UInt8)", {"[0,0]"})}, "UInt8", {"0"});
  check("arrayAll", {parsed("Array(UInt8)", {"[]"})}, "UInt8", {"1"});
  auto plus = lambda(1, {"UInt8", "UInt8"}, "UInt16", [](const std::vector<Field>& v) { return Field(num(v[0]) + num(v[1])); });
  check("arrayMap", {plus, parsed("Array(UInt8)", {"[1,2]"}), parsed("Array(UInt8)", {"[3,4]"})}, "Array(UInt16)", {"[4,6]"});
  expectError("arrayMap", {plus, parsed("Array(UInt8)", {"[1,2]"}), parsed("Array(UInt8)", {"[3]"})},
              ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH);
  auto second = lambda(1, {"UInt8", "UInt8"}, "UInt8", [](const std::vector<Field>& v) { return v[1]; });
  check("arrayFilter", {second, parsed("Array(UInt8)", {"[1,2,3]"}), parsed("Array(UInt8)", {"[1,0,1]"})},
        "Array(UInt8)", {"[1,3]"});
  // A lambda giving NULL counts as false.
  auto maybe = lambda(1, {"UInt8"}, "Nullable(UInt8)", [](const std::vector<Field>& v) {
    return num(v[0]) == 2 ? Field() : Field(uint64_t(1));
  });
  check("arrayFilter", {maybe, parsed("Array(UInt8)", {"[1,2,3]"})}, "Array(UInt8)", {"[1,3]"});
  expectError("arrayFilter", {twice, arr}, ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  expectError("arrayMap", {arr}, ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
}

TEST(HigherOrder, CapturedValuesAreReplicated) {
  // x -> x + c where c is a column of the enclosing query: each element sees its row's c.
  auto c = parsed("UInt8", {"10", "20"});
  auto add = lambda(2, {"UInt8"}, "UInt16", [](const std::vector<Field>& v) { return Field(num(v[0]) + num(v[1])); },
                    {c});
  check("arrayMap", {add, parsed("Array(UInt8)", {"[1,2]", "[3]"})}, "Array(UInt16)", {"[11,12]", "[23]"});
}

TEST(HigherOrder, FirstLastSplitFill) {
  auto arr = parsed("Array(UInt8)", {"[1,2,3]", "[1]"});
  auto gt1 = lambda(2, {"UInt8"}, "UInt8", [](const std::vector<Field>& v) { return Field(uint64_t(num(v[0]) > 1)); });
  check("arrayFirst", {gt1, arr}, "UInt8", {"2", "0"});
  check("arrayLast", {gt1, arr}, "UInt8", {"3", "0"});
  check("arrayFirstIndex", {gt1, arr}, "UInt32", {"2", "0"});
  check("arrayLastIndex", {gt1, arr}, "UInt32", {"3", "0"});
  auto second = lambda(3, {"UInt8", "UInt8"}, "UInt8", [](const std::vector<Field>& v) { return v[1]; });
  auto values = parsed("Array(UInt8)", {"[1,2,3,4,5]", "[]", "[7]"});
  auto cuts = parsed("Array(UInt8)", {"[1,0,0,1,0]", "[]", "[1]"});
  check("arraySplit", {second, values, cuts}, "Array(Array(UInt8))", {"[[1,2,3],[4,5]]", "[]", "[[7]]"});
  check("arrayReverseSplit", {second, values, cuts}, "Array(Array(UInt8))", {"[[1],[2,3,4],[5]]", "[]", "[[7]]"});
  auto not_null = lambda(1, {"Nullable(UInt8)"}, "UInt8", [](const std::vector<Field>& v) { return Field(uint64_t(!v[0].isNull())); });
  auto holes = parsed("Array(Nullable(UInt8))", {"[1,NULL,3,11,12,NULL,NULL,5,6,14,NULL,NULL]"});
  check("arrayFill", {not_null, holes}, "Array(Nullable(UInt8))", {"[1,1,3,11,12,12,12,5,6,14,14,14]"});
  check("arrayReverseFill", {not_null, holes}, "Array(Nullable(UInt8))", {"[1,3,3,11,12,5,5,5,6,14,NULL,NULL]"});
}

TEST(ArrayFlatten, FlattenCompactZip) {
  check("arrayFlatten", {parsed("Array(Array(Array(UInt8)))", {"[[[1],[2,3]],[[4]]]", "[]", "[[],[[]]]"})},
        "Array(UInt8)", {"[1,2,3,4]", "[]", "[]"});
  check("flatten", {parsed("Array(Array(UInt8))", {"[[1,2],[3]]"})}, "Array(UInt8)", {"[1,2,3]"});
  check("arrayFlatten", {parsed("Array(UInt8)", {"[1,2]"})}, "Array(UInt8)", {"[1,2]"});
  check("arrayCompact", {parsed("Array(Float64)", {"[1,1,nan,nan,2,3,3,3]"})}, "Array(Float64)", {"[1,nan,nan,2,3]"});
  check("arrayCompact", {parsed("Array(Nullable(String))", {"['a','a',NULL,NULL,'b']"})}, "Array(Nullable(String))",
        {"['a',NULL,'b']"});
  check("arrayZip", {parsed("Array(String)", {"['a','b']"}), parsed("Array(UInt8)", {"[1,2]"})},
        "Array(Tuple(String, UInt8))", {"[('a',1),('b',2)]"});
  expectError("arrayZip", {parsed("Array(String)", {"['a']"}), parsed("Array(UInt8)", {"[1,2]"})},
              ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH);
}

// ---------------------------------------------------------------- arrayReduce

/// A test aggregate: the sum of its UInt64-convertible argument(s), with an optional
/// multiplier parameter, so arrayReduce is checked independently of the real aggregates.
struct TestSumState {
  int64_t sum = 0;
};

class TestSum final : public AggregateFunctionDataHelper<TestSumState, TestSum> {
 public:
  TestSum(const DataTypes& args, const Fields& params) : AggregateFunctionDataHelper(args, params) {
    multiplier_ = params.empty() ? 1 : params[0].as<int64_t>();
  }
  std::string getName() const override { return "testArraySum"; }
  DataTypePtr getReturnType() const override { return typeInt64(); }
  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    for (size_t i = 0; i < argument_types_.size(); ++i) data(place).sum += columns[i]->getInt(row) * multiplier_;
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override { data(place).sum += data(rhs).sum; }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    static_cast<ColumnInt64&>(to).insertValue(data(place).sum);
  }
  void serialize(ConstAggregateDataPtr, WriteBuffer&) const override {}
  void deserialize(AggregateDataPtr, ReadBuffer&, Arena*) const override {}

 private:
  int64_t multiplier_ = 1;
};

REGISTER_AGGREGATE_FUNCTION(TestArraySum) {
  factory.registerFunction("testArraySum", [](const std::string&, const DataTypes& args, const Fields& params) {
    return std::make_shared<TestSum>(args, params);
  });
}

TEST(ArrayReduce, RealAggregates) {
  if (!AggregateFunctionFactory::instance().isAggregateFunctionName("sum") ||
      !AggregateFunctionFactory::instance().isAggregateFunctionName("quantile"))
    GTEST_SKIP() << "aggregate functions not linked";
  check("arrayReduce", {parsedConst("String", "sum"), parsed("Array(UInt8)", {"[1,2,3]"})}, "UInt64", {"6"});
  check("arrayReduce", {parsedConst("String", "quantile(0.5)"), parsed("Array(UInt8)", {"[1,2,3,4]"})}, "Float64", {"2.5"});
  check("arrayReduce", {parsedConst("String", "sumIf"), parsed("Array(UInt8)", {"[1,2,3]"}), parsed("Array(UInt8)", {"[1,0,1]"})},
        "UInt64", {"4"});
  check("arrayReduce", {parsedConst("String", "groupArray"), parsed("Array(UInt8)", {"[1,2]"})}, "Array(UInt8)", {"[1,2]"});
  check("arrayReduce", {parsedConst("String", "avg"), parsed("Array(Nullable(UInt8))", {"[1,NULL,3]"})}, "Nullable(Float64)",
        {"2"});
}

TEST(ArrayReduce, UsesAggregateFunctions) {
  check("arrayReduce", {parsedConst("String", "testArraySum", 2), parsed("Array(UInt8)", {"[1,2,3]", "[]"})}, "Int64",
        {"6", "0"});
  check("arrayReduce", {parsedConst("String", "testArraySum(10)", 1), parsed("Array(UInt8)", {"[1,2]"})}, "Int64",
        {"30"});
  check("arrayReduce", {parsedConst("String", "testArraySum", 1), parsed("Array(UInt8)", {"[1,2]"}),
                        parsed("Array(Int8)", {"[-5,1]"})},
        "Int64", {"-1"});
  expectError("arrayReduce", {parsedConst("String", "testArraySum", 1), parsed("Array(UInt8)", {"[1,2]"}),
                              parsed("Array(Int8)", {"[1]"})},
              ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH);
  expectError("arrayReduce", {parsed("String", {"testArraySum"}), parsed("Array(UInt8)", {"[1]"})}, ErrorCodes::ILLEGAL_COLUMN);
}

// ---------------------------------------------------------------- tuples

TEST(Tuple, ConstructAndAccess) {
  check("tuple", {parsed("UInt8", {"1"}), parsed("String", {"a"})}, "Tuple(UInt8, String)", {"(1,'a')"});
  auto t = parsed("Tuple(UInt8, String)", {"(1,'a')", "(2,'b')"});
  check("tupleElement", {t, parsedConst("UInt8", "2", 2)}, "String", {"a", "b"});
  check("tupleElement", {t, parsedConst("UInt8", "1", 2)}, "UInt8", {"1", "2"});
  auto named = parsed("Tuple(x UInt8, y String)", {"(1,'a')"});
  check("tupleElement", {named, parsedConst("String", "y")}, "String", {"a"});
  check("tupleElement", {named, parsedConst("String", "z"), parsedConst("UInt32", "7")}, "UInt32", {"7"});
  check("tupleElement", {t, parsedConst("UInt8", "3", 2), parsedConst("String", "none", 2)}, "String", {"none", "none"});
  check("tupleElement", {parsed("Array(Tuple(UInt8, String))", {"[(1,'a'),(2,'b')]"}), parsedConst("UInt8", "2")},
        "Array(String)", {"['a','b']"});
  expectError("tupleElement", {t, parsedConst("UInt8", "3", 2)}, ErrorCodes::ILLEGAL_INDEX);
  expectError("tupleElement", {t, parsedConst("UInt8", "0", 2)}, ErrorCodes::ILLEGAL_INDEX);
  expectError("tupleElement", {named, parsedConst("String", "z")}, ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK);
}

}  // namespace
}  // namespace tally::test
