#pragma once
// Value text shared by the output formats: full (non-constant) columns of a block, the plain
// text the presentational formats (Pretty, Vertical, Markdown, JSONStrings) show — NULL as
// ᴺᵁᴸᴸ (or NULL with the ASCII grid charset) — and JSON values with or without the
// "everything as strings" mode.

#include <string>

#include "columns/column.h"
#include "io/write_buffer.h"
#include "types/block.h"

namespace tally {

/// The block's columns with constants expanded.
Columns fullColumns(const Block& block);

/// Plain text of row n, NULL shown as ᴺᵁᴸᴸ (utf8) or NULL.
void writePlainText(const DataType& type, const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings);
std::string plainText(const DataType& type, const Column& column, size_t n, const FormatSettings& settings);

/// JSON value of row n; with as_strings, the plain text as a JSON string (JSONStrings formats).
void writeJSONValue(const DataType& type, const Column& column, size_t n, bool as_strings, WriteBuffer& out,
                    const FormatSettings& settings);

/// Escaped text (TabSeparated), raw text (TabSeparatedRaw: no escaping, NULL as \N).
void writeRawText(const DataType& type, const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings);

}  // namespace tally
