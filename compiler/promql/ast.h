// The PromQL syntax tree, shared by the compiler (parser, type checker,
// catalog analysis, printer) and the runtime evaluator. It knows nothing of
// YAML or the spec: positions are byte offsets into the expression's own
// text; callers map them into spec files (compiler/source).
//
// Node kinds follow Prometheus's promql/parser/ast.go, in this order in
// every switch: Aggregate, Binary, Call, MatrixSelector, Subquery, Number,
// Paren, String, Unary, VectorSelector.
//
//   auto result = Parse("sum by (job) (rate(http_requests_total[5m]))");
//   if (result.errors.empty()) Print(*result.expr);  // canonical form
#ifndef MONC_COMPILER_PROMQL_AST_H_
#define MONC_COMPILER_PROMQL_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/promql/tables.h"

namespace monc::promql {

// A half-open byte range [begin, end) of the expression text.
struct PosRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

enum class NodeKind {
  Aggregate,
  Binary,
  Call,
  MatrixSelector,
  Subquery,
  Number,
  Paren,
  String,
  Unary,
  VectorSelector,
};

struct Expr {
  explicit Expr(NodeKind k) : kind(k) {}
  virtual ~Expr() = default;
  const NodeKind kind;
  PosRange pos;
};
using ExprPtr = std::unique_ptr<Expr>;

enum class MatchType { Equal, NotEqual, Regex, NotRegex };

// A label matcher of a selector. Regexes are RE2, fully anchored.
struct LabelMatcher {
  MatchType type = MatchType::Equal;
  std::string name;
  std::string value;
  PosRange pos;
};

// `@ <timestamp>`, `@ start()` or `@ end()`.
struct AtModifier {
  enum class Kind { Timestamp, Start, End };
  Kind kind = Kind::Timestamp;
  int64_t timestamp_ms = 0;
};

struct VectorSelector : Expr {
  VectorSelector() : Expr(NodeKind::VectorSelector) {}
  std::string name;  // may be empty: then a __name__ matcher or others select
  // All matchers, including the implicit __name__="<name>" one, in source order.
  std::vector<LabelMatcher> matchers;
  int64_t offset_ms = 0;  // negative offsets look ahead
  std::optional<AtModifier> at;
};

struct MatrixSelector : Expr {
  MatrixSelector() : Expr(NodeKind::MatrixSelector) {}
  ExprPtr selector;  // a VectorSelector (or Paren around one: a parse error)
  int64_t range_ms = 0;
};

struct Subquery : Expr {
  Subquery() : Expr(NodeKind::Subquery) {}
  ExprPtr expr;
  int64_t range_ms = 0;
  int64_t step_ms = 0;  // 0: the default (evaluation interval)
  int64_t offset_ms = 0;
  std::optional<AtModifier> at;
};

struct NumberLiteral : Expr {
  NumberLiteral() : Expr(NodeKind::Number) {}
  double value = 0;
};

struct StringLiteral : Expr {
  StringLiteral() : Expr(NodeKind::String) {}
  std::string value;  // unescaped
};

struct Paren : Expr {
  Paren() : Expr(NodeKind::Paren) {}
  ExprPtr expr;
};

struct Unary : Expr {
  Unary() : Expr(NodeKind::Unary) {}
  BinaryOp op = BinaryOp::Sub;  // Add or Sub
  ExprPtr expr;
};

struct Call : Expr {
  Call() : Expr(NodeKind::Call) {}
  const FunctionInfo* func = nullptr;
  std::vector<ExprPtr> args;
};

struct Aggregate : Expr {
  Aggregate() : Expr(NodeKind::Aggregate) {}
  const AggregationInfo* op = nullptr;
  ExprPtr expr;
  ExprPtr param;  // topk/bottomk/quantile/count_values
  std::vector<std::string> grouping;
  bool without = false;
};

// on(...)/ignoring(...) and group_left/group_right of a binary operation
// between two vectors.
struct VectorMatching {
  enum class Card { OneToOne, ManyToOne, OneToMany, ManyToMany };
  Card card = Card::OneToOne;
  std::vector<std::string> matching_labels;
  bool on = false;  // on(...) rather than ignoring(...)
  std::vector<std::string> include;  // labels of group_left(...)/group_right(...)
};

struct Binary : Expr {
  Binary() : Expr(NodeKind::Binary) {}
  BinaryOp op = BinaryOp::Add;
  // The operator with its modifiers (`+ bool on(a)`), where Prometheus points
  // its messages about them.
  PosRange op_pos;
  ExprPtr lhs, rhs;
  // The on/ignoring/group_x modifiers as written, and always for and/or/unless
  // (many-to-many unless group_x was written: check.h refuses that). Absent:
  // one-to-one on all labels. Only meaningful when both sides are vectors.
  std::optional<VectorMatching> matching;
  bool return_bool = false;
};

// The type an expression evaluates to (Prometheus's Type()).
ValueType TypeOf(const Expr& expr);

// The canonical text of an expression (Prometheus's String()); parsing it
// gives back the same tree.
std::string Print(const Expr& expr);

// A duration as Prometheus prints it (model.Duration's String()): 1h30m,
// 90d (years and weeks only when exact), 0s.
std::string FormatDuration(int64_t ms);

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_AST_H_
