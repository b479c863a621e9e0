// promql/unknown-label: a label the series at hand cannot carry, named in a
// matcher, in by/without, in on/ignoring, in group_left/group_right, or as a
// source label of label_replace/label_join.
// Series of unknown labels (a metric the catalog lacks, ALERTS) are never
// judged.
#include "compiler/analysis/checks/checks.h"

namespace monc::checks {
namespace {

using namespace promql;

void CheckMatchers(const VectorSelector& s, Context& context, ExprReporter& reporter) {
  const PossibleLabels& labels = context.labels.Of(s);
  if (labels.open) return;
  std::string name = MetricNameOf(s);
  auto series = context.expr.catalog.Find(name);
  for (const LabelMatcher& m : s.matchers) {
    if (m.name == "__name__" || labels.MayCarry(m.name)) continue;
    Diagnostic& d = reporter.Report(Code::PromqlUnknownLabel, m.pos,
                                    "metric '" + name + "' has no label '" + m.name + "'");
    d.label = "not among its labels";
    SuggestLabel(d, m.name, labels.names);
    if (!series) continue;
    const CatalogMetric& metric = *series->metric;
    std::string carried =
        "'" + name + "' (" + metric.origin + ") carries " + QuotedLabels(labels.names);
    d.notes.push_back({carried, metric.span});
    if (metric.scraped) {
      d.notes.push_back(
          {"labels relabelling adds to every target belong on 'up' in 'metrics'", {}});
    }
  }
}

void CheckGrouping(const Aggregate& a, Context& context, ExprReporter& reporter) {
  const PossibleLabels& in = context.labels.Of(*a.expr);
  if (in.open) return;
  const char* clause = a.without ? "without" : "by";
  for (const std::string& l : a.grouping) {
    if (in.MayCarry(l)) continue;
    Diagnostic& d = reporter.Report(Code::PromqlUnknownLabel, a.pos,
                                    "'" + std::string(clause) + "' names '" + l +
                                        "', a label the aggregated series do not carry");
    d.label = a.without ? "there is nothing to remove" : "every series has it empty: one group";
    SuggestLabel(d, l, in.names);
    d.notes.push_back({"the aggregated series carry " + QuotedLabels(in.names), {}});
  }
}

// on(l) needs l on both sides; ignoring(l) on either; group_x(l) copies l
// from the "one" side.
void CheckMatching(const Binary& b, Context& context, ExprReporter& reporter) {
  if (!b.matching) return;
  const VectorMatching& m = *b.matching;
  const PossibleLabels& lhs = context.labels.Of(*b.lhs);
  const PossibleLabels& rhs = context.labels.Of(*b.rhs);
  auto report = [&](const std::string& message, const std::string& label,
                    const PossibleLabels& side) {
    Diagnostic& d = reporter.Report(Code::PromqlUnknownLabel, b.pos, message);
    SuggestLabel(d, label, side.names);
    d.notes.push_back({"that side carries " + QuotedLabels(side.names), {}});
  };
  for (const std::string& l : m.matching_labels) {
    if (m.on) {
      for (auto [side, labels] : {std::pair{"left", &lhs}, std::pair{"right", &rhs}}) {
        if (labels->MayCarry(l)) continue;
        report("'on' matches on '" + l + "', a label the " + side + "-hand side does not carry", l,
               *labels);
      }
    } else if (!lhs.MayCarry(l) && !rhs.MayCarry(l)) {
      report("'ignoring' names '" + l + "', a label neither side carries", l, lhs);
    }
  }
  bool left = m.card == VectorMatching::Card::ManyToOne;
  const PossibleLabels& one = left ? rhs : lhs;
  for (const std::string& l : m.include) {
    if (one.MayCarry(l)) continue;
    report(std::string(left ? "'group_left' copies '" : "'group_right' copies '") + l +
               "' from the " + (left ? "right" : "left") + "-hand side, which does not carry it",
           l, one);
  }
}

// label_replace(v, dst, replacement, src, regex) and
// label_join(v, dst, separator, src...): a missing source reads as "".
void CheckSourceLabels(const Call& c, Context& context, ExprReporter& reporter) {
  std::string_view function = FunctionName(c);
  if (function != "label_replace" && function != "label_join") return;
  if (c.args.empty()) return;
  const PossibleLabels& in = context.labels.Of(*c.args[0]);
  if (in.open) return;
  size_t last = function == "label_replace" ? 4 : c.args.size();
  for (size_t i = 3; i < last && i < c.args.size(); ++i) {
    if (c.args[i]->kind != NodeKind::String) continue;
    const std::string& l = static_cast<const StringLiteral&>(*c.args[i]).value;
    if (in.MayCarry(l)) continue;
    Diagnostic& d = reporter.Report(
        Code::PromqlUnknownLabel, c.args[i]->pos,
        "'" + std::string(function) + "' reads '" + l + "', a label its input does not carry");
    d.label = "always empty";
    SuggestLabel(d, l, in.names);
    d.notes.push_back({"the input carries " + QuotedLabels(in.names), {}});
  }
}

}  // namespace

void UnknownLabel(const Expr& root, Context& context, ExprReporter& reporter) {
  for (const Expr* e : Nodes(root)) {
    switch (e->kind) {
      case NodeKind::Aggregate:
        CheckGrouping(static_cast<const Aggregate&>(*e), context, reporter);
        break;
      case NodeKind::Binary:
        CheckMatching(static_cast<const Binary&>(*e), context, reporter);
        break;
      case NodeKind::Call:
        CheckSourceLabels(static_cast<const Call&>(*e), context, reporter);
        break;
      case NodeKind::VectorSelector:
        CheckMatchers(static_cast<const VectorSelector&>(*e), context, reporter);
        break;
      default:
        break;
    }
  }
}

}  // namespace monc::checks
