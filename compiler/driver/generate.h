// Runs every backend of the binary over a checked spec, into memory.
#ifndef MONC_COMPILER_DRIVER_GENERATE_H_
#define MONC_COMPILER_DRIVER_GENERATE_H_

#include "backends/backend.h"
#include "compiler/analysis/checked_spec.h"

namespace monc {

OutputSet Generate(const CheckedSpec& spec);

}  // namespace monc

#endif  // MONC_COMPILER_DRIVER_GENERATE_H_
