#include "compiler/driver/pipeline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/analysis/analyze.h"
#include "compiler/model/build.h"
#include "compiler/spec/load.h"
#include "compiler/spec/validate.h"

namespace monc {
namespace {

namespace fs = std::filesystem;

bool IsSpecFile(const fs::path& p) {
  return p.extension() == ".yaml" || p.extension() == ".yml";
}

// Reads every spec file named by `paths` into `sources`; false on I/O errors.
bool ReadInputs(const std::vector<std::string>& paths, SourceManager& sources,
                DiagnosticSink& sink, std::vector<FileId>& files) {
  bool ok = true;
  for (const std::string& path : paths) {
    std::error_code ec;
    std::vector<fs::path> found;
    if (fs::is_directory(path, ec)) {
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && IsSpecFile(it->path())) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      if (found.empty() && !ec) {
        sink.Report(Code::IoNoSpecs, {}, "no .yaml or .yml spec files in folder '" + path + "'");
        ok = false;
      }
    } else {
      found.push_back(path);
    }
    if (ec) {
      sink.Report(Code::IoRead, {}, "cannot read '" + path + "': " + ec.message());
      ok = false;
      continue;
    }
    for (const fs::path& file : found) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        sink.Report(Code::IoRead, {}, "cannot read spec file '" + file.string() + "'");
        ok = false;
        continue;
      }
      std::ostringstream text;
      text << in.rdbuf();
      files.push_back(sources.Add(file.lexically_normal().string(), text.str()));
    }
  }
  return ok;
}

}  // namespace

CompileResult Compile(const std::vector<std::string>& paths, SourceManager& sources,
                      DiagnosticSink& sink) {
  CompileResult result;
  std::vector<FileId> files;
  if (!ReadInputs(paths, sources, sink, files)) {
    result.io_error = true;
    return result;
  }
  std::vector<SpecDocument> documents;
  bool valid = true;
  for (FileId file : files) {
    auto doc = LoadSpec(file, sources, sink);
    if (!doc) {
      valid = false;
      continue;
    }
    valid = ValidateSpec(*doc, sink) && valid;
    documents.push_back(std::move(*doc));
  }
  if (!valid) return result;
  model::System system = BuildModel(documents, sources, sink);
  result.spec = Analyze(std::move(system), sources, sink);
  return result;
}

}  // namespace monc
