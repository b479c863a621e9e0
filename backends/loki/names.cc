#include "backends/loki/names.h"

#include "backends/common/names.h"

namespace monc::loki {

std::string RuleFilePath(const model::System& system) {
  return "loki/rules/" + system.logs.tenant + "/" + backends::SystemName(system) + ".rules.yml";
}

std::string LimitsFilePath() { return "loki/limits_config.yaml"; }

}  // namespace monc::loki
