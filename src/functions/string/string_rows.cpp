#include "functions/string/string_rows.h"

#include "columns/column_vector.h"
#include "functions/function.h"
#include "functions/type_dispatch.h"

namespace tally {

const Column* constantArgumentData(const ColumnsWithTypeAndName& arguments, size_t i) {
  if (i >= arguments.size() || !arguments[i].column) return nullptr;
  const Column& c = *arguments[i].column;
  if (c.isConst()) return &static_cast<const ColumnConst&>(c).getDataColumn();
  return c.size() == 1 ? &c : nullptr;
}

std::string_view constantStringArgument(const std::string& function, const ColumnsWithTypeAndName& arguments,
                                        size_t i) {
  const Column* data = constantArgumentData(arguments, i);
  if (!data || (data->kind() != ColumnKind::String && data->kind() != ColumnKind::FixedString))
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Argument {} of function {} must be constant string", i + 1, function);
  return data->getDataAt(0);
}

bool isIntegerLike(const DataTypePtr& type) {
  return type->isInteger() || type->typeId() == TypeIndex::Bool;
}

PODArray<Int64> integerColumnValues(const Column& column, const DataTypePtr& type, size_t rows) {
  PODArray<Int64> out(rows);
  if (column.isConst()) {
    Int64 v = integerConstantValue(column);
    for (size_t i = 0; i < rows; ++i) out[i] = v;
    return out;
  }
  TypeIndex id = type->typeId() == TypeIndex::Bool ? TypeIndex::UInt8 : type->typeId();
  bool ok = dispatchInteger(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    const auto& data = typedAs<ColumnVector<T>>(column).getData();
    for (size_t i = 0; i < rows; ++i) out[i] = Int64(data[i]);
  });
  if (!ok) throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of integer argument", column.familyName());
  return out;
}

Int64 integerConstantValue(const Column& column) {
  const Column& data = column.isConst() ? static_cast<const ColumnConst&>(column).getDataColumn() : column;
  return data.getInt(0);
}

TextArgument::TextArgument(const ColumnWithTypeAndName& argument, size_t rows) {
  ColumnPtr column = argument.column;
  const Column* data = column.get();
  bool is_const = column->isConst();
  if (is_const) data = &static_cast<const ColumnConst&>(*column).getDataColumn();
  if (data->kind() == ColumnKind::String || data->kind() == ColumnKind::FixedString) {
    holder_ = column;
    if (is_const) {
      std::string_view v = data->getDataAt(0);
      kind_ = Kind::Const;
      chars_ = v.data();
      n_ = v.size();
    } else if (data->kind() == ColumnKind::String) {
      const auto& s = static_cast<const ColumnString&>(*data);
      kind_ = Kind::String;
      chars_ = s.getChars().data();
      offsets_ = s.getOffsets().data();
    } else {
      const auto& s = static_cast<const ColumnFixedString&>(*data);
      kind_ = Kind::Fixed;
      chars_ = s.getChars().data();
      n_ = s.getN();
    }
    return;
  }
  // Other types: their text form, computed once (one row for constants).
  size_t count = is_const ? 1 : rows;
  auto converted = ColumnString::create();
  {
    StringColumnWriteBuffer out(*converted);
    for (size_t i = 0; i < count; ++i) {
      argument.type->serializeText(*data, is_const ? 0 : i, out, FormatSettings{});
      out.finishRow();
    }
  }
  holder_ = converted;
  if (is_const) {
    std::string_view v = converted->at(0);
    kind_ = Kind::Const;
    chars_ = v.data();
    n_ = v.size();
  } else {
    kind_ = Kind::String;
    chars_ = converted->getChars().data();
    offsets_ = converted->getOffsets().data();
  }
}

StringColumnWriteBuffer::StringColumnWriteBuffer(ColumnString& column) : column_(column) {
  auto& chars = column_.getChars();
  set(chars.data() + chars.size(), chars.capacity() - chars.size());
}

StringColumnWriteBuffer::~StringColumnWriteBuffer() {
  commit();
}

void StringColumnWriteBuffer::commit() {
  auto& chars = column_.getChars();
  if (pos_) chars.resize(size_t(pos_ - chars.data()));
}

void StringColumnWriteBuffer::nextImpl() {
  commit();
  auto& chars = column_.getChars();
  chars.reserve(std::max<size_t>(chars.size() * 2, 4096));
  set(chars.data() + chars.size(), chars.capacity() - chars.size());
}

void StringColumnWriteBuffer::finishRow() {
  commit();
  column_.getOffsets().push_back(column_.getChars().size());
}

}  // namespace tally
