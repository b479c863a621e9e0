#include "runtime/api/query_json.h"

#include <type_traits>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime {
namespace {

nlohmann::ordered_json MetricJson(const Labels& labels) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const Label& l : labels) out[l.name] = l.value;
  return out;
}

nlohmann::ordered_json PointJson(int64_t t_ms, std::string text) {
  return nlohmann::ordered_json::array({TimeJson(t_ms), std::move(text)});
}

}  // namespace

nlohmann::ordered_json TimeJson(int64_t t_ms) {
  if (t_ms % 1000 == 0) return t_ms / 1000;
  // Every multiple of 1/1000 prints back in at most 3 decimals: JSON
  // writers emit the shortest text that reads back as the same double.
  return static_cast<double>(t_ms) / 1000.0;
}

std::string ValueText(double v) { return promql::go::FormatFloat(v); }

std::string_view ResultType(const Value& value) {
  switch (TypeOf(value)) {
    case promql::ValueType::Scalar: return "scalar";
    case promql::ValueType::Vector: return "vector";
    case promql::ValueType::Matrix: return "matrix";
    default: return "string";
  }
}

nlohmann::ordered_json ResultJson(const Value& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::ordered_json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Scalar>) {
          return PointJson(v.t, ValueText(v.v));
        } else if constexpr (std::is_same_v<T, String>) {
          return PointJson(v.t, v.v);
        } else if constexpr (std::is_same_v<T, Vector>) {
          nlohmann::ordered_json out = nlohmann::ordered_json::array();
          for (const VectorElement& e : v) {
            out.push_back({{"metric", MetricJson(e.labels)}, {"value", PointJson(e.t, ValueText(e.v))}});
          }
          return out;
        } else {
          nlohmann::ordered_json out = nlohmann::ordered_json::array();
          for (const Series& s : v) {
            nlohmann::ordered_json values = nlohmann::ordered_json::array();
            for (const Sample& p : s.samples) values.push_back(PointJson(p.t, ValueText(p.v)));
            out.push_back({{"metric", MetricJson(s.labels)}, {"values", std::move(values)}});
          }
          return out;
        }
      },
      value);
}

nlohmann::ordered_json DataJson(const Value& value) {
  return {{"resultType", std::string(ResultType(value))}, {"result", ResultJson(value)}};
}

nlohmann::ordered_json ErrorJson(std::string_view message) {
  return {{"error", std::string(message)}, {"errorType", "execution"}};
}

}  // namespace monc::runtime
