#include "compiler/cli/promql_command.h"

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/sink.h"
#include "compiler/analysis/promql_report.h"

namespace monc {
namespace {

struct PromqlOptions {
  std::vector<std::string> exprs;
  std::string format = "human";
};

// Reports `expr`'s problems into `sink`, as a file of its own named "<expr>";
// the tree when it is sound.
promql::ExprPtr CheckOne(const std::string& expr, SourceManager& sources, DiagnosticSink& sink) {
  FileId file = sources.Add("<expr>", expr);
  return ParseAndReport(expr, [&](Code code, promql::PosRange pos, std::string message) {
    sink.Report(code, {file, pos.begin, pos.end}, std::move(message));
  });
}

int RunCheck(const PromqlOptions& opts) {
  std::vector<std::string> exprs = opts.exprs;
  if (exprs.empty()) {
    for (std::string line; std::getline(std::cin, line);) exprs.push_back(line);
  }
  bool all_ok = true;
  for (const std::string& expr : exprs) {
    SourceManager sources;
    DiagnosticSink sink;
    CheckOne(expr, sources, sink);
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

int RunFmt(const std::string& expr) {
  SourceManager sources;
  DiagnosticSink sink;
  promql::ExprPtr tree = CheckOne(expr, sources, sink);
  if (!tree) {
    std::cerr << RenderText(sink.Sorted(), sources);
    return 1;
  }
  std::cout << promql::Print(*tree) << "\n";
  return 0;
}

}  // namespace

std::function<int()> AddPromqlCommand(CLI::App& app) {
  auto opts = std::make_shared<PromqlOptions>();
  auto fmt_expr = std::make_shared<std::string>();
  CLI::App* promql = app.add_subcommand("promql", "check or format PromQL expressions");
  promql->require_subcommand(1);
  CLI::App* check = promql->add_subcommand(
      "check", "parse and type-check expressions as Prometheus 2.42 does (no EXPR: one per line on stdin)");
  check->add_option("EXPR", opts->exprs, "expressions");
  check->add_option("--format", opts->format, "human, or json: one object per input line")
      ->check(CLI::IsMember({"human", "json"}));
  CLI::App* fmt = promql->add_subcommand("fmt", "print an expression in canonical form");
  fmt->add_option("EXPR", *fmt_expr, "the expression")->required();
  return [=]() { return check->parsed() ? RunCheck(*opts) : RunFmt(*fmt_expr); };
}

}  // namespace monc
