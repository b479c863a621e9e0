// promtool's failure messages, character for character (Prometheus 2.42's
// cmd/promtool/unittest.go), so that `monc test` and `promtool test rules`
// outputs read side by side and CI can compare them.
#ifndef MONC_COMPILER_RULETEST_PROMTOOL_TEXT_H_
#define MONC_COMPILER_RULETEST_PROMTOOL_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/model/labels.h"

namespace monc::ruletest {

// An alert as promtool compares it. Plain sorted pairs, not Labels: an
// expected label with an empty value must stay (and never match).
struct AlertText {
  std::vector<runtime::Label> labels;
  std::vector<runtime::Label> annotations;
  friend bool operator==(const AlertText& a, const AlertText& b) {
    return a.labels == b.labels && a.annotations == b.annotations;
  }
  friend bool operator!=(const AlertText& a, const AlertText& b) { return !(a == b); }
};

struct SampleText {
  runtime::Labels labels;
  double value = 0;
  // reflect.DeepEqual's: values with ==, so NaN never matches.
  friend bool operator==(const SampleText& a, const SampleText& b) {
    return a.labels == b.labels && a.value == b.value;
  }
  friend bool operator!=(const SampleText& a, const SampleText& b) { return !(a == b); }
};

// Go's time.Duration.String: 0s, 1m30s, 1h0m0s, 250ms.
std::string GoDuration(int64_t ms);

// "    name: NAME,\n    alertname: A, time: 5m, \n        exp:[...], \n        got:[]"
std::string AlertMismatch(std::string_view group_name, std::string_view alertname,
                          int64_t eval_time_ms, const std::vector<AlertText>& exp,
                          const std::vector<AlertText>& got);

// "    expr: \"sum(x)\", time: 5m,\n        exp: {} 1E+00\n        got: nil"
std::string SamplesMismatch(std::string_view expr, int64_t eval_time_ms,
                            const std::vector<SampleText>& exp,
                            const std::vector<SampleText>& got);

// "    expr: \"sum(x)\", time: 5m, err: ..."
std::string ExprError(std::string_view expr, int64_t eval_time_ms, std::string_view error);

// "    rule: NAME, time: 1m0s, err: ..."
std::string RuleError(std::string_view rule, int64_t t_ms, std::string_view error);

}  // namespace monc::ruletest

#endif  // MONC_COMPILER_RULETEST_PROMTOOL_TEXT_H_
