// Every LogQL expression of the spec: Loki rules (metric queries),
// dashboard panels' Loki targets (a log query in a logs panel, a metric
// query in any other) and retention selectors (stream matchers). Each is
// parsed as Loki would for what its place requires, errors reported at the
// exact place in the spec file where the offending characters were written;
// the sound ones are then checked against the services' log formats.
#include "compiler/analysis/analyze.h"
#include "compiler/analysis/logql_labels.h"
#include "compiler/analysis/logql_report.h"
#include "compiler/analysis/spec_reporter.h"
#include "compiler/source/embedded_text.h"

namespace monc {
namespace {

// What to do instead, where a query is of the wrong kind.
const char* KindHint(Code code) {
  switch (code) {
    case Code::LogqlMetricQueryRequired:
      return "a log query: count its lines with a range aggregation, e.g. "
             "count_over_time(... [5m])";
    case Code::LogqlLogQueryRequired:
      return "a metric query: a logs panel shows log lines (drop the aggregation, or use "
             "another panel type)";
    default:
      return "";
  }
}

void CheckInSpec(const std::string& expr, Span span, logql::EntryPoint entry,
                 const model::System& system, const SourceManager& sources, DiagnosticSink& sink,
                 const model::Rule* rule = nullptr) {
  EmbeddedText text = EmbeddedText::FromYamlScalar(sources, span.file, span.begin, expr);
  SpecReporter reporter(text, sink, rule);
  logql::ExprPtr tree = ParseLogqlAndReport(
      expr, entry, [&](Code code, uint32_t begin, uint32_t end, std::string message) {
        reporter.Report(code, {begin, end}, std::move(message)).label = KindHint(code);
      });
  if (tree && entry != logql::EntryPoint::Matchers) {
    CheckLogqlLabels(*tree, expr, system, reporter);
  }
}

}  // namespace

void CheckLogqlExpressions(const model::System& system, const SourceManager& sources,
                           DiagnosticSink& sink) {
  for (const model::RuleGroup& group : system.log_groups) {
    for (const model::Rule& rule : group.rules) {
      CheckInSpec(rule.expr, rule.expr_span, logql::EntryPoint::SampleExpr, system, sources, sink,
                  &rule);
    }
  }
  for (const model::Dashboard& dashboard : system.dashboards) {
    for (const model::Panel& panel : dashboard.panels) {
      logql::EntryPoint entry = panel.type == model::Panel::Type::Logs
                                    ? logql::EntryPoint::LogSelector
                                    : logql::EntryPoint::SampleExpr;
      for (const model::Panel::Target& target : panel.targets) {
        if (target.language != model::Panel::Target::Language::LogQL) continue;
        CheckInSpec(target.query, target.span, entry, system, sources, sink);
      }
    }
  }
  // Loki's compactor reads a retention selector as stream matchers only.
  for (const model::LogSettings::RetentionStream& stream : system.logs.retention_streams) {
    CheckInSpec(stream.selector, stream.selector_span, logql::EntryPoint::Matchers, system, sources,
                sink);
  }
}

}  // namespace monc
