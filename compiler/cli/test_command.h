// `monc test SPEC...`: compiles the spec, then runs every promtool test file
// it generates (the spec's tests section and the SLO tier tests) on monc's
// runtime against the generated rules, in memory. `monc test
// --promtool-file FILE.yml...` runs promtool test files from disk. Each test
// group prints PASS or FAIL, a failure with promtool's own "exp: ... got:"
// text; a summary ends the run. Exit codes: 0 all passed, 1 a test failed
// (or the spec has errors), 2 usage or I/O error.
#ifndef MONC_COMPILER_CLI_TEST_COMMAND_H_
#define MONC_COMPILER_CLI_TEST_COMMAND_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace monc {

// Adds the `test` subcommand to `app`; the returned callback runs it (after
// parsing) and gives the exit code.
std::function<int()> AddTestCommand(CLI::App& app);

}  // namespace monc

#endif  // MONC_COMPILER_CLI_TEST_COMMAND_H_
