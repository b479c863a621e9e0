// What `monc promql check` and `monc logql check` share: the expressions
// from the arguments or stdin, one result per expression, as text or as
// one JSON object a line ({"input", "accept", "diagnostics"}).
#ifndef MONC_COMPILER_CLI_EXPR_CHECK_H_
#define MONC_COMPILER_CLI_EXPR_CHECK_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"

namespace monc {

struct ExprCheckOptions {
  std::vector<std::string> exprs;  // none: one expression a line on stdin
  std::string format = "human";
};

// Adds EXPR... and --format to a `check` subcommand.
void AddExprCheckOptions(CLI::App& check, ExprCheckOptions& opts);

// Reports the problems of `expr` (registered as `file`) into `sink`.
using ExprReporter =
    std::function<void(const std::string& expr, FileId file, DiagnosticSink& sink)>;

// Checks every expression; 0 when all are sound, else 1.
int RunExprCheck(const ExprCheckOptions& opts, const ExprReporter& report);

}  // namespace monc

#endif  // MONC_COMPILER_CLI_EXPR_CHECK_H_
