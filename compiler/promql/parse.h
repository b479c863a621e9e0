// PromQL text -> syntax tree (ANTLR4 grammars grammar/PromQLLexer.g4 and
// grammar/PromQLParser.g4), as Prometheus 2.42's parser reads it: number,
// string and duration lexing, selectors, offset/@, subqueries, precedence and
// associativity, keywords used as names where Prometheus allows them. Syntax
// errors, and the checks Prometheus makes while building its tree (a range on
// a non-selector, a repeated offset, an unknown function, a bad regex...),
// carry Prometheus 2.42's wording, first error first. What Prometheus checks
// once the syntax is sound (types, and selectors matching the empty label
// set) is check.h's.
#ifndef MONC_COMPILER_PROMQL_PARSE_H_
#define MONC_COMPILER_PROMQL_PARSE_H_

#include <string>
#include <string_view>
#include <vector>

#include "compiler/promql/ast.h"

namespace monc::promql {

// Prometheus's ParseErr: a place in the expression and its message.
struct ParseError {
  PosRange pos;
  std::string message;
};

struct ParseOptions {
  Version version = kDefaultVersion;  // functions and syntax newer than this are rejected
};

struct ParseResult {
  ExprPtr expr;  // null when there were syntax errors
  std::vector<ParseError> errors;
};

ParseResult Parse(std::string_view text, const ParseOptions& options = {});

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_PARSE_H_
