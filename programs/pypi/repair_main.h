#pragma once
namespace tally::cli {
/// `tally pypi repair --date D FILES...`: replaces one day everywhere (apps/pypi/ingest/
/// day_repair.h) and verifies it. Exit status 0 repaired and verified, 1 verification failed,
/// 2 the repair failed (the message says the day's state and how to rerun), 36 bad arguments.
int runPypiRepair(int argc, char** argv);
}  // namespace tally::cli
