// Prometheus's PromQL test language (promql/test.go at v2.42), the format
// of its promql/testdata/*.test files:
//
//   load 5m
//     http_requests{job="api"} 0+10x10 _ stale 1-2x3
//   eval instant at 50m sum(http_requests)
//     {} 100
//   eval_ordered instant at 50m sort(http_requests)   # order checked
//   eval_fail instant at 0m ceil({__name__=~"a|b"})    # must fail
//   clear
//
// Lines are trimmed; a comment line (#) is blank, and a blank line ends a
// block. Series values: `a+bxN` is N+1 values from a by b, `a-bxN` counts
// down, `axN` repeats a N+1 times, `_` is no sample, `_xN` N of them,
// `stale` a staleness marker. The samples of a `load <step>` sit at 0,
// step, 2*step... ms. An expectation is `{labels} value`, `name{labels}
// value`, or a bare number for a scalar result.
#ifndef MONC_RUNTIME_TESTLANG_TESTLANG_H_
#define MONC_RUNTIME_TESTLANG_TESTLANG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/model/labels.h"
#include "runtime/model/value.h"

namespace monc::runtime::testlang {

struct SeriesData {
  Labels labels;
  std::vector<Sample> samples;
};

struct LoadCommand {
  int line = 0;  // 1-based
  int64_t step_ms = 0;
  std::vector<SeriesData> series;
};

struct ClearCommand {};

struct Expectation {
  Labels labels;
  double value = 0;
};

struct EvalCommand {
  int line = 0;  // 1-based
  std::string expr;
  int64_t time_ms = 0;
  bool ordered = false;  // eval_ordered
  bool fail = false;     // eval_fail
  std::optional<double> scalar;  // a bare number: a scalar result
  std::vector<Expectation> series;  // in the file's order, labels unique
};

using Command = std::variant<LoadCommand, ClearCommand, EvalCommand>;

struct SyntaxError {
  int line = 0;  // 1-based
  std::string message;
};

struct TestFile {
  std::vector<Command> commands;
  // Lines that are not valid statements (Prometheus stops at the first;
  // this parser skips them and goes on).
  std::vector<SyntaxError> errors;
};

TestFile ParseTestFile(std::string_view text);

}  // namespace monc::runtime::testlang

#endif  // MONC_RUNTIME_TESTLANG_TESTLANG_H_
