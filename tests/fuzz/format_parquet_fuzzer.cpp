// libFuzzer target for the Parquet input format. The structure comes from the file itself (the
// schema reader), then every column is decoded and written as TabSeparated, so that each
// value is touched. Malformed input must end in a ClickHouse error (an Exception), never a
// crash, a hang or a read outside the input. Seeds: tests/fuzz/corpus/parquet (small files
// written by DuckDB, see tests/parquet/make_fuzz_corpus.mjs).

#include "format_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tally;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    ReadBufferFromMemory schema_in(bytes);
    InferredSchema schema = (*FormatFactory::instance().schemaReader("Parquet"))(schema_in, FormatSettings{}, 0);
    Block header;
    for (const auto& [name, type] : schema) header.insert({type->createColumn(), type, name});
    ReadBufferFromMemory in(bytes);
    auto input = FormatFactory::instance().getInput("Parquet", in, header, FormatSettings{});
    while (true) {
      Block block = input->read(65536);
      if (block.rows() == 0) break;
      if (block.columns() > 0) fuzz::write("TabSeparated", block);
    }
  } catch (const Exception&) {
    // A parse error: the expected outcome for most mutations.
  }
  return 0;
}
