#include "compiler/analysis/slo_sli.h"

#include "compiler/analysis/promql_report.h"

#include <algorithm>

#include "compiler/promql/promql.h"
#include "compiler/source/embedded_text.h"

namespace monc::slo {
namespace {

using promql::PosRange;

// A plain selector (no offset or @), which the SLI takes rate() of.
bool IsBareSelector(const std::string& piece) {
  promql::ParseResult parsed = promql::Parse(piece);
  if (!parsed.errors.empty() || !parsed.expr) return false;
  if (parsed.expr->kind != promql::NodeKind::VectorSelector) return false;
  const auto& selector = static_cast<const promql::VectorSelector&>(*parsed.expr);
  return selector.offset_ms == 0 && !selector.at;
}

// `selected` as events per second over the base window. `operand`: it
// becomes an operand of '-', so an expression needs parentheses.
SplicedExpr Rate(const SplicedExpr& selected, bool bare, const Plan& plan, bool operand) {
  SplicedExpr e;
  if (bare) {
    e.Add("sum(rate(");
    e.Append(selected);
    e.Add("[" + WindowText(plan.BaseMs()) + "]))");
  } else if (operand) {
    e.Add("(");
    e.Append(selected);
    e.Add(")");
  } else {
    e.Append(selected);
  }
  return e;
}

SplicedExpr Piece(const std::string& value, Span scalar) {
  SplicedExpr e;
  e.Splice(value, scalar);
  return e;
}

// <metric><suffix>{<selector's matchers>[,<le>]}
SplicedExpr HistogramSelector(const model::Slo& slo, const char* suffix, const std::string& le) {
  SplicedExpr e;
  e.Splice(slo.latency_metric, slo.latency_metric_span);
  e.Add(suffix);
  e.Add("{");
  const std::string& selector = slo.latency_selector;
  size_t first = selector.find_first_not_of(" \t\n");
  size_t last = selector.find_last_not_of(" \t\n");
  bool any = first != std::string::npos;
  if (any && selector[first] == '{' && selector[last] == '}') {
    size_t inner = selector.find_first_not_of(" \t\n", first + 1);
    any = inner < last;
    if (any) e.Splice(selector, slo.latency_selector_span, inner, last);
  } else if (any) {
    e.Splice(selector, slo.latency_selector_span);  // not in braces: fails to parse, reported
  }
  if (!le.empty()) e.Add((any ? "," : "") + le);
  e.Add("}");
  return e;
}

// Reports at the spec place of a spliced expression and remembers the codes.
// A piece spliced twice (a latency SLI's metric and selector are in both
// the _count and the _bucket selector) is reported once per code.
class SplicedReporter : public ExprReporter {
 public:
  SplicedReporter(const SplicedExpr& expr, const Plan& plan, const SourceManager& sources,
                  DiagnosticSink& sink, std::set<std::pair<Code, uint32_t>>& reported)
      : expr_(expr), plan_(plan), sources_(sources), sink_(sink), reported_(reported) {}

  Diagnostic& Report(Code code, PosRange pos, std::string message) override {
    Span span = expr_.ToSpan(pos, sources_, plan_.slo->sli_span);
    codes.insert(code);
    if (!reported_.insert({code, span.begin}).second) return repeated_;
    Diagnostic& d = sink_.Report(code, span, std::move(message));
    if (!expr_.Spliced(pos)) {
      d.notes.push_back({"in the expression monc generates for SLO '" + plan_.slo->name.name +
                             "': " + expr_.text(),
                         {}});
    }
    return d;
  }

  std::set<Code> codes;

 private:
  const SplicedExpr& expr_;
  const Plan& plan_;
  const SourceManager& sources_;
  DiagnosticSink& sink_;
  std::set<std::pair<Code, uint32_t>>& reported_;
  Diagnostic repeated_;  // absorbs what a check attaches to a repeat
};

// A bad, good or total piece on its own, where its messages are about the
// text the spec wrote. False when it is not an instant vector.
bool CheckPiece(const char* key, const std::string& value, Span scalar, const Plan& plan,
                const SourceManager& sources, DiagnosticSink& sink) {
  EmbeddedText spelling = EmbeddedText::FromYamlScalar(sources, scalar.file, scalar.begin, value);
  auto report = [&](Code code, PosRange pos, std::string message) {
    sink.Report(code, spelling.ToSpan(pos.begin, pos.end), std::move(message));
  };
  promql::ExprPtr expr = ParseAndReport(value, report);
  if (!expr) return false;
  if (promql::ValueType type = promql::TypeOf(*expr); type != promql::ValueType::Vector) {
    Diagnostic& d = sink.Report(Code::PromqlType, spelling.ToSpan(expr->pos.begin, expr->pos.end),
                                std::string("'") + key + "' of SLO '" + plan.slo->name.name +
                                    "' must be an instant vector, got " +
                                    std::string(promql::DocumentedType(type)));
    d.label = "a selector of events, or an expression of events per second";
    return false;
  }
  return true;
}

}  // namespace

void SplicedExpr::Splice(const std::string& value, Span scalar, size_t begin, size_t end) {
  segments_.push_back({text_.size(), text_.size() + (end - begin), value, scalar, begin});
  text_ += value.substr(begin, end - begin);
}

void SplicedExpr::Append(const SplicedExpr& other) {
  for (Segment s : other.segments_) {
    s.begin += text_.size();
    s.end += text_.size();
    segments_.push_back(std::move(s));
  }
  text_ += other.text_;
}

const SplicedExpr::Segment* SplicedExpr::Overlapping(PosRange pos) const {
  size_t end = std::max<size_t>(pos.end, pos.begin + 1);
  for (const Segment& s : segments_) {
    if (pos.begin < s.end && end > s.begin) return &s;
  }
  return nullptr;
}

Span SplicedExpr::ToSpan(PosRange pos, const SourceManager& sources, Span fallback) const {
  const Segment* s = Overlapping(pos);
  if (!s || !s->scalar.valid()) return fallback;
  EmbeddedText spelling =
      EmbeddedText::FromYamlScalar(sources, s->scalar.file, s->scalar.begin, s->value);
  size_t begin = std::max<size_t>(pos.begin, s->begin) - s->begin + s->value_begin;
  size_t end = std::min<size_t>(std::max(pos.end, pos.begin), s->end) - s->begin + s->value_begin;
  return spelling.ToSpan(static_cast<uint32_t>(begin),
                         static_cast<uint32_t>(std::max(begin, end)));
}

std::string LeMatcher(int64_t threshold_ms) {
  std::string seconds = std::to_string(threshold_ms / 1000);
  if (threshold_ms % 1000 == 0) return "le=~\"" + seconds + "|" + seconds + "\\\\.0\"";
  std::string millis = std::to_string(1000 + threshold_ms % 1000).substr(1);
  millis.erase(millis.find_last_not_of('0') + 1);
  return "le=\"" + seconds + "." + millis + "\"";
}

SliExprs BuildSli(const Plan& plan) {
  const model::Slo& slo = *plan.slo;
  SliExprs sli;
  switch (*KindOf(slo)) {
    case SliKind::Bad:
      sli.errors = Rate(Piece(slo.bad, slo.bad_span), IsBareSelector(slo.bad), plan, false);
      sli.total = Rate(Piece(slo.total, slo.total_span), IsBareSelector(slo.total), plan, false);
      break;
    case SliKind::Good:
      sli.errors = Rate(Piece(slo.total, slo.total_span), IsBareSelector(slo.total), plan, true);
      sli.errors.Add(" - (");
      sli.errors.Append(Rate(Piece(slo.good, slo.good_span), IsBareSelector(slo.good), plan, false));
      sli.errors.Add(" or vector(0))");
      sli.total = Rate(Piece(slo.total, slo.total_span), IsBareSelector(slo.total), plan, false);
      break;
    case SliKind::Latency: {
      std::string le = LeMatcher(slo.latency_threshold->millis);
      sli.total = Rate(HistogramSelector(slo, "_count", ""), true, plan, false);
      sli.errors = sli.total;
      sli.errors.Add(" - ");
      sli.errors.Append(Rate(HistogramSelector(slo, "_bucket", le), true, plan, false));
      break;
    }
  }
  return sli;
}

std::optional<SliFindings> CheckSli(const Plan& plan, const SliExprs& sli,
                                    const ExprContext& context, const SourceManager& sources,
                                    DiagnosticSink& sink) {
  const model::Slo& slo = *plan.slo;
  bool ok = true;
  const std::tuple<const char*, const std::string*, Span> pieces[] = {
      {"bad", &slo.bad, slo.bad_span},
      {"good", &slo.good, slo.good_span},
      {"total", &slo.total, slo.total_span}};
  if (*KindOf(slo) != SliKind::Latency) {
    for (const auto& [key, value, span] : pieces) {
      if (span.valid()) ok = CheckPiece(key, *value, span, plan, sources, sink) && ok;
    }
  }
  if (!ok) return std::nullopt;
  SliFindings findings;
  std::set<std::pair<Code, uint32_t>> reported;
  for (auto [expr, codes] :
       {std::pair{&sli.errors, &findings.errors}, std::pair{&sli.total, &findings.total}}) {
    SplicedReporter reporter(*expr, plan, sources, sink, reported);
    promql::ExprPtr tree = ParseAndReport(expr->text(), [&](Code code, PosRange pos, std::string m) {
      reporter.Report(code, pos, std::move(m));
    });
    if (!tree) {
      ok = false;
      continue;
    }
    size_t errors = sink.ErrorCount();
    CheckExpr(*tree, context, reporter);
    ok = ok && sink.ErrorCount() == errors;
    *codes = std::move(reporter.codes);
  }
  if (!ok) return std::nullopt;
  return findings;
}

std::optional<SliSelectors> SelectorsOf(const Plan& plan) {
  const model::Slo& slo = *plan.slo;
  switch (*KindOf(slo)) {
    case SliKind::Bad:
    case SliKind::Good: {
      const std::string& numerator = *KindOf(slo) == SliKind::Bad ? slo.bad : slo.good;
      if (!IsBareSelector(numerator) || !IsBareSelector(slo.total)) return std::nullopt;
      return SliSelectors{numerator, slo.total, *KindOf(slo) == SliKind::Good};
    }
    case SliKind::Latency:
      return SliSelectors{
          HistogramSelector(slo, "_bucket", LeMatcher(slo.latency_threshold->millis)).text(),
          HistogramSelector(slo, "_count", "").text(), true};
  }
  return std::nullopt;
}

}  // namespace monc::slo
