// `tally pypi`: dispatches to the subcommand named by the first argument (see pypi_commands.h).

#include "pypi/pypi_main.h"

#include <cstdio>
#include <cstring>

#include "pypi/pypi_commands.h"

namespace tally::cli {

namespace {

struct Subcommand {
  const char* name;
  int (*run)(int argc, char** argv);
  const char* help;
};

const Subcommand kSubcommands[] = {
    {"generate", runPypiGenerate, "write synthetic BigQuery-shaped PyPI download exports"},
    {"load", runPypiLoad, "load BigQuery exports and linehaul logs into the pypi database"},
    {"reconcile", runPypiReconcile, "compare per-day counts of sources, the raw table and every rollup"},
    {"repair", runPypiRepair, "replace one day everywhere (delete, re-ingest, rebuild, verify)"},
};

void printUsage() {
  std::fprintf(stderr, "Usage: tally pypi <subcommand> [options]\n\nSubcommands:\n");
  for (const auto& s : kSubcommands) std::fprintf(stderr, "  %-10s %s\n", s.name, s.help);
  std::fprintf(stderr, "\nRun `tally pypi <subcommand> --help` for its options.\n");
}

}  // namespace

int runPypi(int argc, char** argv) {
  if (argc < 1 || !std::strcmp(argv[0], "--help") || !std::strcmp(argv[0], "-h") || !std::strcmp(argv[0], "help")) {
    printUsage();
    return argc < 1 ? 1 : 0;
  }
  for (const auto& s : kSubcommands)
    if (!std::strcmp(argv[0], s.name)) return s.run(argc, argv);
  std::fprintf(stderr, "Unknown pypi subcommand '%s'.\n\n", argv[0]);
  printUsage();
  return 1;
}

}  // namespace tally::cli
