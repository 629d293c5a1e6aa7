// reinterpretAs<Type>(x): the bytes of x (little-endian, as ClickHouse lays values out in memory)
// read as another type — numbers, Date, DateTime, UUID, String (trailing zero bytes dropped) or
// FixedString(sizeof x).

#include <cstring>

#include "columns/column_fixed_string.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_date.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace reinterpret_detail {

/// Sources that can be read as a number (ClickHouse: integers, floats, Date, DateTime, DateTime64, UUID).
bool isNumericSource(TypeIndex id) {
  switch (id) {
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
    case TypeIndex::Float32: case TypeIndex::Float64: case TypeIndex::Bool: case TypeIndex::Date:
    case TypeIndex::DateTime: case TypeIndex::DateTime64: case TypeIndex::UUID: return true;
    default: return false;
  }
}

/// Sources with a fixed-size value in contiguous memory.
bool isFixedSizeSource(TypeIndex id) {
  return isNumericSource(id) || id == TypeIndex::Date32 || id == TypeIndex::Enum8 || id == TypeIndex::Enum16 ||
         id == TypeIndex::FixedString;
}

/// A UUID's 16 bytes in ClickHouse's layout: the first half of its text form first, each half little-endian.
inline void uuidBytes(const UInt128& uuid, char* out) {
  std::memcpy(out, &uuid.high, 8);
  std::memcpy(out + 8, &uuid.low, 8);
}
inline UInt128 uuidFromBytes(const char* in) {
  UInt128 uuid;
  std::memcpy(&uuid.high, in, 8);
  std::memcpy(&uuid.low, in + 8, 8);
  return uuid;
}

/// Calls f(bytes) for every row of a full column of `type` with its value's bytes.
template <typename F>
void forEachRowBytes(const Column& column, const DataType& type, F&& f) {
  size_t n = column.size();
  if (column.kind() == ColumnKind::String) {
    const auto& strings = static_cast<const ColumnString&>(column);
    for (size_t i = 0; i < n; ++i) f(strings.at(i));
    return;
  }
  if (column.kind() == ColumnKind::FixedString) {
    const auto& fixed = static_cast<const ColumnFixedString&>(column);
    for (size_t i = 0; i < n; ++i) f(fixed.at(i));
    return;
  }
  if (type.typeId() == TypeIndex::UUID) {
    const auto& data = static_cast<const ColumnUInt128&>(column).getData();
    char buf[16];
    for (size_t i = 0; i < n; ++i) {
      uuidBytes(data[i], buf);
      f(std::string_view(buf, 16));
    }
    return;
  }
  size_t width = column.sizeOfValueIfFixed();
  const char* base = n ? column.getDataAt(0).data() : nullptr;
  for (size_t i = 0; i < n; ++i) f(std::string_view(base + i * width, width));
}

class FunctionReinterpretAs final : public IFunction {
 public:
  FunctionReinterpretAs(std::string name, DataTypePtr target) : name_(std::move(name)), target_(std::move(target)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const DataTypePtr& from = arguments[0].type;
    TypeIndex id = from->typeId();
    if (!target_) {
      if (!isFixedSizeSource(id))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Cannot reinterpret {} as FixedString because it is not fixed size and contiguous in memory",
                        from->name());
      size_t size = id == TypeIndex::FixedString ? static_cast<const DataTypeFixedString&>(*from).getN()
                                                 : from->sizeOfValueInMemory();
      return std::make_shared<DataTypeFixedString>(size);
    }
    if (target_->typeId() == TypeIndex::String) {
      if (!isFixedSizeSource(id) && id != TypeIndex::String)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Cannot reinterpret {} as String because it is not contiguous in memory", from->name());
      return target_;
    }
    if (!isNumericSource(id) && id != TypeIndex::String && id != TypeIndex::FixedString)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Cannot reinterpret {} as {} because only Numeric, String or FixedString can be reinterpreted in "
                      "Numeric",
                      from->name(), target_->name());
    return target_;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t input_rows_count) const override {
    const Column& src = *arguments[0].column;
    const DataType& from = *arguments[0].type;
    if (from.equals(*result_type)) return arguments[0].column;

    if (result_type->typeId() == TypeIndex::FixedString) {
      size_t n = static_cast<const DataTypeFixedString&>(*result_type).getN();
      auto res = ColumnFixedString::create(n);
      auto& chars = res->getChars();
      chars.resizeFill(input_rows_count * n, 0);
      size_t row = 0;
      forEachRowBytes(src, from, [&](std::string_view bytes) {
        std::memcpy(chars.data() + row++ * n, bytes.data(), std::min(n, bytes.size()));
      });
      return res;
    }
    if (result_type->typeId() == TypeIndex::String) {
      auto res = ColumnString::create();
      res->reserve(input_rows_count);
      forEachRowBytes(src, from, [&](std::string_view bytes) {
        while (!bytes.empty() && bytes.back() == 0) bytes.remove_suffix(1);
        res->insertData(bytes);
      });
      return res;
    }
    if (result_type->typeId() == TypeIndex::UUID) {
      auto res = ColumnUInt128::create(input_rows_count);
      auto* out = res->getData().data();
      forEachRowBytes(src, from, [&](std::string_view bytes) {
        char buf[16] = {};
        std::memcpy(buf, bytes.data(), std::min<size_t>(16, bytes.size()));
        *out++ = uuidFromBytes(buf);
      });
      return res;
    }
    ColumnPtr result;
    dispatchColumnVector(result_type->typeId(), [&](auto tag) {
      using To = typename decltype(tag)::Type;
      auto res = ColumnVector<To>::create(input_rows_count);
      char* out = reinterpret_cast<char*>(res->getData().data());
      forEachRowBytes(src, from, [&](std::string_view bytes) {
        std::memset(out, 0, sizeof(To));
        std::memcpy(out, bytes.data(), std::min(sizeof(To), bytes.size()));
        out += sizeof(To);
      });
      result = res;
    });
    return result;
  }

 private:
  std::string name_;
  DataTypePtr target_;  // null: FixedString of the source's size
};

}  // namespace reinterpret_detail


REGISTER_FUNCTION(ConversionReinterpretAs) {
  using namespace reinterpret_detail;
  const std::pair<const char*, DataTypePtr> targets[] = {
      {"UInt8", typeUInt8()},     {"UInt16", typeUInt16()},   {"UInt32", typeUInt32()},     {"UInt64", typeUInt64()},
      {"Int8", typeInt8()},       {"Int16", typeInt16()},     {"Int32", typeInt32()},       {"Int64", typeInt64()},
      {"Float32", typeFloat32()}, {"Float64", typeFloat64()}, {"Date", typeDate()},         {"DateTime", typeDateTime()},
      {"UUID", typeUUID()},       {"String", typeString()},   {"FixedString", nullptr},
  };
  for (const auto& [type_name, type] : targets) {
    std::string name = std::string("reinterpretAs") + type_name;
    factory.registerFunction(
        name, [name, type](const FunctionContext&) { return std::make_shared<FunctionReinterpretAs>(name, type); },
        conversionDocumentation(std::string("Reads the bytes of the argument (little-endian) as ") +
                                             type_name + ".", name + "(x)"));
  }
}

}  // namespace tally
