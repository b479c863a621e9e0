// promql/rate-of-gauge: rate(), irate(), increase() or resets() over a
// gauge. They read every drop as a counter reset, so a gauge that goes
// down shows as a jump up.
#include "compiler/analysis/checks/checks.h"
#include "compiler/analysis/series_type.h"

namespace monc::checks {
namespace {

using namespace promql;

// Each counter function and what to use on a gauge instead.
struct CounterFunction {
  std::string_view name;
  std::string_view instead;
};
constexpr CounterFunction kCounterFunctions[] = {
    {"rate", "'deriv' gives a gauge's per-second change"},
    {"irate", "'deriv' gives a gauge's per-second change"},
    {"increase", "'delta' gives a gauge's change over the window"},
    {"resets", "'changes' counts how often a gauge changed"},
};

}  // namespace

void RateOfGauge(const Expr& root, Context& context, ExprReporter& reporter) {
  for (const Expr* e : Nodes(root)) {
    std::string_view function = FunctionName(*e);
    for (const CounterFunction& f : kCounterFunctions) {
      if (f.name != function) continue;
      const auto& call = static_cast<const Call&>(*e);
      if (call.args.empty()) continue;
      const Expr& arg = *call.args[0];
      if (ResultTypeOf(arg, context.expr.catalog) != model::MetricType::Gauge) continue;
      std::string what;
      if (arg.kind == NodeKind::MatrixSelector) {
        const auto& m = static_cast<const MatrixSelector&>(arg);
        what = "gauge '" + MetricNameOf(static_cast<const VectorSelector&>(*m.selector)) + "'";
      } else {
        what = "'" + Print(arg) + "', a gauge";
      }
      Diagnostic& d = reporter.Report(Code::PromqlRateOfGauge, arg.pos,
                                      "'" + std::string(f.name) + "' of " + what);
      d.label = "reads every drop of the gauge as a counter reset";
      d.notes.push_back({std::string(f.instead), {}});
    }
  }
}

}  // namespace monc::checks
