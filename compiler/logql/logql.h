// The LogQL front end in one call, as Loki's syntax package: parse, then
// validate (Loki's semantic rejections, in Loki's words) for the entry
// point the caller needs. The tree (ast.h) keeps byte positions into the
// expression's text; callers map them into spec files, as for PromQL.
//
//   auto r = logql::Parse(R"(sum by (app) (rate({app="api"} |= "error" [5m])))",
//                         logql::EntryPoint::SampleExpr);
//   if (!r.errors.empty()) ... r.errors[0].message  // Loki's message
#ifndef MONC_COMPILER_LOGQL_LOGQL_H_
#define MONC_COMPILER_LOGQL_LOGQL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/logql/ast.h"

namespace monc::logql {

// What the caller requires of the expression: Loki's ParseExpr,
// ParseSampleExpr, ParseLogSelector(q, true/false) and ParseMatchers.
enum class EntryPoint {
  Expr,
  SampleExpr,
  LogSelector,
  LogSelectorWithoutValidation,
  Matchers,
};

struct Error {
  uint32_t begin = 0;  // byte range [begin, end) of the text; begin == end: a point
  uint32_t end = 0;
  // Loki's message without its "parse error at line L, col C: " prefix
  // (which Loki adds from the position).
  std::string message;
  // Where Loki itself places the error, as its lexer counts (1-based
  // columns in characters; line 0 when its lexer had read ahead of the
  // token, a quirk of Go's text/scanner): line == column == 0 when Loki
  // gives no position ("parse error : MSG"). `plain`: the entry point's own
  // refusal, which Loki returns without the "parse error" frame.
  uint32_t loki_line = 0;
  uint32_t loki_column = 0;
  bool plain = false;
};

struct ParseResult {
  std::unique_ptr<Expr> expr;  // null when the syntax is broken
  std::vector<Error> errors;   // Loki stops at the first: at most one
};

ParseResult Parse(std::string_view text, EntryPoint entry = EntryPoint::Expr);

// Loki's full error text for `error`: "parse error at line L, col C: MSG",
// "parse error : MSG" or the plain message (what Loki's tests compare).
std::string LokiErrorText(std::string_view text, const Error& error);

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_LOGQL_H_
