// The Loki backend: the system's log rule groups (`datasource: loki`) as a
// rule file of Loki's ruler, and its log retention as Loki's limits. For
// system "shop" with the default tenant:
//
//   loki/rules/fake/shop.rules.yml   groups: [{name, interval, limit, rules}], exprs in LogQL
//   loki/limits_config.yaml          limits_config: {retention_period, retention_stream}
//
// The rule file is in the Prometheus rule-file format Loki's ruler reads,
// laid out as its local storage expects (<rules_directory>/<tenant>/<file>):
// copy loki/rules/ to the ruler's rules_directory. The rules carry the same
// labels and annotations as Prometheus's, so Alertmanager routes them the
// same way. The limits block goes into Loki's configuration (retention is
// applied by the compactor with retention_enabled: true). A system without
// log rules, or without retention, gets no file of that kind.
#ifndef MONC_BACKENDS_LOKI_LOKI_H_
#define MONC_BACKENDS_LOKI_LOKI_H_

#include <string_view>

#include "backends/backend.h"

namespace monc::loki {

class LokiBackend : public Backend {
 public:
  std::string_view Name() const override { return "loki"; }
  void Generate(const CheckedSpec& spec, OutputSet& out) const override;
};

}  // namespace monc::loki

#endif  // MONC_BACKENDS_LOKI_LOKI_H_
