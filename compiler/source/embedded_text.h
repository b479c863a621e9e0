// A string that was spelled inside a file with quoting, escapes, folding or
// indentation (a YAML scalar holding PromQL, say) and decoded before use.
// EmbeddedText maps each byte of the decoded value back to the file offset
// where it was written, so an error at value offset 17 points at the exact
// line:column of the spec (clang's spelling vs expansion locations).
//
//   EmbeddedText e = EmbeddedText::FromYamlScalar(sources, expr_span.file,
//                                                 expr_span.begin, expr);
//   Span s = e.ToSpan(err.begin, err.end);
#ifndef MONC_COMPILER_SOURCE_EMBEDDED_TEXT_H_
#define MONC_COMPILER_SOURCE_EMBEDDED_TEXT_H_

#include <string>
#include <vector>

#include "compiler/source/source_manager.h"

namespace monc {

class EmbeddedText {
 public:
  // `begin` is where the scalar starts in `file`: its opening quote, its
  // block indicator (| or >) or its first character; `value` is the decoded
  // scalar.
  static EmbeddedText FromYamlScalar(const SourceManager& sources, FileId file, uint32_t begin,
                                     const std::string& value);

  // The file span spelling value bytes [begin, end).
  Span ToSpan(uint32_t begin, uint32_t end) const;
  // False when the spelling could not be followed to the end (an escape or
  // fold this mapping does not know): positions past that point fall back
  // to the scalar's start.
  bool exact() const { return exact_; }

 private:
  FileId file_ = kNoFile;
  // Where each value byte's spelling begins and ends in the file: an escape
  // spells one or more bytes with several.
  std::vector<uint32_t> begins_;
  std::vector<uint32_t> ends_;
  // Where an error at the end of the value points: just after its last
  // character that is not a blank or a line break, not on the next line.
  uint32_t end_of_text_ = 0;
  bool exact_ = true;
};

}  // namespace monc

#endif  // MONC_COMPILER_SOURCE_EMBEDDED_TEXT_H_
