#include "compiler/promql/syntax_errors.h"

#include <string_view>

#include "compiler/promql/go_strconv.h"
#include "grammar/PromQLParser.h"

namespace monc::promql {
namespace {

using Parser = monc_promql_grammar::PromQLParser;

// Where a yacc error rule of Prometheus catches the error, and what it says.
struct Context {
  std::string_view where;     // "label matching", ...; empty at the top level
  std::string_view expected;  // may be empty
};

size_t TypeOf(const antlr4::Token* token) {
  return token ? token->getType() : antlr4::Token::INVALID_TYPE;
}

Context LabelMatching(size_t previous) {
  switch (previous) {
    case Parser::LEFT_BRACE:
    case Parser::COMMA:
      return {"label matching", "identifier or \"}\""};
    case Parser::LABEL_NAME:
      return {"label matching", "label matching operator"};
    case Parser::STRING:
      return {"label matching", "\",\" or \"}\""};
    default:  // a match operator
      return {"label matching", "string"};
  }
}

Context GroupingLabels(const Parser::LabelsContext* labels, size_t previous) {
  if (labels == nullptr || labels->children.empty()) return {"grouping opts", "\"(\""};
  if (previous == Parser::LABELS_PAREN || previous == Parser::COMMA) {
    return {"grouping opts", "label"};
  }
  return {"grouping opts", "\",\" or \")\""};
}

Context Subquery(size_t previous, size_t before_previous) {
  if (previous == Parser::COLON) return {"subquery selector", "duration or \"]\""};
  if (before_previous == Parser::COLON) return {"subquery selector", "\"]\""};
  return {"subquery or range", "\":\" or \"]\""};
}

// The innermost open rule with a Prometheus error rule decides the context.
Context ContextOf(antlr4::RuleContext* rule, const antlr4::Token* previous,
                  const antlr4::Token* before_previous) {
  // After group_left/group_right Prometheus's parser waits for the optional
  // label list until the next token fits: any error there is the list's.
  const size_t innermost = rule->getRuleIndex();
  if ((TypeOf(previous) == Parser::GROUP_LEFT || TypeOf(previous) == Parser::GROUP_RIGHT) &&
      innermost != Parser::RuleLabels && innermost != Parser::RuleLabelName) {
    return {"grouping opts", "\"(\""};
  }
  for (auto* r = rule; r != nullptr; r = dynamic_cast<antlr4::RuleContext*>(r->parent)) {
    switch (r->getRuleIndex()) {
      case Parser::RuleLabelMatchers:
      case Parser::RuleLabelMatcher:
        return LabelMatching(TypeOf(previous));
      case Parser::RuleLabels:
        return GroupingLabels(dynamic_cast<Parser::LabelsContext*>(r), TypeOf(previous));
      case Parser::RuleLabelName:
        return GroupingLabels(dynamic_cast<Parser::LabelsContext*>(r->parent), TypeOf(previous));
      case Parser::RuleAtTime:
        return {"@", "timestamp"};
      case Parser::RuleExpr:
        if (dynamic_cast<Parser::RangeOrSubqueryContext*>(r)) {
          return Subquery(TypeOf(previous), TypeOf(before_previous));
        }
        if (dynamic_cast<Parser::OffsetContext*>(r)) return {"offset", "duration"};
        if (dynamic_cast<Parser::AtContext*>(r)) return {"@", "timestamp"};
        if (dynamic_cast<Parser::AggregateContext*>(r)) return {"aggregation", ""};
        break;
      default:
        break;
    }
  }
  return {};
}

// Prometheus's `%.10q...` for a token text longer than 10 bytes: quoted,
// cut to 10 runes, and "..." even when nothing was cut.
std::string QuoteShort(std::string_view text) {
  if (text.size() <= 10) return go::Quote(text);
  size_t pos = 0;
  for (int runes = 0; runes < 10 && pos < text.size(); ++runes) {
    pos += go::DecodeRune(text.substr(pos)).width;
  }
  return go::Quote(text.substr(0, pos)) + "...";
}

}  // namespace

std::string DescribeToken(const antlr4::Token& token) {
  const std::string text = token.getText();
  switch (token.getType()) {
    case antlr4::Token::EOF:
      return "end of input";
    case Parser::IDENTIFIER:
    case Parser::LABEL_NAME:
      return "identifier " + go::Quote(text);
    case Parser::METRIC_IDENTIFIER:
      return "metric identifier " + go::Quote(text);
    case Parser::NUMBER:
      return "number " + QuoteShort(text);
    case Parser::STRING:
      return "string " + QuoteShort(text);
    case Parser::DURATION:
      return "duration " + QuoteShort(text);
    case Parser::AGGREGATE_OP:
      return "<aggr:" + text + ">";
    case Parser::BOOL:
    case Parser::BY:
    case Parser::WITHOUT:
    case Parser::ON:
    case Parser::IGNORING:
    case Parser::GROUP_LEFT:
    case Parser::GROUP_RIGHT:
    case Parser::OFFSET:
      return "<" + text + ">";
    case Parser::ADD:
    case Parser::SUB:
    case Parser::MUL:
    case Parser::DIV:
    case Parser::MOD:
    case Parser::POW:
    case Parser::EQLC:
    case Parser::NEQ:
    case Parser::LTE:
    case Parser::LSS:
    case Parser::GTE:
    case Parser::GTR:
    case Parser::LAND:
    case Parser::LOR:
    case Parser::LUNLESS:
    case Parser::ATAN2:
    case Parser::EQL_REGEX:
    case Parser::NEQ_REGEX:
      return "<op:" + text + ">";
    case Parser::AT:
      // Prometheus 2.42 has no display name for `@`: it shows its item number.
      return "\"<Item 57385>\" <op:" + text + ">";
    default:  // punctuation, `=`, start and end
      return go::Quote(text);
  }
}

void FirstErrorStrategy::Record(antlr4::Parser* parser, const antlr4::Token& offending) {
  failed_rule_ = parser->getContext();
  if (tokens_.IsCutShort(offending)) return;  // the lexer error is the report
  const auto begin = static_cast<uint32_t>(offending.getStartIndex());
  const auto end = static_cast<uint32_t>(offending.getStopIndex() + 1);
  const size_t index = offending.getTokenIndex();
  antlr4::TokenStream* stream = parser->getTokenStream();
  const antlr4::Token* previous = index >= 1 ? stream->get(index - 1) : nullptr;
  const antlr4::Token* before_previous = index >= 2 ? stream->get(index - 2) : nullptr;
  if (previous == nullptr && offending.getType() == antlr4::Token::EOF) {
    errors_->Add(begin, ErrorList::When::kAtToken, PosRange{}, "no expression found in input");
    return;
  }
  const Context context = ContextOf(failed_rule_, previous, before_previous);
  std::string message = "unexpected " + DescribeToken(offending);
  if (!context.where.empty()) message += " in " + std::string(context.where);
  if (!context.expected.empty()) message += ", expected " + std::string(context.expected);
  errors_->Add(begin, ErrorList::When::kAtToken, PosRange{begin, end}, std::move(message));
}

void FirstErrorStrategy::recover(antlr4::Parser* parser, std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const antlr4::RecognitionException& error) {
    Record(parser, *error.getOffendingToken());
  }
  BailErrorStrategy::recover(parser, e);
}

antlr4::Token* FirstErrorStrategy::recoverInline(antlr4::Parser* parser) {
  Record(parser, *parser->getCurrentToken());
  return BailErrorStrategy::recoverInline(parser);
}

}  // namespace monc::promql
