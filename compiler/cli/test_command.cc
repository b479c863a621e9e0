#include "compiler/cli/test_command.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diag/render.h"
#include "compiler/driver/generate.h"
#include "compiler/driver/pipeline.h"
#include "compiler/ruletest/runner.h"
#include "compiler/ruletest/test_file.h"

namespace monc {
namespace {

struct TestOptions {
  std::vector<std::string> specs;
  std::vector<std::string> promtool_files;
};

struct Tally {
  int files = 0;
  int passed = 0;
  int failed = 0;
};

// One test file: parsed, run, and printed as promtool's "Unit Testing:"
// block with a PASS or FAIL line per test group.
void RunOne(const std::string& path, const std::string& text, const ruletest::RuleFiles& files,
            Tally& tally) {
  ++tally.files;
  std::cout << "Unit Testing:  " << path << "\n";
  SourceManager sources;
  DiagnosticSink sink;
  std::optional<ruletest::TestFile> file =
      ruletest::LoadTestFile(sources.Add(path, text), sources, sink);
  if (!file) {
    std::cout << "  FAILED:\n" << RenderText(sink.Sorted(), sources) << "\n";
    ++tally.failed;
    return;
  }
  ruletest::FileResult result = ruletest::RunTestFile(*file, path, files);
  for (const std::string& warning : result.warnings) std::cout << warning << "\n";
  for (size_t i = 0; i < result.groups.size(); ++i) {
    const ruletest::GroupResult& group = result.groups[i];
    const std::string name =
        group.name.empty() ? "(test group " + std::to_string(i + 1) + ")" : group.name;
    if (group.passed()) {
      std::cout << "  PASS: " << name << "\n";
      ++tally.passed;
      continue;
    }
    std::cout << "  FAIL: " << name << "\n";
    for (const std::string& error : group.errors) std::cout << error << "\n\n";
    ++tally.failed;
  }
  std::cout << "\n";
}

int Summary(const Tally& tally) {
  std::cout << tally.files << (tally.files == 1 ? " file, " : " files, ")
            << tally.passed + tally.failed << " test groups: " << tally.passed << " passed, "
            << tally.failed << " failed\n";
  return tally.failed == 0 ? 0 : 1;
}

int RunSpecs(const TestOptions& opts) {
  SourceManager sources;
  DiagnosticSink sink;
  CompileResult compiled = Compile(opts.specs, sources, sink);
  std::cerr << RenderText(sink.Sorted(), sources);
  if (compiled.io_error) return 2;
  if (!compiled.spec) return 1;
  OutputSet outputs = Generate(*compiled.spec);
  const ruletest::MemoryRuleFiles files(outputs.files());
  Tally tally;
  for (const auto& [path, text] : outputs.files()) {
    if (path.rfind("prometheus/tests/", 0) == 0) RunOne(path, text, files, tally);
  }
  if (tally.files == 0) std::cout << "the spec has no tests and no SLO alerts to test\n";
  return Summary(tally);
}

int RunPromtoolFiles(const TestOptions& opts) {
  const ruletest::DiskRuleFiles files;
  Tally tally;
  for (const std::string& path : opts.promtool_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "monc: error: cannot read '" << path << "'\n";
      return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    RunOne(path, text.str(), files, tally);
  }
  return Summary(tally);
}

}  // namespace

std::function<int()> AddTestCommand(CLI::App& app) {
  auto opts = std::make_shared<TestOptions>();
  CLI::App* test = app.add_subcommand(
      "test", "run a spec's tests (and its SLO tier tests), or promtool test files, on monc's "
              "rule evaluator");
  auto* specs = test->add_option("SPEC", opts->specs, "spec files or folders of spec files");
  auto* files = test->add_option("--promtool-file", opts->promtool_files,
                                 "a `promtool test rules` file, run instead of a spec's tests");
  specs->excludes(files);
  test->require_option(1);
  return [opts]() {
    return opts->promtool_files.empty() ? RunSpecs(*opts) : RunPromtoolFiles(*opts);
  };
}

}  // namespace monc
