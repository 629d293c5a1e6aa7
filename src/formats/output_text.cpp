#include "formats/output_text.h"

#include "columns/column_const.h"
#include "io/write_helpers.h"

namespace tally {

Columns fullColumns(const Block& block) {
  Columns columns;
  columns.reserve(block.columns());
  for (const auto& c : block) columns.push_back(materialize(c.column));
  return columns;
}

void writePlainText(const DataType& type, const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) {
  if (column.isNullAt(n)) {
    out.write(settings.pretty.utf8 ? "ᴺᵁᴸᴸ" : "NULL");
    return;
  }
  type.serializeText(column, n, out, settings);
}

std::string plainText(const DataType& type, const Column& column, size_t n, const FormatSettings& settings) {
  std::string s;
  {
    WriteBufferFromString buf(s);
    writePlainText(type, column, n, buf, settings);
    buf.finalize();
  }
  return s;
}

void writeJSONValue(const DataType& type, const Column& column, size_t n, bool as_strings, WriteBuffer& out,
                    const FormatSettings& settings) {
  if (!as_strings) {
    type.serializeTextJSON(column, n, out, settings);
    return;
  }
  writeJSONString(plainText(type, column, n, settings), out, settings.json.escape_forward_slashes);
}

void writeRawText(const DataType& type, const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) {
  if (column.isNullAt(n)) {
    out.write(settings.tsv.null_representation);
    return;
  }
  type.serializeText(column, n, out, settings);
}

}  // namespace tally
