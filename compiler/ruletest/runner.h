// Runs promtool's rule unit tests (test_file.h) on monc's runtime, as
// `promtool test rules` (Prometheus 2.42's cmd/promtool/unittest.go) runs
// them on Prometheus's:
//
//   - each test group gets a fresh series store; its input series are
//     expanded by the PromQL test language's `load` (runtime/testlang) at
//     the group's interval, and appended lazily, up to each evaluation time;
//   - every rule group of the rule files (in group_eval_order, then file
//     order) is evaluated at 0, evaluation_interval, ... up to the largest
//     eval_time of the group, whatever the rule group's own interval;
//   - an alert test at eval_time T is judged after the evaluation at the
//     last step <= T: its firing alerts (labels and annotations, pending
//     ones ignored) against the expected ones, alertname added;
//   - expression tests are evaluated after the last step, at their own
//     eval_time, and must give exactly the expected samples (any order,
//     values compared with ==);
//   - a rule that fails to evaluate stops its test group.
//
// Failures are promtool's own text (promtool_text.h).
//
//   DiskRuleFiles files;
//   FileResult r = RunTestFile(file, "tests/shop.test.yml", files);
#ifndef MONC_COMPILER_RULETEST_RUNNER_H_
#define MONC_COMPILER_RULETEST_RUNNER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ruletest/test_file.h"

namespace monc::ruletest {

// Where rule files come from: the disk, or a build's outputs in memory.
class RuleFiles {
 public:
  virtual ~RuleFiles() = default;
  // The paths `pattern` names, as Go's filepath.Glob: sorted; a pattern
  // without meta characters names itself when the file exists.
  virtual std::vector<std::string> Glob(const std::string& pattern) const = 0;
  virtual std::optional<std::string> Read(const std::string& path) const = 0;
};

class DiskRuleFiles : public RuleFiles {
 public:
  std::vector<std::string> Glob(const std::string& pattern) const override;
  std::optional<std::string> Read(const std::string& path) const override;
};

// Files by normalized relative path ("prometheus/rules/shop.rules.yml").
class MemoryRuleFiles : public RuleFiles {
 public:
  explicit MemoryRuleFiles(const std::map<std::string, std::string>& files) : files_(files) {}
  std::vector<std::string> Glob(const std::string& pattern) const override;
  std::optional<std::string> Read(const std::string& path) const override;

 private:
  const std::map<std::string, std::string>& files_;
};

struct GroupResult {
  std::string name;             // the test group's name; may be empty
  std::vector<std::string> errors;  // promtool's text of each failure
  bool passed() const { return errors.empty(); }
};

struct FileResult {
  std::vector<std::string> warnings;  // "  WARNING: no file match pattern ..."
  std::vector<GroupResult> groups;
  bool passed() const;
};

// `path` is the test file's own path: rule files are relative to its folder.
FileResult RunTestFile(const TestFile& file, const std::string& path, const RuleFiles& files);

// promtool's path cleaning (filepath.Clean): "a/b/../c" -> "a/c".
std::string CleanPath(const std::string& path);

}  // namespace monc::ruletest

#endif  // MONC_COMPILER_RULETEST_RUNNER_H_
