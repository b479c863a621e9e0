#include "backends/loki/loki.h"

#include "backends/common/names.h"
#include "backends/common/rule_groups.h"
#include "backends/common/yaml_emit.h"
#include "backends/loki/names.h"

namespace monc::loki {
namespace {

// Keys as Loki's limits_config reference lists them; durations as written
// (Loki reads them with Prometheus's duration parser).
nlohmann::ordered_json Limits(const model::LogSettings& logs) {
  nlohmann::ordered_json limits;
  if (logs.retention_period) limits["retention_period"] = logs.retention_period->text;
  if (!logs.retention_streams.empty()) {
    nlohmann::ordered_json& streams = limits["retention_stream"] = nlohmann::ordered_json::array();
    for (const model::LogSettings::RetentionStream& s : logs.retention_streams) {
      streams.push_back(
          {{"selector", s.selector}, {"priority", s.priority}, {"period", s.period.text}});
    }
  }
  return limits;
}

}  // namespace

void LokiBackend::Generate(const CheckedSpec& spec, OutputSet& out) const {
  const model::System& system = spec.system();
  const std::string name = backends::SystemName(system);
  if (!system.log_groups.empty()) {
    out.Add(RuleFilePath(system),
            backends::RenderYaml({{"groups", backends::RuleGroups(system.log_groups)}}, name));
  }
  nlohmann::ordered_json limits = Limits(system.logs);
  if (!limits.empty()) {
    out.Add(LimitsFilePath(), backends::RenderYaml({{"limits_config", std::move(limits)}}, name));
  }
}

}  // namespace monc::loki
