#include "backends/promtool_tests/names.h"

#include "backends/common/names.h"

namespace monc::promtool_tests {

std::string TestFilePath(const model::System& system) {
  return "prometheus/tests/" + backends::SystemName(system) + ".slo_test.yml";
}

std::string SpecTestFilePath(const model::System& system) {
  return "prometheus/tests/" + backends::SystemName(system) + ".test.yml";
}

std::string RuleFileFromTests(const model::System& system) {
  return "../rules/" + backends::SystemName(system) + ".rules.yml";
}

}  // namespace monc::promtool_tests
