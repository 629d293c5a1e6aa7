#pragma once
// JSONEachRow input (JSONLines, NDJSON, JSONL): one JSON object per row, separated by
// whitespace and optional commas, or all inside one top-level [...] array. Keys map to
// columns by name; missing keys get defaults; unknown keys are skipped
// (input_format_skip_unknown_fields) or INCORRECT_DATA; a key given twice is INCORRECT_DATA;
// null into a non-Nullable column is the default; values of other JSON kinds are accepted as
// the column types read them (quoted numbers, numbers into strings, ...).
//
// JSONEachRowRowReader is the generic reader (DataType JSON readers over a ReadBuffer);
// the registered format uses the simdjson fast path (json_each_row_fast_reader.h) and hands
// over to this reader at the first row the fast path does not take.

#include <string>
#include <unordered_map>

#include "formats/row_input_format.h"

namespace tally {

class JSONEachRowRowReader final : public RowInputFormat {
 public:
  JSONEachRowRowReader(ReadBuffer& in, const Block& header, const FormatSettings& settings);

 protected:
  void readPrefix() override;
  bool readRow(MutableColumns& columns) override;
  bool allowSyncAfterError() const override { return true; }
  void syncAfterError() override;

 private:
  void readField(size_t index, Column& column);

  std::unordered_map<std::string, size_t> positions_;
  std::vector<uint8_t> seen_;
  std::string key_;
  bool in_array_ = false;
  bool array_closed_ = false;
};

}  // namespace tally
