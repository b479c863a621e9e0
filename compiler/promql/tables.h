// PromQL's functions, aggregations and binary operators, declared once as
// tables (functions.def, aggregations.def, operators.def) that drive the
// parser, the type checker, the printer and (later) the evaluator. Each row
// names the Prometheus version that introduced it (and, for a function
// Prometheus dropped, the first version without it): under a target version,
// other rows do not exist (2.42 is the default: it is the reference binary).
#ifndef MONC_COMPILER_PROMQL_TABLES_H_
#define MONC_COMPILER_PROMQL_TABLES_H_

#include <optional>
#include <string_view>
#include <vector>

namespace monc::promql {

enum class ValueType { None, Scalar, Vector, Matrix, String };

// The users' words: "scalar", "instant vector", "range vector", "string".
std::string_view DocumentedType(ValueType type);

// A Prometheus release, comparable: {2, 42}.
struct Version {
  int major = 2;
  int minor = 42;
  friend bool operator<=(Version a, Version b) {
    return a.major < b.major || (a.major == b.major && a.minor <= b.minor);
  }
};
inline constexpr Version kDefaultVersion{2, 42};

struct FunctionInfo {
  std::string_view name;
  std::vector<ValueType> arg_types;
  // 0: exactly arg_types; N > 0: up to N of the last type may be left out
  // (Prometheus's Variadic); -1: the last type repeats without bound.
  int variadic = 0;
  ValueType return_type = ValueType::Vector;
  Version since;
  std::optional<Version> until;  // the first release without it (holt_winters: 3.0)
};

struct AggregationInfo {
  std::string_view name;
  // The type of the parameter before the expression (topk's k,
  // count_values's label), or None when the aggregation takes none.
  ValueType param_type = ValueType::None;
  Version since;
};

enum class BinaryOp {
#define OPERATOR(name, text, precedence, right_assoc, kind) name,
#include "compiler/promql/operators.def"
#undef OPERATOR
};

struct OperatorInfo {
  BinaryOp op;
  std::string_view text;
  int precedence;  // higher binds tighter
  bool right_assoc;
  enum class Kind { Arithmetic, Comparison, Set } kind;
};

// nullptr when `name` is not a function (or not one in `version`).
const FunctionInfo* FindFunction(std::string_view name, Version version = kDefaultVersion);
const AggregationInfo* FindAggregation(std::string_view name, Version version = kDefaultVersion);
const OperatorInfo& Info(BinaryOp op);

const std::vector<FunctionInfo>& AllFunctions();
const std::vector<AggregationInfo>& AllAggregations();
const std::vector<OperatorInfo>& AllOperators();

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_TABLES_H_
