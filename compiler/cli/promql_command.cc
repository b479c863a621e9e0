#include "compiler/cli/promql_command.h"

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "compiler/cli/expr_check.h"
#include "compiler/diag/render.h"
#include "compiler/diag/sink.h"
#include "compiler/analysis/promql_report.h"
#include "runtime/testlang/run.h"

namespace monc {
namespace {

struct TestOptions {
  std::vector<std::string> files;
  std::string known_failures;
};

// Reports `expr`'s problems into `sink`; the tree when it is sound.
promql::ExprPtr CheckOne(const std::string& expr, FileId file, DiagnosticSink& sink) {
  return ParseAndReport(expr, [&](Code code, promql::PosRange pos, std::string message) {
    sink.Report(code, {file, pos.begin, pos.end}, std::move(message));
  });
}

int RunFmt(const std::string& expr) {
  SourceManager sources;
  DiagnosticSink sink;
  promql::ExprPtr tree = CheckOne(expr, sources.Add("<expr>", expr), sink);
  if (!tree) {
    std::cerr << RenderText(sink.Sorted(), sources);
    return 1;
  }
  std::cout << promql::Print(*tree) << "\n";
  return 0;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The known-failures file: `file:line  reason` a line (file by its base
// name), # comments; statement key -> reason.
std::optional<std::map<std::string, std::string>> ReadKnownFailures(const std::string& path) {
  std::map<std::string, std::string> known;
  if (path.empty()) return known;
  std::optional<std::string> text = ReadFile(path);
  if (!text) return std::nullopt;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string key, reason;
    if (!(words >> key) || key[0] == '#') continue;
    std::getline(words >> std::ws, reason);
    known[key] = reason;
  }
  return known;
}

// Prints each failing statement and `passed X/N` per file and in total.
// Exit 0 when every failure is a known one and every known one still
// fails, so that the list stays honest.
int RunTest(const TestOptions& opts) {
  std::optional<std::map<std::string, std::string>> known = ReadKnownFailures(opts.known_failures);
  if (!known) {
    std::cerr << "error: cannot read " << opts.known_failures << "\n";
    return 2;
  }
  size_t passed = 0, total = 0, unexpected = 0;
  std::map<std::string, bool> seen;  // known key -> still fails
  for (const std::string& path : opts.files) {
    std::optional<std::string> text = ReadFile(path);
    if (!text) {
      std::cerr << "error: cannot read " << path << "\n";
      return 2;
    }
    size_t file_passed = 0;
    std::vector<runtime::testlang::StatementResult> results = runtime::testlang::RunTestFile(*text);
    for (const runtime::testlang::StatementResult& r : results) {
      const std::string key = BaseName(path) + ":" + std::to_string(r.line);
      const bool listed = known->count(key) > 0;
      if (listed) seen[key] = !r.passed();
      if (r.passed()) {
        ++file_passed;
        if (listed) {
          ++unexpected;
          std::cout << path << ":" << r.line << ": listed as a known failure but passes: "
                    << r.expr << "\n";
        }
        continue;
      }
      if (!listed) ++unexpected;
      std::cout << path << ":" << r.line << ": " << (listed ? "known failure: " : "FAIL: ")
                << (r.expr.empty() ? "" : r.expr + ": ") << r.failure << "\n";
    }
    std::cout << path << ": passed " << file_passed << "/" << results.size() << "\n";
    passed += file_passed;
    total += results.size();
  }
  for (const auto& [key, reason] : *known) {
    if (!seen.count(key)) {
      ++unexpected;
      std::cout << key << ": listed as a known failure but no such statement was run\n";
    }
  }
  std::cout << "passed " << passed << "/" << total << "\n";
  return unexpected == 0 ? 0 : 1;
}

}  // namespace

std::function<int()> AddPromqlCommand(CLI::App& app) {
  auto opts = std::make_shared<ExprCheckOptions>();
  auto fmt_expr = std::make_shared<std::string>();
  CLI::App* promql = app.add_subcommand("promql", "check, format or test PromQL expressions");
  promql->require_subcommand(1);
  CLI::App* check = promql->add_subcommand(
      "check", "parse and type-check expressions as Prometheus 2.42 does (no EXPR: one per line on stdin)");
  AddExprCheckOptions(*check, *opts);
  CLI::App* fmt = promql->add_subcommand("fmt", "print an expression in canonical form");
  fmt->add_option("EXPR", *fmt_expr, "the expression")->required();
  auto test_opts = std::make_shared<TestOptions>();
  CLI::App* test = promql->add_subcommand(
      "test", "run Prometheus's PromQL test files (load/eval/clear) on monc's engine");
  test->add_option("FILE", test_opts->files, "test files")->required();
  test->add_option("--known-failures", test_opts->known_failures,
                   "statements allowed to fail, `file:line  reason` a line");
  return [=]() {
    if (check->parsed()) return RunExprCheck(*opts, CheckOne);
    if (test->parsed()) return RunTest(*test_opts);
    return RunFmt(*fmt_expr);
  };
}

}  // namespace monc
