// Test helpers for the catalog analysis: a model built from spec text by the
// compiler's own loader, schema check and model builder.
#ifndef MONC_COMPILER_ANALYSIS_ANALYSIS_TESTING_H_
#define MONC_COMPILER_ANALYSIS_ANALYSIS_TESTING_H_

#include <string>

#include "compiler/diag/render.h"
#include "compiler/model/build.h"
#include "compiler/spec/load.h"
#include "compiler/spec/validate.h"

namespace monc::testing {

// The system one spec file describes; `diagnostics` gets whatever the
// phases reported, rendered.
inline model::System SystemFromYaml(const std::string& text, std::string* diagnostics) {
  SourceManager sources;
  DiagnosticSink sink;
  FileId file = sources.Add("spec.yaml", text);
  std::vector<SpecDocument> docs;
  if (auto doc = LoadSpec(file, sources, sink); doc && ValidateSpec(*doc, sink)) {
    docs.push_back(std::move(*doc));
  }
  model::System system = BuildModel(docs, sources, sink);
  *diagnostics = RenderText(sink.Sorted(), sources);
  return system;
}

}  // namespace monc::testing

#endif  // MONC_COMPILER_ANALYSIS_ANALYSIS_TESTING_H_
