// An SLI as PromQL: the two expressions that read raw series, bad events
// and all events per second over the base window (slo_plan.h), built from
// the pieces the spec writes and checked where those pieces are written.
//
//   bad/total     errors = sum(rate(<bad>[5m]))
//                 total  = sum(rate(<total>[5m]))
//   good/total    errors = sum(rate(<total>[5m])) - (sum(rate(<good>[5m])) or vector(0))
//   latency       errors = sum(rate(<metric>_count{<selector>}[5m]))
//                            - sum(rate(<metric>_bucket{<selector>,le="0.3"}[5m]))
//                 total  = sum(rate(<metric>_count{<selector>}[5m]))
//
// A bad, good or total that is a bare selector gets rate() and sum() as
// above; anything else is an expression the spec wrote that already gives
// events per second over the base window (`sum(rate(x[5m]))`) and is taken
// as written. `or vector(0)` makes an SLO without a single good event read
// 100% errors instead of having no series; bad/total gets the same from the
// expansion (slo_expand.h).
//
// A latency threshold is a histogram bucket boundary: `le` selects the
// bucket, so a threshold between two boundaries selects no series and the
// SLI stays empty. Client libraries spell whole-second boundaries "1" (Go)
// or "1.0" (Python, Java, and Prometheus 3 when it normalises), so those
// match either spelling: le=~"1|1\\.0".
#ifndef MONC_COMPILER_ANALYSIS_SLO_SLI_H_
#define MONC_COMPILER_ANALYSIS_SLO_SLI_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/analysis/promql_checks.h"
#include "compiler/analysis/slo_plan.h"
#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"

namespace monc::slo {

// PromQL text that monc writes around pieces of spec scalars, remembering
// where each piece came from so that a diagnostic about its characters
// points into the spec.
class SplicedExpr {
 public:
  void Add(std::string_view generated) { text_ += generated; }
  // Appends value[begin, end) of the scalar `value` written at `scalar`.
  void Splice(const std::string& value, Span scalar, size_t begin, size_t end);
  void Splice(const std::string& value, Span scalar) { Splice(value, scalar, 0, value.size()); }
  void Append(const SplicedExpr& other);

  const std::string& text() const { return text_; }
  // The spec place of expression bytes [pos.begin, pos.end): inside the
  // first spliced piece they overlap, else `fallback` (monc's own text).
  Span ToSpan(promql::PosRange pos, const SourceManager& sources, Span fallback) const;
  bool Spliced(promql::PosRange pos) const { return Overlapping(pos) != nullptr; }

 private:
  struct Segment {
    size_t begin, end;  // in text_
    std::string value;  // the whole scalar, decoded
    Span scalar;
    size_t value_begin;
  };
  const Segment* Overlapping(promql::PosRange pos) const;

  std::string text_;
  std::vector<Segment> segments_;
};

struct SliExprs {
  SplicedExpr errors;  // recorded as slo:sli_error:rate<base>
  SplicedExpr total;   // recorded as slo:sli_total:rate<base>
};

// The expressions of `plan`'s SLI, whether or not its pieces are valid
// PromQL (CheckSli reports what is not).
SliExprs BuildSli(const Plan& plan);

// The codes of the catalog checks CheckSli reported for each expression:
// the generated rules carry them as silences, so the spec-wide PromQL pass
// does not report them a second time, away from where they are written.
struct SliFindings {
  std::set<Code> errors;
  std::set<Code> total;
};

// Parses and type-checks the SLI's pieces and expressions and runs the
// catalog checks over them, each problem reported at the piece's place in
// the spec. Nullopt when there was an error.
std::optional<SliFindings> CheckSli(const Plan& plan, const SliExprs& sli,
                                    const ExprContext& context, const SourceManager& sources,
                                    DiagnosticSink& sink);

// The two selectors a bad/good/total SLI of bare selectors, or a latency
// SLI, reads: what synthetic test series must match. Nullopt for an SLI
// written as expressions.
struct SliSelectors {
  std::string numerator;  // bad events, or good ones (good/total and latency)
  std::string total;
  bool numerator_is_good = false;
};
std::optional<SliSelectors> SelectorsOf(const Plan& plan);

// The `le` matcher of a latency threshold: le="0.3", le=~"1|1\\.0".
std::string LeMatcher(int64_t threshold_ms);

}  // namespace monc::slo

#endif  // MONC_COMPILER_ANALYSIS_SLO_SLI_H_
