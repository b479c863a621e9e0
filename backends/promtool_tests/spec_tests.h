// The spec's own `tests:` section as a `promtool test rules` file, so the
// examples' expectations run against the generated rules in CI exactly as
// users would run them. For system "shop":
//
//   prometheus/tests/shop.test.yml
//     rule_files: [../rules/shop.rules.yml]
//     evaluation_interval: 1m          the shortest interval of the tests
//     tests:
//       - name: ...                    one group per spec test, in spec order
//         interval: ...                the test's own sample interval
//         input_series / alert_rule_test / promql_expr_test
//
// promtool has one evaluation interval per file and evaluates every rule
// group at it, whatever the group's own interval; the shortest test interval
// runs the rules at least once per sample of every test. A spec without
// tests gets no file.
#ifndef MONC_BACKENDS_PROMTOOL_TESTS_SPEC_TESTS_H_
#define MONC_BACKENDS_PROMTOOL_TESTS_SPEC_TESTS_H_

#include "backends/backend.h"
#include "compiler/model/model.h"

namespace monc::promtool_tests {

void GenerateSpecTests(const model::System& system, OutputSet& out);

}  // namespace monc::promtool_tests

#endif  // MONC_BACKENDS_PROMTOOL_TESTS_SPEC_TESTS_H_
