// getSetting('name'): the current value of a setting (its own type: UInt64, Int64, Float64,
// Bool or String); UNKNOWN_SETTING for names tally does not know.

#include "common/settings.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace get_setting {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

class FunctionGetSetting final : public IFunction {
 public:
  explicit FunctionGetSetting(const Settings* settings) : settings_(settings) {}
  std::string getName() const override { return "getSetting"; }
  size_t getNumberOfArguments() const override { return 1; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0}; }

  Field value(const ColumnsWithTypeAndName& args, DataTypePtr& type) const {
    if (!isString(args[0].type) || !constantArgumentData(args, 0))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "The argument of function {} should be a constant string with "
                      "the name of a setting",
                      getName());
    std::string name(constantStringArgument(getName(), args, 0));
    static const Settings defaults;
    const Settings& s = settings_ ? *settings_ : defaults;
    std::string setting_type = "String";
    bool known = false;
    for (const auto& d : Settings::all()) {
      if (d.name == name) {
        setting_type = d.type;
        known = true;
        break;
      }
    }
    if (!known && !s.custom.count(name)) throw Exception(ErrorCodes::UNKNOWN_SETTING, "Unknown setting '{}'", name);
    Field v = s.get(name);
    if (setting_type == "UInt64")
      type = typeUInt64();
    else if (setting_type == "Int64")
      type = typeInt64();
    else if (setting_type == "Float64")
      type = typeFloat64();
    else if (setting_type == "Bool")
      type = typeBool();
    else
      type = typeString();
    return v;
  }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    DataTypePtr type;
    value(args, type);
    return type;
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    DataTypePtr type;
    Field v = value(args, type);
    return type->createColumnConst(rows, v);
  }

 private:
  const Settings* settings_;
};

}  // namespace get_setting

REGISTER_FUNCTION(GetSetting) {
  using namespace get_setting;
  factory.registerFunction(
      "getSetting",
      [](const FunctionContext& context) { return std::make_shared<FunctionGetSetting>(context.settings); },
      makeDoc("The current value of a setting.", "getSetting('name')", "Other"));
}

}  // namespace tally
