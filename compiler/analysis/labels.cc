#include "compiler/analysis/labels.h"

#include <algorithm>

namespace monc {
namespace {

using namespace promql;

constexpr const char* kName = "__name__";

const Expr& Unparen(const Expr& e) {
  const Expr* p = &e;
  while (p->kind == NodeKind::Paren) p = static_cast<const Paren*>(p)->expr.get();
  return *p;
}

// The value of a string argument (PromQL allows only literals there).
const std::string* StringValue(const Expr& e) {
  const Expr& u = Unparen(e);
  return u.kind == NodeKind::String ? &static_cast<const StringLiteral&>(u).value : nullptr;
}

PossibleLabels Union(const PossibleLabels& a, const PossibleLabels& b) {
  PossibleLabels out = a;
  out.names.insert(b.names.begin(), b.names.end());
  out.open = a.open || b.open;
  return out;
}

// Only `keep`, those `in` may carry.
PossibleLabels Keep(const PossibleLabels& in, const std::vector<std::string>& keep) {
  PossibleLabels out;
  for (const std::string& l : keep) {
    if (in.MayCarry(l)) out.names.insert(l);
  }
  return out;
}

// absent(v): the labels v's selector fixes with a single equality matcher
// (Prometheus's createLabelsForAbsentFunction); none for other arguments.
PossibleLabels AbsentLabels(const Expr& arg) {
  const Expr* e = &arg;
  if (e->kind == NodeKind::MatrixSelector)
    e = static_cast<const MatrixSelector*>(e)->selector.get();
  PossibleLabels out;
  if (e->kind != NodeKind::VectorSelector) return out;
  std::set<std::string> unfixed;
  for (const LabelMatcher& m : static_cast<const VectorSelector*>(e)->matchers) {
    if (m.name == kName) continue;
    if (m.type == MatchType::Equal && !out.names.count(m.name)) {
      out.names.insert(m.name);
    } else {
      unfixed.insert(m.name);
    }
  }
  for (const std::string& l : unfixed) out.names.erase(l);
  return out;
}

}  // namespace

// Every other function changes what the value means, so Prometheus drops
// the metric name of its result.
bool PassesSeriesThrough(std::string_view function) {
  static constexpr std::string_view kPassThrough[] = {"label_join", "label_replace",
                                                      "last_over_time", "sort", "sort_desc"};
  return std::find(std::begin(kPassThrough), std::end(kPassThrough), function) !=
         std::end(kPassThrough);
}

std::string MetricNameOf(const VectorSelector& selector) {
  if (!selector.name.empty()) return selector.name;
  for (const LabelMatcher& m : selector.matchers) {
    if (m.name == kName && m.type == MatchType::Equal) return m.value;
  }
  return "";
}

const PossibleLabels& LabelInference::Of(const Expr& expr) {
  auto it = memo_.find(&expr);
  if (it != memo_.end()) return it->second;
  PossibleLabels labels = Compute(expr);
  // References into an unordered_map survive later insertions.
  return memo_.emplace(&expr, std::move(labels)).first->second;
}

PossibleLabels LabelInference::Compute(const Expr& expr) {
  switch (expr.kind) {
    case NodeKind::Aggregate:
      return OfAggregate(static_cast<const Aggregate&>(expr));
    case NodeKind::Binary:
      return OfBinary(static_cast<const Binary&>(expr));
    case NodeKind::Call:
      return OfCall(static_cast<const Call&>(expr));
    case NodeKind::MatrixSelector:
      return Of(*static_cast<const MatrixSelector&>(expr).selector);
    case NodeKind::Subquery:
      return Of(*static_cast<const Subquery&>(expr).expr);
    case NodeKind::Number:
    case NodeKind::String:
      return {};
    case NodeKind::Paren:
      return Of(*static_cast<const Paren&>(expr).expr);
    case NodeKind::Unary: {
      const auto& u = static_cast<const Unary&>(expr);
      PossibleLabels out = Of(*u.expr);
      if (u.op == BinaryOp::Sub) out.names.erase(kName);
      return out;
    }
    case NodeKind::VectorSelector:
      return OfSelector(static_cast<const VectorSelector&>(expr));
  }
  return {};
}

PossibleLabels LabelInference::OfSelector(const VectorSelector& s) const {
  std::string name = MetricNameOf(s);
  if (!name.empty()) {
    if (auto series = catalog_.Find(name)) return series->labels;
  }
  // Unknown series carry whatever their matchers name, and anything else.
  PossibleLabels out;
  out.open = true;
  out.names.insert(kName);
  for (const LabelMatcher& m : s.matchers) out.names.insert(m.name);
  return out;
}

PossibleLabels LabelInference::OfAggregate(const Aggregate& a) {
  const PossibleLabels& in = Of(*a.expr);
  std::string_view op = a.op ? a.op->name : "";
  if (op == "topk" || op == "bottomk") return in;
  PossibleLabels out;
  if (a.without) {
    out = in;
    for (const std::string& l : a.grouping) out.names.erase(l);
    out.names.erase(kName);
  } else {
    out = Keep(in, a.grouping);
  }
  if (op == "count_values" && a.param) {
    if (const std::string* label = StringValue(*a.param)) out.names.insert(*label);
  }
  return out;
}

PossibleLabels LabelInference::OfBinary(const Binary& b) {
  const PossibleLabels& lhs = Of(*b.lhs);
  const PossibleLabels& rhs = Of(*b.rhs);
  OperatorInfo::Kind kind = Info(b.op).kind;
  if (kind == OperatorInfo::Kind::Set) return b.op == BinaryOp::Or ? Union(lhs, rhs) : lhs;
  bool drop_name = kind == OperatorInfo::Kind::Arithmetic || b.return_bool;
  if (TypeOf(*b.lhs) == ValueType::Scalar || TypeOf(*b.rhs) == ValueType::Scalar) {
    // A scalar has no labels, so this is the vector's (if there is one).
    PossibleLabels out = Union(lhs, rhs);
    if (drop_name) out.names.erase(kName);
    return out;
  }
  // No modifiers: one-to-one on all labels.
  const VectorMatching m = b.matching ? *b.matching : VectorMatching{};
  // The result's series come from the "many" side: the rhs for group_right.
  bool right = m.card == VectorMatching::Card::OneToMany;
  PossibleLabels out = right ? rhs : lhs;
  const PossibleLabels& one = right ? lhs : rhs;
  if (drop_name) out.names.erase(kName);
  if (m.card == VectorMatching::Card::OneToOne) {
    if (m.on) {
      out = Keep(out, m.matching_labels);
    } else {
      for (const std::string& l : m.matching_labels) out.names.erase(l);
    }
  }
  for (const std::string& l : m.include) {
    out.names.erase(l);
    if (one.MayCarry(l)) out.names.insert(l);
  }
  return out;
}

PossibleLabels LabelInference::OfCall(const Call& c) {
  if (!c.func) return PossibleLabels{{}, true};  // not in a checked tree: assume anything
  if (c.func->return_type != ValueType::Vector) return {};
  std::string_view name = c.func->name;
  if (name == "absent" || name == "absent_over_time") {
    return c.args.empty() ? PossibleLabels{} : AbsentLabels(*c.args[0]);
  }
  // The series come from the first vector argument; vector(s) and the date
  // functions without one (which read time()) have none.
  const Expr* input = nullptr;
  for (const ExprPtr& arg : c.args) {
    ValueType t = TypeOf(*arg);
    if (t == ValueType::Vector || t == ValueType::Matrix) {
      input = arg.get();
      break;
    }
  }
  if (!input) return {};
  PossibleLabels out = Of(*input);
  if (!PassesSeriesThrough(name)) out.names.erase(kName);
  if (name == "histogram_quantile") out.names.erase("le");
  if ((name == "label_replace" || name == "label_join") && c.args.size() > 1) {
    if (const std::string* dst = StringValue(*c.args[1])) out.names.insert(*dst);
  }
  return out;
}

}  // namespace monc
