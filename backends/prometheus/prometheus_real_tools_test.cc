// Judges the Prometheus backend's files with promtool 2.42 (on PATH).
#include <gtest/gtest.h>

#include "backends/common/real_tools.h"
#include "backends/common/test_model.h"
#include "backends/prometheus/prometheus.h"

namespace monc::prometheus {
namespace {

using backends::Dur;
using backends::Rule;
using backends::RunShell;
using backends::ShellQuote;

// Every shape the backend writes, and values YAML would misread unquoted.
model::System Shop() {
  model::System system;
  system.name = "shop";
  system.prometheus_operator =
      model::System::Operator{"shop", "monitoring", {{"role", "alert-rules"}}};
  model::RuleGroup api;
  api.name.name = "shop.api";
  api.interval = Dur("30s");
  api.limit = 100;
  api.rules.push_back(Rule(model::Rule::Kind::Record, "job:up:sum", "sum by (job) (up)\n"));
  model::Rule errors = Rule(model::Rule::Kind::Alert, "HighErrorRate",
                            "sum(rate(http_requests_total{status=~\"5..\"}[5m])) by (service)\n"
                            "  / sum(rate(http_requests_total[5m])) by (service)\n"
                            "> 0.05\n");
  errors.for_duration = Dur("5m");
  errors.keep_firing_for = Dur("1h30m");
  errors.labels = {{"severity", "critical"}};
  errors.annotations = {{"summary", "{{ $labels.service }}: {{ $value | humanizePercentage }}"}};
  api.rules.push_back(errors);
  model::Rule tricky = Rule(model::Rule::Kind::Alert, "Tricky", "up == 0");
  tricky.labels = {{"on", "yes"},         {"hex", "0x1"}, {"ratio", "1.0"}, {"word", "null"},
                   {"day", "2024-01-31"}, {"star", "*"},  {"blank", " x "}};
  tricky.annotations = {{"description", "Job {{ $labels.job }} is down.\nCheck it.\n"},
                        {"two_lines", "no final\nnewline"}};
  api.rules.push_back(tricky);
  model::RuleGroup other;
  other.name.name = "shop.other";
  other.rules.push_back(Rule(model::Rule::Kind::Alert, "Absent", "absent(up{job=\"api\"})"));
  system.groups = {api, other};
  return system;
}

// What Prometheus reads back from the Tricky alert, written by hand.
constexpr char kRuleTests[] = R"(rule_files: [shop.rules.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'up{job="api"}'
        values: '0 0 0 0 0'
    alert_rule_test:
      - eval_time: 2m
        alertname: Tricky
        exp_alerts:
          - exp_labels:
              alertname: "Tricky"
              job: "api"
              "on": "yes"
              hex: "0x1"
              ratio: "1.0"
              word: "null"
              day: "2024-01-31"
              star: "*"
              blank: " x "
            exp_annotations:
              description: "Job api is down.\nCheck it.\n"
              two_lines: "no final\nnewline"
)";

class PrometheusRealToolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PrometheusBackend().Generate(CheckedSpecForTesting(Shop()), out_);
    dir_ = backends::TestDir("prometheus");
    backends::WriteFiles(out_, dir_);
  }
  OutputSet out_;
  std::string dir_;
};

TEST_F(PrometheusRealToolsTest, PromtoolAcceptsTheRuleFile) {
  backends::ToolRun run =
      RunShell("promtool check rules " + ShellQuote(dir_ + "/prometheus/rules/shop.rules.yml"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("SUCCESS: 4 rules found"), std::string::npos) << run.output;
}

TEST_F(PrometheusRealToolsTest, PrometheusReadsBackEveryValueUnchanged) {
  backends::WriteFile(dir_ + "/prometheus/rules/tests.yml", kRuleTests);
  backends::ToolRun run =
      RunShell("promtool test rules " + ShellQuote(dir_ + "/prometheus/rules/tests.yml"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

// spec.groups is the last key of the PrometheusRule, so the lines after
// "spec:", two spaces shallower, are a rule file of their own.
TEST_F(PrometheusRealToolsTest, PromtoolAcceptsThePrometheusRuleGroups) {
  const std::string& rule = out_.files().at("prometheus/operator/shop.yaml");
  size_t spec = rule.find("\nspec:\n");
  ASSERT_NE(spec, std::string::npos) << rule;
  std::string groups;
  for (size_t at = spec + 7; at < rule.size();) {
    size_t end = rule.find('\n', at) + 1;
    std::string line = rule.substr(at, end - at);
    groups += line.rfind("  ", 0) == 0 ? line.substr(2) : line;
    at = end;
  }
  const std::string& rule_file = out_.files().at("prometheus/rules/shop.rules.yml");
  EXPECT_EQ(groups, rule_file.substr(rule_file.find('\n') + 1));
  backends::WriteFile(dir_ + "/operator_groups.yml", groups);
  backends::ToolRun run =
      RunShell("promtool check rules " + ShellQuote(dir_ + "/operator_groups.yml"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST_F(PrometheusRealToolsTest, SameSpecSameBytes) {
  OutputSet again;
  PrometheusBackend().Generate(CheckedSpecForTesting(Shop()), again);
  EXPECT_EQ(again.files(), out_.files());
}

}  // namespace
}  // namespace monc::prometheus
