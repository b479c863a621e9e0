// The LogQL syntax tree, as Loki's pkg/logql/syntax builds it, shared by the
// compiler (parser, validation, printer, catalog checks) and a future
// runtime. It knows nothing of ANTLR, YAML or the spec: positions are byte
// offsets into the expression's own text.
//
// A LogQL expression is either a log query (a stream selector with an
// optional pipeline of stages) or a metric query (aggregations, binary
// operations and literals over log ranges): KindOf() says which.
//
// Node kinds follow Loki's ast.go, in this order in every switch:
// LogSelector, RangeAggregation, VectorAggregation, Binary, Literal,
// LabelReplace, Vector, Variants. Stage kinds, in this order: LineFilter,
// Parser, LabelFilter, LineFormat, LabelFormat, Drop, Keep, Decolorize,
// Distinct.
//
//   auto r = Parse(R"(sum by (app) (count_over_time({app="api"} |= "error" [5m])))");
//   if (r.errors.empty()) Print(*r.expr);  // canonical form
#ifndef MONC_COMPILER_LOGQL_AST_H_
#define MONC_COMPILER_LOGQL_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/logql/tables.h"
#include "compiler/promql/ast.h"

namespace monc::logql {

// Loki's matchers and binary operators are Prometheus's.
using promql::BinaryOp;
using promql::LabelMatcher;
using promql::MatchType;
using promql::PosRange;
using promql::VectorMatching;

// ---- Label filters (Loki's log.LabelFilterer) ----

// The comparison of a label filter. `=` and `==` are the same.
enum class CompareOp { Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual };

struct LabelFilter {
  enum class Kind {
    And,       // `a and b`, `a, b` and `a b`
    Or,        // `a or b`
    String,    // label =, !=, =~, !~ "string"
    Number,    // label > 1.5
    Duration,  // label > 250ms
    Bytes,     // label > 20MB
    Ip,        // label = ip("10.0.0.0/8"), label != ip(...)
  };
  explicit LabelFilter(Kind k) : kind(k) {}
  const Kind kind;
  PosRange pos;

  std::unique_ptr<LabelFilter> lhs, rhs;  // And, Or
  LabelMatcher matcher;                   // String
  std::string name;                       // Number, Duration, Bytes, Ip
  CompareOp op = CompareOp::Equal;        // Number, Duration, Bytes, Ip (Equal/NotEqual)
  double number = 0;                      // Number
  int64_t duration_ns = 0;                // Duration
  uint64_t bytes = 0;                     // Bytes
  std::string ip_pattern;                 // Ip: an address, a range or a CIDR
};
using LabelFilterPtr = std::unique_ptr<LabelFilter>;

// ---- Pipeline stages ----

enum class StageKind {
  LineFilter,
  Parser,
  LabelFilter,
  LineFormat,
  LabelFormat,
  Drop,
  Keep,
  Decolorize,
  // `| distinct a, b` of Loki 2.9; the reference Loki's grammar has no such
  // stage, so the parser never builds one (kept for the tree's users).
  Distinct,
};

struct Stage {
  explicit Stage(StageKind k) : kind(k) {}
  virtual ~Stage() = default;
  const StageKind kind;
  PosRange pos;
};
using StagePtr = std::unique_ptr<Stage>;

// One operand of a line filter: a string, or ip("...") (the address
// filter, only with |= and !=).
struct LineMatch {
  bool ip = false;
  std::string value;  // unescaped
  PosRange pos;
};

// `|= "a"`, `!~ "b"`, `|= ip("::1")`, `|= "a" or "b" or ip("c")`: one
// operator and the alternatives of its `or` chain (at least one).
struct LineFilterStage : Stage {
  LineFilterStage() : Stage(StageKind::LineFilter) {}
  LineFilterOp op = LineFilterOp::Contains;
  std::vector<LineMatch> alternatives;
};

// `label="expression"` of json and logfmt, or just `label` (then the
// expression is the label's name).
struct LabelExtraction {
  std::string label;
  std::optional<std::string> expression;
  PosRange pos;
};

// json, logfmt (with --strict/--keep-empty flags), regexp "re",
// pattern "<_> <x>", unpack.
struct ParserStage : Stage {
  ParserStage() : Stage(StageKind::Parser) {}
  ParserKind parser = ParserKind::Json;
  std::string argument;                      // regexp's and pattern's string
  std::vector<std::string> flags;            // logfmt: "--strict", "--keep-empty"
  std::vector<LabelExtraction> extractions;  // json's and logfmt's parameters
};

struct LabelFilterStage : Stage {
  LabelFilterStage() : Stage(StageKind::LabelFilter) {}
  LabelFilterPtr filter;
};

struct LineFormatStage : Stage {
  LineFormatStage() : Stage(StageKind::LineFormat) {}
  std::string template_text;  // a Go text/template
};

// `dst=src` (a rename) or `dst="{{ template }}"`.
struct LabelFormat {
  std::string name;
  std::string value;  // the source label, or the template
  bool rename = false;
  PosRange pos;
};

struct LabelFormatStage : Stage {
  LabelFormatStage() : Stage(StageKind::LabelFormat) {}
  std::vector<LabelFormat> formats;
};

// A label of drop/keep: a name, or a matcher (only labels it matches).
struct NamedLabel {
  std::string name;
  std::optional<LabelMatcher> matcher;
  PosRange pos;
};

// drop and keep.
struct LabelListStage : Stage {
  explicit LabelListStage(StageKind k) : Stage(k) {}
  std::vector<NamedLabel> labels;
};

struct DecolorizeStage : Stage {
  DecolorizeStage() : Stage(StageKind::Decolorize) {}
};

struct DistinctStage : Stage {
  DistinctStage() : Stage(StageKind::Distinct) {}
  std::vector<std::string> labels;
};

// ---- Expressions ----

enum class NodeKind {
  LogSelector,
  RangeAggregation,
  VectorAggregation,
  Binary,
  Literal,
  LabelReplace,
  Vector,
  Variants,
};

// What a whole expression yields: log lines or samples.
enum class ExprKind { Log, Metric };

struct Expr {
  explicit Expr(NodeKind k) : kind(k) {}
  virtual ~Expr() = default;
  const NodeKind kind;
  PosRange pos;
};
using ExprPtr = std::unique_ptr<Expr>;

// `{app="api", env!="dev"} |= "error" | json | level="error"`: Loki's
// MatchersExpr (no stages) and PipelineExpr.
struct LogSelector : Expr {
  LogSelector() : Expr(NodeKind::LogSelector) {}
  std::vector<LabelMatcher> matchers;  // in source order
  PosRange selector_pos;               // the braces
  std::vector<StagePtr> stages;        // in order
};

// `| unwrap latency`, `| unwrap duration(latency) | __error__=""`.
struct Unwrap {
  std::string label;
  UnwrapConversion conversion = UnwrapConversion::None;
  std::vector<LabelFilterPtr> post_filters;
  PosRange pos;
};

// `by (a, b)` / `without (c)`; `by ()` is a grouping with no labels.
struct Grouping {
  std::vector<std::string> labels;
  bool without = false;
  PosRange pos;
};

// The log range of a range aggregation: `{...} | stages [5m] offset 1h`,
// with `| unwrap x` wherever Loki allows it (before or after the range).
struct LogRange {
  std::unique_ptr<LogSelector> selector;
  int64_t range_ns = 0;
  int64_t offset_ns = 0;
  std::optional<Unwrap> unwrap;
  PosRange pos;
};

struct RangeAggregation : Expr {
  RangeAggregation() : Expr(NodeKind::RangeAggregation) {}
  const RangeAggregationInfo* op = nullptr;
  std::optional<double> param;  // quantile_over_time's φ
  LogRange range;
  std::optional<Grouping> grouping;
};

struct VectorAggregation : Expr {
  VectorAggregation() : Expr(NodeKind::VectorAggregation) {}
  const VectorAggregationInfo* op = nullptr;
  std::optional<double> param;  // topk's k, as written (validation wants an integer)
  ExprPtr expr;
  std::optional<Grouping> grouping;
};

struct Binary : Expr {
  Binary() : Expr(NodeKind::Binary) {}
  BinaryOp op = BinaryOp::Add;
  PosRange op_pos;
  ExprPtr lhs, rhs;
  bool return_bool = false;
  // on/ignoring and group_left/group_right as written; absent: none given.
  std::optional<VectorMatching> matching;
};

struct Literal : Expr {
  Literal() : Expr(NodeKind::Literal) {}
  double value = 0;
};

// label_replace(expr, "dst", "replacement", "src", "regex").
struct LabelReplace : Expr {
  LabelReplace() : Expr(NodeKind::LabelReplace) {}
  ExprPtr expr;
  std::string dst, replacement, src, regex;
};

// vector(1).
struct Vector : Expr {
  Vector() : Expr(NodeKind::Vector) {}
  double value = 0;
};

// `variants(count_over_time({a="b"}[1m]), ...) of ({a="b"} | json)`: several
// metric queries over one log query.
struct Variants : Expr {
  Variants() : Expr(NodeKind::Variants) {}
  std::vector<ExprPtr> variants;
  std::unique_ptr<LogSelector> of;
};

// Log for a LogSelector, Metric for every other node.
ExprKind KindOf(const Expr& expr);

// The canonical text of an expression, as Loki's String() prints it;
// parsing it gives back the same tree.
std::string Print(const Expr& expr);

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_AST_H_
