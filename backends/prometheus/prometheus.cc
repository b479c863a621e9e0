#include "backends/prometheus/prometheus.h"

#include "backends/common/names.h"
#include "backends/common/rule_groups.h"
#include "backends/common/yaml_emit.h"
#include "backends/prometheus/names.h"

namespace monc::prometheus {
namespace {

nlohmann::ordered_json PrometheusRule(const model::System& system, nlohmann::ordered_json groups) {
  const model::System::Operator& op = *system.prometheus_operator;
  nlohmann::ordered_json doc;
  doc["apiVersion"] = "monitoring.coreos.com/v1";
  doc["kind"] = "PrometheusRule";
  nlohmann::ordered_json& metadata = doc["metadata"];
  metadata["name"] = OperatorRuleName(system);
  if (!op.namespace_.empty()) metadata["namespace"] = op.namespace_;
  if (!op.labels.empty()) metadata["labels"] = op.labels;
  doc["spec"]["groups"] = std::move(groups);
  return doc;
}

}  // namespace

void PrometheusBackend::Generate(const CheckedSpec& spec, OutputSet& out) const {
  const model::System& system = spec.system();
  if (system.groups.empty()) return;
  const std::string name = backends::SystemName(system);
  nlohmann::ordered_json groups = backends::RuleGroups(system.groups);
  out.Add(RuleFilePath(system), backends::RenderYaml({{"groups", groups}}, name));
  if (system.prometheus_operator) {
    out.Add(OperatorFilePath(system),
            backends::RenderYaml(PrometheusRule(system, std::move(groups)), name));
  }
}

}  // namespace monc::prometheus
