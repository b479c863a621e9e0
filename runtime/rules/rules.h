// Prometheus's rule manager over the series store: recording and alerting
// rules in groups, evaluated at a timestamp as Prometheus 2.42 evaluates
// them. Groups run in order and the rules of a group in order; a recording
// rule's output, the ALERTS and ALERTS_FOR_STATE series, and staleness
// markers for series that disappeared are written to the store at the
// evaluation time, so later rules see them at once, as in Prometheus (and
// `promtool test rules`). Alerts go inactive -> pending -> firing after
// `for`, stay firing for keep_firing_for after the condition clears, and
// their labels and annotations are expanded with runtime/template.
//
// The evaluator knows nothing of YAML: compiler/rulefile reads rule files
// into these structs.
#ifndef MONC_RUNTIME_RULES_RULES_H_
#define MONC_RUNTIME_RULES_RULES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/promql/ast.h"
#include "runtime/engine/engine.h"
#include "runtime/model/labels.h"
#include "runtime/model/value.h"
#include "runtime/storage/series_store.h"

namespace monc::runtime {

struct RecordingRule {
  std::string record;
  std::string expr_text;
  std::shared_ptr<const promql::Expr> expr;
  Labels labels;  // added to (and overriding) every output series
};

struct AlertingRule {
  std::string alert;
  std::string expr_text;
  std::shared_ptr<const promql::Expr> expr;
  int64_t for_ms = 0;
  int64_t keep_firing_for_ms = 0;
  std::vector<Label> labels;       // templates, expanded per alert
  std::vector<Label> annotations;  // templates, expanded per alert
};

using Rule = std::variant<RecordingRule, AlertingRule>;

struct RuleGroup {
  std::string name;
  std::string file;  // the rule file it came from, for messages
  int64_t interval_ms = 60 * 1000;
  int limit = 0;  // 0: no limit on a rule's output series
  std::vector<Rule> rules;
};

enum class AlertState { Inactive, Pending, Firing };

struct Alert {
  Labels labels;       // expanded, with alertname; no __name__
  Labels annotations;  // expanded
  AlertState state = AlertState::Inactive;
  double value = 0;
  int64_t active_at_ms = 0;
  int64_t fired_at_ms = 0;
  int64_t resolved_at_ms = 0;  // 0 while active
  int64_t keep_firing_since_ms = 0;  // 0 unless kept firing after it cleared
};

// The outcome of one rule at one evaluation.
struct RuleResult {
  size_t group = 0;
  size_t index = 0;  // within the group
  QueryResult query;  // the expression's own result, as /api/v1/query gives it
  // What Prometheus's rule lastError holds when the query itself succeeded:
  // the result is not a vector or scalar, two outputs have one label set
  // after the rule's labels, the limit is exceeded (the rule writes
  // nothing), or the store refused output samples (the rest is written).
  std::string rule_error;
  // Output samples the store refused (out of order, duplicate timestamp,
  // out of bounds); Prometheus logs "Rule evaluation result discarded".
  size_t samples_discarded = 0;
  int64_t eval_ns = 0;

  // Prometheus's rule health: the query and the rule both went well.
  bool ok() const { return query.ok() && rule_error.empty(); }
  // The rule's lastError: the query's error, else the rule's.
  const std::string& error() const { return query.ok() ? rule_error : query.error; }
};

// Parses a PromQL expression for the alert templates' `query` function:
// null with `error` set (Prometheus's parse error text) when it fails. The
// runtime takes the parser as a hook so that it depends on the shared AST
// only.
using ParseExprFunc =
    std::function<std::shared_ptr<const promql::Expr>(std::string_view text, std::string& error)>;

struct RuleOptions {
  EngineOptions engine;
  // Unset: a template's `query` fails with "no PromQL parser".
  ParseExprFunc parse_expr;
  std::map<std::string, std::string> external_labels;
  std::string external_url;
  // How long a resolved alert is still reported (Prometheus's
  // resolvedRetention): 15m.
  int64_t resolved_retention_ms = 15 * 60 * 1000;
};

class RuleEvaluator {
 public:
  RuleEvaluator(std::vector<RuleGroup> groups, RuleOptions options = {});

  // Evaluates every group at `t_ms` (all groups: the caller decides the
  // cadence, as promtool's test runner does) and writes the rules' outputs
  // into `store`.
  std::vector<RuleResult> EvaluateAt(SeriesStore& store, int64_t t_ms);

  // The pending and firing alerts (and resolved ones within the retention)
  // of an alerting rule after the last evaluation, ordered by labels.
  std::vector<Alert> Alerts(size_t group, size_t index) const;

  const std::vector<RuleGroup>& groups() const { return groups_; }

 private:
  struct RuleState;
  static void WriteOutput(SeriesStore& store, int64_t t_ms, Vector& output, RuleState& state,
                          RuleResult& result);

  std::vector<RuleGroup> groups_;
  RuleOptions options_;
  std::vector<std::vector<std::shared_ptr<RuleState>>> state_;  // per group, per rule
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_RULES_RULES_H_
