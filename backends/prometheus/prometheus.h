// The Prometheus backend: the system's rule groups as a Prometheus 2.42 rule
// file and, when the spec asks for it, as a Prometheus Operator
// PrometheusRule. For system "shop":
//
//   prometheus/rules/shop.rules.yml    groups: [{name, interval, limit, rules}]
//   prometheus/operator/shop.yaml      kind: PrometheusRule, spec.groups the same
//
// Groups and rules keep the spec's order; each rule's keys are in
// Prometheus's order (alert|record, expr, for, keep_firing_for, labels,
// annotations), durations as written. A multi-line expr is a `|` block that
// ends in one newline; a one-line expr is a plain scalar. A system without
// rule groups gets no files.
#ifndef MONC_BACKENDS_PROMETHEUS_PROMETHEUS_H_
#define MONC_BACKENDS_PROMETHEUS_PROMETHEUS_H_

#include <string_view>

#include "backends/backend.h"

namespace monc::prometheus {

class PrometheusBackend : public Backend {
 public:
  std::string_view Name() const override { return "prometheus"; }
  void Generate(const CheckedSpec& spec, OutputSet& out) const override;
};

}  // namespace monc::prometheus

#endif  // MONC_BACKENDS_PROMETHEUS_PROMETHEUS_H_
