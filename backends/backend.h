// The whole backend contract (protoc's CodeGenerator): a backend reads the
// checked model and adds files to an in-memory OutputSet. It never touches
// the file system; the driver writes the set atomically once every backend
// has succeeded. Output must be deterministic: same spec, same bytes.
#ifndef MONC_BACKENDS_BACKEND_H_
#define MONC_BACKENDS_BACKEND_H_

#include <map>
#include <string>
#include <string_view>

#include "compiler/analysis/checked_spec.h"

namespace monc {

// Generated files by relative path ("alertmanager/alertmanager.yml").
class OutputSet {
 public:
  void Add(std::string path, std::string contents) { files_[std::move(path)] = std::move(contents); }
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::map<std::string, std::string> files_;
};

class Backend {
 public:
  virtual ~Backend() = default;
  // Short name, also the folder its files go under: "prometheus".
  virtual std::string_view Name() const = 0;
  virtual void Generate(const CheckedSpec& spec, OutputSet& out) const = 0;
};

}  // namespace monc

#endif  // MONC_BACKENDS_BACKEND_H_
