#pragma once
// The interactive prompt of `tally local` and `tally client`: line editing and history (libedit), Ctrl-C
// cancels the running statement and keeps the prompt, `\G` gives Vertical output.

#include "local/terminal.h"

namespace tally::cli {

/// Runs the prompt until exit/quit/Ctrl-D; returns the exit code.
/// `tool` names the program in the greeting ("tally <tool> version ...").
int runInteractive(api::Connection& connection, StatementRunner& runner, bool multiline, const char* tool = "local");

}  // namespace tally::cli
