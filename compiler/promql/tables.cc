#include "compiler/promql/tables.h"

#include <algorithm>

namespace monc::promql {
namespace {

// The .def rows name types and versions briefly.
constexpr ValueType None = ValueType::None;
constexpr ValueType Scalar = ValueType::Scalar;
constexpr ValueType Vector = ValueType::Vector;
constexpr ValueType Matrix = ValueType::Matrix;
constexpr ValueType String = ValueType::String;
constexpr std::optional<Version> NEVER;
constexpr Version V(int major, int minor) { return Version{major, minor}; }

bool Exists(Version since, const std::optional<Version>& until, Version version) {
  return since <= version && !(until && *until <= version);
}

}  // namespace

std::string_view DocumentedType(ValueType type) {
  switch (type) {
    case ValueType::None:
      return "none";
    case ValueType::Scalar:
      return "scalar";
    case ValueType::Vector:
      return "instant vector";
    case ValueType::Matrix:
      return "range vector";
    case ValueType::String:
      return "string";
  }
  return "none";
}

const std::vector<FunctionInfo>& AllFunctions() {
  static const std::vector<FunctionInfo> functions = {
#define FUNCTION(name, since, until, variadic, returns, ...) \
  {name, {__VA_ARGS__}, variadic, returns, since, until},
#include "compiler/promql/functions.def"
#undef FUNCTION
  };
  return functions;
}

const std::vector<AggregationInfo>& AllAggregations() {
  static const std::vector<AggregationInfo> aggregations = {
#define AGGREGATION(name, param, since) {name, param, since},
#include "compiler/promql/aggregations.def"
#undef AGGREGATION
  };
  return aggregations;
}

const std::vector<OperatorInfo>& AllOperators() {
  static const std::vector<OperatorInfo> operators = {
#define OPERATOR(name, text, precedence, right_assoc, kind) \
  {BinaryOp::name, text, precedence, right_assoc, OperatorInfo::Kind::kind},
#include "compiler/promql/operators.def"
#undef OPERATOR
  };
  return operators;
}

const FunctionInfo* FindFunction(std::string_view name, Version version) {
  const auto& all = AllFunctions();
  auto it = std::find_if(all.begin(), all.end(), [&](const FunctionInfo& f) {
    return f.name == name && Exists(f.since, f.until, version);
  });
  return it == all.end() ? nullptr : &*it;
}

const AggregationInfo* FindAggregation(std::string_view name, Version version) {
  const auto& all = AllAggregations();
  auto it = std::find_if(all.begin(), all.end(), [&](const AggregationInfo& a) {
    return a.name == name && Exists(a.since, std::nullopt, version);
  });
  return it == all.end() ? nullptr : &*it;
}

const OperatorInfo& Info(BinaryOp op) {
  // operators.def lists the operators in enum order.
  return AllOperators()[static_cast<size_t>(op)];
}

}  // namespace monc::promql
