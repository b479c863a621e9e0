// The Loki backend on every example: the same bytes on every run, and every
// expression it writes read back by monc's LogQL front end as Loki's ruler
// and compactor read it (a rule's expr as a metric query, a retention
// selector as stream matchers).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <memory>

#include "backends/common/examples_for_test.h"
#include "backends/loki/loki.h"
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

void CheckExample(const fs::path& example) {
  std::unique_ptr<backends::BuiltExample> built = backends::BuildExample(example, LokiBackend());
  if (!built) return;
  for (const auto& [path, contents] : built->out.files()) {
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

}  // namespace
}  // namespace monc::loki

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  monc::backends::RegisterExampleTests("LokiExamples", monc::loki::CheckExample);
  return RUN_ALL_TESTS();
}
