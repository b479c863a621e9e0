// The two kinds of rule, after their query ran: what Prometheus's
// RecordingRule.Eval and AlertingRule.Eval do with the result. The
// evaluator (evaluator.cc) runs the queries, writes the outputs and keeps
// the per-rule state; these functions only transform. Private to the rules
// library.
#ifndef MONC_RUNTIME_RULES_RULE_EVAL_H_
#define MONC_RUNTIME_RULES_RULE_EVAL_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "runtime/model/labels.h"
#include "runtime/model/value.h"
#include "runtime/rules/rules.h"
#include "runtime/template/template.h"

namespace monc::runtime::rules_internal {

// Renames every sample to the rule's record and applies its labels. An
// error (two samples with one label set, more than `limit` series) leaves
// the rule without output this evaluation, as in Prometheus.
std::string ApplyRecordingRule(const RecordingRule& rule, int limit, Vector& samples);

// An alerting rule's alerts by their labels (Prometheus keys them by the
// labels' hash): pending, firing, and resolved ones within the retention.
using ActiveAlerts = std::map<Labels, Alert>;

// An alerting rule's label and annotation templates, parsed once (in the
// order of AlertingRule::labels and ::annotations).
struct AlertTemplates {
  explicit AlertTemplates(const AlertingRule& rule);
  std::vector<AlertTemplate> labels;
  std::vector<AlertTemplate> annotations;
};

struct AlertingContext {
  // Everything but the alert's own labels and value: external labels and
  // URL, the evaluation time and the query function.
  TemplateData template_data;
  int64_t resolved_retention_ms = 0;
  int limit = 0;
};

// Updates `active` from the query result at `t_ms` (new alerts pending,
// pending ones firing after `for`, gone ones resolved or kept firing for
// keep_firing_for) and appends the ALERTS and ALERTS_FOR_STATE samples to
// `out`. On an error `active` is left as it was, except past the limit,
// where Prometheus drops every alert.
std::string EvalAlertingRule(const AlertingRule& rule, const AlertTemplates& templates,
                             const Vector& result, int64_t t_ms, const AlertingContext& context,
                             ActiveAlerts& active, Vector& out);

}  // namespace monc::runtime::rules_internal

#endif  // MONC_RUNTIME_RULES_RULE_EVAL_H_
