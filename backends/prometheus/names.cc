#include "backends/prometheus/names.h"

#include "backends/common/names.h"

namespace monc::prometheus {

std::string RuleFilePath(const model::System& system) {
  return "prometheus/rules/" + backends::SystemName(system) + ".rules.yml";
}

std::string OperatorRuleName(const model::System& system) {
  const auto& op = system.prometheus_operator;
  return op && !op->name.empty() ? op->name : backends::SystemName(system);
}

std::string OperatorFilePath(const model::System& system) {
  return "prometheus/operator/" + OperatorRuleName(system) + ".yaml";
}

}  // namespace monc::prometheus
