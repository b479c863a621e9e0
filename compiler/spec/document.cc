#include "compiler/spec/document.h"

namespace monc {
namespace {

std::string Parent(const std::string& pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? "" : pointer.substr(0, slash);
}

}  // namespace

Span SpecDocument::ValueSpan(const std::string& pointer) const {
  for (std::string p = pointer;; p = Parent(p)) {
    auto it = places.find(p);
    if (it != places.end()) return it->second.value;
    if (p.empty()) return {file, 0, 0};
  }
}

Span SpecDocument::KeySpan(const std::string& pointer) const {
  for (std::string p = pointer;; p = Parent(p)) {
    auto it = places.find(p);
    if (it != places.end()) return it->second.key.valid() ? it->second.key : it->second.value;
    if (p.empty()) return {file, 0, 0};
  }
}

std::string PointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace monc
