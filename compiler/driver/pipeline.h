// The compiler, top to bottom (jsonnet's libjsonnet.cpp): read the spec
// files, load each, validate each against the schema, build one model,
// analyze it. Each phase runs to the end of its input and reports into the
// sink; the pipeline stops at the first phase boundary with errors.
#ifndef MONC_COMPILER_DRIVER_PIPELINE_H_
#define MONC_COMPILER_DRIVER_PIPELINE_H_

#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/checked_spec.h"
#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"

namespace monc {

struct CompileResult {
  std::optional<CheckedSpec> spec;  // set when there were no errors
  bool io_error = false;            // a SPEC could not be read (exit code 2)
};

// Each path is a spec file or a folder whose .yaml/.yml files (recursively,
// in path order) form one system.
CompileResult Compile(const std::vector<std::string>& paths, SourceManager& sources,
                      DiagnosticSink& sink);

}  // namespace monc

#endif  // MONC_COMPILER_DRIVER_PIPELINE_H_
