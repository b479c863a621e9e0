// The `groups:` list of a Prometheus rule file, the format Prometheus and
// Loki's ruler both read: the Prometheus rule file, the PrometheusRule's
// spec.groups and Loki's rule files are all this one value.
#ifndef MONC_BACKENDS_COMMON_RULE_GROUPS_H_
#define MONC_BACKENDS_COMMON_RULE_GROUPS_H_

#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace monc::backends {

nlohmann::ordered_json RuleGroups(const std::vector<model::RuleGroup>& groups);

}  // namespace monc::backends

#endif  // MONC_BACKENDS_COMMON_RULE_GROUPS_H_
