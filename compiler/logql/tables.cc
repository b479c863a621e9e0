#include "compiler/logql/tables.h"

namespace monc::logql {
namespace {

// The .def rows name their columns briefly.
constexpr Takes Forbidden = Takes::Forbidden;
constexpr Takes Optional = Takes::Optional;
constexpr Takes Required = Takes::Required;
constexpr ParserInfo::Argument None = ParserInfo::Argument::None;
constexpr ParserInfo::Argument String = ParserInfo::Argument::String;
constexpr ParserInfo::Argument Extractions = ParserInfo::Argument::Extractions;

template <typename Info, typename Key>
const Info* Find(const std::vector<Info>& rows, Key Info::*key, std::string_view value) {
  for (const Info& row : rows) {
    if (row.*key == value) return &row;
  }
  return nullptr;
}

}  // namespace

std::string_view ConversionName(UnwrapConversion conversion) {
  switch (conversion) {
    case UnwrapConversion::None: return "";
    case UnwrapConversion::Bytes: return "bytes";
    case UnwrapConversion::Duration: return "duration";
    case UnwrapConversion::DurationSeconds: return "duration_seconds";
  }
  return "";
}

const std::vector<RangeAggregationInfo>& AllRangeAggregations() {
  static const std::vector<RangeAggregationInfo> rows = {
#define RANGE_AGGREGATION(name, text, unwrap, param, grouping) \
  {RangeAggregationOp::name, text, unwrap, param, grouping},
#include "compiler/logql/range_aggregations.def"
#undef RANGE_AGGREGATION
  };
  return rows;
}

const std::vector<VectorAggregationInfo>& AllVectorAggregations() {
  static const std::vector<VectorAggregationInfo> rows = {
#define VECTOR_AGGREGATION(name, text, param, grouping) \
  {VectorAggregationOp::name, text, param, grouping},
#include "compiler/logql/vector_aggregations.def"
#undef VECTOR_AGGREGATION
  };
  return rows;
}

const std::vector<LineFilterInfo>& AllLineFilters() {
  static const std::vector<LineFilterInfo> rows = {
#define LINE_FILTER(name, text, negated) {LineFilterOp::name, text, negated},
#include "compiler/logql/line_filters.def"
#undef LINE_FILTER
  };
  return rows;
}

const std::vector<ParserInfo>& AllParsers() {
  static const std::vector<ParserInfo> rows = {
#define PARSER(name, text, argument) {ParserKind::name, text, argument},
#include "compiler/logql/parsers.def"
#undef PARSER
  };
  return rows;
}

const RangeAggregationInfo* FindRangeAggregation(std::string_view name) {
  return Find(AllRangeAggregations(), &RangeAggregationInfo::name, name);
}
const VectorAggregationInfo* FindVectorAggregation(std::string_view name) {
  return Find(AllVectorAggregations(), &VectorAggregationInfo::name, name);
}
const LineFilterInfo* FindLineFilter(std::string_view text) {
  return Find(AllLineFilters(), &LineFilterInfo::text, text);
}
const ParserInfo* FindParser(std::string_view name) {
  return Find(AllParsers(), &ParserInfo::name, name);
}

// The enums follow the rows, so an enum value indexes its row.
const RangeAggregationInfo& Info(RangeAggregationOp op) {
  return AllRangeAggregations()[static_cast<size_t>(op)];
}
const VectorAggregationInfo& Info(VectorAggregationOp op) {
  return AllVectorAggregations()[static_cast<size_t>(op)];
}
const LineFilterInfo& Info(LineFilterOp op) { return AllLineFilters()[static_cast<size_t>(op)]; }
const ParserInfo& Info(ParserKind kind) { return AllParsers()[static_cast<size_t>(kind)]; }

}  // namespace monc::logql
