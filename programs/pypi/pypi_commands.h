#pragma once
// The subcommands of `tally pypi`, one function each (defined in programs/pypi/<name>*.cpp).
// Adding a subcommand: declare it here and add one line to the table in pypi_main.cpp.

namespace tally::cli {

/// Each gets argv[0] = the subcommand name, then its options; returns the exit code.
int runPypiGenerate(int argc, char** argv);
int runPypiLoad(int argc, char** argv);  // programs/pypi/load_main.cpp
int runPypiReconcile(int argc, char** argv);  // programs/pypi/reconcile_main.cpp
int runPypiRepair(int argc, char** argv);     // programs/pypi/repair_main.cpp

}  // namespace tally::cli
