// `monc eval --data FILE --rules RULES.yml --at T...`: replays Prometheus
// rule files over an OpenMetrics data set. Every rule of every group is
// evaluated at each time T in order, as the rule manager would (recording
// outputs, ALERTS and staleness markers feed later rules and later times),
// and each (rule, time) prints one JSON line whose result is what
// Prometheus's /api/v1/query returns for the rule's expression at T:
//
//   {"group":"api","index":0,"time":1700000000,"resultType":"vector","result":[...]}
//
// --stats adds timings, samples touched and peak memory on stderr.
#ifndef MONC_COMPILER_CLI_EVAL_COMMAND_H_
#define MONC_COMPILER_CLI_EVAL_COMMAND_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace monc {

// Adds the `eval` subcommand to `app`; the returned callback runs it (after
// parsing) and gives the exit code.
std::function<int()> AddEvalCommand(CLI::App& app);

}  // namespace monc

#endif  // MONC_COMPILER_CLI_EVAL_COMMAND_H_
