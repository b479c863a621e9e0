#include "compiler/ruletest/test_file.h"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>
#include <utility>

#include "compiler/promql/go_strconv.h"
#include "compiler/rulefile/yaml_read.h"
#include "compiler/spec/load.h"

namespace monc::ruletest {
namespace {

using Json = nlohmann::json;

// The fields of unittest.go's structs at 2.42 (decoded with UnmarshalStrict).
const std::set<std::string> kFileKeys = {"rule_files", "evaluation_interval",
                                         "group_eval_order", "tests"};
const std::set<std::string> kGroupKeys = {"interval",        "input_series",
                                          "alert_rule_test", "promql_expr_test",
                                          "external_labels", "external_url",
                                          "name"};
const std::set<std::string> kSeriesKeys = {"series", "values"};
const std::set<std::string> kAlertTestKeys = {"eval_time", "alertname", "exp_alerts"};
const std::set<std::string> kAlertKeys = {"exp_labels", "exp_annotations"};
const std::set<std::string> kExprTestKeys = {"expr", "eval_time", "exp_samples"};
const std::set<std::string> kSampleKeys = {"labels", "value"};

class Reader {
 public:
  Reader(const SpecDocument& doc, const SourceManager& sources, DiagnosticSink& sink)
      : doc_(doc), sink_(sink), yaml_(doc, sources, sink) {}

  TestFile Read() {
    TestFile file;
    const Json& root = doc_.root;
    if (root.is_null() || !yaml_.Mapping(root, "", kFileKeys, "unit test file")) return file;
    file.rule_files = Strings(root, "", "rule_files");
    if (auto ms = yaml_.Duration(root, "", "evaluation_interval"); ms && *ms > 0) {
      file.evaluation_interval_ms = *ms;
    }
    file.group_eval_order = Strings(root, "", "group_eval_order");
    ForEach(root, "", "tests", [&](const Json& j, const std::string& p) {
      if (!yaml_.Mapping(j, p, kGroupKeys, "test group")) return;
      file.tests.push_back(Group(j, p));
    });
    return file;
  }

 private:
  TestGroup Group(const Json& j, const std::string& p) {
    TestGroup g;
    g.name = yaml_.Text(j, p, "name");
    g.interval_ms = yaml_.Duration(j, p, "interval").value_or(0);
    ForEach(j, p, "input_series", [&](const Json& s, const std::string& sp) {
      if (!yaml_.Mapping(s, sp, kSeriesKeys, "input series")) return;
      g.input_series.push_back({yaml_.Text(s, sp, "series"), yaml_.Text(s, sp, "values")});
    });
    ForEach(j, p, "alert_rule_test", [&](const Json& t, const std::string& tp) {
      if (!yaml_.Mapping(t, tp, kAlertTestKeys, "alert rule test")) return;
      AlertTest test;
      test.eval_time_ms = yaml_.Duration(t, tp, "eval_time").value_or(0);
      test.alertname = yaml_.Text(t, tp, "alertname");
      ForEach(t, tp, "exp_alerts", [&](const Json& a, const std::string& ap) {
        if (!yaml_.Mapping(a, ap, kAlertKeys, "expected alert")) return;
        test.exp_alerts.push_back({StringMap(a, ap, "exp_labels"),
                                   StringMap(a, ap, "exp_annotations")});
      });
      g.alert_rule_test.push_back(std::move(test));
    });
    ForEach(j, p, "promql_expr_test", [&](const Json& t, const std::string& tp) {
      if (!yaml_.Mapping(t, tp, kExprTestKeys, "PromQL expression test")) return;
      ExprTest test;
      test.expr = yaml_.Text(t, tp, "expr");
      test.eval_time_ms = yaml_.Duration(t, tp, "eval_time").value_or(0);
      ForEach(t, tp, "exp_samples", [&](const Json& s, const std::string& sp) {
        if (!yaml_.Mapping(s, sp, kSampleKeys, "expected sample")) return;
        test.exp_samples.push_back({yaml_.Text(s, sp, "labels"), Number(s, sp, "value")});
      });
      g.promql_expr_test.push_back(std::move(test));
    });
    g.external_labels = StringMap(j, p, "external_labels");
    g.external_url = yaml_.Text(j, p, "external_url");
    return g;
  }

  // Calls `each` for every item of the list at `key` (absent or null: none).
  void ForEach(const Json& j, const std::string& p, const char* key,
               const std::function<void(const Json&, const std::string&)>& each) {
    if (!j.contains(key) || j[key].is_null()) return;
    const std::string lp = p + "/" + key;
    if (!j[key].is_array()) {
      sink_.Report(Code::SchemaType, doc_.ValueSpan(lp), std::string("'") + key + "' must be a list");
      return;
    }
    for (size_t i = 0; i < j[key].size(); ++i) each(j[key][i], lp + "/" + std::to_string(i));
  }

  std::vector<std::string> Strings(const Json& j, const std::string& p, const char* key) {
    std::vector<std::string> out;
    ForEach(j, p, key,
            [&](const Json& v, const std::string& vp) { out.push_back(yaml_.Scalar(v, vp)); });
    return out;
  }

  std::map<std::string, std::string> StringMap(const Json& j, const std::string& p,
                                               const char* key) {
    std::map<std::string, std::string> out;
    if (!j.contains(key) || j[key].is_null()) return out;
    const std::string mp = p + "/" + key;
    if (!j[key].is_object()) {
      sink_.Report(Code::SchemaType, doc_.ValueSpan(mp), std::string("'") + key + "' must be a mapping");
      return out;
    }
    for (const auto& [k, v] : j[key].items()) out[k] = yaml_.Scalar(v, mp + "/" + PointerToken(k));
    return out;
  }

  double Number(const Json& j, const std::string& p, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return 0;
    if (j[key].is_number()) return j[key].get<double>();
    // A quoted number, or .inf/.nan as YAML 1.1 spells them.
    std::string text = yaml_.Scalar(j[key], p + "/" + key);
    if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf") return HUGE_VAL;
    if (text == "-.inf" || text == "-.Inf" || text == "-.INF") return -HUGE_VAL;
    if (text == ".nan" || text == ".NaN" || text == ".NAN") return std::nan("");
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
      sink_.Report(Code::SchemaType, doc_.ValueSpan(p + "/" + key),
                   "cannot unmarshal " + promql::go::Quote(text) + " into a float64");
    }
    return v;
  }

  const SpecDocument& doc_;
  DiagnosticSink& sink_;
  YamlReader yaml_;
};

}  // namespace

std::optional<TestFile> LoadTestFile(FileId file, const SourceManager& sources,
                                     DiagnosticSink& sink) {
  const size_t errors = sink.ErrorCount();
  std::optional<SpecDocument> doc = LoadSpec(file, sources, sink);
  if (!doc) return std::nullopt;
  TestFile out = Reader(*doc, sources, sink).Read();
  if (sink.ErrorCount() > errors) return std::nullopt;
  return out;
}

}  // namespace monc::ruletest
