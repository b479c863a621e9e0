// monc: the command line. Exit codes: 0 ok (warnings allowed), 1 the spec
// has errors or `build --check` found stale outputs, 2 usage or I/O error.
#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "compiler/cli/eval_command.h"
#include "compiler/cli/logql_command.h"
#include "compiler/cli/promql_command.h"
#include "compiler/cli/test_command.h"
#include "compiler/diag/render.h"
#include "compiler/driver/generate.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/writer.h"

namespace monc {
namespace {

constexpr const char* kVersion = "0.1.0";

enum class Format { Human, Json, Sarif };

struct Options {
  std::vector<std::string> specs;
  std::string out_dir;
  bool check_outputs = false;
  Format format = Format::Human;
};

void Print(const DiagnosticSink& sink, const SourceManager& sources, Format format) {
  auto diagnostics = sink.Sorted();
  switch (format) {
    case Format::Human: {
      std::cerr << RenderText(diagnostics, sources);
      size_t errors = sink.ErrorCount(), warnings = sink.WarningCount();
      if (errors || warnings) {
        std::cerr << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
                  << (warnings == 1 ? " warning" : " warnings") << "\n";
      }
      break;
    }
    case Format::Json:
      std::cout << RenderJson(diagnostics, sources).dump(2) << "\n";
      break;
    case Format::Sarif:
      std::cout << RenderSarif(diagnostics, sources, kVersion).dump(2) << "\n";
      break;
  }
}

// Compiles the specs and prints every diagnostic; the exit code if the
// command must stop here.
std::optional<int> CompileAndReport(const Options& opts, CompileResult& result) {
  SourceManager sources;
  DiagnosticSink sink;
  result = Compile(opts.specs, sources, sink);
  Print(sink, sources, opts.format);
  if (result.io_error) return 2;
  if (!result.spec) return 1;
  return std::nullopt;
}

int RunCheck(const Options& opts) {
  CompileResult result;
  return CompileAndReport(opts, result).value_or(0);
}

int RunBuild(const Options& opts) {
  CompileResult result;
  if (auto status = CompileAndReport(opts, result)) return *status;
  OutputSet outputs = Generate(*result.spec);
  // Machine formats own stdout; progress goes to stderr then.
  std::ostream& log = opts.format == Format::Human ? std::cout : std::cerr;
  if (opts.check_outputs) {
    auto diff = DiffOutputs(outputs, opts.out_dir);
    if (diff.empty()) {
      log << opts.out_dir << " is up to date (" << outputs.files().size() << " files)\n";
      return 0;
    }
    std::cerr << opts.out_dir << " is stale; run 'monc build' to regenerate:\n";
    for (const std::string& line : diff) std::cerr << "  " << line << "\n";
    return 1;
  }
  std::string error;
  if (!WriteOutputs(outputs, opts.out_dir, &error)) {
    std::cerr << "monc: error: " << error << "\n";
    return 2;
  }
  log << "wrote " << outputs.files().size() << " files to " << opts.out_dir << ":\n";
  for (const auto& [path, contents] : outputs.files()) log << "  " << path << "\n";
  return 0;
}

int RunExplain(const std::string& id) {
  const CodeInfo* info = FindCode(id);
  if (!info) {
    std::cerr << "monc: error: unknown diagnostic code '" << id << "'\n";
    return 2;
  }
  std::cout << info->id << " (" << SeverityName(info->severity) << "): " << info->summary << "\n";
  return 0;
}

int Main(int argc, char** argv) {
  CLI::App app{"monc: a compiler for monitoring. Checks one declarative spec and generates\n"
               "Prometheus rules and Alertmanager configuration from it; checks PromQL."};
  app.set_version_flag("--version", std::string("monc ") + kVersion + " (spec language 1)");
  app.require_subcommand(1);
  Options opts;
  std::map<std::string, Format> formats = {
      {"human", Format::Human}, {"json", Format::Json}, {"sarif", Format::Sarif}};
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("SPEC", opts.specs, "spec files or folders of spec files")->required();
    cmd->add_option("--format", opts.format, "diagnostics format: human, json or sarif")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  };
  CLI::App* check = app.add_subcommand("check", "check a spec and report every problem");
  add_common(check);
  CLI::App* build = app.add_subcommand("build", "check a spec and generate its outputs");
  add_common(build);
  build->add_option("-o,--out", opts.out_dir, "output folder (replaced as a whole)")->required();
  build->add_flag("--check", opts.check_outputs,
                  "write nothing; fail and list the files that differ when the output folder "
                  "is not exactly what would be generated");
  std::string code;
  CLI::App* explain = app.add_subcommand("explain", "describe a diagnostic code");
  explain->add_option("CODE", code, "e.g. route/unreachable")->required();
  // Commands that live in their own files: each adder registers its
  // subcommand and returns the code that runs it.
  std::vector<std::pair<std::string, std::function<int()>>> commands;
  commands.emplace_back("promql", AddPromqlCommand(app));
  commands.emplace_back("logql", AddLogqlCommand(app));
  commands.emplace_back("eval", AddEvalCommand(app));
  commands.emplace_back("test", AddTestCommand(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  if (check->parsed()) return RunCheck(opts);
  if (build->parsed()) return RunBuild(opts);
  if (explain->parsed()) return RunExplain(code);
  for (auto& [name, run] : commands) {
    if (app.got_subcommand(name)) return run();
  }
  return 2;
}

}  // namespace
}  // namespace monc

int main(int argc, char** argv) { return monc::Main(argc, argv); }
