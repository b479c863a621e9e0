// promql/short-rate-window: rate() and its kin over a window shorter than
// four scrape intervals. They need two samples in the window; with fewer
// than four intervals one missed or late scrape leaves them empty, and the
// few samples they have make the result jumpy. (Grafana's $__rate_interval
// is four scrape intervals for the same reason.) For a subquery, its step
// is the interval.
//
// Only intervals the spec states count: Prometheus's default (1m) is rarely
// what runs, and a warning about an assumed interval is noise.
#include "compiler/analysis/checks/checks.h"

namespace monc::checks {
namespace {

using namespace promql;

constexpr int kMinIntervals = 4;

constexpr std::string_view kWindowFunctions[] = {"delta", "deriv", "idelta",        "increase",
                                                 "irate", "rate",  "predict_linear"};

bool ReadsWindow(std::string_view function) {
  for (std::string_view f : kWindowFunctions) {
    if (f == function) return true;
  }
  return false;
}

}  // namespace

void ShortRateWindow(const Expr& root, Context& context, ExprReporter& reporter) {
  for (const Expr* e : Nodes(root)) {
    std::string_view function = FunctionName(*e);
    if (!ReadsWindow(function)) continue;
    const auto& call = static_cast<const Call&>(*e);
    if (call.args.empty()) continue;
    const Expr& arg = *call.args[0];
    int64_t window = 0, interval = 0;
    std::string what, source;
    if (arg.kind == NodeKind::MatrixSelector) {
      if (!context.expr.system.scrape_interval) continue;
      window = static_cast<const MatrixSelector&>(arg).range_ms;
      interval = context.expr.scrape_interval_ms;
      what = "scrape intervals";
      source =
          "the scrape interval is " + FormatDuration(interval) + " ('defaults.scrape_interval')";
    } else if (arg.kind == NodeKind::Subquery) {
      const auto& s = static_cast<const Subquery&>(arg);
      if (!s.step_ms && !EvaluationIntervalStated(context.expr)) continue;
      window = s.range_ms;
      interval = s.step_ms ? s.step_ms : context.expr.evaluation_interval_ms;
      what = "subquery steps";
      source = s.step_ms
                   ? "the subquery's step is " + FormatDuration(interval)
                   : "the subquery's step is the evaluation interval, " + FormatDuration(interval);
    } else {
      continue;
    }
    if (window >= kMinIntervals * interval) continue;
    Diagnostic& d = reporter.Report(
        Code::PromqlShortRateWindow, arg.pos,
        "window " + FormatDuration(window) + " of '" + std::string(function) +
            "' is shorter than " + std::to_string(kMinIntervals) + " " + what + " (" +
            std::to_string(kMinIntervals) + " x " + FormatDuration(interval) + " = " +
            FormatDuration(kMinIntervals * interval) + ")");
    d.label = "too few samples: the result is jumpy, and empty after one missed scrape";
    d.notes.push_back({source, {}});
  }
}

}  // namespace monc::checks
