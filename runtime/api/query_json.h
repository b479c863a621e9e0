// PromQL results as Prometheus's HTTP API writes them in `data`: the
// resultType and the result of /api/v1/query and /api/v1/query_range, and
// the error object of a failed query. `monc eval` prints them and the
// evaluator service answers with them, so that either can be compared with a
// real Prometheus byte for byte after JSON parsing.
//
//   ResultJson(Vector{{Labels::FromMap({{"job", "api"}}), 1500, 2}})
//   // [{"metric":{"job":"api"},"value":[1.5,"2"]}]
#ifndef MONC_RUNTIME_API_QUERY_JSON_H_
#define MONC_RUNTIME_API_QUERY_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "runtime/model/value.h"

namespace monc::runtime {

// A timestamp in seconds with at most 3 decimals, as a JSON number; whole
// seconds are written as integers (1700000000, not 1700000000.0).
nlohmann::ordered_json TimeJson(int64_t t_ms);

// A sample value as Prometheus quotes it: Go's FormatFloat(v, 'f', -1, 64),
// "NaN", "+Inf", "-Inf".
std::string ValueText(double v);

// "vector", "scalar", "matrix" or "string".
std::string_view ResultType(const Value& value);

// data.result: [{"metric": {...}, "value": [t, "v"]}, ...] for a vector,
// [t, "v"] for a scalar or string, [{"metric": {...}, "values": [[t, "v"],
// ...]}, ...] for a matrix. Labels keep their sorted order.
nlohmann::ordered_json ResultJson(const Value& value);

// {"resultType": ..., "result": ...}: the `data` of a successful query.
nlohmann::ordered_json DataJson(const Value& value);

// {"error": message, "errorType": "execution"}: a failed query's fields.
nlohmann::ordered_json ErrorJson(std::string_view message);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_API_QUERY_JSON_H_
