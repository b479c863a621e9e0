// `monc promql check [EXPR...]` and `monc promql fmt EXPR`: the PromQL front
// end on bare expressions, for people and for the parity runners; `monc
// promql test FILE...`: Prometheus's PromQL test files on the engine.
#ifndef MONC_COMPILER_CLI_PROMQL_COMMAND_H_
#define MONC_COMPILER_CLI_PROMQL_COMMAND_H_

#include <CLI/CLI.hpp>

namespace monc {

// Adds the `promql` subcommand to `app`; the returned callback runs it
// (after parsing) and gives the exit code.
std::function<int()> AddPromqlCommand(CLI::App& app);

}  // namespace monc

#endif  // MONC_COMPILER_CLI_PROMQL_COMMAND_H_
