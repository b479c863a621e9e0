// The errors of one parse, in the order Prometheus 2.42 would raise them.
// Prometheus reports the first error only, and its LALR parser raises them
// as it goes: a lexer error when it reads the bad token, a syntax error when
// the token cannot be shifted, a construct's own checks when the construct is
// reduced. monc parses in passes (tokens, ANTLR tree, syntax tree), so each
// error carries the place in that sequence where Prometheus meets it.
#ifndef MONC_COMPILER_PROMQL_ERROR_LIST_H_
#define MONC_COMPILER_PROMQL_ERROR_LIST_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compiler/promql/parse.h"

namespace monc::promql {

class ErrorList {
 public:
  // When, around the token starting (or the construct ending) at an offset,
  // Prometheus raises an error.
  enum class When {
    kAfterConstruct = 0,  // a construct checked on reduction, without lookahead
    kLexing = 1,          // the lexer refusing the token
    kBeforeToken = 2,     // a construct whose reduction needed the token as lookahead
    kAtToken = 3,         // the parser refusing the token
  };

  void Add(uint32_t offset, When when, PosRange pos, std::string message) {
    entries_.push_back({uint64_t{offset} * 4 + static_cast<uint64_t>(when),
                        ParseError{pos, std::move(message)}});
  }

  bool empty() const { return entries_.empty(); }

  std::vector<ParseError> Sorted() && {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.order < b.order; });
    std::vector<ParseError> out;
    out.reserve(entries_.size());
    for (auto& e : entries_) out.push_back(std::move(e.error));
    return out;
  }

 private:
  struct Entry {
    uint64_t order;
    ParseError error;
  };
  std::vector<Entry> entries_;
};

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_ERROR_LIST_H_
