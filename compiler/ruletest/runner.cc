#include "compiler/ruletest/runner.h"

#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <utility>

#include "compiler/diag/render.h"
#include "compiler/promql/go_strconv.h"
#include "compiler/promql/parse.h"
#include "compiler/rulefile/rulefile.h"
#include "compiler/ruletest/promtool_text.h"
#include "runtime/engine/engine.h"
#include "runtime/rules/rules.h"
#include "runtime/storage/series_store.h"
#include "runtime/testlang/testlang.h"

namespace monc::ruletest {
namespace {

using runtime::Label;

bool HasMeta(const std::string& pattern) {
  return pattern.find_first_of("*?[\\") != std::string::npos;
}

// labels.Compare over plain pairs.
int Compare(const std::vector<Label>& a, const std::vector<Label>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = a[i].name.compare(b[i].name)) return c;
    if (int c = a[i].value.compare(b[i].value)) return c;
  }
  return static_cast<int>(a.size()) - static_cast<int>(b.size());
}

// labelsAndAnnotations.Less.
bool AlertLess(const AlertText& a, const AlertText& b) {
  int c = Compare(a.labels, b.labels);
  return c != 0 ? c < 0 : Compare(a.annotations, b.annotations) < 0;
}

std::vector<Label> Pairs(const std::map<std::string, std::string>& m) {
  std::vector<Label> out;
  for (const auto& [name, value] : m) out.push_back({name, value});
  return out;
}

const std::string& RuleName(const runtime::Rule& rule) {
  if (const auto* r = std::get_if<runtime::RecordingRule>(&rule)) return r->record;
  return std::get<runtime::AlertingRule>(rule).alert;
}

// The rule groups of every file, in group_eval_order; the rendered
// diagnostics when a file does not load.
struct LoadedRules {
  std::vector<runtime::RuleGroup> groups;
  std::string error;
};

LoadedRules LoadRules(const std::vector<std::string>& paths, const RuleFiles& files,
                      const std::vector<std::string>& eval_order) {
  LoadedRules out;
  SourceManager sources;
  DiagnosticSink sink;
  for (const std::string& path : paths) {
    std::optional<std::string> text = files.Read(path);
    if (!text) {
      out.error += path + ": cannot read the rule file\n";
      continue;
    }
    for (runtime::RuleGroup& g : LoadRuleFile(sources.Add(path, std::move(*text)), sources, sink)) {
      out.groups.push_back(std::move(g));
    }
  }
  if (sink.HasErrors()) out.error += RenderText(sink.Sorted(), sources);
  // orderedGroups: a group not in the order ranks as the first one that is.
  auto rank = [&](const runtime::RuleGroup& g) {
    auto it = std::find(eval_order.begin(), eval_order.end(), g.name);
    return it == eval_order.end() ? 0 : it - eval_order.begin();
  };
  std::stable_sort(out.groups.begin(), out.groups.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return out;
}

// parser.ParseMetric: a series description as labels.
std::optional<runtime::Labels> ParseMetric(const std::string& text, std::string& error) {
  promql::ParseResult parsed = promql::Parse(text);
  if (!parsed.errors.empty()) {
    error = parsed.errors.front().message;
    return std::nullopt;
  }
  if (parsed.expr->kind != promql::NodeKind::VectorSelector) {
    error = "not a series description";
    return std::nullopt;
  }
  std::vector<Label> labels;
  for (const auto& m : static_cast<const promql::VectorSelector&>(*parsed.expr).matchers) {
    if (m.type != promql::MatchType::Equal) {
      error = "a series description takes only '=' matchers";
      return std::nullopt;
    }
    labels.push_back({m.name, m.value});
  }
  return runtime::Labels::FromUnsorted(std::move(labels));
}

class GroupRun {
 public:
  GroupRun(const TestFile& file, const TestGroup& group, const LoadedRules& rules)
      : file_(file), group_(group), rules_(rules) {}

  std::vector<std::string> Run() {
    if (!rules_.error.empty()) return {rules_.error};
    if (!LoadSeries()) return errors_;
    runtime::RuleOptions options;
    options.engine.default_subquery_step_ms = file_.evaluation_interval_ms;
    options.external_labels = group_.external_labels;
    options.external_url = group_.external_url;
    options.parse_expr = ParsePromql;
    engine_options_ = options.engine;
    runtime::RuleEvaluator evaluator(rules_.groups, options);

    std::vector<const AlertTest*> alert_tests;
    int64_t max_t = 0;
    for (const AlertTest& t : group_.alert_rule_test) {
      if (t.alertname.empty()) {
        return {"an item under alert_rule_test misses required attribute alertname at eval_time " +
                promql::FormatDuration(t.eval_time_ms) +
                (group_.name.empty() ? "" : " (in TestGroup " + group_.name + ")")};
      }
      alert_tests.push_back(&t);
      max_t = std::max(max_t, t.eval_time_ms);
    }
    for (const ExprTest& t : group_.promql_expr_test) max_t = std::max(max_t, t.eval_time_ms);
    std::stable_sort(alert_tests.begin(), alert_tests.end(),
                     [](const AlertTest* a, const AlertTest* b) {
                       return a->eval_time_ms < b->eval_time_ms;
                     });

    const int64_t step = file_.evaluation_interval_ms;
    auto next = alert_tests.begin();
    for (int64_t ts = 0; ts <= max_t; ts += step) {
      if (!AppendTill(ts)) continue;
      bool failed = false;
      for (const runtime::RuleResult& r : evaluator.EvaluateAt(*store_, ts)) {
        if (r.ok()) continue;
        const runtime::Rule& rule = rules_.groups[r.group].rules[r.index];
        errors_.push_back(RuleError(RuleName(rule), ts, r.error()));
        failed = true;
      }
      if (failed) return errors_;
      // An eval_time between two steps is judged on the earlier one.
      for (; next != alert_tests.end() && (*next)->eval_time_ms < ts + step; ++next) {
        CheckAlerts(evaluator, **next);
      }
    }
    for (const ExprTest& t : group_.promql_expr_test) CheckExpr(t);
    return errors_;
  }

 private:
  // The input series as `load <interval>` of the test language, as
  // promtool's seriesLoadingString builds it.
  bool LoadSeries() {
    std::string text = "load " + std::to_string(group_.interval_ms) + "ms\n";
    for (const InputSeries& s : group_.input_series) {
      text += "  " + s.series + " " + s.values + "\n";
    }
    runtime::testlang::TestFile parsed = runtime::testlang::ParseTestFile(text);
    for (const auto& e : parsed.errors) {
      errors_.push_back("error in input_series " +
                        (e.line >= 2 ? group_.input_series[e.line - 2].series : std::string()) +
                        ": " + e.message);
    }
    for (auto& command : parsed.commands) {
      if (auto* load = std::get_if<runtime::testlang::LoadCommand>(&command)) {
        for (auto& s : load->series) series_.push_back({std::move(s), 0});
      }
    }
    store_ = std::make_unique<runtime::SeriesStore>();
    return errors_.empty();
  }

  // The lazy loader's WithSamplesTill: samples up to `ts` join the store.
  bool AppendTill(int64_t ts) {
    bool ok = true;
    for (auto& [data, next] : series_) {
      for (; next < data.samples.size() && data.samples[next].t <= ts; ++next) {
        const runtime::Sample& s = data.samples[next];
        runtime::AppendStatus status = store_->Append(data.labels, s.t, s.v);
        if (status != runtime::AppendStatus::Ok) {
          errors_.push_back(std::string(runtime::Describe(status)) + " for " +
                            data.labels.ToString());
          ok = false;
        }
      }
    }
    return ok;
  }

  void CheckAlerts(const runtime::RuleEvaluator& evaluator, const AlertTest& test) {
    std::vector<AlertText> got;
    for (size_t g = 0; g < rules_.groups.size(); ++g) {
      const auto& rules = rules_.groups[g].rules;
      for (size_t i = 0; i < rules.size(); ++i) {
        const auto* rule = std::get_if<runtime::AlertingRule>(&rules[i]);
        if (!rule || rule->alert != test.alertname) continue;
        for (const runtime::Alert& a : evaluator.Alerts(g, i)) {
          if (a.state != runtime::AlertState::Firing) continue;
          got.push_back({a.labels.items(), a.annotations.items()});
        }
      }
    }
    std::vector<AlertText> exp;
    for (const ExpectedAlert& e : test.exp_alerts) {
      std::map<std::string, std::string> labels = e.labels;
      labels["alertname"] = test.alertname;  // Prometheus adds it; users need not
      exp.push_back({Pairs(labels), Pairs(e.annotations)});
    }
    std::sort(got.begin(), got.end(), AlertLess);
    std::sort(exp.begin(), exp.end(), AlertLess);
    if (exp != got) {
      errors_.push_back(AlertMismatch(group_.name, test.alertname, test.eval_time_ms, exp, got));
    }
  }

  void CheckExpr(const ExprTest& test) {
    std::string parse_error;
    std::shared_ptr<const promql::Expr> expr = ParsePromql(test.expr, parse_error);
    if (!expr) {
      errors_.push_back(ExprError(test.expr, test.eval_time_ms, parse_error));
      return;
    }
    runtime::QueryResult r =
        runtime::Engine(engine_options_).Instant(*store_, *expr, test.eval_time_ms);
    if (!r.ok()) {
      errors_.push_back(ExprError(test.expr, test.eval_time_ms, r.error));
      return;
    }
    std::vector<SampleText> got;
    if (const auto* v = std::get_if<runtime::Vector>(&r.value)) {
      for (const runtime::VectorElement& e : *v) got.push_back({e.labels, e.v});
    } else if (const auto* s = std::get_if<runtime::Scalar>(&r.value)) {
      got.push_back({runtime::Labels(), s->v});
    } else {
      errors_.push_back(ExprError(test.expr, test.eval_time_ms,
                                  "rule result is not a vector or scalar"));
      return;
    }
    std::vector<SampleText> exp;
    for (const ExpectedSample& s : test.exp_samples) {
      std::string error;
      std::optional<runtime::Labels> labels = ParseMetric(s.labels, error);
      if (!labels) {
        errors_.push_back(ExprError(test.expr, test.eval_time_ms,
                                    "labels " + promql::go::Quote(s.labels) + ": " + error));
        return;
      }
      exp.push_back({std::move(*labels), s.value});
    }
    auto by_labels = [](const SampleText& a, const SampleText& b) { return a.labels < b.labels; };
    std::stable_sort(got.begin(), got.end(), by_labels);
    std::stable_sort(exp.begin(), exp.end(), by_labels);
    if (exp != got) errors_.push_back(SamplesMismatch(test.expr, test.eval_time_ms, exp, got));
  }

  struct LoadingSeries {
    runtime::testlang::SeriesData data;
    size_t next = 0;  // the first sample not yet in the store
  };

  const TestFile& file_;
  const TestGroup& group_;
  const LoadedRules& rules_;
  runtime::EngineOptions engine_options_;
  std::unique_ptr<runtime::SeriesStore> store_;
  std::vector<LoadingSeries> series_;
  std::vector<std::string> errors_;
};

}  // namespace

std::vector<std::string> DiskRuleFiles::Glob(const std::string& pattern) const {
  if (!HasMeta(pattern)) {
    struct stat st;
    return lstat(pattern.c_str(), &st) == 0 ? std::vector<std::string>{pattern}
                                            : std::vector<std::string>{};
  }
  std::vector<std::string> out;
  glob_t g;
  if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) out.push_back(g.gl_pathv[i]);
  }
  globfree(&g);
  return out;
}

std::optional<std::string> DiskRuleFiles::Read(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> MemoryRuleFiles::Glob(const std::string& pattern) const {
  std::vector<std::string> out;
  for (const auto& [path, text] : files_) {
    if (fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0) out.push_back(path);
  }
  return out;
}

std::optional<std::string> MemoryRuleFiles::Read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::string CleanPath(const std::string& path) {
  const bool rooted = !path.empty() && path.front() == '/';
  std::vector<std::string> parts;
  std::istringstream in(path);
  for (std::string part; std::getline(in, part, '/');) {
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (part != ".." || !rooted) {
      parts.push_back(part);
    }
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out.empty() ? "." : out;
}

bool FileResult::passed() const {
  return std::all_of(groups.begin(), groups.end(), [](const GroupResult& g) { return g.passed(); });
}

FileResult RunTestFile(const TestFile& file, const std::string& path, const RuleFiles& files) {
  FileResult result;
  // resolveAndGlobFilepaths: relative to the test file's folder.
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  std::vector<std::string> rule_paths;
  for (const std::string& pattern : file.rule_files) {
    std::string full = pattern.empty() || pattern.front() == '/' ? pattern
                                                                 : CleanPath(dir + "/" + pattern);
    std::vector<std::string> matched = files.Glob(full);
    if (matched.empty()) result.warnings.push_back("  WARNING: no file match pattern " + full);
    rule_paths.insert(rule_paths.end(), matched.begin(), matched.end());
  }
  const LoadedRules rules = LoadRules(rule_paths, files, file.group_eval_order);
  for (const TestGroup& group : file.tests) {
    result.groups.push_back({group.name, GroupRun(file, group, rules).Run()});
  }
  return result;
}

}  // namespace monc::ruletest
