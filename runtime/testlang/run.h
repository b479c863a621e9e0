// Runs a test-language file (testlang.h) against the engine over a series
// store, judging each eval statement as Prometheus's promql/test.go does:
// the same series set, values equal within a relative 1e-6 (NaN equals
// NaN), order only for eval_ordered, the same answer again from a range
// query over [t-1m, t+1m] at the step at t, and again with the outer
// selectors pinned `@ t` and evaluated at other times.
#ifndef MONC_RUNTIME_TESTLANG_RUN_H_
#define MONC_RUNTIME_TESTLANG_RUN_H_

#include <string>
#include <string_view>
#include <vector>

#include "runtime/engine/engine.h"

namespace monc::runtime::testlang {

struct StatementResult {
  int line = 0;      // 1-based
  std::string expr;  // empty for a line that did not parse
  std::string failure;  // empty: passed
  bool passed() const { return failure.empty(); }
};

// One result per eval statement, and one failed result per line that is
// not a valid statement or whose samples did not load.
std::vector<StatementResult> RunTestFile(std::string_view text, const EngineOptions& options = {});

}  // namespace monc::runtime::testlang

#endif  // MONC_RUNTIME_TESTLANG_RUN_H_
