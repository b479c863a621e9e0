// Parse(): tokens (token_source.cc) -> ANTLR parse tree, stopped at the first
// syntax error (syntax_errors.cc) -> syntax tree with the checks Loki makes
// while reducing (build_tree.cc) -> the entry point's own checks and Loki's
// validation (validate.cc).
#include <memory>
#include <string>
#include <utility>

#include "antlr4-runtime.h"
#include "compiler/logql/build_tree.h"
#include "compiler/logql/logql.h"
#include "compiler/logql/syntax_errors.h"
#include "compiler/logql/token_source.h"
#include "compiler/logql/validate.h"
#include "grammar/LogQLParser.h"

namespace monc::logql {
namespace {

// Loki refuses longer queries before parsing.
constexpr size_t kMaxInputSize = 5120;

// The parser recurses once per nesting level, as do the passes over the
// tree; deeper input is machine-made and refused before it can exhaust the
// stack (Loki, with Go's growing stacks, has no such limit).
constexpr size_t kMaxDepth = 500;

Error Plain(std::string message) {
  Error e;
  e.message = std::move(message);
  e.plain = true;
  return e;
}

bool NestsTooDeep(std::string_view text) {
  size_t depth = 0;
  for (char c : text) {
    if (c == '(' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if ((c == ')' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

ParseResult ParseWithoutValidation(std::string_view text) {
  ParseResult result;
  if (text.size() >= kMaxInputSize) {
    Error e;
    e.message = "input size too long (" + std::to_string(text.size()) + " > " +
                std::to_string(kMaxInputSize) + ")";
    result.errors.push_back(std::move(e));
    return result;
  }
  if (NestsTooDeep(text)) {
    Error e;
    e.message = "expression nests too deeply (more than " + std::to_string(kMaxDepth) + " levels)";
    result.errors.push_back(std::move(e));
    return result;
  }
  TokenSource tokens(text);
  antlr4::CommonTokenStream stream(&tokens);
  monc_logql_grammar::LogQLParser parser(&stream);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<FirstErrorStrategy>(tokens);
  parser.setErrorHandler(strategy);
  try {
    auto* root = parser.root();
    if (!tokens.error()) result.expr = BuildTree(root, stream, tokens);
  } catch (const antlr4::ParseCancellationException&) {
  } catch (const BuildError& e) {
    result.errors.push_back(e.error);
    // Loki names no place for these: the whole expression is meant.
    if (e.error.begin == e.error.end && e.error.loki_line == 0 && e.error.loki_column == 0) {
      result.errors.back().begin = 0;
      result.errors.back().end = static_cast<uint32_t>(text.size());
    }
  }
  // The lexer error comes first unless the parser stopped before it.
  const std::optional<LexError>& lex = tokens.error();
  const std::optional<Error>& syntax = strategy->error();
  if (lex && (!syntax || syntax->begin >= lex->offset)) {
    Error e;
    e.begin = e.end = lex->offset;
    e.message = lex->message;
    e.loki_line = lex->where.loki_line;
    e.loki_column = lex->where.loki_column;
    result.errors.assign(1, std::move(e));
  } else if (syntax) {
    result.errors.assign(1, *syntax);
  }
  if (!result.errors.empty()) result.expr.reset();
  return result;
}

}  // namespace

ParseResult Parse(std::string_view text, EntryPoint entry) {
  ParseResult result = ParseWithoutValidation(text);
  if (!result.expr) return result;
  const bool log = KindOf(*result.expr) == ExprKind::Log;
  std::optional<Error> error;
  switch (entry) {
    case EntryPoint::Expr:
      error = Validate(*result.expr);
      break;
    case EntryPoint::SampleExpr:
      error = Validate(*result.expr);
      if (!error && log) error = Plain("only sample expression supported");
      break;
    case EntryPoint::LogSelector:
      if (!log) error = Plain("only log selector is supported");
      if (!error) error = Validate(*result.expr);
      break;
    case EntryPoint::LogSelectorWithoutValidation:
      if (!log) error = Plain("only log selector is supported");
      break;
    case EntryPoint::Matchers:
      error = Validate(*result.expr);
      if (!error && (!log || !static_cast<const LogSelector&>(*result.expr).stages.empty())) {
        error = Plain("only label matchers is supported");
      }
      break;
  }
  if (error) {
    if (error->begin == 0 && error->end == 0) error->end = static_cast<uint32_t>(text.size());
    result.errors.push_back(std::move(*error));
    result.expr.reset();
  }
  return result;
}

std::string LokiErrorText(std::string_view, const Error& error) {
  if (error.plain) return error.message;
  if (error.loki_line == 0 && error.loki_column == 0) return "parse error : " + error.message;
  return "parse error at line " + std::to_string(error.loki_line) + ", col " +
         std::to_string(error.loki_column) + ": " + error.message;
}

}  // namespace monc::logql
