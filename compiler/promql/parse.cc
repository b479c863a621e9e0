// Parse(): tokens (token_source.cc) -> ANTLR parse tree, stopped at the first
// syntax error (syntax_errors.cc) -> syntax tree with the checks Prometheus's
// parser makes while building its own (build_tree.cc).
#include "compiler/promql/parse.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "antlr4-runtime.h"
#include "compiler/promql/build_tree.h"
#include "compiler/promql/error_list.h"
#include "compiler/promql/syntax_errors.h"
#include "compiler/promql/token_source.h"
#include "grammar/PromQLParser.h"

namespace monc::promql {
namespace {

// Every pass over a syntax tree (this parser's, the checker's, the printer's,
// the evaluator's) recurses once per level, so trees deeper than this are
// refused before they can exhaust the stack. Prometheus, with Go's growing
// stacks, has no such limit; expressions this deep are machine-made
// (a sum of over a thousand terms is a thousand levels deep).
constexpr int kMaxDepth = 1000;

std::string TooDeepMessage() {
  return "expression nests too deeply (more than " + std::to_string(kMaxDepth) + " levels)";
}

struct TooDeep {};

// Stops the parser when its own recursion (parentheses, `^` and unary
// operators nest it) gets too deep.
class RecursionLimit : public antlr4::tree::ParseTreeListener {
 public:
  RecursionLimit(antlr4::Parser& parser, ErrorList* errors) : parser_(parser), errors_(errors) {}

  void enterEveryRule(antlr4::ParserRuleContext* ctx) override {
    if (ctx->getRuleIndex() != monc_promql_grammar::PromQLParser::RuleExpr) return;
    if (++depth_ <= kMaxDepth) return;
    const auto begin = static_cast<uint32_t>(parser_.getCurrentToken()->getStartIndex());
    errors_->Add(begin, ErrorList::When::kAtToken, PosRange{begin, begin}, TooDeepMessage());
    throw TooDeep{};
  }
  void exitEveryRule(antlr4::ParserRuleContext* ctx) override {
    if (ctx->getRuleIndex() == monc_promql_grammar::PromQLParser::RuleExpr) --depth_;
  }
  void visitTerminal(antlr4::tree::TerminalNode*) override {}
  void visitErrorNode(antlr4::tree::ErrorNode*) override {}

 private:
  antlr4::Parser& parser_;
  ErrorList* errors_;
  int depth_ = 0;
};

// The first expression of the tree nested deeper than kMaxDepth, found
// without recursing: a chain of binary operators nests in the tree though
// not in the parser.
antlr4::ParserRuleContext* FirstTooDeep(antlr4::ParserRuleContext* root) {
  std::vector<std::pair<antlr4::tree::ParseTree*, int>> pending = {{root, 0}};
  while (!pending.empty()) {
    auto [tree, depth] = pending.back();
    pending.pop_back();
    auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(tree);
    if (rule == nullptr) continue;
    if (rule->getRuleIndex() == monc_promql_grammar::PromQLParser::RuleExpr && ++depth > kMaxDepth) {
      return rule;
    }
    // Reversed, so that the first found is the first in the text.
    for (auto it = rule->children.rbegin(); it != rule->children.rend(); ++it) {
      pending.push_back({*it, depth});
    }
  }
  return nullptr;
}

}  // namespace

ParseResult Parse(std::string_view text, const ParseOptions& options) {
  ErrorList errors;
  TokenSource tokens(text, options.version, &errors);
  antlr4::CommonTokenStream stream(&tokens);
  monc_promql_grammar::PromQLParser parser(&stream);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<FirstErrorStrategy>(tokens, &errors);
  parser.setErrorHandler(strategy);
  RecursionLimit recursion(parser, &errors);
  parser.addParseListener(&recursion);
  TreeBuilder builder(stream, options.version, &errors);

  ParseResult result;
  try {
    auto* tree = parser.expression();
    if (antlr4::ParserRuleContext* deep = FirstTooDeep(tree)) {
      const auto begin = static_cast<uint32_t>(deep->getStart()->getStartIndex());
      errors.Add(begin, ErrorList::When::kAtToken, PosRange{begin, begin}, TooDeepMessage());
    } else {
      result.expr = builder.Build(tree->expr());
    }
  } catch (const antlr4::ParseCancellationException&) {
    antlr4::ParserRuleContext* root = strategy->failed_rule();
    while (auto* parent = dynamic_cast<antlr4::ParserRuleContext*>(root->parent)) root = parent;
    if (FirstTooDeep(root) == nullptr) builder.CheckFinishedParts(root, strategy->failed_rule());
  } catch (const TooDeep&) {
    // Reported; the tree is left half-built.
  }
  if (!errors.empty()) {
    result.errors = std::move(errors).Sorted();
    result.expr.reset();
  }
  return result;
}

}  // namespace monc::promql
