// A loaded spec file: its YAML as a JSON value (the form the schema
// validates and the model builder reads), plus the source place of every
// node, keyed by JSON pointer ("/groups/api/rules/0/expr").
#ifndef MONC_COMPILER_SPEC_DOCUMENT_H_
#define MONC_COMPILER_SPEC_DOCUMENT_H_

#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "compiler/source/source_manager.h"

namespace monc {

struct NodePlace {
  Span key;    // the mapping key naming this node; invalid for the root and array items
  Span value;  // the node itself
};

struct SpecDocument {
  FileId file = kNoFile;
  nlohmann::json root;
  std::unordered_map<std::string, NodePlace> places;

  // The value's span at `pointer`, or the nearest ancestor's.
  Span ValueSpan(const std::string& pointer) const;
  // The key's span at `pointer` (the value's for array items), or the nearest
  // ancestor's.
  Span KeySpan(const std::string& pointer) const;
};

// Escapes one JSON pointer token ("a/b" -> "a~1b").
std::string PointerToken(const std::string& key);

}  // namespace monc

#endif  // MONC_COMPILER_SPEC_DOCUMENT_H_
