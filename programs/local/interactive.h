#pragma once
// The interactive prompt of `tally local`: line editing and history (libedit), Ctrl-C
// cancels the running statement and keeps the prompt, `\G` gives Vertical output.

#include "local/terminal.h"

namespace tally::cli {

/// Runs the prompt until exit/quit/Ctrl-D; returns the exit code.
int runInteractive(api::Connection& connection, StatementRunner& runner, bool multiline);

}  // namespace tally::cli
