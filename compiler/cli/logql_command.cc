#include "compiler/cli/logql_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/cli/expr_check.h"
#include "compiler/diag/render.h"
#include "compiler/diag/sink.h"
#include "compiler/logql/logql.h"

namespace monc {
namespace {

struct LogqlOptions : ExprCheckOptions {
  std::string entry = "expr";
};

const std::map<std::string, logql::EntryPoint>& EntryPoints() {
  static const std::map<std::string, logql::EntryPoint> entries = {
      {"expr", logql::EntryPoint::Expr},
      {"sample", logql::EntryPoint::SampleExpr},
      {"log", logql::EntryPoint::LogSelector},
  };
  return entries;
}

// Reports `expr`'s problem into `sink`; the tree when it is sound.
std::unique_ptr<logql::Expr> CheckOne(const std::string& expr, logql::EntryPoint entry,
                                      FileId file, DiagnosticSink& sink) {
  logql::ParseResult result = logql::Parse(expr, entry);
  for (const logql::Error& e : result.errors) {
    sink.Report(Code::LogqlSyntax, {file, e.begin, e.end}, e.message);
  }
  return std::move(result.expr);
}

int RunCheck(const LogqlOptions& opts) {
  const logql::EntryPoint entry = EntryPoints().at(opts.entry);
  return RunExprCheck(opts, [entry](const std::string& expr, FileId file, DiagnosticSink& sink) {
    CheckOne(expr, entry, file, sink);
  });
}

int RunFmt(const std::string& expr, const std::string& entry) {
  SourceManager sources;
  DiagnosticSink sink;
  std::unique_ptr<logql::Expr> tree =
      CheckOne(expr, EntryPoints().at(entry), sources.Add("<expr>", expr), sink);
  if (!tree) {
    std::cerr << RenderText(sink.Sorted(), sources);
    return 1;
  }
  std::cout << logql::Print(*tree) << "\n";
  return 0;
}

}  // namespace

std::function<int()> AddLogqlCommand(CLI::App& app) {
  auto opts = std::make_shared<LogqlOptions>();
  auto fmt_expr = std::make_shared<std::string>();
  CLI::App* logql = app.add_subcommand("logql", "check or format LogQL expressions");
  logql->require_subcommand(1);
  CLI::App* check = logql->add_subcommand(
      "check", "parse and validate expressions as Loki does (no EXPR: one per line on stdin)");
  AddExprCheckOptions(*check, *opts);
  CLI::App* fmt = logql->add_subcommand("fmt", "print an expression in canonical form");
  fmt->add_option("EXPR", *fmt_expr, "the expression")->required();
  for (CLI::App* command : {check, fmt}) {
    command
        ->add_option("--entry", opts->entry,
                     "what the expression must be: expr (any query), sample (a metric query) "
                     "or log (a log query)")
        ->check(CLI::IsMember({"expr", "sample", "log"}));
  }
  return [=]() {
    if (check->parsed()) return RunCheck(*opts);
    return RunFmt(*fmt_expr, opts->entry);
  };
}

}  // namespace monc
