// libFuzzer target for the Values input format: arbitrary bytes are read into a block of
// assorted column types; parse errors are expected (ClickHouse error codes), crashes and
// other exceptions are not. Whatever parses is written back in the same format and read
// again, which must reproduce the same values; the row boundary finder (when the format has
// one) must return a position inside the input, and parsing up to it must not crash.
//
// Built with -fsanitize=fuzzer and -DTALLY_LIBFUZZER it is a libFuzzer target; otherwise it
// has its own main() that runs every file given on the command line (or in the directories
// given) once, for regression runs over a corpus.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "common/exception.h"
#include "formats/format.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_factory.h"

namespace {

/// JSON writes inf and nan as null, which reads back as 0: only the text formats that keep
/// every value must reproduce it exactly.
const bool kExactRoundTrip = true;
const char* const kFormat = "Values";

tally::Block makeHeader() {
  static const char* const columns[][2] = {
      {"u", "UInt64"}, {"i", "Int32"}, {"f", "Float64"}, {"s", "String"}, {"n", "Nullable(String)"},
      {"d", "Date"}, {"dt", "DateTime('UTC')"}, {"a", "Array(Int16)"}, {"lc", "LowCardinality(String)"},
      {"t", "Tuple(UInt8, String)"}, {"b", "Bool"}
  };
  tally::Block header;
  for (const auto& c : columns) {
    tally::DataTypePtr type = tally::dataTypeFromString(c[1]);
    header.insert({type->createColumn(), type, c[0]});
  }
  return header;
}

/// Reads all of data; returns false on a ClickHouse parse error (the expected failure).
bool readAll(const std::string& data, const tally::Block& header, tally::Block& result) {
  tally::ReadBufferFromMemory in(data);
  auto input = tally::FormatFactory::instance().getInput(kFormat, in, header.cloneEmpty(), tally::FormatSettings{});
  result = header.cloneEmpty();
  std::vector<tally::MutableColumnPtr> columns;
  for (auto& c : result) columns.push_back(c.type->createColumn());
  try {
    while (true) {
      tally::Block block = input->read(7);
      if (block.rows() == 0) break;
      for (size_t i = 0; i < columns.size(); ++i) columns[i]->insertRangeFrom(*block[i].column, 0, block.rows());
    }
  } catch (const tally::Exception&) {
    return false;
  }
  for (size_t i = 0; i < columns.size(); ++i) result[i].column = std::move(columns[i]);
  return true;
}

std::string write(const char* format, const tally::Block& block) {
  std::string out;
  tally::WriteBufferFromString buf(out);
  auto output = tally::FormatFactory::instance().getOutput(format, buf, block.cloneEmpty(), tally::FormatSettings{});
  output->writePrefix();
  output->write(block);
  output->finalize();
  buf.finalize();
  return out;
}

void runOne(const uint8_t* bytes, size_t size) {
  static const tally::Block header = makeHeader();
  std::string data(reinterpret_cast<const char*>(bytes), size);

  if (const auto* finder = tally::FormatFactory::instance().rowBoundaryFinder(kFormat)) {
    const char* end = (*finder)(data.data(), data.data() + data.size());
    if (end < data.data() || end > data.data() + data.size()) std::abort();
    tally::Block part;
    readAll(std::string(static_cast<const char*>(data.data()), end), header, part);
  }

  tally::Block first;
  if (!readAll(data, header, first)) return;
  std::string text = write("TabSeparated", first);
  std::string again_data = write(kFormat, first);
  tally::Block again;
  if (!readAll(again_data, header, again)) std::abort();  // our own output must read back
  if (kExactRoundTrip && write("TabSeparated", again) != text) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  runOne(data, size);
  return 0;
}
