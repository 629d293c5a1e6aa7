// if, multiIf, NULL functions, CASE, transform, greatest/least and the pass-through functions.

#include <gtest/gtest.h>

#include "io/write_buffer.h"  // WriteBufferFromString, used by function_test_util.h
#include "function_test_util.h"

namespace tally::test {
namespace {

using Strings = std::vector<std::string>;

std::string typeOf(const std::string& name, const ColumnsWithTypeAndName& a) { return evaluate(name, a).type->name(); }
Strings values(const std::string& name, const ColumnsWithTypeAndName& a) { return texts(evaluate(name, a)); }
ColumnWithTypeAndName null(size_t rows = 1) { return constant("Nullable(Nothing)", Field(), rows); }

TEST(Conditional, If) {
  EXPECT_EQ(typeOf("if", {column("UInt8", {1}), column("UInt8", {1}), column("Int8", {-1})}), "Int16");
  EXPECT_EQ(typeOf("if", {column("UInt8", {1}), null(), column("UInt8", {1})}), "Nullable(UInt8)");
  EXPECT_EQ(values("if", {column("UInt8", {1, 0, 2}), column("UInt8", {1, 2, 3}), column("Int8", {-1, -2, -3})}),
            (Strings{"1", "-2", "3"}));
  EXPECT_EQ(values("if", {column("UInt8", {1, 0}), constant("String", "yes", 2), constant("String", "no", 2)}),
            (Strings{"yes", "no"}));
  EXPECT_EQ(values("if", {column("Nullable(UInt8)", {Field(), 1}), constant("UInt8", 1, 2), constant("UInt8", 2, 2)}),
            (Strings{"2", "1"}));
  EXPECT_EQ(values("if", {null(2), constant("UInt8", 1, 2), constant("UInt8", 2, 2)}), (Strings{"2", "2"}));
  EXPECT_EQ(values("if", {column("UInt8", {0, 1}), null(2), column("UInt8", {5, 6})}), (Strings{"5", "NULL"}));
  EXPECT_EQ(values("if", {column("UInt8", {0, 1}), column("Array(UInt8)", {FieldArray{1}, FieldArray{2, 3}}),
                          column("Array(UInt8)", {FieldArray{}, FieldArray{4}})}),
            (Strings{"[]", "[2,3]"}));
  EXPECT_EQ(values("if", {column("UInt8", {0, 1}), column("Date", {Field(uint64_t(0)), Field(uint64_t(1))}),
                          column("DateTime('UTC')", {Field(uint64_t(5)), Field(uint64_t(6))})}),
            (Strings{"1970-01-01 00:00:05", "1970-01-02 00:00:00"}));
  EXPECT_EQ(values("if", {constant("UInt8", 1, 2), column("String", {"a", "b"}), column("String", {"c", "d"})}),
            (Strings{"a", "b"}));
}

TEST(Conditional, MultiIfAndCase) {
  EXPECT_EQ(typeOf("multiIf", {column("UInt8", {1}), column("UInt8", {1}), column("UInt8", {0}), column("UInt8", {2}),
                               column("UInt8", {3})}),
            "UInt8");
  EXPECT_EQ(values("multiIf", {column("UInt8", {1, 0, 0}), constant("String", "a", 3), column("UInt8", {1, 1, 0}),
                               constant("String", "b", 3), constant("String", "c", 3)}),
            (Strings{"a", "b", "c"}));
  EXPECT_EQ(values("caseWithExpression", {column("UInt8", {2, 3, 1}), constant("UInt8", 1, 3), constant("String", "a", 3),
                                          constant("UInt8", 2, 3), constant("String", "b", 3), constant("String", "c", 3)}),
            (Strings{"b", "c", "a"}));
  EXPECT_EQ(values("transform", {column("UInt8", {2, 5}), constant("Array(UInt8)", FieldArray{1, 2, 3}, 2),
                                 constant("Array(String)", FieldArray{"a", "b", "c"}, 2), constant("String", "z", 2)}),
            (Strings{"b", "z"}));
  EXPECT_EQ(values("transform", {column("UInt8", {5, 1}), constant("Array(UInt8)", FieldArray{1, 2}, 2),
                                 constant("Array(UInt8)", FieldArray{10, 20}, 2)}),
            (Strings{"5", "10"}));
  EXPECT_EQ(typeOf("transform", {column("UInt8", {5}), constant("Array(UInt8)", FieldArray{1, 2}),
                                 constant("Array(UInt8)", FieldArray{10, 20})}),
            "UInt8");
  EXPECT_EQ(typeOf("transform", {column("UInt8", {2}), constant("Array(UInt8)", FieldArray{1, 2}),
                                 constant("Array(UInt16)", FieldArray{1000, 2000}), constant("UInt8", 0)}),
            "UInt16");
  EXPECT_EQ(values("transform", {column("String", {"x", "q"}), constant("Array(String)", FieldArray{"x"}, 2),
                                 constant("Array(String)", FieldArray{"y"}, 2)}),
            (Strings{"y", "q"}));
}

TEST(Conditional, NullFunctions) {
  EXPECT_EQ(typeOf("ifNull", {null(), column("UInt8", {1})}), "UInt8");
  EXPECT_EQ(typeOf("ifNull", {column("Nullable(UInt8)", {1}), column("UInt8", {2})}), "UInt8");
  EXPECT_EQ(values("ifNull", {column("Nullable(UInt8)", {Field(), 3}), constant("UInt16", 300, 2)}),
            (Strings{"300", "3"}));
  EXPECT_EQ(typeOf("nullIf", {column("UInt8", {1}), column("UInt8", {1})}), "Nullable(UInt8)");
  EXPECT_EQ(values("nullIf", {column("UInt8", {1, 2}), constant("UInt8", 1, 2)}), (Strings{"NULL", "2"}));
  EXPECT_EQ(typeOf("coalesce", {null(), column("UInt8", {1})}), "UInt8");
  EXPECT_EQ(typeOf("coalesce", {column("Nullable(UInt8)", {1}), column("Nullable(UInt8)", {2})}), "Nullable(UInt8)");
  EXPECT_EQ(typeOf("coalesce", {column("Nullable(UInt8)", {1}), column("UInt8", {2})}), "UInt8");
  EXPECT_EQ(values("coalesce", {column("Nullable(UInt8)", {Field(), Field(), 1}),
                                column("Nullable(Int16)", {Field(), -2, 5})}),
            (Strings{"NULL", "-2", "1"}));
  EXPECT_EQ(values("coalesce", {column("Nullable(String)", {Field(), "a"}), constant("String", "z", 2)}),
            (Strings{"z", "a"}));
  EXPECT_EQ(typeOf("assumeNotNull", {column("Nullable(UInt8)", {1})}), "UInt8");
  EXPECT_EQ(values("assumeNotNull", {column("Nullable(UInt8)", {Field(), 4})}), (Strings{"0", "4"}));
  EXPECT_EQ(typeOf("toNullable", {column("UInt8", {1})}), "Nullable(UInt8)");
  EXPECT_EQ(values("isNull", {column("Nullable(UInt8)", {Field(), 1})}), (Strings{"1", "0"}));
  EXPECT_EQ(values("isNotNull", {column("Nullable(UInt8)", {Field(), 1})}), (Strings{"0", "1"}));
  EXPECT_EQ(values("isNull", {column("UInt8", {1})}), (Strings{"0"}));
  EXPECT_EQ(typeOf("isNull", {column("UInt8", {1})}), "UInt8");
  EXPECT_EQ(values("isZeroOrNull", {column("Nullable(Float64)", {Field(), 0.0, 2.0})}), (Strings{"1", "1", "0"}));
}

TEST(Conditional, GreatestLeast) {
  EXPECT_EQ(typeOf("greatest", {column("UInt8", {1}), column("Float64", {2.5})}), "Float64");
  EXPECT_EQ(typeOf("least", {column("UInt8", {1}), column("Int8", {-1})}), "Int16");
  EXPECT_EQ(typeOf("greatest", {column("UInt64", {1}), column("Int64", {2})}), "UInt64");
  EXPECT_EQ(typeOf("least", {column("UInt64", {1}), column("Int64", {2})}), "Int64");
  EXPECT_EQ(values("greatest", {column("UInt8", {1, 3}), column("Float64", {2.5, 2.5})}), (Strings{"2.5", "3"}));
  EXPECT_EQ(values("least", {column("UInt8", {1}), column("Int8", {-1})}), (Strings{"-1"}));
  EXPECT_EQ(values("greatest", {column("UInt64", {5}), column("Int64", {-1})}), (Strings{"5"}));
  EXPECT_EQ(values("least", {column("UInt64", {UINT64_MAX}), column("Int64", {-1})}), (Strings{"-1"}));
  EXPECT_EQ(values("greatest", {column("String", {"a", "c"}), constant("String", "b", 2)}), (Strings{"b", "c"}));
  EXPECT_EQ(values("least", {column("UInt8", {5, 1}), column("UInt16", {3, 9}), column("Int32", {4, -7})}),
            (Strings{"3", "-7"}));
  EXPECT_EQ(values("max2", {column("UInt8", {1}), column("Float64", {0.5})}), (Strings{"1"}));
  EXPECT_EQ(typeOf("min2", {column("UInt8", {1}), column("UInt8", {2})}), "Float64");
}

TEST(Conditional, PassThrough) {
  EXPECT_EQ(values("identity", {column("UInt8", {5})}), (Strings{"5"}));
  auto m = evaluate("materialize", {constant("UInt8", 1, 3)});
  EXPECT_FALSE(m.column->isConst());
  EXPECT_EQ(texts(m), (Strings{"1", "1", "1"}));
  auto ignored = evaluate("ignore", {column("UInt8", {1, 2}), column("String", {"a", "b"})});
  EXPECT_EQ(ignored.type->name(), "UInt8");
  EXPECT_EQ(texts(ignored), (Strings{"0", "0"}));
}

}  // namespace
}  // namespace tally::test
