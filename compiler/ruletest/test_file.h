// promtool's rule unit-test files (`promtool test rules FILE`, Prometheus
// 2.42's cmd/promtool/unittest.go), read into structs:
//
//   rule_files: [rules.yml]          relative to the test file; globs allowed
//   evaluation_interval: 1m          default 1m
//   group_eval_order: [a, b]         optional
//   tests:
//     - name: ...
//       interval: 1m                 the input series' sample interval
//       input_series: [{series: 'up{job="a"}', values: '1 0x5'}]
//       alert_rule_test: [{eval_time: 5m, alertname: A,
//                          exp_alerts: [{exp_labels: {...}, exp_annotations: {...}}]}]
//       promql_expr_test: [{expr: ..., eval_time: 5m,
//                           exp_samples: [{labels: 'x{a="b"}', value: 1}]}]
//       external_labels: {...}
//       external_url: ...
//
// promtool decodes strictly: an unknown key is an error, and so is every
// problem here, reported at its place in the file.
#ifndef MONC_COMPILER_RULETEST_TEST_FILE_H_
#define MONC_COMPILER_RULETEST_TEST_FILE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"

namespace monc::ruletest {

struct InputSeries {
  std::string series;  // a series description: name{label="value"}
  std::string values;  // the test language's notation: 0+10x100 _ stale
};

struct ExpectedAlert {
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> annotations;
};

struct AlertTest {
  int64_t eval_time_ms = 0;
  std::string alertname;
  std::vector<ExpectedAlert> exp_alerts;
};

struct ExpectedSample {
  std::string labels;  // a series description, parsed when the test runs
  double value = 0;
};

struct ExprTest {
  std::string expr;
  int64_t eval_time_ms = 0;
  std::vector<ExpectedSample> exp_samples;
};

struct TestGroup {
  std::string name;
  int64_t interval_ms = 0;
  std::vector<InputSeries> input_series;
  std::vector<AlertTest> alert_rule_test;
  std::vector<ExprTest> promql_expr_test;
  std::map<std::string, std::string> external_labels;
  std::string external_url;
};

struct TestFile {
  std::vector<std::string> rule_files;  // as written
  int64_t evaluation_interval_ms = 60 * 1000;
  std::vector<std::string> group_eval_order;
  std::vector<TestGroup> tests;
};

// The file's tests; nullopt when the sink got errors.
std::optional<TestFile> LoadTestFile(FileId file, const SourceManager& sources,
                                     DiagnosticSink& sink);

}  // namespace monc::ruletest

#endif  // MONC_COMPILER_RULETEST_TEST_FILE_H_
