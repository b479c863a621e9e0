// PromQL's binary operators on evaluated operands, as Prometheus's
// scalarBinop, VectorscalarBinop, VectorBinop, VectorAnd/Or/Unless: which
// side's value and labels survive, where __name__ is dropped, and the
// matching errors word for word.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "runtime/engine/evaluator.h"
#include "runtime/model/label_hash.h"

namespace monc::runtime::internal {
namespace {

using promql::BinaryOp;
using Card = promql::VectorMatching::Card;

struct ElemResult {
  double value;
  bool keep;  // false: a comparison that filters the element out
};

// One operator on two floats; comparisons keep the left value.
ElemResult Apply(BinaryOp op, double l, double r) {
  switch (op) {
    case BinaryOp::Add: return {l + r, true};
    case BinaryOp::Sub: return {l - r, true};
    case BinaryOp::Mul: return {l * r, true};
    case BinaryOp::Div: return {l / r, true};
    case BinaryOp::Mod: return {std::fmod(l, r), true};
    case BinaryOp::Atan2: return {std::atan2(l, r), true};
    case BinaryOp::Pow: return {std::pow(l, r), true};
    case BinaryOp::Eql: return {l, l == r};
    case BinaryOp::Neq: return {l, l != r};
    case BinaryOp::Gtr: return {l, l > r};
    case BinaryOp::Lss: return {l, l < r};
    case BinaryOp::Gte: return {l, l >= r};
    case BinaryOp::Lte: return {l, l <= r};
    case BinaryOp::And:
    case BinaryOp::Unless:
    case BinaryOp::Or: break;
  }
  return {0, false};
}

bool IsComparison(BinaryOp op) {
  return promql::Info(op).kind == promql::OperatorInfo::Kind::Comparison;
}

// Arithmetic drops the metric name, atan2 and comparisons keep it (2.42).
bool DropsName(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
    case BinaryOp::Sub:
    case BinaryOp::Mul:
    case BinaryOp::Div:
    case BinaryOp::Mod:
    case BinaryOp::Pow: return true;
    default: return false;
  }
}

Value ScalarScalar(const promql::Binary& node, double l, double r, int64_t t) {
  ElemResult res = Apply(node.op, l, r);
  // Scalars compare only with bool: the result is 1 or 0.
  if (IsComparison(node.op)) return Scalar{t, res.keep ? 1.0 : 0.0};
  return Scalar{t, res.value};
}

// `vec op scalar`, or `scalar op vec` when `swap`.
Vector VectorScalar(const promql::Binary& node, Vector vec, double scalar, bool swap) {
  Vector out;
  out.reserve(vec.size());
  for (VectorElement& e : vec) {
    double l = e.v, r = scalar;
    if (swap) std::swap(l, r);
    ElemResult res = Apply(node.op, l, r);
    // The vector's value survives a comparison, whichever side it is on.
    if (IsComparison(node.op) && swap) res.value = r;
    if (node.return_bool) {
      res.value = res.keep ? 1 : 0;
      res.keep = true;
    }
    if (!res.keep) continue;
    e.v = res.value;
    if (DropsName(node.op) || node.return_bool) e.labels = CopyLabels(e.labels, true);
    out.push_back(std::move(e));
  }
  return out;
}

// The join key of each element: Prometheus's signatureFunc.
class Signer {
 public:
  explicit Signer(const promql::VectorMatching& m) : on_(m.on), names_(m.matching_labels) {
    std::sort(names_.begin(), names_.end());
  }
  uint64_t operator()(const Labels& l) const {
    return on_ ? HashLabelsOn(l, names_, false) : HashLabelsIgnoring(l, names_, true);
  }
  // The labels the key is made of (Prometheus's MatchLabels), for messages.
  Labels Group(const Labels& l) const {
    LabelsBuilder b(l);
    if (on_) return b.Keep(names_).Build();
    for (const std::string& n : names_) b.Del(n);
    return b.Del(kMetricName).Build();
  }

 private:
  bool on_;
  std::vector<std::string> names_;
};

std::vector<uint64_t> Sign(const Signer& signer, const Vector& v) {
  std::vector<uint64_t> sigs;
  sigs.reserve(v.size());
  for (const VectorElement& e : v) sigs.push_back(signer(e.labels));
  return sigs;
}

Vector SetOperation(BinaryOp op, const promql::VectorMatching& m, Vector lhs, Vector rhs) {
  Signer signer(m);
  Vector out;
  switch (op) {
    case BinaryOp::And: {
      if (lhs.empty() || rhs.empty()) return out;
      std::vector<uint64_t> rs = Sign(signer, rhs);
      std::unordered_set<uint64_t> right(rs.begin(), rs.end());
      for (VectorElement& e : lhs) {
        if (right.count(signer(e.labels))) out.push_back(std::move(e));
      }
      return out;
    }
    case BinaryOp::Or: {
      if (lhs.empty()) return rhs;
      if (rhs.empty()) return lhs;
      std::vector<uint64_t> ls = Sign(signer, lhs);
      std::unordered_set<uint64_t> left(ls.begin(), ls.end());
      out = std::move(lhs);
      for (VectorElement& e : rhs) {
        if (!left.count(signer(e.labels))) out.push_back(std::move(e));
      }
      return out;
    }
    default: {  // unless
      if (lhs.empty() || rhs.empty()) return lhs;
      std::vector<uint64_t> rs = Sign(signer, rhs);
      std::unordered_set<uint64_t> right(rs.begin(), rs.end());
      for (VectorElement& e : lhs) {
        if (!right.count(signer(e.labels))) out.push_back(std::move(e));
      }
      return out;
    }
  }
}

// The labels of a matched pair: the "many" side's, with group_x's labels
// from the "one" side (Prometheus's resultMetric).
Labels ResultLabels(const Labels& many, const Labels& one, BinaryOp op,
                    const promql::VectorMatching& m) {
  LabelsBuilder b(many);
  if (DropsName(op)) b.Del(kMetricName);
  if (m.card == Card::OneToOne) {
    if (m.on) {
      b.Keep(m.matching_labels);
    } else {
      for (const std::string& n : m.matching_labels) b.Del(n);
    }
  }
  for (const std::string& n : m.include) b.Set(n, one.Get(n));
  return b.Build();
}

Vector VectorVector(const promql::Binary& node, const promql::VectorMatching& m, Vector lhs,
                    Vector rhs, std::string& error) {
  Vector out;
  if (lhs.empty() || rhs.empty()) return out;
  // One-to-many is many-to-one with the sides swapped.
  const bool swapped = m.card == Card::OneToMany;
  if (swapped) std::swap(lhs, rhs);
  Signer signer(m);
  std::unordered_map<uint64_t, size_t> one;  // signature -> index in rhs
  for (size_t i = 0; i < rhs.size(); ++i) {
    auto [it, inserted] = one.try_emplace(signer(rhs[i].labels), i);
    if (!inserted) {
      error = "found duplicate series for the match group " +
              signer.Group(rhs[i].labels).ToString() + " on the " +
              (swapped ? "left" : "right") + " hand-side of the operation: [" +
              rhs[i].labels.ToString() + ", " + rhs[it->second].labels.ToString() +
              "];many-to-many matching not allowed: matching labels must be unique on one side";
      return {};
    }
  }
  // Per signature: the result label sets made from it (many-to-one), or
  // just its presence (one-to-one).
  std::unordered_map<uint64_t, std::unordered_set<uint64_t>> matched;
  for (VectorElement& ls : lhs) {
    const uint64_t sig = signer(ls.labels);
    auto found = one.find(sig);
    if (found == one.end()) continue;
    const VectorElement& rs = rhs[found->second];
    double l = ls.v, r = rs.v;
    if (swapped) std::swap(l, r);
    ElemResult res = Apply(node.op, l, r);
    if (node.return_bool) {
      res.value = res.keep ? 1 : 0;
    } else if (!res.keep) {
      continue;
    }
    Labels labels = ResultLabels(ls.labels, rs.labels, node.op, m);
    if (node.return_bool) labels = CopyLabels(labels, true);
    auto [group, first] = matched.try_emplace(sig);
    if (m.card == Card::OneToOne) {
      if (!first) {
        error = "multiple matches for labels: many-to-one matching must be explicit "
                "(group_left/group_right)";
        return {};
      }
    } else if (!group->second.insert(HashLabels(labels, false)).second) {
      error = "multiple matches for matching labels: grouping labels must ensure unique matches";
      return {};
    }
    out.push_back({std::move(labels), ls.t, res.value});
  }
  return out;
}

}  // namespace

Value ApplyBinary(const promql::Binary& node, Value lhs, Value rhs, int64_t t,
                  std::string& error) {
  const Scalar* ls = std::get_if<Scalar>(&lhs);
  const Scalar* rs = std::get_if<Scalar>(&rhs);
  if (ls && rs) return ScalarScalar(node, ls->v, rs->v, t);
  if (rs) return VectorScalar(node, std::move(std::get<Vector>(lhs)), rs->v, false);
  if (ls) return VectorScalar(node, std::move(std::get<Vector>(rhs)), ls->v, true);
  static const promql::VectorMatching kDefault;
  const promql::VectorMatching& m = node.matching ? *node.matching : kDefault;
  Vector& l = std::get<Vector>(lhs);
  Vector& r = std::get<Vector>(rhs);
  if (promql::Info(node.op).kind == promql::OperatorInfo::Kind::Set) {
    return SetOperation(node.op, m, std::move(l), std::move(r));
  }
  return VectorVector(node, m, std::move(l), std::move(r), error);
}

}  // namespace monc::runtime::internal
