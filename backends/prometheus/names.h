// Every name the Prometheus backend generates.
#ifndef MONC_BACKENDS_PROMETHEUS_NAMES_H_
#define MONC_BACKENDS_PROMETHEUS_NAMES_H_

#include <string>

#include "compiler/model/model.h"

namespace monc::prometheus {

// "prometheus/rules/shop.rules.yml"
std::string RuleFilePath(const model::System& system);

// The PrometheusRule's metadata.name: the operator block's name, or the
// system's name.
std::string OperatorRuleName(const model::System& system);

// "prometheus/operator/<OperatorRuleName>.yaml"
std::string OperatorFilePath(const model::System& system);

}  // namespace monc::prometheus

#endif  // MONC_BACKENDS_PROMETHEUS_NAMES_H_
