#pragma once
// Shared body of the input-format fuzz targets (format_<name>_fuzzer.cpp): arbitrary bytes are
// read in one format into a block; parse errors are expected (ClickHouse error codes), crashes
// and other exceptions are not. Whatever parses is written back in the same format (when it
// has an output side) and read again, which must succeed and, for formats that keep every
// value, reproduce the same text. The row boundary finder (when the format has one) must
// return a position inside the input, and parsing up to it must not crash.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/exception.h"
#include "formats/format.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_factory.h"

namespace tally::fuzz {

/// Columns of assorted types, for the formats that read any structure.
inline Block assortedHeader() {
  static const char* const columns[][2] = {
      {"u", "UInt64"}, {"i", "Int32"}, {"f", "Float64"}, {"s", "String"}, {"n", "Nullable(String)"},
      {"d", "Date"}, {"dt", "DateTime('UTC')"}, {"a", "Array(Int16)"}, {"lc", "LowCardinality(String)"},
      {"t", "Tuple(UInt8, String)"}, {"b", "Bool"}};
  Block header;
  for (const auto& c : columns) {
    DataTypePtr type = dataTypeFromString(c[1]);
    header.insert({type->createColumn(), type, c[0]});
  }
  return header;
}

/// One String column, for JSONAsString and LineAsString.
inline Block stringHeader(const char* name) {
  DataTypePtr type = dataTypeFromString("String");
  Block header;
  header.insert({type->createColumn(), type, name});
  return header;
}

/// Reads all of data; returns false on a ClickHouse parse error (the expected failure).
inline bool readAll(const char* format, const std::string& data, const Block& header, Block& result) {
  ReadBufferFromMemory in(data);
  auto input = FormatFactory::instance().getInput(format, in, header.cloneEmpty(), FormatSettings{});
  result = header.cloneEmpty();
  std::vector<MutableColumnPtr> columns;
  for (auto& c : result) columns.push_back(c.type->createColumn());
  try {
    while (true) {
      Block block = input->read(7);
      if (block.rows() == 0) break;
      for (size_t i = 0; i < columns.size(); ++i) columns[i]->insertRangeFrom(*block[i].column, 0, block.rows());
    }
  } catch (const Exception&) {
    return false;
  }
  for (size_t i = 0; i < columns.size(); ++i) result[i].column = std::move(columns[i]);
  return true;
}

inline std::string write(const char* format, const Block& block) {
  std::string out;
  WriteBufferFromString buf(out);
  auto output = FormatFactory::instance().getOutput(format, buf, block.cloneEmpty(), FormatSettings{});
  output->writePrefix();
  output->write(block);
  output->finalize();
  buf.finalize();
  return out;
}

/// exact_round_trip: the format keeps every value (JSON writes inf/nan as null, which reads
/// back as 0, so JSON formats are not exact).
inline void runFormat(const char* format, bool exact_round_trip, const Block& header, const uint8_t* bytes,
                      size_t size) {
  std::string data(reinterpret_cast<const char*>(bytes), size);
  if (const auto* finder = FormatFactory::instance().rowBoundaryFinder(format)) {
    const char* end = (*finder)(data.data(), data.data() + data.size());
    if (end < data.data() || end > data.data() + data.size()) std::abort();
    Block part;
    readAll(format, std::string(static_cast<const char*>(data.data()), end), header, part);
  }
  Block first;
  if (!readAll(format, data, header, first)) return;
  std::string text = write("TabSeparated", first);
  if (!FormatFactory::instance().hasOutputFormat(format)) return;
  std::string again_data = write(format, first);
  Block again;
  if (!readAll(format, again_data, header, again)) std::abort();  // our own output must read back
  if (exact_round_trip && write("TabSeparated", again) != text) std::abort();
}

}  // namespace tally::fuzz
