// CheckedSpec: a model that passed every check of the analysis phase. Only
// Analyze (analyze.h) makes one, so a backend that receives a CheckedSpec
// may rely on every reference being resolved and every value being valid.
#ifndef MONC_COMPILER_ANALYSIS_CHECKED_SPEC_H_
#define MONC_COMPILER_ANALYSIS_CHECKED_SPEC_H_

#include <utility>

#include "compiler/model/model.h"

namespace monc {

class CheckedSpec {
 public:
  const model::System& system() const { return system_; }

 private:
  friend class Analyzer;
  friend CheckedSpec CheckedSpecForTesting(model::System system);
  explicit CheckedSpec(model::System system) : system_(std::move(system)) {}
  model::System system_;
};

// For backend unit tests only: wraps a hand-built model without checking it.
CheckedSpec CheckedSpecForTesting(model::System system);
inline CheckedSpec CheckedSpecForTesting(model::System system) {
  return CheckedSpec(std::move(system));
}

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_CHECKED_SPEC_H_
