// toIntervalNanosecond ... toIntervalYear: a number (or its text) as an Interval value, the type
// `INTERVAL n UNIT` becomes. The count converts like toInt64 (floats truncate).

#include "functions/datetime/date_time_transform.h"
#include "types/data_type_number.h"

namespace tally {

namespace intervals {

using namespace datetime;

class FunctionToInterval final : public IFunction {
 public:
  FunctionToInterval(IntervalKind kind, const FunctionContext& context)
      : kind_(kind), name_("toInterval" + intervalKindName(kind)), context_(&context) {}

  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    const DataTypePtr& t = args[0].type;
    if (!isNumber(t) && !isStringOrFixedString(t) && t->typeId() != TypeIndex::Bool)
      throwIllegalType(name_, 0, t, "a number or a string");
    return std::make_shared<DataTypeInterval>(kind_);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    FunctionPtr to_int64 = FunctionFactory::instance().get("toInt64", *context_);
    return executeFunction(*to_int64, args, typeInt64(), rows);
  }

 private:
  IntervalKind kind_;
  std::string name_;
  const FunctionContext* context_;
};

}  // namespace intervals

REGISTER_FUNCTION(Intervals) {
  using namespace intervals;
  for (IntervalKind kind : {IntervalKind::Nanosecond, IntervalKind::Microsecond, IntervalKind::Millisecond,
                            IntervalKind::Second, IntervalKind::Minute, IntervalKind::Hour, IntervalKind::Day,
                            IntervalKind::Week, IntervalKind::Month, IntervalKind::Quarter, IntervalKind::Year}) {
    std::string name = "toInterval" + intervalKindName(kind);
    factory.registerFunction(
        name, [kind](const FunctionContext& context) { return std::make_shared<FunctionToInterval>(kind, context); },
        dateTimeDoc("Converts a number to an Interval value of the named unit.", (name + "(number)").c_str()));
  }
}

}  // namespace tally
