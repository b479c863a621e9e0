// Every PromQL expression of the spec (alerting and recording rules,
// dashboard panels' PromQL targets): parsed and type-checked as Prometheus
// 2.42 would, each error reported at the exact place in the spec file where
// the offending characters were written, even inside a block scalar; then
// the catalog checks over the expressions that are sound.
#include "compiler/analysis/analyze.h"
#include "compiler/analysis/catalog.h"
#include "compiler/analysis/labels.h"
#include "compiler/analysis/promql_checks.h"
#include "compiler/analysis/promql_report.h"
#include "compiler/analysis/spec_reporter.h"
#include "compiler/promql/promql.h"
#include "compiler/source/embedded_text.h"

namespace monc {
namespace {

// Parses `expr` (written at `span`), reports its syntax and type errors at
// their spelling, and returns the tree when it is sound.
promql::ExprPtr ParseInSpec(const std::string& expr, Span span, const SourceManager& sources,
                            DiagnosticSink& sink, std::optional<EmbeddedText>& text) {
  text = EmbeddedText::FromYamlScalar(sources, span.file, span.begin, expr);
  SpecReporter reporter(*text, sink);
  return ParseAndReport(expr, [&](Code code, promql::PosRange pos, std::string message) {
    reporter.Report(code, pos, std::move(message));
  });
}

int64_t Millis(const std::optional<model::Duration>& d, int64_t fallback) {
  return d ? d->millis : fallback;
}

}  // namespace

ExprFacts CheckPromqlExpressions(const model::System& system, const SourceManager& sources,
                                 DiagnosticSink& sink) {
  ExprFacts facts;
  Catalog catalog = BuildCatalog(system);
  constexpr int64_t kPrometheusDefaultInterval = 60000;
  int64_t scrape = Millis(system.scrape_interval, kPrometheusDefaultInterval);
  int64_t evaluation = Millis(system.evaluation_interval, kPrometheusDefaultInterval);
  std::optional<EmbeddedText> text;
  for (const model::RuleGroup& group : system.groups) {
    for (const model::Rule& rule : group.rules) {
      promql::ExprPtr expr = ParseInSpec(rule.expr, rule.expr_span, sources, sink, text);
      if (!expr) continue;
      ExprContext context{system, catalog, &rule, &group, scrape, Millis(group.interval, evaluation)};
      SpecReporter reporter(*text, sink, &rule);
      CheckExpr(*expr, context, reporter);
      // Memoized by node address: it must not outlive the tree.
      facts.rule_labels[&rule] = LabelInference(catalog).Of(*expr);
    }
  }
  for (const model::Dashboard& dashboard : system.dashboards) {
    for (const model::Panel& panel : dashboard.panels) {
      for (const model::Panel::Target& target : panel.targets) {
        if (target.language != model::Panel::Target::Language::PromQL) continue;
        promql::ExprPtr expr = ParseInSpec(target.query, target.span, sources, sink, text);
        if (!expr) continue;
        ExprContext context{system, catalog, nullptr, nullptr, scrape, evaluation};
        SpecReporter reporter(*text, sink);
        CheckExpr(*expr, context, reporter);
      }
    }
  }
  return facts;
}

}  // namespace monc
