#pragma once
// `tally pypi load`: BigQuery exports (Parquet, JSON lines, CSV) and linehaul CDN logs into the
// `pypi` database, exactly once per file. See docs/pypi_app.md ("Loading").

namespace tally::cli {

/// argv[0] is "load"; returns the process exit code.
int runPypiLoad(int argc, char** argv);

}  // namespace tally::cli
