// Syntax errors in Prometheus 2.42's words. Prometheus's yacc grammar
// (generated_parser.y) has error rules in a few places that name the context
// and what was expected there (label matchers, grouping labels, offset, @,
// the brackets of a range or subquery, aggregations); elsewhere its message
// is just "unexpected <token>". Both parsers stop at the first token that
// cannot continue the input, and Prometheus reports only its first error, so
// FirstErrorStrategy stops the ANTLR parser there and words the error from
// the rules open around it and the token before it. ANTLR's own error
// recovery and console messages are never used.
#ifndef MONC_COMPILER_PROMQL_SYNTAX_ERRORS_H_
#define MONC_COMPILER_PROMQL_SYNTAX_ERRORS_H_

#include <exception>
#include <string>

#include "antlr4-runtime.h"
#include "compiler/promql/error_list.h"
#include "compiler/promql/token_source.h"

namespace monc::promql {

class FirstErrorStrategy : public antlr4::BailErrorStrategy {
 public:
  FirstErrorStrategy(const TokenSource& tokens, ErrorList* errors)
      : tokens_(tokens), errors_(errors) {}

  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;

  // The innermost rule open when the parser stopped; nullptr if it did not.
  antlr4::ParserRuleContext* failed_rule() const { return failed_rule_; }

 private:
  void Record(antlr4::Parser* parser, const antlr4::Token& offending);

  const TokenSource& tokens_;
  ErrorList* errors_;
  antlr4::ParserRuleContext* failed_rule_ = nullptr;
};

// A token as Prometheus's messages show it (lex.go's Item.desc):
// `identifier "foo"`, `number "1"`, `<op:+>`, `<aggr:sum>`, `<by>`, `"("`,
// `end of input`.
std::string DescribeToken(const antlr4::Token& token);

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_SYNTAX_ERRORS_H_
