// libFuzzer target for the Native input format (the checks are in format_fuzz_harness.h).
// Built with -fsanitize=fuzzer -DTALLY_LIBFUZZER it is a libFuzzer target; with g++ it links
// with fuzz_driver.cpp, which replays the corpus and mutates it for a fixed time.

#include "format_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const tally::Block header = tally::fuzz::assortedHeader();
  tally::fuzz::runFormat("Native", /*exact_round_trip=*/true, header, data, size);
  return 0;
}
