#pragma once
namespace tally::cli {
/// `tally pypi reconcile`: compares per-day counts of source files, the raw table and every
/// rollup (apps/pypi/ingest/reconcile.h). Exit status 0 when all match, 1 when anything differs.
int runPypiReconcile(int argc, char** argv);
}  // namespace tally::cli
