// One walk over the tree in Prometheus 2.42's checkAST order: children before
// their parent's own rules, left before right. Only the first error reaches
// promtool's users, so the order of the errors is part of the parity.
#include "compiler/promql/check.h"

#include <re2/re2.h>

#include <string>
#include <string_view>

#include "compiler/promql/go_strconv.h"

namespace monc::promql {
namespace {

// Prometheus's internal ValueType names, which one message shows instead of
// the users' words.
std::string_view InternalName(ValueType type) {
  switch (type) {
    case ValueType::None: return "none";
    case ValueType::Scalar: return "scalar";
    case ValueType::Vector: return "vector";
    case ValueType::Matrix: return "matrix";
    case ValueType::String: return "string";
  }
  return "none";
}

bool MatchesEmpty(const LabelMatcher& m) {
  switch (m.type) {
    case MatchType::Equal: return m.value.empty();
    case MatchType::NotEqual: return !m.value.empty();
    case MatchType::Regex: return RE2::FullMatch("", RE2(m.value, RE2::Quiet));
    case MatchType::NotRegex: return !RE2::FullMatch("", RE2(m.value, RE2::Quiet));
  }
  return false;
}

bool IsVectorOrScalar(ValueType t) { return t == ValueType::Scalar || t == ValueType::Vector; }

class Checker {
 public:
  explicit Checker(std::vector<ParseError>& errors) : errors_(errors) {}

  // Checks `e` and its children; returns its type.
  ValueType Visit(const Expr& e) {
    switch (e.kind) {
      case NodeKind::Aggregate: CheckAggregate(static_cast<const Aggregate&>(e)); break;
      case NodeKind::Binary: CheckBinary(static_cast<const Binary&>(e)); break;
      case NodeKind::Call: CheckCall(static_cast<const Call&>(e)); break;
      case NodeKind::MatrixSelector: Visit(*static_cast<const MatrixSelector&>(e).selector); break;
      case NodeKind::Subquery: CheckSubquery(static_cast<const Subquery&>(e)); break;
      case NodeKind::Number: break;
      case NodeKind::Paren: Visit(*static_cast<const Paren&>(e).expr); break;
      case NodeKind::String: break;
      case NodeKind::Unary: CheckUnary(static_cast<const Unary&>(e)); break;
      case NodeKind::VectorSelector: CheckSelector(static_cast<const VectorSelector&>(e)); break;
    }
    return TypeOf(e);
  }

 private:
  void Error(PosRange pos, std::string message) { errors_.push_back({pos, std::move(message)}); }

  void ExpectType(const Expr& e, ValueType want, std::string_view context) {
    ValueType got = Visit(e);
    if (got == want) return;
    Error(e.pos, "expected type " + std::string(DocumentedType(want)) + " in " +
                     std::string(context) + ", got " + std::string(DocumentedType(got)));
  }

  void CheckAggregate(const Aggregate& a) {
    ExpectType(*a.expr, ValueType::Vector, "aggregation expression");
    if (a.op->param_type != ValueType::None && a.param) {
      ExpectType(*a.param, a.op->param_type, "aggregation parameter");
    }
  }

  void CheckBinary(const Binary& b) {
    ValueType lt = Visit(*b.lhs);
    ValueType rt = Visit(*b.rhs);
    const OperatorInfo& op = Info(b.op);
    const VectorMatching matching = b.matching.value_or(VectorMatching{});

    if (b.return_bool && op.kind != OperatorInfo::Kind::Comparison) {
      Error(b.op_pos, "bool modifier can only be used on comparison operators");
    }
    if (op.kind == OperatorInfo::Kind::Comparison && !b.return_bool && lt == ValueType::Scalar &&
        rt == ValueType::Scalar) {
      Error(b.op_pos, "comparisons between scalars must use BOOL modifier");
    }
    if (matching.on) {
      for (const std::string& label : matching.matching_labels) {
        for (const std::string& included : matching.include) {
          if (label == included) {
            Error(b.op_pos,
                  "label " + go::Quote(label) + " must not occur in ON and GROUP clause at once");
          }
        }
      }
    }
    if (!IsVectorOrScalar(lt)) {
      Error(b.lhs->pos, "binary expression must contain only scalar and instant vector types");
    }
    if (!IsVectorOrScalar(rt)) {
      Error(b.rhs->pos, "binary expression must contain only scalar and instant vector types");
    }
    if (lt != ValueType::Vector || rt != ValueType::Vector) {
      // An empty on() or ignoring() next to a scalar passes, as in Prometheus.
      if (!matching.matching_labels.empty()) {
        Error(b.pos, "vector matching only allowed between instant vectors");
      }
    } else if (op.kind == OperatorInfo::Kind::Set &&
               (matching.card == VectorMatching::Card::ManyToOne ||
                matching.card == VectorMatching::Card::OneToMany)) {
      Error(b.pos, "no grouping allowed for " + go::Quote(op.text) + " operation");
    }
    if ((lt == ValueType::Scalar || rt == ValueType::Scalar) &&
        op.kind == OperatorInfo::Kind::Set) {
      Error(b.pos,
            "set operator " + go::Quote(op.text) + " not allowed in binary scalar expression");
    }
  }

  void CheckCall(const Call& c) {
    const FunctionInfo& f = *c.func;
    const size_t declared = f.arg_types.size();
    const size_t given = c.args.size();
    const std::string counts =
        " argument(s) in call to " + go::Quote(f.name) + ", got " + std::to_string(given);
    if (f.variadic == 0) {
      if (given != declared) Error(c.pos, "expected " + std::to_string(declared) + counts);
    } else if (given < declared - 1) {
      Error(c.pos, "expected at least " + std::to_string(declared - 1) + counts);
    } else if (f.variadic > 0 && given > declared - 1 + f.variadic) {
      Error(c.pos, "expected at most " + std::to_string(declared - 1 + f.variadic) + counts);
    }

    const std::string context = "call to function " + go::Quote(f.name);
    for (size_t i = 0; i < given; ++i) {
      // Extra arguments of a fixed-arity function are not looked at; those of
      // a variadic one take the last declared type.
      if (i >= declared && f.variadic == 0) break;
      ExpectType(*c.args[i], f.arg_types[i < declared ? i : declared - 1], context);
    }
  }

  void CheckSubquery(const Subquery& s) {
    ValueType t = Visit(*s.expr);
    if (t != ValueType::Vector) {
      Error(s.pos, "subquery is only allowed on instant vector, got " +
                       std::string(InternalName(t)) + " instead");
    }
  }

  void CheckUnary(const Unary& u) {
    ValueType t = Visit(*u.expr);
    if (!IsVectorOrScalar(t)) {
      Error(u.pos,
            "unary expression only allowed on expressions of type scalar or instant vector, got " +
                go::Quote(DocumentedType(t)));
    }
  }

  void CheckSelector(const VectorSelector& v) {
    if (!v.name.empty()) {
      // The name is a non-empty matcher itself, the first of `matchers`; a
      // __name__ matcher in the braces names the metric a second time.
      for (size_t i = 1; i < v.matchers.size(); ++i) {
        if (v.matchers[i].name != "__name__") continue;
        Error(v.pos, "metric name must not be set twice: " + go::Quote(v.name) + " or " +
                         go::Quote(v.matchers[i].value));
      }
      return;
    }
    // Matching the empty label set would select every series, usually by a typo.
    for (const LabelMatcher& m : v.matchers) {
      if (!MatchesEmpty(m)) return;
    }
    Error(v.pos, "vector selector must contain at least one non-empty matcher");
  }

  std::vector<ParseError>& errors_;
};

}  // namespace

void Check(const Expr& expr, std::vector<ParseError>& errors) { Checker(errors).Visit(expr); }

}  // namespace monc::promql
