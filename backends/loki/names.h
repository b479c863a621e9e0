// Every name the Loki backend generates.
#ifndef MONC_BACKENDS_LOKI_NAMES_H_
#define MONC_BACKENDS_LOKI_NAMES_H_

#include <string>

#include "compiler/model/model.h"

namespace monc::loki {

// "loki/rules/<tenant>/<system>.rules.yml": the ruler's local storage
// reads one folder per tenant.
std::string RuleFilePath(const model::System& system);

// "loki/limits_config.yaml"
std::string LimitsFilePath();

}  // namespace monc::loki

#endif  // MONC_BACKENDS_LOKI_NAMES_H_
