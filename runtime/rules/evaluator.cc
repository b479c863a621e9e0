// Prometheus 2.42's Group.Eval for every group: each rule's query at the
// evaluation time, its output appended to the store at once (so later rules
// read it), and staleness markers for the series the rule wrote last time
// but not this time.
#include <chrono>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <utility>

#include "runtime/rules/rule_eval.h"
#include "runtime/rules/rules.h"

namespace monc::runtime {
namespace {

struct LabelsHash {
  size_t operator()(const Labels& l) const { return l.Hash(); }
};
using SeriesSet = std::unordered_set<Labels, LabelsHash>;

// EngineQueryFunc: a scalar becomes one sample without labels; anything
// else but a vector is an error.
std::string ToVector(const Value& value, Vector& out) {
  if (const auto* v = std::get_if<Vector>(&value)) {
    out = *v;
  } else if (const auto* s = std::get_if<Scalar>(&value)) {
    out = {{Labels(), s->t, s->v}};
  } else {
    return "rule result is not a vector or scalar";
  }
  return "";
}

// The template `query` function: the same engine over the same store at
// the evaluation time, as Prometheus passes its rule QueryFunc.
TemplateQuery QueryFunction(const Engine& engine, const ParseExprFunc& parse,
                            const SeriesStore& store, int64_t t_ms) {
  return [&engine, &parse, &store, t_ms](std::string_view text, Vector& out, std::string& error) {
    if (!parse) {
      error = "no PromQL parser";
      return false;
    }
    std::shared_ptr<const promql::Expr> expr = parse(text, error);
    if (!expr) return false;
    QueryResult r = engine.Instant(store, *expr, t_ms);
    error = r.ok() ? ToVector(r.value, out) : r.error;
    return error.empty();
  };
}

int64_t ElapsedNs(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                              start)
      .count();
}

}  // namespace

struct RuleEvaluator::RuleState {
  SeriesSet series_in_previous_eval;
  // Alerting rules only.
  rules_internal::ActiveAlerts alerts;
  std::optional<rules_internal::AlertTemplates> templates;
};

RuleEvaluator::RuleEvaluator(std::vector<RuleGroup> groups, RuleOptions options)
    : groups_(std::move(groups)), options_(std::move(options)) {
  for (const RuleGroup& g : groups_) {
    state_.emplace_back();
    for (const Rule& rule : g.rules) {
      auto state = std::make_shared<RuleState>();
      if (const auto* alert = std::get_if<AlertingRule>(&rule)) state->templates.emplace(*alert);
      state_.back().push_back(std::move(state));
    }
  }
}

std::vector<RuleResult> RuleEvaluator::EvaluateAt(SeriesStore& store, int64_t t_ms) {
  std::vector<RuleResult> results;
  for (size_t g = 0; g < groups_.size(); ++g) {
    const RuleGroup& group = groups_[g];
    EngineOptions engine_options = options_.engine;
    engine_options.default_subquery_step_ms = group.interval_ms;
    Engine engine(engine_options);
    for (size_t i = 0; i < group.rules.size(); ++i) {
      auto start = std::chrono::steady_clock::now();
      RuleState& state = *state_[g][i];
      RuleResult& result = results.emplace_back();
      result.group = g;
      result.index = i;
      const promql::Expr& expr = *std::visit([](const auto& r) { return r.expr; }, group.rules[i]);
      result.query = engine.Instant(store, expr, t_ms);

      Vector output;
      if (result.query.ok()) result.rule_error = ToVector(result.query.value, output);
      const auto* record = std::get_if<RecordingRule>(&group.rules[i]);
      if (result.ok() && record) {
        result.rule_error = rules_internal::ApplyRecordingRule(*record, group.limit, output);
      } else if (result.ok()) {
        rules_internal::AlertingContext context;
        context.template_data.external_labels = options_.external_labels;
        context.template_data.external_url = options_.external_url;
        context.template_data.time_ms = t_ms;
        context.template_data.query = QueryFunction(engine, options_.parse_expr, store, t_ms);
        context.resolved_retention_ms = options_.resolved_retention_ms;
        context.limit = group.limit;
        Vector query_vector = std::move(output);
        output.clear();
        result.rule_error = rules_internal::EvalAlertingRule(
            std::get<AlertingRule>(group.rules[i]), *state.templates, query_vector, t_ms, context,
            state.alerts, output);
      }
      // A failed rule writes nothing and keeps last time's series: they go
      // stale only after an evaluation that succeeds without them.
      if (result.ok()) WriteOutput(store, t_ms, output, state, result);
      result.eval_ns = ElapsedNs(start);
    }
  }
  return results;
}

// Appends a rule's output, then staleness markers for the series it wrote
// last time but not now. A refused sample is counted and becomes the rule's
// error, as Prometheus sets lastError; the rest is still written.
void RuleEvaluator::WriteOutput(SeriesStore& store, int64_t t_ms, Vector& output, RuleState& state,
                                RuleResult& result) {
  SeriesSet returned;
  for (VectorElement& s : output) {
    AppendStatus status = store.Append(s.labels, s.t, s.v);
    if (status == AppendStatus::Ok) {
      returned.insert(std::move(s.labels));
    } else {
      ++result.samples_discarded;
      result.rule_error = std::string(Describe(status));
    }
  }
  for (const Labels& gone : state.series_in_previous_eval) {
    // Refused (out of order, duplicate) when another rule writes the
    // series now: expected, and ignored as Prometheus does.
    if (!returned.count(gone)) store.Append(gone, t_ms, StaleNaN());
  }
  state.series_in_previous_eval = std::move(returned);
}

std::vector<Alert> RuleEvaluator::Alerts(size_t group, size_t index) const {
  std::vector<Alert> out;
  for (const auto& [labels, alert] : state_[group][index]->alerts) out.push_back(alert);
  return out;
}

}  // namespace monc::runtime
