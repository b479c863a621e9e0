// The Loki backend on every example: the same bytes on every run, and every
// expression it writes read back by monc's LogQL front end as Loki's ruler
// and compactor read it (a rule's expr as a metric query, a retention
// selector as stream matchers).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "backends/loki/loki.h"
#include "compiler/diag/render.h"
#include "compiler/driver/pipeline.h"
#include "compiler/logql/logql.h"

namespace monc::loki {
namespace {

namespace fs = std::filesystem;

void ExpectParses(const std::string& text, logql::EntryPoint entry, const std::string& where) {
  logql::ParseResult parsed = logql::Parse(text, entry);
  EXPECT_TRUE(parsed.errors.empty())
      << where << ": "
      << (parsed.errors.empty() ? "" : logql::LokiErrorText(text, parsed.errors[0])) << "\n"
      << text;
}

class ExampleTest : public ::testing::Test {
 public:
  explicit ExampleTest(fs::path example) : example_(std::move(example)) {}

  void TestBody() override {
    SourceManager sources;
    DiagnosticSink sink;
    std::optional<CheckedSpec> spec = Compile({example_.string()}, sources, sink).spec;
    ASSERT_TRUE(spec) << RenderText(sink.Sorted(), sources);
    OutputSet out, again;
    LokiBackend().Generate(*spec, out);
    LokiBackend().Generate(*spec, again);
    EXPECT_EQ(again.files(), out.files()) << "same spec, different bytes";
    for (const auto& [path, contents] : out.files()) {
      const YAML::Node doc = YAML::Load(contents);
      if (doc["groups"]) {
        for (const YAML::Node& group : doc["groups"]) {
          for (const YAML::Node& rule : group["rules"]) {
            ExpectParses(rule["expr"].as<std::string>(), logql::EntryPoint::SampleExpr, path);
          }
        }
      }
      if (doc["limits_config"] && doc["limits_config"]["retention_stream"]) {
        for (const YAML::Node& stream : doc["limits_config"]["retention_stream"]) {
          ExpectParses(stream["selector"].as<std::string>(), logql::EntryPoint::Matchers, path);
        }
      }
    }
  }

 private:
  fs::path example_;
};

}  // namespace
}  // namespace monc::loki

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  ::testing::InitGoogleTest(&argc, argv);
  std::vector<fs::path> examples;
  for (const auto& e : fs::directory_iterator("examples")) {
    if (e.is_directory()) examples.push_back(e.path());
  }
  std::sort(examples.begin(), examples.end());
  for (const fs::path& e : examples) {
    ::testing::RegisterTest("LokiExamples", e.filename().string().c_str(), nullptr, nullptr,
                            __FILE__, __LINE__,
                            [e]() -> ::testing::Test* { return new monc::loki::ExampleTest(e); });
  }
  return RUN_ALL_TESTS();
}
