#include "backends/alertmanager/names.h"

#include "backends/common/names.h"

namespace monc::alertmanager {

std::string TemplateFilePath(const model::System& system) {
  return "alertmanager/templates/" + backends::SystemName(system) + ".tmpl";
}

std::string TemplateGlob(const model::AlertmanagerSettings& settings) {
  std::string dir = settings.templates_dir;
  while (!dir.empty() && dir.back() == '/') dir.pop_back();
  return dir + "/*.tmpl";
}

}  // namespace monc::alertmanager
