// Every name the promtool tests backend generates.
#ifndef MONC_BACKENDS_PROMTOOL_TESTS_NAMES_H_
#define MONC_BACKENDS_PROMTOOL_TESTS_NAMES_H_

#include <string>

#include "compiler/model/model.h"

namespace monc::promtool_tests {

// "prometheus/tests/shop.slo_test.yml"
std::string TestFilePath(const model::System& system);

// "prometheus/tests/shop.test.yml": the spec's own tests section.
std::string SpecTestFilePath(const model::System& system);

// The rule file the tests load, relative to the test file:
// "../rules/shop.rules.yml", where the Prometheus backend writes it.
std::string RuleFileFromTests(const model::System& system);

}  // namespace monc::promtool_tests

#endif  // MONC_BACKENDS_PROMTOOL_TESTS_NAMES_H_
