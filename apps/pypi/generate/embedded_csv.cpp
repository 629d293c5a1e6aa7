// The top-packages CSV (apps/pypi/data/top-pypi-packages-30-days.csv) embedded in the binary,
// so that `tally pypi generate` needs no file at run time. TALLY_PYPI_CSV is its absolute path
// (set by CMake, which also makes this object depend on the file).

#include <string_view>

#include "generator.h"

#define TALLY_STR2(x) #x
#define TALLY_STR(x) TALLY_STR2(x)

asm(".section .rodata\n"
    ".global tally_pypi_top_csv_begin\n"
    "tally_pypi_top_csv_begin:\n"
    ".incbin \"" TALLY_STR(TALLY_PYPI_CSV) "\"\n"
    ".global tally_pypi_top_csv_end\n"
    "tally_pypi_top_csv_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char tally_pypi_top_csv_begin[];
extern "C" const char tally_pypi_top_csv_end[];

namespace tally::pypi_gen {

std::string_view embeddedTopPackagesCsv() {
  return std::string_view(tally_pypi_top_csv_begin, size_t(tally_pypi_top_csv_end - tally_pypi_top_csv_begin));
}

}  // namespace tally::pypi_gen
