// The promtool tests backend: `promtool test rules` files. The spec's own
// tests section becomes prometheus/tests/<system>.test.yml (spec_tests.h);
// the rest of this header is about the unit tests of the SLO alerts monc
// generates (compiler/analysis/slo_expand.h). For system "shop":
//
//   prometheus/tests/shop.slo_test.yml
//     rule_files: [../rules/shop.rules.yml]   the Prometheus backend's file
//     evaluation_interval: 5m                  the base window (see below)
//     tests: ...
//
// For every alert tier of every SLO, a burn just above the tier's threshold
// fires, with the alert's exact labels and annotations, and one just below
// stays silent at the same time; faster window pairs get their own burst
// cases (cases.h says which, and how the series are made).
//
// Rules run every base window, so the base rates tile time and every window
// the alerts read is the exact error ratio of its span: a case 1% from a
// threshold cannot flip on rounding. (Prometheus itself runs them every
// evaluation interval, which smooths the long windows' ends; see
// slo_expand.h.) That is also five times fewer evaluations than every
// minute: the ticket tier's three-day window makes these the longest tests
// of a spec.
//
// Cases of different SLOs share a test group (each has its own alert names)
// when neither SLO's selectors select the other's series, so a spec's tests
// take about as long as one SLO's. SLOs with no series to feed get no
// cases: SLIs written as expressions, regexes series.h cannot satisfy,
// windows that are not whole multiples of the evaluation interval. A spec
// without cases gets no file.
#ifndef MONC_BACKENDS_PROMTOOL_TESTS_PROMTOOL_TESTS_H_
#define MONC_BACKENDS_PROMTOOL_TESTS_PROMTOOL_TESTS_H_

#include <string_view>

#include "backends/backend.h"

namespace monc::promtool_tests {

class PromtoolTestsBackend : public Backend {
 public:
  std::string_view Name() const override { return "promtool_tests"; }
  void Generate(const CheckedSpec& spec, OutputSet& out) const override;
};

}  // namespace monc::promtool_tests

#endif  // MONC_BACKENDS_PROMTOOL_TESTS_PROMTOOL_TESTS_H_
