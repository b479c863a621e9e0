// The document of alertmanager.yml, keys in the order of Alertmanager's
// configuration docs: global, templates, route, receivers, inhibit_rules,
// time_intervals.
#ifndef MONC_BACKENDS_ALERTMANAGER_CONFIG_H_
#define MONC_BACKENDS_ALERTMANAGER_CONFIG_H_

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace monc::alertmanager {

// Requires system.route.
nlohmann::ordered_json AlertmanagerConfig(const model::System& system);

}  // namespace monc::alertmanager

#endif  // MONC_BACKENDS_ALERTMANAGER_CONFIG_H_
