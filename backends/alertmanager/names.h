// Every name the Alertmanager backend generates.
#ifndef MONC_BACKENDS_ALERTMANAGER_NAMES_H_
#define MONC_BACKENDS_ALERTMANAGER_NAMES_H_

#include <string>

#include "compiler/model/model.h"

namespace monc::alertmanager {

inline constexpr char kConfigPath[] = "alertmanager/alertmanager.yml";
inline constexpr char kClusterArgsPath[] = "alertmanager/cluster.args";

// Alertmanager's default cluster listener, written when the spec sets none.
inline constexpr char kDefaultListenAddress[] = "0.0.0.0:9094";

// "alertmanager/templates/shop.tmpl"
std::string TemplateFilePath(const model::System& system);

// The config's `templates:` entry: "<templates_dir>/*.tmpl", the place the
// template file is deployed to.
std::string TemplateGlob(const model::AlertmanagerSettings& settings);

}  // namespace monc::alertmanager

#endif  // MONC_BACKENDS_ALERTMANAGER_NAMES_H_
