// libFuzzer target for the SQL parser: any input must either parse (and its formatted text
// must parse again) or fail with a tally::Exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/exception.h"
#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& statement : tally::parseMultipleQueries(text)) {
      std::string formatted = tally::formatAST(*statement.ast);
      tally::parseQuery(formatted);
    }
  } catch (const tally::Exception&) {
  }
  return 0;
}
