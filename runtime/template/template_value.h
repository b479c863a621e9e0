// The values a template works with, as Go's reflection sees the values of
// Prometheus's alert templates: the root struct (.Labels, .ExternalLabels,
// .ExternalURL, .Value), label maps, query results and their samples,
// untyped constants (Go's int, float64, string, bool) and what functions
// return (template.HTML, *time.Time, args' map[string]interface {}).
// Errors name these Go types, so each kind knows its Go name.
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_VALUE_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_VALUE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace monc::runtime::tmpl {

// Prometheus's template.sample: one element of a query result.
struct QuerySample {
  std::map<std::string, std::string> labels;
  double value = 0;
};
// Shared, as a Go slice is: sortByLabel sorts its argument in place.
using QueryResult = std::shared_ptr<std::vector<std::shared_ptr<QuerySample>>>;

struct TimeValue {
  int64_t seconds = 0;      // Unix seconds
  int32_t nanoseconds = 0;  // [0, 1e9)
};

struct Value;
using StringMap = std::map<std::string, std::string>;
using AnyMap = std::map<std::string, Value>;

enum class Kind {
  kInvalid,      // Go's invalid reflect.Value: prints "<no value>"
  kNil,          // a nil interface {} (a missing key of args' map; prints "<nil>")
  kBool,
  kInt,
  kFloat,
  kString,
  kHTML,         // template.HTML (safeHtml)
  kStringMap,    // map[string]string ($labels, $externalLabels)
  kAnyMap,       // map[string]interface {} (args)
  kSample,       // *template.sample
  kQueryResult,  // template.queryResult
  kTime,         // *time.Time (toTime)
  kRoot,         // the alert's template data
};

// The root of an alert template: Prometheus's AlertTemplateData.
struct RootData;

struct Value {
  Kind kind = Kind::kInvalid;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;  // kString, kHTML
  std::shared_ptr<const StringMap> string_map;
  std::shared_ptr<const AnyMap> any_map;
  std::shared_ptr<QuerySample> sample;  // null: a nil *template.sample
  QueryResult query_result;
  TimeValue time;
  const RootData* root = nullptr;

  static Value Bool(bool v) { Value x; x.kind = Kind::kBool; x.b = v; return x; }
  static Value Int(int64_t v) { Value x; x.kind = Kind::kInt; x.i = v; return x; }
  static Value Float(double v) { Value x; x.kind = Kind::kFloat; x.f = v; return x; }
  static Value String(std::string v, Kind kind = Kind::kString) {
    Value x;
    x.kind = kind;
    x.s = std::move(v);
    return x;
  }
  static Value Map(std::shared_ptr<const StringMap> m) {
    Value x;
    x.kind = Kind::kStringMap;
    x.string_map = std::move(m);
    return x;
  }
};

struct RootData {
  Value labels;           // kStringMap
  Value external_labels;  // kStringMap
  Value external_url;     // kString
  Value value;            // kFloat
};

// The Go type's name as fmt's %T and text/template's errors print it.
const char* GoTypeName(Kind kind);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_VALUE_H_
