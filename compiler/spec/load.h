// Reads one spec file's YAML into a SpecDocument (yaml-cpp; every node keeps
// its byte offsets). Plain scalars get YAML 1.2 core-schema types (null,
// bool, int, float, string); quoted and block scalars are always strings.
// Syntax errors and repeated keys become diagnostics; a file with a syntax
// error yields no document.
#ifndef MONC_COMPILER_SPEC_LOAD_H_
#define MONC_COMPILER_SPEC_LOAD_H_

#include <optional>

#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"
#include "compiler/spec/document.h"

namespace monc {

std::optional<SpecDocument> LoadSpec(FileId file, const SourceManager& sources,
                                     DiagnosticSink& sink);

}  // namespace monc

#endif  // MONC_COMPILER_SPEC_LOAD_H_
