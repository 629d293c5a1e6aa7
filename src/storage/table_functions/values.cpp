// values(['structure',] row, row, ...): a table of the given rows. Rows are tuples (one value
// per column) or, for a single column, bare values. Without a structure the columns are c1, c2,
// ... of the least common type of each position.

#include <cmath>
#include <limits>

#include "columns/column.h"
#include "common/exception.h"
#include "functions/conversion/cast.h"
#include "storage/table_functions/column_list.h"
#include "storage/table_functions/table_function_arguments.h"
#include "types/data_type_array.h"
#include "types/data_type_low_cardinality.h"
#include "types/least_supertype.h"

namespace tally {

namespace table_function_values {

/// One fixed block, read on one stream in max_block_size pieces.
class StorageValues final : public IStorage {
 public:
  StorageValues(ColumnsDescription columns, Block data) : data_(std::move(data)) { setColumns(std::move(columns)); }

  std::string engineName() const override { return "Values"; }
  std::optional<uint64_t> totalRows() const override { return data_.rows(); }

  BlockStreams read(const ReadRequest& request, QueryContext& context) override {
    Block header = this->header(request.columns);
    size_t rows = data_.rows();
    size_t block_size = std::max<size_t>(request.max_block_size, 1);
    std::vector<Block> blocks;
    for (size_t start = 0; start < rows; start += block_size) {
      size_t length = std::min(block_size, rows - start);
      Block block;
      for (const auto& h : header)
        block.insert({data_.at(size_t(data_.position(h.name))).column->cut(start, length), h.type, h.name});
      block.setRows(length);
      context.addRead(length, block.bytes());
      blocks.push_back(std::move(block));
    }
    BlockStreams res;
    res.push_back(makeBlocksStream(header, std::move(blocks), "Values"));
    return res;
  }

 private:
  Block data_;
};

std::string fieldText(const Field& value) {
  if (value.is<std::string>()) return value.get<std::string>();
  if (value.is<uint64_t>()) return std::to_string(value.get<uint64_t>());
  if (value.is<int64_t>()) return std::to_string(value.get<int64_t>());
  return value.dump();
}

/// Whether a number fits an integer type exactly (always true for other target types).
bool fitsInteger(const Field& value, TypeIndex to) {
  long double lo, hi;
  switch (to) {
    case TypeIndex::UInt8:
      lo = 0, hi = std::numeric_limits<uint8_t>::max();
      break;
    case TypeIndex::UInt16:
      lo = 0, hi = std::numeric_limits<uint16_t>::max();
      break;
    case TypeIndex::UInt32:
      lo = 0, hi = std::numeric_limits<uint32_t>::max();
      break;
    case TypeIndex::UInt64:
      lo = 0, hi = static_cast<long double>(std::numeric_limits<uint64_t>::max());
      break;
    case TypeIndex::Int8:
      lo = std::numeric_limits<int8_t>::min(), hi = std::numeric_limits<int8_t>::max();
      break;
    case TypeIndex::Int16:
      lo = std::numeric_limits<int16_t>::min(), hi = std::numeric_limits<int16_t>::max();
      break;
    case TypeIndex::Int32:
      lo = std::numeric_limits<int32_t>::min(), hi = std::numeric_limits<int32_t>::max();
      break;
    case TypeIndex::Int64:
      lo = static_cast<long double>(std::numeric_limits<int64_t>::min());
      hi = static_cast<long double>(std::numeric_limits<int64_t>::max());
      break;
    default:
      return true;
  }
  long double v;
  switch (value.which()) {
    case Field::Which::UInt64:
      v = static_cast<long double>(value.get<uint64_t>());
      break;
    case Field::Which::Int64:
      v = static_cast<long double>(value.get<int64_t>());
      break;
    case Field::Which::Float64: {
      double d = value.get<double>();
      if (!std::isfinite(d) || std::trunc(d) != d) return false;
      v = d;
      break;
    }
    default:
      return true;  // strings, Bool and others: the conversion decides
  }
  return v >= lo && v <= hi;
}

/// ClickHouse's convertFieldToTypeOrThrow: NULL only into types that hold it, numbers only when
/// they fit.
Field convertValue(const Field& value, const DataTypePtr& from, const DataTypePtr& to) {
  DataTypePtr target = removeNullable(removeLowCardinality(to));
  if (value.isNull()) {
    if (!removeLowCardinality(to)->isNullable() && to->typeId() != TypeIndex::Nothing)
      throw Exception(ErrorCodes::TYPE_MISMATCH, "Cannot convert NULL to {}", to->name());
    return Field();
  }
  if (!fitsInteger(value, target->typeId()))
    throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND,
                    "Cannot convert value '{}' from {}: it cannot be represented as {}", fieldText(value), from->name(),
                    to->name());
  return convertFieldToType(value, from, to);
}

const TableFunctionArgument& constantArgument(const TableFunctionArgument& argument) {
  if (!argument.type)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Table function VALUES requires constant arguments, got {}",
                    argument.text);
  return argument;
}

DataTypes typesOf(const TableFunctionArgument& argument) {
  const auto& a = constantArgument(argument);
  if (a.type->typeId() == TypeIndex::Tuple) return static_cast<const DataTypeTuple&>(*a.type).getElements();
  return {a.type};
}

StoragePtr create(const std::vector<TableFunctionArgument>& args) {
  if (args.empty())
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Table function 'values' requires at least 1 argument");
  ColumnsDescription columns;
  size_t first_row = 0;
  if (args.size() > 1 && args[0].type && args[0].value.is<std::string>() &&
      tryParseColumnList(args[0].value.get<std::string>(), columns)) {
    first_row = 1;
  } else {
    DataTypes types = typesOf(args[0]);
    for (size_t i = 1; i < args.size(); ++i) {
      DataTypes row = typesOf(args[i]);
      if (row.size() != types.size())
        throw Exception(ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE,
                        "Cannot determine common structure for values function arguments: the amount of columns is "
                        "differ for different arguments");
      for (size_t j = 0; j < row.size(); ++j) types[j] = getLeastSupertype({types[j], row[j]});
    }
    columns = ColumnsDescription();
    for (size_t j = 0; j < types.size(); ++j) columns.add({"c" + std::to_string(j + 1), types[j], "", nullptr, "", ""});
  }

  const auto& all = columns.all();
  MutableColumns data;
  for (const auto& c : all) data.push_back(c.type->createColumn());
  for (size_t i = first_row; i < args.size(); ++i) {
    const auto& a = constantArgument(args[i]);
    if (all.size() == 1) {
      data[0]->insert(convertValue(a.value, a.type, all[0].type));
      continue;
    }
    if (a.type->typeId() != TypeIndex::Tuple)
      throw Exception(
          ErrorCodes::BAD_ARGUMENTS,
          "Table function VALUES requires all but first argument (rows specification) to be either tuples or "
          "single values");
    const auto& tuple = a.value.get<FieldTuple>();
    if (tuple.size() != all.size())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Values size should match with number of columns");
    const auto& element_types = static_cast<const DataTypeTuple&>(*a.type).getElements();
    for (size_t j = 0; j < tuple.size(); ++j) data[j]->insert(convertValue(tuple[j], element_types[j], all[j].type));
  }
  Block block;
  size_t rows = args.size() - first_row;
  for (size_t j = 0; j < all.size(); ++j) block.insert({std::move(data[j]), all[j].type, all[j].name});
  block.setRows(rows);
  return std::make_shared<StorageValues>(std::move(columns), std::move(block));
}

}  // namespace table_function_values

REGISTER_TABLE_FUNCTION(Values) {
  factory.registerFunction(
      "values",
      [](const std::vector<TableFunctionArgument>& args, const StorageContext&) {
        return table_function_values::create(args);
      },
      "Creates a table filled with the given rows: values(['structure',] row, ...), rows as tuples or single values.",
      /*case_insensitive=*/true);
}

}  // namespace tally
