// The `groups:` list of a Prometheus rule file. The plain rule file and the
// PrometheusRule's spec.groups are both this one value.
#ifndef MONC_BACKENDS_PROMETHEUS_RULE_GROUPS_H_
#define MONC_BACKENDS_PROMETHEUS_RULE_GROUPS_H_

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace monc::prometheus {

nlohmann::ordered_json RuleGroups(const model::System& system);

}  // namespace monc::prometheus

#endif  // MONC_BACKENDS_PROMETHEUS_RULE_GROUPS_H_
