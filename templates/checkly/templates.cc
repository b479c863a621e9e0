#include "templates/checkly/templates.h"

#include <stdexcept>
#include <string>

namespace monc::checkly {

extern const Template kChecklyTemplates[];
extern const size_t kChecklyTemplateCount;

std::string_view ChecklyTemplate(std::string_view name) {
  for (size_t i = 0; i < kChecklyTemplateCount; ++i) {
    if (kChecklyTemplates[i].name == name) return kChecklyTemplates[i].text;
  }
  throw std::out_of_range("no template templates/checkly/" + std::string(name) + ".mustache");
}

}  // namespace monc::checkly
