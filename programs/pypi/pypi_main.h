#pragma once
// `tally pypi <subcommand> ...`: the PyPI app's command-line tools (docs/pypi_app.md).

namespace tally::cli {

/// argv[0] is the subcommand. Returns the process exit code.
int runPypi(int argc, char** argv);

}  // namespace tally::cli
