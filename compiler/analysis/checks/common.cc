// Helpers the catalog checks share: tree walking, positions, wording.
#include "compiler/analysis/checks/checks.h"
#include "compiler/diag/did_you_mean.h"

namespace monc::checks {

using namespace promql;

std::vector<const Expr*> Children(const Expr& e) {
  switch (e.kind) {
    case NodeKind::Aggregate: {
      const auto& a = static_cast<const Aggregate&>(e);
      if (a.param) return {a.param.get(), a.expr.get()};
      return {a.expr.get()};
    }
    case NodeKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      return {b.lhs.get(), b.rhs.get()};
    }
    case NodeKind::Call: {
      std::vector<const Expr*> out;
      for (const ExprPtr& arg : static_cast<const Call&>(e).args) out.push_back(arg.get());
      return out;
    }
    case NodeKind::MatrixSelector:
      return {static_cast<const MatrixSelector&>(e).selector.get()};
    case NodeKind::Subquery:
      return {static_cast<const Subquery&>(e).expr.get()};
    case NodeKind::Paren:
      return {static_cast<const Paren&>(e).expr.get()};
    case NodeKind::Unary:
      return {static_cast<const Unary&>(e).expr.get()};
    case NodeKind::Number:
    case NodeKind::String:
    case NodeKind::VectorSelector:
      return {};
  }
  return {};
}

std::vector<const Expr*> Nodes(const Expr& root) {
  std::vector<const Expr*> out;
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    out.push_back(e);
    std::vector<const Expr*> children = Children(*e);
    // Pushed last-first, so they come out in source order.
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  return out;
}

std::string_view FunctionName(const Expr& e) {
  if (e.kind != NodeKind::Call) return "";
  const auto& c = static_cast<const Call&>(e);
  return c.func ? c.func->name : "";
}

PosRange NamePos(const VectorSelector& selector) {
  if (!selector.name.empty()) {
    return {selector.pos.begin, selector.pos.begin + static_cast<uint32_t>(selector.name.size())};
  }
  for (const LabelMatcher& m : selector.matchers) {
    if (m.name == "__name__") return m.pos;
  }
  return selector.pos;
}

bool EvaluationIntervalStated(const ExprContext& context) {
  return (context.group && context.group->interval) || context.system.evaluation_interval;
}

std::string QuotedLabels(const std::set<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) {
    if (l != "__name__") out += (out.empty() ? "'" : ", '") + l + "'";
  }
  return out.empty() ? "none" : out;
}

void SuggestLabel(Diagnostic& d, const std::string& name, const std::set<std::string>& candidates) {
  std::vector<std::string> list;
  for (const std::string& l : candidates) {
    if (l != "__name__") list.push_back(l);
  }
  if (auto s = DidYouMean(name, list)) d.notes.push_back({"did you mean '" + *s + "'?", {}});
}

}  // namespace monc::checks
