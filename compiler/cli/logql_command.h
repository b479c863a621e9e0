// `monc logql check [EXPR...]` and `monc logql fmt EXPR`: the LogQL front
// end on bare expressions, as Loki's parser reads them, for people and for
// the parity runners.
#ifndef MONC_COMPILER_CLI_LOGQL_COMMAND_H_
#define MONC_COMPILER_CLI_LOGQL_COMMAND_H_

#include <CLI/CLI.hpp>

namespace monc {

// Adds the `logql` subcommand to `app`; the returned callback runs it
// (after parsing) and gives the exit code.
std::function<int()> AddLogqlCommand(CLI::App& app);

}  // namespace monc

#endif  // MONC_COMPILER_CLI_LOGQL_COMMAND_H_
