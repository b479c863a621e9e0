// Names the backends share.
#ifndef MONC_BACKENDS_COMMON_NAMES_H_
#define MONC_BACKENDS_COMMON_NAMES_H_

#include <string>

#include "compiler/model/model.h"

namespace monc::backends {

// The system's name as it appears in file names and generated notices:
// system.name, or "monc" for a spec that declares none.
std::string SystemName(const model::System& system);

}  // namespace monc::backends

#endif  // MONC_BACKENDS_COMMON_NAMES_H_
