#include "compiler/ruletest/runner.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "compiler/ruletest/promtool_text.h"

namespace monc::ruletest {
namespace {

TEST(PromtoolText, GoDurations) {
  EXPECT_EQ(GoDuration(0), "0s");
  EXPECT_EQ(GoDuration(250), "250ms");
  EXPECT_EQ(GoDuration(90'500), "1m30.5s");
  EXPECT_EQ(GoDuration(3'600'000), "1h0m0s");
}

TEST(Runner, CleansPathsAsGo) {
  EXPECT_EQ(CleanPath("prometheus/tests/../rules/a.yml"), "prometheus/rules/a.yml");
  EXPECT_EQ(CleanPath("./a//b/"), "a/b");
  EXPECT_EQ(CleanPath("../a"), "../a");
}

const std::map<std::string, std::string> kFiles = {
    {"rules/r.yml", R"(groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - alert: Down
        expr: up == 0
        for: 1m
        labels: {severity: page}
        annotations: {summary: '{{ $labels.job }} is down'}
)"},
};

// Runs `test_yaml` (rule_files: [../rules/r.yml]) from tests/t.yml.
FileResult RunTests(const std::string& test_yaml) {
  SourceManager sources;
  DiagnosticSink sink;
  FileId id = sources.Add("tests/t.yml", "rule_files: [../rules/r.yml]\n" + test_yaml);
  std::optional<TestFile> file = LoadTestFile(id, sources, sink);
  EXPECT_TRUE(file.has_value());
  if (!file) return {};
  return RunTestFile(*file, "tests/t.yml", MemoryRuleFiles(kFiles));
}

TEST(Runner, FiringAlertsAndRecordedValuesPass) {
  FileResult r = RunTests(R"(tests:
  - interval: 1m
    input_series: [{series: 'up{job="a"}', values: '1 0 0 0'}]
    alert_rule_test:
      - {eval_time: 1m, alertname: Down, exp_alerts: []}
      - eval_time: 2m
        alertname: Down
        exp_alerts: [{exp_labels: {job: a, severity: page}, exp_annotations: {summary: a is down}}]
    promql_expr_test:
      - {expr: 'job:up:sum', eval_time: 3m, exp_samples: [{labels: 'job:up:sum{job="a"}', value: 0}]}
)");
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_TRUE(r.passed()) << (r.groups[0].errors.empty() ? "" : r.groups[0].errors[0]);
}

TEST(Runner, MismatchesReadAsPromtools) {
  FileResult r = RunTests(R"(tests:
  - name: down
    interval: 1m
    input_series: [{series: 'up{job="a"}', values: '0x3'}]
    alert_rule_test:
      - {eval_time: 90s, alertname: Down, exp_alerts: []}
    promql_expr_test:
      - {expr: 'sum(up)', eval_time: 1m, exp_samples: [{labels: '{}', value: 1}]}
)");
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].errors.size(), 2u);
  EXPECT_EQ(r.groups[0].errors[0], R"(    name: down,
    alertname: Down, time: 1m30s, 
        exp:[], 
        got:[
            0:
              Labels:{alertname="Down", job="a", severity="page"}
              Annotations:{summary="a is down"}
            ])");
  EXPECT_EQ(r.groups[0].errors[1], R"x(    expr: "sum(up)", time: 1m,
        exp: {} 1E+00
        got: {} 0E+00)x");
}

TEST(Runner, AMissingRuleFileIsAWarning) {
  SourceManager sources;
  DiagnosticSink sink;
  FileId id = sources.Add("t.yml", "rule_files: [nothing.yml]\ntests: []\n");
  FileResult r = RunTestFile(*LoadTestFile(id, sources, sink), "t.yml", MemoryRuleFiles(kFiles));
  EXPECT_EQ(r.warnings, std::vector<std::string>{"  WARNING: no file match pattern nothing.yml"});
}

TEST(TestFile, UnknownKeysAreErrors) {
  SourceManager sources;
  DiagnosticSink sink;
  FileId id = sources.Add("t.yml", "tests:\n  - interval: 1m\n    inputs: []\n");
  EXPECT_FALSE(LoadTestFile(id, sources, sink).has_value());
  EXPECT_EQ(sink.ErrorCount(), 1u);
}

}  // namespace
}  // namespace monc::ruletest
