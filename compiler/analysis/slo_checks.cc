// The slo/* checks: objectives written as ratios, windows that are nothing
// or not shorter than their pair, tiers whose threshold no error ratio can
// exceed, and burn rates with no severity to alert at.
#include <algorithm>

#include "compiler/analysis/slo_expand.h"

namespace monc::slo {
namespace {

// An error ratio never exceeds 1, and the alerts compare with '>'.
bool NeverFires(const WindowPair& pair, const Plan& plan) {
  return pair.factor * plan.budget.Ratio() >= 1;
}

std::string PercentOfEvents(const WindowPair& pair, const Plan& plan) {
  return FormatNumber(pair.factor * plan.budget.Ratio() * 100, 4) + "%";
}

Note BudgetNote(const Plan& plan) {
  return {"objective " + plan.objective.PercentText() + "% leaves an error budget of " +
              plan.budget.PercentText() + "%, so burn rates must stay below " +
              FormatNumber(1 / plan.budget.Ratio(), 4),
          plan.slo->objective_span};
}

void CheckObjective(const Plan& plan, DiagnosticSink& sink) {
  const model::Slo& slo = *plan.slo;
  if (slo.objective >= 1) return;
  Percent meant = plan.objective;
  meant.units *= meant.places == 0 ? 100 : meant.places == 1 ? 10 : 1;
  meant.places = std::max(0, meant.places - 2);
  Diagnostic& d = sink.Report(Code::SloObjectiveAsRatio, slo.objective_span,
                              "objective " + plan.objective.PercentText() + " of SLO '" +
                                  slo.name.name + "' means " + plan.objective.PercentText() +
                                  "%, an error budget of " + plan.budget.PercentText() + "%");
  d.label = "did you mean " + meant.PercentText() + "?";
  d.notes.push_back({"objectives are percentages: 99.9 or '99.9%'", {}});
  d.fix = FixIt{slo.objective_span, meant.PercentText()};
}

// Where a window is written: its own span, else the SLO (a default).
Span WhereWritten(const model::Duration& d, const Plan& plan) {
  return d.span.valid() ? d.span : plan.slo->name.span;
}

bool CheckWindow(const char* what, const model::Duration& window, const Plan& plan,
                 DiagnosticSink& sink) {
  if (window.millis >= 1000) return true;
  sink.Report(Code::SloBadWindow, WhereWritten(window, plan),
              std::string(what) + " '" + window.text + "' of SLO '" + plan.slo->name.name +
                  "' rounds to 0s")
      .label = "SLO and burn-rate windows are at least 1s";
  return false;
}

bool CheckBurnRates(const Plan& plan, DiagnosticSink& sink) {
  const model::Slo& slo = *plan.slo;
  bool ok = true;
  for (const model::Slo::BurnRate& rate : slo.burn_rates) {
    if (!rate.severity && !slo.page_severity && !slo.ticket_severity) {
      sink.Report(Code::SpecBadValue, rate.span,
                  "burn rate of SLO '" + slo.name.name + "' has no severity to alert at")
          .label = "give it a 'severity', or the SLO 'alerting.page' or 'alerting.ticket'";
      ok = false;
    }
    bool windows = CheckWindow("long window", rate.long_window, plan, sink);
    windows = CheckWindow("short window", rate.short_window, plan, sink) && windows;
    if (windows && rate.short_window.millis >= rate.long_window.millis) {
      Diagnostic& d = sink.Report(Code::SloBadWindow, WhereWritten(rate.short_window, plan),
                                  "short window '" + rate.short_window.text + "' of SLO '" +
                                      slo.name.name + "' is not shorter than its long window '" +
                                      rate.long_window.text + "'");
      d.label = "the short window stops the alert soon after the burn stops";
      d.notes.push_back({"long window here", WhereWritten(rate.long_window, plan)});
      windows = false;
    }
    ok = ok && windows;
  }
  return ok;
}

bool CheckTiers(const Plan& plan, DiagnosticSink& sink) {
  bool ok = true;
  for (const Tier& tier : plan.tiers) {
    bool all_never = true;
    for (const WindowPair& pair : tier.pairs) {
      bool never = NeverFires(pair, plan);
      all_never = all_never && never;
      if (!never || !pair.written) continue;
      Diagnostic& d = sink.Report(
          Code::SloTierNeverFires, pair.written->factor_span,
          "burn rate " + FormatNumber(pair.factor) + " of the " + tier.name + " tier of SLO '" +
              plan.slo->name.name + "' can never fire: it needs more than " +
              PercentOfEvents(pair, plan) + " of events to fail");
      d.label = "factor x error budget is 100% or more";
      d.notes.push_back(BudgetNote(plan));
      ok = false;
    }
    if (!all_never || tier.pairs.front().written) continue;
    const WindowPair& slowest = *std::min_element(
        tier.pairs.begin(), tier.pairs.end(),
        [](const WindowPair& a, const WindowPair& b) { return a.factor < b.factor; });
    Diagnostic& d = sink.Report(
        Code::SloTierNeverFires, tier.severity.span,
        "the " + tier.name + " tier of SLO '" + plan.slo->name.name +
            "' can never fire: its lowest burn rate, " + FormatNumber(slowest.factor) +
            ", needs more than " + PercentOfEvents(slowest, plan) + " of events to fail");
    d.label = "asks for the " + tier.name + " tier";
    d.notes.push_back(BudgetNote(plan));
    d.notes.push_back({"set 'alerting.burn_rates' with factors this budget allows", {}});
    ok = false;
  }
  return ok;
}

}  // namespace

bool CheckSlo(const Plan& plan, DiagnosticSink& sink) {
  CheckObjective(plan, sink);
  bool ok = CheckWindow("window", plan.slo->window, plan, sink);
  ok = CheckBurnRates(plan, sink) && ok;
  return CheckTiers(plan, sink) && ok;
}

}  // namespace monc::slo
