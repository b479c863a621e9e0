// YAML read as Prometheus's Go decoders read it, for the rule-file reader
// and promtool's unit-test files: a scalar is the string Go makes of it,
// a mapping takes only its struct's fields (UnmarshalStrict, KnownFields),
// a duration is model.ParseDuration's. Every problem goes to the sink at
// its place in the file.
//
//   YamlReader yaml(doc, sources, sink);
//   if (!yaml.Mapping(doc.root, "", {"groups"}, "rule file")) return;
//   std::optional<int64_t> ms = yaml.Duration(group, "/groups/0", "interval");
#ifndef MONC_COMPILER_RULEFILE_YAML_READ_H_
#define MONC_COMPILER_RULEFILE_YAML_READ_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"
#include "compiler/spec/document.h"

namespace monc {

class YamlReader {
 public:
  using Json = nlohmann::json;

  YamlReader(const SpecDocument& doc, const SourceManager& sources, DiagnosticSink& sink)
      : doc_(doc), sources_(sources), sink_(sink) {}

  // The value at JSON pointer `pointer` as Go's YAML decoder makes a string
  // of it: numbers and booleans as written, null as "". A list or mapping
  // is reported, and reads as "".
  std::string Scalar(const Json& value, const std::string& pointer);

  // The scalar at `key` of the mapping `j` (at pointer `p`); "" when absent.
  std::string Text(const Json& j, const std::string& p, const char* key);

  // Milliseconds of the duration at `key`; nullopt when absent or null, or
  // invalid (then reported).
  std::optional<int64_t> Duration(const Json& j, const std::string& p, const char* key);

  // True when `j` is a mapping whose keys are all in `keys`; otherwise
  // reports what is wrong, naming it "a `what`".
  bool Mapping(const Json& j, const std::string& p, const std::set<std::string>& keys,
               const std::string& what);

  const SpecDocument& doc() const { return doc_; }
  DiagnosticSink& sink() const { return sink_; }

 private:
  const SpecDocument& doc_;
  const SourceManager& sources_;
  DiagnosticSink& sink_;
};

}  // namespace monc

#endif  // MONC_COMPILER_RULEFILE_YAML_READ_H_
