#include "compiler/analysis/slo_expand.h"

#include <gtest/gtest.h>

#include <memory>

#include "compiler/analysis/slo_sli.h"
#include "compiler/model/build.h"
#include "compiler/promql/promql.h"
#include "compiler/spec/load.h"
#include "compiler/spec/validate.h"

namespace monc {
namespace {

// A spec built and expanded, with the sources its spans point into.
struct Expanded {
  SourceManager sources;
  DiagnosticSink sink;
  model::System system;

  // "code line:col" of every diagnostic, in order.
  std::vector<std::string> Reports() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : sink.Sorted()) {
      LineCol lc = sources.Locate(d.primary.file, d.primary.begin);
      out.push_back(std::string(Info(d.code).id) + " " + std::to_string(lc.line) + ":" +
                    std::to_string(lc.column));
    }
    return out;
  }

  const model::RuleGroup* Group(const std::string& name) const {
    for (const model::RuleGroup& g : system.groups) {
      if (g.name.name == name) return &g;
    }
    return nullptr;
  }
};

std::unique_ptr<Expanded> Expand(const std::string& yaml) {
  auto e = std::make_unique<Expanded>();
  FileId file = e->sources.Add("spec.yaml", yaml);
  std::vector<SpecDocument> docs;
  if (auto doc = LoadSpec(file, e->sources, e->sink); doc && ValidateSpec(*doc, e->sink)) {
    docs.push_back(std::move(*doc));
  }
  e->system = BuildModel(docs, e->sources, e->sink);
  ExpandSlos(e->system, e->sources, e->sink);
  return e;
}

constexpr char kShop[] = R"(version: 1
name: shop
defaults: {labels: {env: prod}}
metrics:
  http_requests_total: {type: counter, labels: [job, code]}
  http_request_duration_seconds: {type: histogram, labels: [job]}
services:
  api: {team: web}
slos:
  availability:
    service: api
    objective: 99.95
    window: 30d
    sli: {bad: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}'}
    alerting: {page: critical, ticket: warning}
    labels: {tier: gold}
  successes:
    objective: '99%'
    window: 7d
    sli: {good: 'http_requests_total{code!~"5.."}', total: http_requests_total}
    alerting: {ticket: warning}
  latency:
    description: API under 300ms
    objective: 95
    sli: {latency: {metric: http_request_duration_seconds, threshold: 300ms, selector: '{job="api"}'}}
    alerting:
      page: critical
      burn_rates:
        - {long: 1h, short: 1m, factor: 10}
        - {severity: info, long: 12h, short: 1h, factor: 2}
)";

std::map<std::string, std::string> Exprs(const model::RuleGroup& group) {
  std::map<std::string, std::string> out;
  for (const model::Rule& r : group.rules) out[r.name.name] = r.expr;
  return out;
}

TEST(SloExpand, BadTotalSloRecordsSlothsSeriesFromOneBaseRate) {
  auto e = Expand(kShop);
  EXPECT_EQ(e->Reports(), std::vector<std::string>{});
  const model::RuleGroup* group = e->Group("slo:availability");
  ASSERT_NE(group, nullptr);
  const std::string id = R"({sloth_id="api-availability"})";
  std::vector<std::string> names;
  for (const model::Rule& r : group->rules) names.push_back(r.name.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "slo:sli_total:rate5m", "slo:sli_error:rate5m", "slo:sli_error:ratio_rate5m",
                       "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h",
                       "slo:sli_error:ratio_rate2h", "slo:sli_error:ratio_rate6h",
                       "slo:sli_error:ratio_rate1d", "slo:sli_error:ratio_rate3d",
                       "slo:sli_error:ratio_rate30d", "slo:objective:ratio", "slo:error_budget:ratio",
                       "slo:time_period:days", "slo:current_burn_rate:ratio",
                       "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio",
                       "AvailabilityBudgetBurnPage", "AvailabilityBudgetBurnTicket"}));
  auto exprs = Exprs(*group);
  EXPECT_EQ(exprs["slo:sli_total:rate5m"], R"(sum(rate(http_requests_total{job="api"}[5m])))");
  EXPECT_EQ(exprs["slo:sli_error:rate5m"],
            R"(sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) or on() 0 * slo:sli_total:rate5m)" + id);
  EXPECT_EQ(exprs["slo:sli_error:ratio_rate5m"],
            "slo:sli_error:rate5m" + id + " / slo:sli_total:rate5m" + id);
  // Long windows come from the recorded 5m rates, never from raw series.
  EXPECT_EQ(exprs["slo:sli_error:ratio_rate30d"], "sum_over_time(slo:sli_error:rate5m" + id +
                                                      "[30d]) / sum_over_time(slo:sli_total:rate5m" +
                                                      id + "[30d])");
  EXPECT_EQ(exprs["slo:sli_error:ratio_rate3d"], "sum_over_time(slo:sli_error:rate5m" + id +
                                                     "[3d]) / sum_over_time(slo:sli_total:rate5m" +
                                                     id + "[3d])");
  EXPECT_EQ(exprs["slo:objective:ratio"], "vector(0.9995)");
  EXPECT_EQ(exprs["slo:error_budget:ratio"], "vector(0.0005)");
  EXPECT_EQ(exprs["slo:time_period:days"], "vector(30)");
  EXPECT_EQ(exprs["slo:current_burn_rate:ratio"], "slo:sli_error:ratio_rate5m" + id + " / 0.0005");
  EXPECT_EQ(exprs["slo:period_burn_rate:ratio"], "slo:sli_error:ratio_rate30d" + id + " / 0.0005");
  EXPECT_EQ(exprs["slo:period_error_budget_remaining:ratio"],
            "1 - slo:period_burn_rate:ratio" + id);
  EXPECT_EQ(exprs["AvailabilityBudgetBurnPage"],
            "(\n"
            "  slo:sli_error:ratio_rate1h" + id + " / 0.0005 > 14.4\n"
            "  and\n"
            "  slo:sli_error:ratio_rate5m" + id + " / 0.0005 > 14.4\n"
            ")\n"
            "or\n"
            "(\n"
            "  slo:sli_error:ratio_rate6h" + id + " / 0.0005 > 6\n"
            "  and\n"
            "  slo:sli_error:ratio_rate30m" + id + " / 0.0005 > 6\n"
            ")");
  EXPECT_EQ(group->rules.front().labels,
            (model::LabelSet{{"env", "prod"},
                             {"sloth_id", "api-availability"},
                             {"sloth_service", "api"},
                             {"sloth_slo", "availability"},
                             {"tier", "gold"}}));
}

TEST(SloExpand, AlertTiersCarryTheirLevelTierAndServiceLabels) {
  auto e = Expand(kShop);
  const model::RuleGroup* group = e->Group("slo:availability");
  ASSERT_NE(group, nullptr);
  const model::Rule& ticket = group->rules.back();
  EXPECT_EQ(ticket.name.name, "AvailabilityBudgetBurnTicket");
  EXPECT_EQ(ticket.labels, (model::LabelSet{{"env", "prod"},
                                            {"service", "api"},
                                            {"severity", "warning"},
                                            {"slo_tier", "ticket"},
                                            {"sloth_id", "api-availability"},
                                            {"sloth_service", "api"},
                                            {"sloth_slo", "availability"},
                                            {"team", "web"},
                                            {"tier", "gold"}}));
  EXPECT_EQ(ticket.annotations.at("summary"), "SLO 'availability' burns its error budget too fast");
  EXPECT_EQ(ticket.annotations.at("description"),
            "SLO 'availability', objective 99.95% over 30d: error budget burn rate above 3 over 1d "
            "and 2h (10% of the budget in 1d) or above 1 over 3d and 6h (10% of the budget in 3d)");
  EXPECT_FALSE(ticket.for_duration);
}

TEST(SloExpand, PageInhibitsTicketOfTheSameSlo) {
  auto e = Expand(kShop);
  std::vector<std::string> rules;
  for (const model::InhibitRule& r : e->system.inhibit_rules) {
    std::string text;
    for (const auto* side : {&r.source, &r.target}) {
      text += text.empty() ? "" : " -> ";
      for (const model::Matcher& m : *side) text += m.ToString() + " ";
    }
    rules.push_back(text);
  }
  EXPECT_EQ(rules, (std::vector<std::string>{
                       R"(sloth_id="api-availability" slo_tier="page"  -> sloth_id="api-availability" slo_tier="ticket" )",
                       R"(sloth_id="shop-latency" slo_tier="page"  -> sloth_id="shop-latency" slo_tier="info" )"}));
}

TEST(SloExpand, GoodTotalAndLatencySlis) {
  auto e = Expand(kShop);
  auto successes = Exprs(*e->Group("slo:successes"));
  EXPECT_EQ(successes["slo:sli_error:rate5m"],
            R"(sum(rate(http_requests_total[5m])) - (sum(rate(http_requests_total{code!~"5.."}[5m])) or vector(0)))");
  EXPECT_EQ(successes["slo:sli_total:rate5m"], "sum(rate(http_requests_total[5m]))");
  // 7d prints as Prometheus (and Sloth) print it.
  EXPECT_EQ(successes["slo:time_period:days"], "vector(7)");
  EXPECT_TRUE(successes.count("slo:sli_error:ratio_rate1w"));
  auto latency = Exprs(*e->Group("slo:latency"));
  // The custom 1m window is the shortest: the base every window derives from.
  EXPECT_EQ(latency["slo:sli_total:rate1m"],
            R"(sum(rate(http_request_duration_seconds_count{job="api"}[1m])))");
  EXPECT_EQ(latency["slo:sli_error:rate1m"],
            R"(sum(rate(http_request_duration_seconds_count{job="api"}[1m])) - sum(rate(http_request_duration_seconds_bucket{job="api",le="0.3"}[1m])))");
  EXPECT_EQ(latency["slo:sli_error:ratio_rate12h"],
            R"(sum_over_time(slo:sli_error:rate1m{sloth_id="shop-latency"}[12h]) / sum_over_time(slo:sli_total:rate1m{sloth_id="shop-latency"}[12h]))");
  // A burn rate without a severity pages; one at another level is its own tier.
  EXPECT_TRUE(latency.count("LatencyBudgetBurnPage"));
  EXPECT_TRUE(latency.count("LatencyBudgetBurnInfo"));
}

TEST(SloExpand, EveryGeneratedExpressionPassesThePromqlFrontEnd) {
  auto e = Expand(kShop);
  int rules = 0;
  for (const model::RuleGroup& group : e->system.groups) {
    for (const model::Rule& rule : group.rules) {
      promql::ParseResult result = promql::ParseExpr(rule.expr);
      EXPECT_TRUE(result.errors.empty()) << rule.name.name << ": " << rule.expr << "\n"
                                         << result.errors.front().message;
      ++rules;
    }
  }
  EXPECT_EQ(rules, 18 + 17 + 20);
}

TEST(SloExpand, LeMatchesBothSpellingsOfWholeSeconds) {
  EXPECT_EQ(slo::LeMatcher(300), R"(le="0.3")");
  EXPECT_EQ(slo::LeMatcher(1500), R"(le="1.5")");
  EXPECT_EQ(slo::LeMatcher(5), R"(le="0.005")");
  EXPECT_EQ(slo::LeMatcher(1000), R"(le=~"1|1\\.0")");
  EXPECT_EQ(slo::LeMatcher(60000), R"(le=~"60|60\\.0")");
}

// Each bad spec, and the diagnostics it must get ("code line:col").
struct BadCase {
  const char* name;
  const char* slos;
  std::vector<std::string> reports;
};

const BadCase kBadCases[] = {
    {"objective 80% leaves no page tier",
     "  a:\n"
     "    objective: 80\n"
     "    sli: {bad: 'x{code=\"5\"}', total: x}\n"
     "    alerting: {page: critical, ticket: warning}\n",
     {"slo/tier-never-fires 12:22"}},
    {"a written factor above the budget",
     "  a:\n"
     "    objective: 90\n"
     "    sli: {bad: 'x{code=\"5\"}', total: x}\n"
     "    alerting:\n"
     "      burn_rates: [{severity: critical, long: 1h, short: 5m, factor: 10}]\n",
     {"slo/tier-never-fires 13:70"}},
    {"windows that round to nothing or are not shorter than their pair",
     "  a:\n"
     "    objective: 99\n"
     "    window: 0s\n"
     "    sli: {bad: 'x{code=\"5\"}', total: x}\n"
     "    alerting:\n"
     "      burn_rates: [{severity: critical, long: 1h, short: 1h, factor: 2},\n"
     "                   {severity: critical, long: 1h, short: 500ms, factor: 2}]\n",
     {"slo/bad-window 11:13", "slo/bad-window 14:58", "slo/bad-window 15:58"}},
    {"an objective written as a ratio",
     "  a:\n"
     "    objective: 0.999\n"
     "    sli: {bad: 'x{code=\"5\"}', total: x}\n",
     {"slo/objective-as-ratio 10:16"}},
    {"a burn rate with nothing to alert at",
     "  a:\n"
     "    objective: 99\n"
     "    sli: {bad: 'x{code=\"5\"}', total: x}\n"
     "    alerting: {burn_rates: [{long: 1h, short: 5m, factor: 2}]}\n",
     {"spec/bad-value 12:29"}},
    {"SLI problems at their place in the SLI",
     "  a:\n"
     "    objective: 99\n"
     "    sli: {bad: 'x{code=\"5\"', total: 'y'}\n",
     {"promql/syntax 11:27"}},
    {"an unknown metric in a latency SLI",
     "  a:\n"
     "    objective: 99\n"
     "    sli: {latency: {metric: http_request_duration, threshold: 1s, selector: '{jb=\"a\"}'}}\n",
     {"promql/unknown-metric 11:29"}},
    {"an unknown label in a latency SLI, once for _count and _bucket",
     "  a:\n"
     "    objective: 99\n"
     "    sli: {latency: {metric: http_request_duration_seconds, threshold: 1s, selector: '{jb=\"a\"}'}}\n",
     {"promql/unknown-label 11:87"}},
};

class SloBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(SloBadInput, ReportsAtTheSlosPlace) {
  const BadCase& c = GetParam();
  auto e = Expand(std::string("version: 1\n"
                              "metrics:\n"
                              "  x: {type: counter, labels: [code]}\n"
                              "  y: {type: counter}\n"
                              "  http_request_duration_seconds: {type: histogram, labels: [job]}\n"
                              "groups:\n"
                              "  g: {rules: [{record: 'a:x:rate', expr: 'rate(x[5m])'}]}\n"
                              "slos:\n") +
                  c.slos);
  EXPECT_EQ(e->Reports(), c.reports) << c.name;
  bool error = false;
  for (const Diagnostic& d : e->sink.All()) error = error || d.severity == Severity::Error;
  EXPECT_EQ(e->Group("slo:a") == nullptr, error) << "an SLO with an error expands to nothing";
}

INSTANTIATE_TEST_SUITE_P(Cases, SloBadInput, ::testing::ValuesIn(kBadCases));

TEST(SloExpand, ObjectiveAsRatioOffersThePercentage) {
  auto e = Expand(
      "version: 1\nslos:\n  a:\n    objective: 0.999\n    sli: {bad: 'x{code=\"5\"}', total: x}\n");
  ASSERT_EQ(e->sink.All().size(), 1u);
  const Diagnostic& d = e->sink.All().front();
  EXPECT_EQ(d.message, "objective 0.999 of SLO 'a' means 0.999%, an error budget of 99.001%");
  ASSERT_TRUE(d.fix);
  EXPECT_EQ(d.fix->replacement, "99.9");
}

TEST(SloPlan, BudgetIsExactDecimal) {
  auto e = Expand(kShop);
  std::optional<slo::Plan> plan = slo::PlanSlo(e->system, e->system.slos.front());
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->budget.RatioText(), "0.0005");
  EXPECT_EQ(plan->budget.PercentText(), "0.05");
  EXPECT_EQ(plan->objective.RatioText(), "0.9995");
  EXPECT_EQ(plan->windows_ms.front(), 5 * 60 * 1000);
  ASSERT_EQ(plan->tiers.size(), 2u);
  EXPECT_EQ(plan->tiers[0].name, "page");
  EXPECT_EQ(plan->tiers[1].name, "ticket");
}

}  // namespace
}  // namespace monc
