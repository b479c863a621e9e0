// BuildModel: the loaded, schema-valid documents of one system -> one
// model::System. Resolves every reference (receivers, services, severity
// levels, time intervals), applies defaults, parses durations and matchers,
// splits secrets out of receiver settings, and reports names defined twice
// across files. Reports everything it finds; the result is only meaningful
// when the sink has no errors.
#ifndef MONC_COMPILER_MODEL_BUILD_H_
#define MONC_COMPILER_MODEL_BUILD_H_

#include <vector>

#include "compiler/diag/sink.h"
#include "compiler/model/model.h"
#include "compiler/source/source_manager.h"
#include "compiler/spec/document.h"

namespace monc {

model::System BuildModel(const std::vector<SpecDocument>& documents,
                         const SourceManager& sources, DiagnosticSink& sink);

}  // namespace monc

#endif  // MONC_COMPILER_MODEL_BUILD_H_
