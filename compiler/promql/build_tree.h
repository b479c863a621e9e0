// The syntax tree (ast.h) of an ANTLR parse tree, with the checks Prometheus
// 2.42's parser makes while it builds its own (the actions of
// generated_parser.y and the helpers of parse.go): number and duration
// values, unknown functions, aggregation arity, trailing commas, ranges,
// offsets and @ on what can take them, regexes that do not compile. Each
// error is placed where Prometheus raises it (error_list.h).
#ifndef MONC_COMPILER_PROMQL_BUILD_TREE_H_
#define MONC_COMPILER_PROMQL_BUILD_TREE_H_

#include "antlr4-runtime.h"
#include "compiler/promql/ast.h"
#include "compiler/promql/error_list.h"
#include "compiler/promql/tables.h"
#include "grammar/PromQLParser.h"
#include "grammar/PromQLParserBaseVisitor.h"

namespace monc::promql {

class TreeBuilder : private monc_promql_grammar::PromQLParserBaseVisitor {
 public:
  using Parser = monc_promql_grammar::PromQLParser;

  TreeBuilder(antlr4::TokenStream& tokens, Version version, ErrorList* errors)
      : tokens_(tokens), version_(version), errors_(errors) {}

  ExprPtr Build(Parser::ExprContext* ctx);

  // After a syntax error: the checks of the constructs under `rule` that the
  // parser finished before it stopped in `failed`, which Prometheus made
  // before it met the error (their trees are dropped).
  void CheckFinishedParts(antlr4::ParserRuleContext* rule, const antlr4::ParserRuleContext* failed);

 private:
  antlrcpp::Any visitRangeOrSubquery(Parser::RangeOrSubqueryContext* ctx) override;
  antlrcpp::Any visitOffset(Parser::OffsetContext* ctx) override;
  antlrcpp::Any visitAt(Parser::AtContext* ctx) override;
  antlrcpp::Any visitBinary(Parser::BinaryContext* ctx) override;
  antlrcpp::Any visitUnary(Parser::UnaryContext* ctx) override;
  antlrcpp::Any visitAggregate(Parser::AggregateContext* ctx) override;
  antlrcpp::Any visitCall(Parser::CallContext* ctx) override;
  antlrcpp::Any visitSelector(Parser::SelectorContext* ctx) override;
  antlrcpp::Any visitNumber(Parser::NumberContext* ctx) override;
  antlrcpp::Any visitString(Parser::StringContext* ctx) override;
  antlrcpp::Any visitParen(Parser::ParenContext* ctx) override;

  std::vector<ExprPtr> Arguments(Parser::ArgsContext* ctx);
  void TrailingCommas(Parser::ArgsContext* ctx);
  LabelMatcher Matcher(Parser::LabelMatcherContext* ctx);
  int64_t Duration(const antlr4::Token* token);
  double Number(const antlr4::Token* token);

  // An error of a construct ending with `last`, which Prometheus checks as
  // soon as it has read `last` ...
  void ErrorAfter(const antlr4::Token* last, PosRange pos, std::string message);
  // ... or only once it has read the token after it.
  void ErrorBeforeNext(const antlr4::Token* last, PosRange pos, std::string message);

  antlr4::TokenStream& tokens_;
  Version version_;
  ErrorList* errors_;
  ExprPtr result_;  // what the last visit built
};

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_BUILD_TREE_H_
