// Syntax errors in Loki's words. Loki's yacc parser (expr.y) says
// "syntax error: unexpected X" and, when at most four tokens could follow,
// ", expecting A or B"; tokens that its lexer's `tokens` map knows are named
// by their text ("by", "{", "ip"), the others by their yacc names
// (IDENTIFIER, RANGE, COUNT_OVER_TIME), the end of input as $end. Both
// parsers stop at the first token that cannot continue the input, so
// FirstErrorStrategy stops the ANTLR parser there and words the error from
// the tokens ANTLR expected.
#ifndef MONC_COMPILER_LOGQL_SYNTAX_ERRORS_H_
#define MONC_COMPILER_LOGQL_SYNTAX_ERRORS_H_

#include <exception>
#include <optional>
#include <string>

#include "antlr4-runtime.h"
#include "compiler/logql/logql.h"
#include "compiler/logql/token_source.h"

namespace monc::logql {

class FirstErrorStrategy : public antlr4::BailErrorStrategy {
 public:
  explicit FirstErrorStrategy(const TokenSource& tokens) : tokens_(tokens) {}

  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;

  const std::optional<Error>& error() const { return error_; }

 private:
  void Record(antlr4::Parser* parser, const antlr4::Token& offending);

  const TokenSource& tokens_;
  std::optional<Error> error_;
};

// A token as Loki's messages name it.
std::string DescribeToken(const antlr4::Token& token);

// Loki's error at `token`: its message, at the place Loki names.
Error ErrorAt(const TokenSource& tokens, const antlr4::Token& token, std::string message);

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_SYNTAX_ERRORS_H_
