// Internal to BuildModel: typed reads of one document's JSON with the spans
// diagnostics need, and the registry of names that must be unique across all
// spec files. Each build_*.cc reads one group of sections.
#ifndef MONC_COMPILER_MODEL_BUILD_CONTEXT_H_
#define MONC_COMPILER_MODEL_BUILD_CONTEXT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/sink.h"
#include "compiler/model/model.h"
#include "compiler/spec/document.h"

namespace monc::build {

using Json = nlohmann::json;

// Reads values out of one document; `pointer` is always the value's JSON
// pointer so the right span can be attached.
class Reader {
 public:
  Reader(const SpecDocument& doc, const SourceManager& sources, DiagnosticSink& sink)
      : doc_(doc), sources_(sources), sink_(sink) {}

  const SpecDocument& doc() const { return doc_; }
  DiagnosticSink& sink() const { return sink_; }
  Span At(const std::string& pointer) const { return doc_.ValueSpan(pointer); }
  Span KeyAt(const std::string& pointer) const { return doc_.KeySpan(pointer); }

  // A scalar as the user wrote it: strings as is, numbers and booleans in
  // their source spelling ("500", not 500.0).
  std::string Text(const Json& value, const std::string& pointer) const;
  model::Ref Name(const std::string& name, const std::string& pointer) const {
    return {name, KeyAt(pointer)};
  }
  std::optional<model::Ref> OptRef(const Json& object, const std::string& pointer,
                                   const char* key) const;
  std::string Str(const Json& object, const char* key) const {
    return object.contains(key) ? object[key].get<std::string>() : "";
  }
  // A duration, or nullopt when absent or invalid (reported).
  std::optional<model::Duration> Dur(const Json& object, const std::string& pointer,
                                     const char* key) const;
  model::LabelSet Labels(const Json& object, const std::string& pointer, const char* key) const;
  std::map<std::string, std::string> StringMap(const Json& object, const char* key) const;
  // Checks a label name: [a-zA-Z_][a-zA-Z0-9_]*.
  bool CheckLabelName(const std::string& name, Span span) const;
  // The matchers of `match`, `match_re` and `matchers` (each with `prefix`);
  // `*valid` turns false when one did not parse (reported).
  std::vector<model::Matcher> Matchers(const Json& object, const std::string& pointer,
                                       const std::string& prefix, bool* valid) const;

 private:
  const SpecDocument& doc_;
  const SourceManager& sources_;
  DiagnosticSink& sink_;
};

// Names that must be unique across all files, per kind ("receiver", ...).
class NameRegistry {
 public:
  explicit NameRegistry(DiagnosticSink& sink) : sink_(sink) {}
  // False (and a diagnostic pointing at both places) when already declared.
  bool Declare(const std::string& kind, const model::Ref& name);

 private:
  DiagnosticSink& sink_;
  std::map<std::pair<std::string, std::string>, Span> seen_;
};

// Reports `ref` when it is not one of `known`, with a did-you-mean.
void CheckReference(const model::Ref& ref, const std::vector<std::string>& known, Code code,
                    const std::string& what, DiagnosticSink& sink);

// Section readers, one per build_*.cc. Each appends to `system`.
void ReadCatalog(const Reader& r, NameRegistry& names, model::System& system);
void ReadRules(const Reader& r, NameRegistry& names, model::System& system);
void ReadAlerting(const Reader& r, NameRegistry& names, model::System& system);
void ReadObjectives(const Reader& r, NameRegistry& names, model::System& system);
void ReadLogs(const Reader& r, model::System& system);  // build_logs.cc
// A service's `logs` (build_logs.cc, called by ReadCatalog).
std::optional<model::LogFormat> ReadLogFormat(const Reader& r, const Json& service,
                                              const std::string& pointer);

// Cross-references, once every file has been read.
void ResolveReferences(const model::System& system, DiagnosticSink& sink);

}  // namespace monc::build

#endif  // MONC_COMPILER_MODEL_BUILD_CONTEXT_H_
