// LogQL's range aggregations, vector aggregations, line filter operators and
// parsers, declared once as tables (the .def files beside this header) that
// drive the lexer's keywords, the validation, the printer and the docs.
#ifndef MONC_COMPILER_LOGQL_TABLES_H_
#define MONC_COMPILER_LOGQL_TABLES_H_

#include <string_view>
#include <vector>

namespace monc::logql {

// Whether a range aggregation or vector aggregation takes something.
enum class Takes { Forbidden, Optional, Required };

enum class RangeAggregationOp {
#define RANGE_AGGREGATION(name, text, unwrap, param, grouping) name,
#include "compiler/logql/range_aggregations.def"
#undef RANGE_AGGREGATION
};

struct RangeAggregationInfo {
  RangeAggregationOp op;
  std::string_view name;
  Takes unwrap;  // `| unwrap label` in the range
  Takes param;   // a number before the range
  bool grouping;  // `by`/`without` after the call
};

enum class VectorAggregationOp {
#define VECTOR_AGGREGATION(name, text, param, grouping) name,
#include "compiler/logql/vector_aggregations.def"
#undef VECTOR_AGGREGATION
};

struct VectorAggregationInfo {
  VectorAggregationOp op;
  std::string_view name;
  Takes param;  // an integer k before the expression
  bool grouping;
};

enum class LineFilterOp {
#define LINE_FILTER(name, text, negated) name,
#include "compiler/logql/line_filters.def"
#undef LINE_FILTER
};

struct LineFilterInfo {
  LineFilterOp op;
  std::string_view text;
  bool negated;
};

enum class ParserKind {
#define PARSER(name, text, argument) name,
#include "compiler/logql/parsers.def"
#undef PARSER
};

struct ParserInfo {
  ParserKind kind;
  std::string_view name;
  enum class Argument { None, String, Extractions } argument;
};

// The conversion of `| unwrap`: none, bytes(x), duration(x) or
// duration_seconds(x) (the same as duration).
enum class UnwrapConversion { None, Bytes, Duration, DurationSeconds };
std::string_view ConversionName(UnwrapConversion conversion);  // "" for None

// nullptr when `name` is not one.
const RangeAggregationInfo* FindRangeAggregation(std::string_view name);
const VectorAggregationInfo* FindVectorAggregation(std::string_view name);
const LineFilterInfo* FindLineFilter(std::string_view text);
const ParserInfo* FindParser(std::string_view name);

const RangeAggregationInfo& Info(RangeAggregationOp op);
const VectorAggregationInfo& Info(VectorAggregationOp op);
const LineFilterInfo& Info(LineFilterOp op);
const ParserInfo& Info(ParserKind kind);

const std::vector<RangeAggregationInfo>& AllRangeAggregations();
const std::vector<VectorAggregationInfo>& AllVectorAggregations();
const std::vector<LineFilterInfo>& AllLineFilters();
const std::vector<ParserInfo>& AllParsers();

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_TABLES_H_
