// The evaluator's walk over the tree: selectors with the lookback delta and
// staleness, offset and @, range windows, subqueries and function calls.
// Operators and aggregations are in binary.cc and aggregate.cc.
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "runtime/engine/evaluator.h"
#include "runtime/engine/functions.h"
#include "runtime/model/label_hash.h"

namespace monc::runtime::internal {
namespace {

using promql::NodeKind;

const promql::Expr& Unparen(const promql::Expr& e) {
  const promql::Expr* p = &e;
  while (p->kind == NodeKind::Paren) p = static_cast<const promql::Paren*>(p)->expr.get();
  return *p;
}

// Whether every series `vs` selects has the same __name__: then dropping
// the name cannot make two of their label sets equal.
bool PinsName(const promql::VectorSelector& vs) {
  for (const promql::LabelMatcher& m : vs.matchers) {
    if (m.name == kMetricName && m.type == promql::MatchType::Equal) return true;
  }
  return false;
}

// The range-vector argument of `call`, if it has one.
std::optional<size_t> RangeArgument(const promql::Call& call) {
  for (size_t i = 0; i < call.args.size(); ++i) {
    if (promql::TypeOf(*call.args[i]) == promql::ValueType::Matrix) return i;
  }
  return std::nullopt;
}

// The first multiple of `step` at or after `t` (Prometheus aligns subquery
// steps to multiples of the step, from the window's start), saturating.
int64_t AlignUp(int64_t t, int64_t step) {
  int64_t q = t / step * step;
  return q < t ? SaturatingSub(q, -step) : q;  // q + step
}

}  // namespace

void Evaluator::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

bool Evaluator::Account(size_t samples) {
  current_samples_ += static_cast<int64_t>(samples);
  stats_.peak_samples = std::max(stats_.peak_samples, current_samples_);
  if (current_samples_ > options_.max_samples) {
    Fail("query processing would load too many samples into memory in query execution");
    return false;
  }
  return true;
}

void Evaluator::Release(size_t samples) { current_samples_ -= static_cast<int64_t>(samples); }

bool Evaluator::Step() {
  if (++steps_ <= options_.max_steps) return true;
  Fail("query timed out in expression evaluation");
  return false;
}

void Evaluator::CheckUnique(const Vector& v) {
  if (v.size() < 2) return;
  hashes_.clear();
  for (const VectorElement& e : v) hashes_.push_back(HashLabels(e.labels, false));
  std::sort(hashes_.begin(), hashes_.end());
  if (std::adjacent_find(hashes_.begin(), hashes_.end()) != hashes_.end()) {
    Fail(std::string(kDuplicateLabelset));
  }
}

int64_t Evaluator::RefTime(const std::optional<promql::AtModifier>& at, int64_t offset,
                           int64_t t) const {
  int64_t base = t;
  if (at) {
    switch (at->kind) {
      case promql::AtModifier::Kind::Timestamp: base = at->timestamp_ms; break;
      case promql::AtModifier::Kind::Start: base = start_; break;
      case promql::AtModifier::Kind::End: base = end_; break;
    }
  }
  return SaturatingSub(base, offset);
}

const std::vector<SeriesRef>* Evaluator::Select(const promql::VectorSelector& vs) {
  auto [it, inserted] = selections_.try_emplace(&vs);
  if (inserted) {
    std::vector<Matcher> matchers;
    matchers.reserve(vs.matchers.size());
    for (const promql::LabelMatcher& m : vs.matchers) {
      std::string error;
      std::optional<Matcher> compiled = Matcher::FromAst(m, &error);
      if (!compiled) {
        Fail(error);
        return nullptr;
      }
      matchers.push_back(std::move(*compiled));
    }
    it->second = data_.Select(matchers);
  }
  return &it->second;
}

Value Evaluator::Eval(const promql::Expr& expr, int64_t t) {
  if (!Step()) return Vector();
  switch (expr.kind) {
    case NodeKind::Aggregate:
      return EvalAggregate(static_cast<const promql::Aggregate&>(expr), t);
    case NodeKind::Binary:
      return EvalBinary(static_cast<const promql::Binary&>(expr), t);
    case NodeKind::Call:
      return EvalCall(static_cast<const promql::Call&>(expr), t);
    case NodeKind::MatrixSelector:
      return EvalMatrixSelector(static_cast<const promql::MatrixSelector&>(expr), t);
    case NodeKind::Subquery:
      return EvalSubquery(static_cast<const promql::Subquery&>(expr), t);
    case NodeKind::Number:
      return Scalar{t, static_cast<const promql::NumberLiteral&>(expr).value};
    case NodeKind::Paren:
      return Eval(*static_cast<const promql::Paren&>(expr).expr, t);
    case NodeKind::String:
      return String{t, static_cast<const promql::StringLiteral&>(expr).value};
    case NodeKind::Unary:
      return EvalUnary(static_cast<const promql::Unary&>(expr), t);
    case NodeKind::VectorSelector:
      return EvalVectorSelector(static_cast<const promql::VectorSelector&>(expr), t, false);
  }
  return Vector();
}

template <typename Fn>
void Evaluator::ForEachSelected(const promql::VectorSelector& vs, int64_t t, Fn&& fn) {
  const std::vector<SeriesRef>* refs = Select(vs);
  if (!refs) return;
  const int64_t ref_time = RefTime(vs.at, vs.offset_ms, t);
  size_t selected = 0;
  // Prometheus 2.42 takes the newest sample in [t - lookback, t], both ends
  // included; a staleness marker there means the series is gone.
  const int64_t mint = SaturatingSub(ref_time, options_.lookback_delta_ms);
  Sample last;
  for (SeriesRef ref : *refs) {
    if (!data_.LastSample(ref, mint, ref_time, &last)) continue;
    ++stats_.samples_touched;
    if (IsStaleNaN(last.v)) continue;
    ++selected;
    fn(data_.SeriesLabels(ref), last);
  }
  Account(selected);
}

Vector Evaluator::EvalVectorSelector(const promql::VectorSelector& vs, int64_t t,
                                     bool sample_time) {
  Vector out;
  ForEachSelected(vs, t, [&](const Labels& labels, const Sample& s) {
    out.push_back({labels, sample_time ? s.t : t, s.v});
  });
  return out;
}

template <typename Fn>
void Evaluator::ForEachElement(const promql::Expr& expr, int64_t t, Fn&& fn) {
  const promql::Expr& e = Unparen(expr);
  if (e.kind == NodeKind::VectorSelector) {
    if (!Step()) return;
    ForEachSelected(static_cast<const promql::VectorSelector&>(e), t,
                    [&](const Labels& labels, const Sample& s) { fn(labels, false, s.v); });
    return;
  }
  if (e.kind == NodeKind::Call) {
    const auto& call = static_cast<const promql::Call&>(e);
    const std::optional<size_t> range_arg = RangeArgument(call);
    // Streamed only where the engine's duplicate check cannot fail: one
    // metric name, or the name kept.
    if (range_arg && call.func->name != "absent_over_time") {
      const promql::Expr& arg = Unparen(*call.args[*range_arg]);
      if (arg.kind == NodeKind::MatrixSelector &&
          (call.func->name == "last_over_time" ||
           PinsName(static_cast<const promql::VectorSelector&>(
               Unparen(*static_cast<const promql::MatrixSelector&>(arg).selector))))) {
        if (!Step()) return;
        ForEachRangeResult(call, *range_arg, t, fn);
        return;
      }
    }
  }
  Value v = Eval(e, t);
  if (failed()) return;
  for (const VectorElement& el : std::get<Vector>(v)) fn(el.labels, false, el.v);
}

Matrix Evaluator::EvalMatrixSelector(const promql::MatrixSelector& ms, int64_t t) {
  Matrix out;
  int64_t range_start, range_end;
  ForEachWindow(ms, t, range_start, range_end,
                [&](const Labels& labels, const std::vector<Sample>& samples) {
                  out.push_back({labels, samples});
                });
  return out;
}

Matrix Evaluator::EvalSubquery(const promql::Subquery& sq, int64_t t) {
  Matrix out;
  const int64_t end = RefTime(sq.at, sq.offset_ms, t);
  const int64_t step = sq.step_ms > 0 ? sq.step_ms : options_.default_subquery_step_ms;
  if (step <= 0) {
    Fail("zero or negative query resolution step widths are not accepted");
    return out;
  }
  std::unordered_map<uint64_t, size_t> index;  // label hash -> series of `out`
  auto append = [&](const Labels& labels, int64_t ts, double v) {
    auto [it, inserted] = index.try_emplace(labels.Hash(), out.size());
    if (inserted) out.push_back({labels, {}});
    out[it->second].samples.push_back({ts, v});
  };
  for (int64_t ts = AlignUp(SaturatingSub(end, sq.range_ms), step); ts <= end; ts += step) {
    Value v = Eval(*sq.expr, ts);
    if (failed()) return {};
    if (const Scalar* s = std::get_if<Scalar>(&v)) {
      append(Labels(), ts, s->v);
    } else if (const Vector* vec = std::get_if<Vector>(&v)) {
      for (const VectorElement& e : *vec) append(e.labels, ts, e.v);
    }
    if (ts > SaturatingSub(end, step)) break;  // the next step would pass `end`
  }
  return out;
}

template <typename Fn>
void Evaluator::ForEachWindow(const promql::Expr& arg, int64_t t, int64_t& range_start,
                              int64_t& range_end, Fn&& fn) {
  const promql::Expr& e = Unparen(arg);
  if (e.kind == NodeKind::Subquery) {
    const auto& sq = static_cast<const promql::Subquery&>(e);
    range_end = RefTime(sq.at, sq.offset_ms, t);
    range_start = SaturatingSub(range_end, sq.range_ms);
    Matrix m = EvalSubquery(sq, t);
    for (Series& s : m) {
      if (!Account(s.samples.size())) return;
      fn(s.labels, s.samples);
    }
    return;
  }
  const std::vector<SeriesRef>* refs =
      SelectWindow(static_cast<const promql::MatrixSelector&>(e), t, range_start, range_end);
  if (!refs) return;
  // The window is closed, [t - range, t], as in Prometheus 2.42; staleness
  // markers are not samples.
  for (SeriesRef ref : *refs) {
    scratch_.clear();
    data_.Samples(ref, range_start, range_end, scratch_);
    stats_.samples_touched += static_cast<int64_t>(scratch_.size());
    scratch_.erase(std::remove_if(scratch_.begin(), scratch_.end(),
                                  [](const Sample& s) { return IsStaleNaN(s.v); }),
                   scratch_.end());
    if (scratch_.empty()) continue;
    if (!Account(scratch_.size())) return;
    fn(data_.SeriesLabels(ref), scratch_);
  }
}

const std::vector<SeriesRef>* Evaluator::SelectWindow(const promql::MatrixSelector& ms, int64_t t,
                                                      int64_t& range_start, int64_t& range_end) {
  const auto& vs = static_cast<const promql::VectorSelector&>(Unparen(*ms.selector));
  range_end = RefTime(vs.at, vs.offset_ms, t);
  range_start = SaturatingSub(range_end, ms.range_ms);
  return Select(vs);
}

template <typename Fn>
void Evaluator::ForEachSummary(const promql::MatrixSelector& ms, int64_t t, int64_t& range_start,
                               int64_t& range_end, Fn&& fn) {
  const std::vector<SeriesRef>* refs = SelectWindow(ms, t, range_start, range_end);
  if (!refs) return;
  for (SeriesRef ref : *refs) {
    data_.Summarize(ref, range_start, range_end, &summary_);
    if (summary_.count == 0) continue;
    stats_.samples_touched += summary_.count;
    if (!Account(static_cast<size_t>(summary_.count))) return;
    fn(data_.SeriesLabels(ref), summary_);
    Release(static_cast<size_t>(summary_.count));
  }
}

Value Evaluator::EvalCall(const promql::Call& call, int64_t t) {
  if (const std::optional<size_t> range_arg = RangeArgument(call)) {
    return EvalRangeCall(call, *range_arg, t);
  }
  if (call.func->name == "histogram_quantile") return EvalHistogramQuantile(call, t);
  const FunctionImpl impl = FindFunctionImpl(call.func->name);
  if (!impl) {
    Fail("function " + std::string(call.func->name) + " is not implemented");
    return Vector();
  }
  std::vector<Value> args;
  args.reserve(call.args.size());
  // timestamp() of a selector reads the samples' own timestamps; of
  // anything else, the evaluation time.
  const bool sample_time = call.func->name == "timestamp";
  for (const promql::ExprPtr& arg : call.args) {
    const promql::Expr& a = Unparen(*arg);
    if (sample_time && a.kind == NodeKind::VectorSelector) {
      args.push_back(EvalVectorSelector(static_cast<const promql::VectorSelector&>(a), t, true));
    } else {
      args.push_back(Eval(*arg, t));
    }
    if (failed()) return Vector();
  }
  std::string error;
  Vector out = impl(FunctionCall{call, args, t}, error);
  if (!error.empty()) {
    Fail(std::move(error));
    return Vector();
  }
  if (call.func->return_type == promql::ValueType::Scalar) {
    return Scalar{t, out.empty() ? std::nan("") : out.front().v};
  }
  for (VectorElement& e : out) e.t = t;
  CheckUnique(out);
  return out;
}

template <typename Fn>
void Evaluator::ForEachRangeResult(const promql::Call& call, size_t range_arg, int64_t t,
                                   Fn&& fn) {
  const std::string_view name = call.func->name;
  std::vector<Value> args(call.args.size());
  for (size_t i = 0; i < call.args.size(); ++i) {
    if (i == range_arg) continue;
    args[i] = Eval(*call.args[i], t);
    if (failed()) return;
  }
  const FunctionImpl impl = FindFunctionImpl(name);
  if (!impl) {
    Fail("function " + std::string(name) + " is not implemented");
    return;
  }
  // last_over_time acts like an offset and keeps the name.
  const bool drop_name = name != "last_over_time";
  const promql::Expr& range = Unparen(*call.args[range_arg]);
  if (const SummaryImpl summary = FindSummaryImpl(name);
      summary && range.kind == NodeKind::MatrixSelector) {
    FunctionCall fc{call, args, t};
    ForEachSummary(static_cast<const promql::MatrixSelector&>(range), t, fc.range_start,
                   fc.range_end, [&](const Labels& labels, const WindowSummary& window) {
                     if (const std::optional<double> v = summary(fc, window)) {
                       if (Account(1)) fn(labels, drop_name, *v);
                     }
                   });
    return;
  }
  // One series at a time, in a Matrix the function reads in place: the
  // window's samples are swapped in, not copied; the functions do not read
  // the series' labels.
  args[range_arg] = Matrix(1);
  Series& series = std::get<Matrix>(args[range_arg])[0];
  FunctionCall fc{call, args, t};
  std::string error;
  ForEachWindow(*call.args[range_arg], t, fc.range_start, fc.range_end,
                [&](const Labels& labels, std::vector<Sample>& samples) {
                  if (!error.empty()) return;
                  series.samples.swap(samples);
                  Vector r = impl(fc, error);
                  series.samples.swap(samples);
                  // The window is consumed; its one output stays.
                  Release(samples.size());
                  if (!r.empty() && Account(1)) fn(labels, drop_name, r.front().v);
                });
  if (!error.empty()) Fail(std::move(error));
}

Value Evaluator::EvalRangeCall(const promql::Call& call, size_t range_arg, int64_t t) {
  Vector out;
  if (call.func->name == "absent_over_time") {
    bool any = false;
    int64_t range_start, range_end;
    ForEachWindow(*call.args[range_arg], t, range_start, range_end,
                  [&](const Labels&, std::vector<Sample>&) { any = true; });
    if (failed()) return Vector();
    if (!any) out.push_back({AbsentLabels(*call.args[range_arg]), t, 1});
    return out;
  }
  ForEachRangeResult(call, range_arg, t, [&](const Labels& labels, bool drop_name, double v) {
    out.push_back({CopyLabels(labels, drop_name), t, v});
  });
  if (failed()) return Vector();
  CheckUnique(out);
  return out;
}

// The buckets stream into their groups, as an aggregation's input does:
// the bucket vector (often every bucket series of a histogram) is never
// built.
Value Evaluator::EvalHistogramQuantile(const promql::Call& call, int64_t t) {
  Value q = Eval(*call.args[0], t);
  if (failed()) return Vector();
  BucketGroups groups;
  ForEachElement(*call.args[1], t, [&](const Labels& labels, bool drop_name, double v) {
    groups.Add(labels, drop_name, v);
  });
  if (failed()) return Vector();
  const Scalar* scalar = std::get_if<Scalar>(&q);
  Vector out = groups.Quantiles(scalar ? scalar->v : std::nan(""), t);
  CheckUnique(out);
  return out;
}

Value Evaluator::EvalUnary(const promql::Unary& unary, int64_t t) {
  Value v = Eval(*unary.expr, t);
  if (failed() || unary.op != promql::BinaryOp::Sub) return v;
  if (Scalar* s = std::get_if<Scalar>(&v)) {
    s->v = -s->v;
  } else if (Vector* vec = std::get_if<Vector>(&v)) {
    for (VectorElement& e : *vec) {
      if (e.labels.Has(kMetricName)) e.labels = CopyLabels(e.labels, true);
      e.v = -e.v;
    }
    CheckUnique(*vec);
  }
  return v;
}

Value Evaluator::EvalBinary(const promql::Binary& binary, int64_t t) {
  // Both sides are evaluated even when one is empty: their errors count.
  Value lhs = Eval(*binary.lhs, t);
  if (failed()) return Vector();
  Value rhs = Eval(*binary.rhs, t);
  if (failed()) return Vector();
  std::string error;
  Value out = ApplyBinary(binary, std::move(lhs), std::move(rhs), t, error);
  if (!error.empty()) {
    Fail(std::move(error));
    return Vector();
  }
  if (const Vector* v = std::get_if<Vector>(&out)) CheckUnique(*v);
  return out;
}

Value Evaluator::EvalAggregate(const promql::Aggregate& agg, int64_t t) {
  Value param;
  if (agg.param) {
    param = Eval(*agg.param, t);
    if (failed()) return Vector();
  }
  std::string error;
  Aggregation aggregation(agg, agg.param ? &param : nullptr, error);
  // The input streams into the groups without its labels being copied; an
  // error of the input comes before one of the parameter, as in Prometheus.
  ForEachElement(*agg.expr, t, [&](const Labels& labels, bool drop_name, double v) {
    aggregation.Add(labels, drop_name, v);
  });
  if (!error.empty()) Fail(std::move(error));
  if (failed()) return Vector();
  return aggregation.Finish(t);
}

}  // namespace monc::runtime::internal
