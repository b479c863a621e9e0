#include "compiler/cli/expr_check.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace monc {

void AddExprCheckOptions(CLI::App& check, ExprCheckOptions& opts) {
  check.add_option("EXPR", opts.exprs, "expressions");
  check.add_option("--format", opts.format, "human, or json: one object per input line")
      ->check(CLI::IsMember({"human", "json"}));
}

int RunExprCheck(const ExprCheckOptions& opts, const ExprReporter& report) {
  std::vector<std::string> exprs = opts.exprs;
  if (exprs.empty()) {
    for (std::string line; std::getline(std::cin, line);) exprs.push_back(line);
  }
  bool all_ok = true;
  for (const std::string& expr : exprs) {
    SourceManager sources;
    DiagnosticSink sink;
    report(expr, sources.Add("<expr>", expr), sink);
    all_ok = all_ok && !sink.HasErrors();
    if (opts.format == "json") {
      nlohmann::json line = {{"input", expr},
                             {"accept", !sink.HasErrors()},
                             {"diagnostics", RenderJson(sink.Sorted(), sources)}};
      std::cout << line.dump() << "\n";
    } else if (sink.HasErrors()) {
      std::cout << RenderText(sink.Sorted(), sources);
    } else {
      std::cout << "ok: " << expr << "\n";
    }
  }
  return all_ok ? 0 : 1;
}

}  // namespace monc
