#include "backends/common/names.h"

namespace monc::backends {

std::string SystemName(const model::System& system) {
  return system.name.empty() ? "monc" : system.name;
}

}  // namespace monc::backends
