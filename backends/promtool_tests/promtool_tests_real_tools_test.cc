// Judges the SLO rules and their tests with the real tools on PATH:
// `promtool check rules` on the rule file, `promtool test rules` on the
// tests this backend writes for it (every tier fires just above its
// threshold and stays silent just below), `amtool check-config` on the
// Alertmanager config with the tiers' inhibit rules.
#include <gtest/gtest.h>

#include <fstream>

#include "backends/common/real_tools.h"
#include "backends/promtool_tests/promtool_tests.h"
#include "compiler/driver/generate.h"
#include "compiler/driver/pipeline.h"

namespace monc::promtool_tests {
namespace {

using backends::RunShell;
using backends::ShellQuote;

// Every SLI kind, custom tiers and windows, levels with labels.
constexpr char kStore[] = R"(version: 1
name: store
defaults: {labels: {env: prod}}
severities:
  levels:
    page: {page: true, labels: {oncall: "yes"}}
    ticket: {}
    info: {}
metrics:
  http_requests_total: {type: counter, labels: [job, code]}
  http_request_duration_seconds: {type: histogram, labels: [job]}
  orders_total: {type: counter, labels: [status]}
services:
  checkout: {team: payments}
slos:
  checkout-availability:
    service: checkout
    description: Checkout answers without server errors
    objective: 99.9
    sli: {bad: 'http_requests_total{job="checkout",code=~"5.."}', total: 'http_requests_total{job="checkout"}'}
    alerting: {page: page, ticket: ticket}
  orders-success:
    objective: '99.5%'
    window: 28d
    sli: {good: 'orders_total{status="ok"}', total: orders_total}
    labels: {domain: orders}
    alerting:
      page: page
      burn_rates:
        - {long: 30m, short: 5m, factor: 20}
        - {long: 2h, short: 10m, factor: 10}
        - {severity: info, long: 6h, short: 30m, factor: 4}
  checkout-latency:
    objective: 99
    window: 7d
    sli: {latency: {metric: http_request_duration_seconds, threshold: 1s, selector: '{job="checkout"}'}}
    alerting: {page: page}
  search-latency:
    objective: 95
    sli: {latency: {metric: http_request_duration_seconds, threshold: 250ms, selector: '{job=~"search|browse"}'}}
    alerting: {page: page}
receivers:
  oncall: {webhook: {url: 'http://pager.example.com/hook'}}
  tickets: {webhook: {url: 'http://tickets.example.com/hook'}}
routes:
  receiver: tickets
  routes: [{match: {severity: page}, receiver: oncall}]
)";

TEST(PromtoolTestsRealTools, RulesCheckAndEveryTierPassesItsTests) {
  std::string dir = backends::TestDir("store");
  std::ofstream(dir + "/spec.yaml") << kStore;
  SourceManager sources;
  DiagnosticSink sink;
  CompileResult result = Compile({dir + "/spec.yaml"}, sources, sink);
  ASSERT_TRUE(result.spec);
  OutputSet out = Generate(*result.spec);
  PromtoolTestsBackend().Generate(*result.spec, out);
  std::string outputs = dir + "/out";
  backends::WriteFiles(out, outputs);

  backends::ToolRun check =
      RunShell("promtool check rules " + ShellQuote(outputs + "/prometheus/rules/store.rules.yml"));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("SUCCESS: 71 rules found"), std::string::npos) << check.output;

  // Four SLOs' page tiers share four groups (steady and burst, above and
  // below); the ticket and info tiers two each. 20 cases in all.
  const std::string& tests = out.files().at("prometheus/tests/store.slo_test.yml");
  auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = tests.find(what); at != std::string::npos; at = tests.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("\n  - name: "), 8u);
  EXPECT_EQ(count("alertname: "), 20u);
  backends::ToolRun test =
      RunShell("cd " + ShellQuote(outputs + "/prometheus/tests") + " && promtool test rules store.slo_test.yml");
  EXPECT_EQ(test.exit_code, 0) << test.output;
  EXPECT_NE(test.output.find("SUCCESS"), std::string::npos) << test.output;

  backends::ToolRun am =
      RunShell("amtool check-config " + ShellQuote(outputs + "/alertmanager/alertmanager.yml"));
  EXPECT_EQ(am.exit_code, 0) << am.output;
}

}  // namespace
}  // namespace monc::promtool_tests
