#include "compiler/analysis/slo_plan.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "compiler/promql/ast.h"

namespace monc::slo {
namespace {

// The SRE workbook's multiwindow, multi-burn-rate alerts for a 30-day SLO
// (chapter 5, "Alerting on SLOs", table 5-8) as Sloth ships them, with its
// extra 1d pair: 2% of the budget spent in an hour or 5% in six hours
// pages; 10% in a day or in three days opens a ticket.
struct WorkbookPair {
  const char* tier;
  const char* long_window;
  const char* short_window;
  double factor;
};
constexpr WorkbookPair kWorkbook[] = {
    {"page", "1h", "5m", 14.4},
    {"page", "6h", "30m", 6},
    {"ticket", "1d", "2h", 3},
    {"ticket", "3d", "6h", 1},
};

model::Duration Workbook(const char* text) {
  return {*model::ParseDurationMillis(text), text, {}};
}

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// `units` / 10^`places` in plain decimal notation, without trailing zeros.
std::string FixedPoint(int64_t units, int places) {
  std::string digits = std::to_string(units);
  if (static_cast<int>(digits.size()) <= places) {
    digits.insert(0, places + 1 - digits.size(), '0');
  }
  std::string out = digits.substr(0, digits.size() - places);
  std::string fraction = digits.substr(digits.size() - places);
  fraction.erase(fraction.find_last_not_of('0') + 1);
  return fraction.empty() ? out : out + "." + fraction;
}

// The decimal the spec wrote: the fewest places that give back `percent`.
Percent ExactPercent(double percent) {
  constexpr int kMaxPlaces = 12;
  for (int places = 0; places < kMaxPlaces; ++places) {
    int64_t units = std::llround(percent * static_cast<double>(Pow10(places)));
    if (static_cast<double>(units) / static_cast<double>(Pow10(places)) == percent) {
      return {units, places};
    }
  }
  return {std::llround(percent * static_cast<double>(Pow10(kMaxPlaces))), kMaxPlaces};
}

// "read-latency-p95" -> "ReadLatencyP95": alert names are CamelCase.
std::string Camel(const std::string& name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

Tier& TierNamed(std::vector<Tier>& tiers, const std::string& name, const model::Ref& severity,
                const std::string& slo) {
  for (Tier& t : tiers) {
    if (t.name == name) return t;
  }
  tiers.push_back({name, severity, Camel(slo) + "BudgetBurn" + Camel(name), {}});
  return tiers.back();
}

std::vector<Tier> Tiers(const model::System& system, const model::Slo& slo) {
  std::vector<Tier> tiers;
  auto declared = [&](const std::optional<model::Ref>& s) {
    return s && system.severities.Find(s->name) != nullptr;
  };
  if (slo.burn_rates.empty()) {
    for (const WorkbookPair& w : kWorkbook) {
      const std::optional<model::Ref>& severity =
          std::string(w.tier) == "page" ? slo.page_severity : slo.ticket_severity;
      if (!declared(severity)) continue;
      TierNamed(tiers, w.tier, *severity, slo.name.name)
          .pairs.push_back({Workbook(w.long_window), Workbook(w.short_window), w.factor});
    }
  }
  for (const model::Slo::BurnRate& rate : slo.burn_rates) {
    std::optional<model::Ref> severity = rate.severity;
    if (!severity) severity = slo.page_severity ? slo.page_severity : slo.ticket_severity;
    if (!declared(severity)) continue;
    std::string name = severity->name;
    if (slo.page_severity && name == slo.page_severity->name) {
      name = "page";
    } else if (slo.ticket_severity && name == slo.ticket_severity->name) {
      name = "ticket";
    }
    TierNamed(tiers, name, *severity, slo.name.name)
        .pairs.push_back({rate.long_window, rate.short_window, rate.factor, &rate});
  }
  std::stable_sort(tiers.begin(), tiers.end(), [](const Tier& a, const Tier& b) {
    return a.FastestFactor() > b.FastestFactor();
  });
  return tiers;
}

std::vector<int64_t> Windows(const model::Slo& slo, const std::vector<Tier>& tiers) {
  std::vector<int64_t> out = {slo.window.millis};
  for (const WorkbookPair& w : kWorkbook) {
    out.push_back(*model::ParseDurationMillis(w.long_window));
    out.push_back(*model::ParseDurationMillis(w.short_window));
  }
  for (const Tier& tier : tiers) {
    for (const WindowPair& pair : tier.pairs) {
      out.push_back(pair.long_window.millis);
      out.push_back(pair.short_window.millis);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

double Tier::FastestFactor() const {
  double f = 0;
  for (const WindowPair& p : pairs) f = std::max(f, p.factor);
  return f;
}

double Percent::Ratio() const {
  return static_cast<double>(units) / static_cast<double>(Pow10(places + 2));
}

std::string Percent::RatioText() const { return FixedPoint(units, places + 2); }

std::string Percent::PercentText() const { return FixedPoint(units, places); }

std::optional<SliKind> KindOf(const model::Slo& slo) {
  // The schema keeps each of them non-empty when present.
  bool bad = !slo.bad.empty(), good = !slo.good.empty(), total = !slo.total.empty();
  if (!slo.latency_metric.empty()) {
    if (bad || good || total || !slo.latency_threshold) return std::nullopt;
    return SliKind::Latency;
  }
  if (!total || bad == good) return std::nullopt;
  return bad ? SliKind::Bad : SliKind::Good;
}

std::optional<Plan> PlanSlo(const model::System& system, const model::Slo& slo) {
  if (slo.objective <= 0 || slo.objective >= 100 || !KindOf(slo)) return std::nullopt;
  Plan plan;
  plan.slo = &slo;
  plan.group = "slo:" + slo.name.name;
  if (slo.service) {
    plan.service = slo.service->name;
  } else {
    plan.service = system.name.empty() ? "monc" : system.name;
  }
  plan.id = plan.service + "-" + slo.name.name;
  plan.labels = system.default_labels;
  for (const auto& [k, v] : slo.labels) plan.labels[k] = v;
  plan.labels[kIdLabel] = plan.id;
  plan.labels[kServiceLabel] = plan.service;
  plan.labels[kSloLabel] = slo.name.name;
  plan.objective = ExactPercent(slo.objective);
  plan.budget = {100 * Pow10(plan.objective.places) - plan.objective.units, plan.objective.places};
  plan.tiers = Tiers(system, slo);
  plan.windows_ms = Windows(slo, plan.tiers);
  return plan;
}

std::string WindowText(int64_t ms) { return promql::FormatDuration(ms); }

std::string ErrorRateRecord(int64_t window_ms) { return "slo:sli_error:rate" + WindowText(window_ms); }

std::string TotalRateRecord(int64_t window_ms) { return "slo:sli_total:rate" + WindowText(window_ms); }

std::string ErrorRatioRecord(int64_t window_ms) {
  return "slo:sli_error:ratio_rate" + WindowText(window_ms);
}

std::string Series(const Plan& plan, const std::string& record) {
  std::string id;
  for (char c : plan.id) {
    if (c == '"' || c == '\\') id += '\\';
    id += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return record + "{" + kIdLabel + "=\"" + id + "\"}";
}

std::string FormatNumber(double v, int max_digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*e", max_digits - 1, v);
  double rounded = std::strtod(buffer, nullptr);
  // Plain decimals: Prometheus reads 3e+01, but people and Sloth write 30.
  for (int decimals = 0; decimals <= 20; ++decimals) {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
    if (std::strtod(buffer, nullptr) == rounded) break;
  }
  return buffer;
}

}  // namespace monc::slo
