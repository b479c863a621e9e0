#include "backends/promtool_tests/spec_tests.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "backends/common/names.h"
#include "backends/common/yaml_emit.h"
#include "backends/promtool_tests/names.h"

namespace monc::promtool_tests {
namespace {

using Json = nlohmann::ordered_json;

Json AlertTest(const model::RuleTest::ExpectedAlert& expected) {
  Json out;
  out["eval_time"] = expected.at.text;
  out["alertname"] = expected.alert.name;
  Json& alerts = out["exp_alerts"] = Json::array();
  for (const model::RuleTest::ExpectedAlert::Firing& firing : expected.firing) {
    Json alert;
    alert["exp_labels"] = firing.labels;
    alert["exp_annotations"] = firing.annotations;
    alerts.push_back(std::move(alert));
  }
  return out;
}

Json ExprTest(const model::RuleTest::ExpectedValue& expected) {
  Json out;
  out["expr"] = expected.expr;
  out["eval_time"] = expected.at.text;
  Json& samples = out["exp_samples"] = Json::array();
  for (const auto& [labels, value] : expected.samples) {
    samples.push_back({{"labels", labels}, {"value", value}});
  }
  return out;
}

Json TestGroup(const model::RuleTest& test) {
  Json out;
  out["name"] = test.name.name;
  out["interval"] = test.interval.text;
  Json& series = out["input_series"] = Json::array();
  for (const auto& [selector, values] : test.series) {
    series.push_back({{"series", selector}, {"values", values}});
  }
  if (!test.alerts.empty()) {
    Json& alerts = out["alert_rule_test"] = Json::array();
    for (const auto& expected : test.alerts) alerts.push_back(AlertTest(expected));
  }
  if (!test.values.empty()) {
    Json& exprs = out["promql_expr_test"] = Json::array();
    for (const auto& expected : test.values) exprs.push_back(ExprTest(expected));
  }
  return out;
}

}  // namespace

void GenerateSpecTests(const model::System& system, OutputSet& out) {
  if (system.tests.empty()) return;
  auto shortest = std::min_element(
      system.tests.begin(), system.tests.end(),
      [](const model::RuleTest& a, const model::RuleTest& b) {
        return a.interval.millis < b.interval.millis;
      });
  Json doc;
  doc["rule_files"] = Json::array({RuleFileFromTests(system)});
  doc["evaluation_interval"] = shortest->interval.text;
  Json& tests = doc["tests"] = Json::array();
  for (const model::RuleTest& test : system.tests) tests.push_back(TestGroup(test));
  out.Add(SpecTestFilePath(system), backends::RenderYaml(doc, backends::SystemName(system)));
}

}  // namespace monc::promtool_tests
