#include "compiler/cli/logql_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/sink.h"
#include "compiler/logql/logql.h"

namespace monc {
namespace {

struct LogqlOptions {
  std::vector<std::string> exprs;
  std::string format = "human";
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

// Reports `expr`'s problem into `sink`, as a file of its own named
// "<expr>"; the tree when it is sound.
std::unique_ptr<logql::Expr> CheckOne(const std::string& expr, logql::EntryPoint entry,
                                      SourceManager& sources, DiagnosticSink& sink) {
  FileId file = sources.Add("<expr>", expr);
  logql::ParseResult result = logql::Parse(expr, entry);
  for (const logql::Error& e : result.errors) {
    sink.Report(Code::LogqlSyntax, {file, e.begin, e.end}, e.message);
  }
  return std::move(result.expr);
}

int RunCheck(const LogqlOptions& opts) {
  std::vector<std::string> exprs = opts.exprs;
  if (exprs.empty()) {
    for (std::string line; std::getline(std::cin, line);) exprs.push_back(line);
  }
  const logql::EntryPoint entry = EntryPoints().at(opts.entry);
  bool all_ok = true;
  for (const std::string& expr : exprs) {
    SourceManager sources;
    DiagnosticSink sink;
    CheckOne(expr, entry, sources, sink);
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

int RunFmt(const std::string& expr, const std::string& entry) {
  SourceManager sources;
  DiagnosticSink sink;
  std::unique_ptr<logql::Expr> tree = CheckOne(expr, EntryPoints().at(entry), sources, sink);
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
  check->add_option("EXPR", opts->exprs, "expressions");
  check->add_option("--format", opts->format, "human, or json: one object per input line")
      ->check(CLI::IsMember({"human", "json"}));
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
