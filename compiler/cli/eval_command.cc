#include "compiler/cli/eval_command.h"

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/sink.h"
#include "compiler/rulefile/rulefile.h"
#include "runtime/api/query_json.h"
#include "runtime/ingest/openmetrics.h"
#include "runtime/rules/rules.h"
#include "runtime/storage/series_store.h"

namespace monc {
namespace {

struct EvalOptions {
  std::string data;
  std::vector<std::string> rules;
  std::vector<std::string> at;
  bool stats = false;
  std::string on_error = "stop";
};

using Clock = std::chrono::steady_clock;

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

bool ReadFile(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  text = s.str();
  return true;
}

// Prometheus's parseTime for Unix seconds: the fraction rounded to
// milliseconds, then the nanoseconds truncated to milliseconds as
// timestamp.FromTime does (so 0.123 can land on 122ms, as in Prometheus).
std::optional<int64_t> ParseTime(const std::string& text) {
  char* end = nullptr;
  double t = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(t)) return std::nullopt;
  double whole;
  double fraction = std::round(std::modf(t, &whole) * 1000) / 1000;
  int64_t sec = static_cast<int64_t>(whole);
  int64_t nsec = static_cast<int64_t>(fraction * 1e9);
  if (nsec < 0) sec -= 1, nsec += 1'000'000'000;
  return sec * 1000 + nsec / 1'000'000;
}

std::string RuleName(const runtime::Rule& rule) {
  if (const auto* r = std::get_if<runtime::RecordingRule>(&rule)) return r->record;
  return std::get<runtime::AlertingRule>(rule).alert;
}

// The rule groups of every file, or the exit code when one has problems.
std::optional<std::vector<runtime::RuleGroup>> LoadRules(const std::vector<std::string>& paths,
                                                         int& status) {
  SourceManager sources;
  DiagnosticSink sink;
  std::vector<runtime::RuleGroup> groups;
  for (const std::string& path : paths) {
    std::string text;
    if (!ReadFile(path, text)) {
      std::cerr << "monc: error: cannot read " << path << "\n";
      status = 2;
      return std::nullopt;
    }
    for (runtime::RuleGroup& g : LoadRuleFile(sources.Add(path, std::move(text)), sources, sink)) {
      groups.push_back(std::move(g));
    }
  }
  std::cerr << RenderText(sink.Sorted(), sources);
  if (sink.HasErrors()) {
    status = 1;
    return std::nullopt;
  }
  return groups;
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

// Loads the data file into `store`, reporting bad lines; the exit code
// when the load failed.
std::optional<int> LoadData(const EvalOptions& opts, runtime::SeriesStore& store) {
  auto start = Clock::now();
  std::ifstream data(opts.data, std::ios::binary);
  if (!data) {
    std::cerr << "monc: error: cannot read " << opts.data << "\n";
    return 2;
  }
  runtime::LoadOptions load_options;
  load_options.stop_at_first_error = opts.on_error == "stop";
  runtime::LoadResult loaded = runtime::LoadOpenMetrics(data, store, load_options);
  for (const runtime::LoadDiagnostic& d : loaded.diagnostics) {
    std::cerr << opts.data << ":" << d.ToString() << "\n";
  }
  if (loaded.errors > loaded.diagnostics.size()) {
    std::cerr << opts.data << ": " << loaded.errors - loaded.diagnostics.size()
              << " more errors\n";
  }
  if (loaded.stopped) return 1;
  // Part of loading, as a TSDB block's sorted index is: the first rule
  // would otherwise pay for it.
  store.SortSeries();
  if (opts.stats) {
    runtime::StoreStats s = store.Stats();
    std::cerr << "load: " << Millis(Clock::now() - start) << " ms, " << s.series << " series, "
              << s.samples << " samples, " << loaded.errors << " errors\n";
  }
  return std::nullopt;
}

// One JSON line per rule on stdout; with --stats, the timings on stderr.
void EvaluateAt(runtime::RuleEvaluator& evaluator, runtime::SeriesStore& store, int64_t t,
                bool stats) {
  auto start = Clock::now();
  std::vector<runtime::RuleResult> results = evaluator.EvaluateAt(store, t);
  auto elapsed = Clock::now() - start;
  int64_t touched = 0;
  for (const runtime::RuleResult& r : results) {
    nlohmann::ordered_json line = {{"group", evaluator.groups()[r.group].name},
                                   {"index", r.index},
                                   {"time", runtime::TimeJson(t)}};
    // The expression's answer as /api/v1/query gives it; what went wrong
    // in the rule after its query, as the rules API's lastError.
    line.update(r.query.ok() ? runtime::DataJson(r.query.value) : runtime::ErrorJson(r.query.error));
    if (!r.rule_error.empty()) line["ruleError"] = r.rule_error;
    std::cout << line.dump() << "\n";
    touched += r.query.stats.samples_touched;
  }
  if (!stats) return;
  std::cerr << "at " << runtime::TimeJson(t).dump() << ": rule set " << Millis(elapsed) << " ms, "
            << touched << " samples touched\n";
  for (const runtime::RuleResult& r : results) {
    const runtime::RuleGroup& group = evaluator.groups()[r.group];
    std::cerr << "  " << group.name << "[" << r.index << "] " << RuleName(group.rules[r.index])
              << ": " << r.eval_ns / 1e6 << " ms, " << r.query.stats.samples_touched
              << " samples touched";
    if (r.samples_discarded > 0) {
      std::cerr << ", " << r.samples_discarded << " output samples discarded";
    }
    std::cerr << "\n";
  }
}

int Run(const EvalOptions& opts) {
  std::vector<int64_t> times;
  for (const std::string& text : opts.at) {
    std::optional<int64_t> t = ParseTime(text);
    if (!t) {
      std::cerr << "monc: error: invalid time '" << text << "': expected Unix seconds\n";
      return 2;
    }
    times.push_back(*t);
  }
  int status = 0;
  std::optional<std::vector<runtime::RuleGroup>> groups = LoadRules(opts.rules, status);
  if (!groups) return status;
  runtime::SeriesStore store;
  if (std::optional<int> failed = LoadData(opts, store)) return *failed;
  runtime::RuleOptions rule_options;
  rule_options.parse_expr = ParsePromql;
  runtime::RuleEvaluator evaluator(std::move(*groups), std::move(rule_options));
  for (int64_t t : times) EvaluateAt(evaluator, store, t, opts.stats);
  if (opts.stats) std::cerr << "peak memory: " << PeakRssKiB() / 1024.0 << " MiB\n";
  return 0;
}

}  // namespace

std::function<int()> AddEvalCommand(CLI::App& app) {
  auto opts = std::make_shared<EvalOptions>();
  CLI::App* eval = app.add_subcommand(
      "eval", "evaluate Prometheus rule files over an OpenMetrics data set at given times");
  eval->add_option("--data", opts->data,
                   "OpenMetrics text file, as promtool tsdb create-blocks-from openmetrics reads")
      ->required();
  eval->add_option("--rules", opts->rules, "Prometheus rule file (repeatable)")->required();
  eval->add_option("--at", opts->at, "evaluation time in Unix seconds (repeatable)")->required();
  eval->add_flag("--stats", opts->stats,
                 "print load and evaluation times, samples touched and peak memory to stderr");
  eval->add_option("--on-error", opts->on_error,
                   "a malformed data line: stop (the default) or skip it and load the rest")
      ->check(CLI::IsMember({"stop", "skip"}));
  return [opts]() { return Run(*opts); };
}

}  // namespace monc
