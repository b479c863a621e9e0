// Puts an OutputSet on disk as the whole content of a folder, atomically:
// everything is written to a sibling temporary folder first and swapped into
// place in one rename, so a failed or interrupted build leaves the previous
// folder exactly as it was. The folder belongs to monc: files in it that the
// build did not produce are removed.
#ifndef MONC_COMPILER_DRIVER_WRITER_H_
#define MONC_COMPILER_DRIVER_WRITER_H_

#include <string>
#include <vector>

#include "backends/backend.h"

namespace monc {

// False and a message in `error` on failure; `dir` is then unchanged.
bool WriteOutputs(const OutputSet& outputs, const std::string& dir, std::string* error);

// How `dir` differs from `outputs`: "changed: p", "missing: p" (would be
// created), "extra: p" (would be removed), in path order. Empty when equal.
std::vector<std::string> DiffOutputs(const OutputSet& outputs, const std::string& dir);

}  // namespace monc

#endif  // MONC_COMPILER_DRIVER_WRITER_H_
