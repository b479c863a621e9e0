#include "compiler/promql/build_tree.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "compiler/promql/go_strconv.h"
#include "compiler/promql/lex_literals.h"
#include "compiler/promql/regex.h"

namespace monc::promql {
namespace {

using Parser = monc_promql_grammar::PromQLParser;

uint32_t Begin(const antlr4::Token* t) { return static_cast<uint32_t>(t->getStartIndex()); }
uint32_t End(const antlr4::Token* t) { return static_cast<uint32_t>(t->getStopIndex() + 1); }
PosRange Range(const antlr4::Token* t) { return {Begin(t), End(t)}; }
PosRange Range(const antlr4::Token* first, const antlr4::Token* last) { return {Begin(first), End(last)}; }

template <typename T>
T* As(Expr* e, NodeKind kind) {
  return e != nullptr && e->kind == kind ? static_cast<T*>(e) : nullptr;
}

BinaryOp OperatorOf(size_t token_type) {
  switch (token_type) {
    case Parser::ADD: return BinaryOp::Add;
    case Parser::SUB: return BinaryOp::Sub;
    case Parser::MUL: return BinaryOp::Mul;
    case Parser::DIV: return BinaryOp::Div;
    case Parser::MOD: return BinaryOp::Mod;
    case Parser::ATAN2: return BinaryOp::Atan2;
    case Parser::POW: return BinaryOp::Pow;
    case Parser::EQLC: return BinaryOp::Eql;
    case Parser::NEQ: return BinaryOp::Neq;
    case Parser::GTR: return BinaryOp::Gtr;
    case Parser::LSS: return BinaryOp::Lss;
    case Parser::GTE: return BinaryOp::Gte;
    case Parser::LTE: return BinaryOp::Lte;
    case Parser::LAND: return BinaryOp::And;
    case Parser::LUNLESS: return BinaryOp::Unless;
    default: return BinaryOp::Or;
  }
}

MatchType MatchTypeOf(size_t token_type) {
  switch (token_type) {
    case Parser::NEQ: return MatchType::NotEqual;
    case Parser::EQL_REGEX: return MatchType::Regex;
    case Parser::NEQ_REGEX: return MatchType::NotRegex;
    default: return MatchType::Equal;
  }
}

std::vector<std::string> LabelNames(Parser::LabelsContext* ctx) {
  std::vector<std::string> names;
  if (ctx == nullptr) return names;
  for (auto* name : ctx->labelName()) names.push_back(name->getText());
  return names;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// timestamp.FromFloatSeconds, with what Go's float-to-int conversion gives on
// amd64 for a value out of int64's range: the smallest int64.
int64_t MillisecondsOf(double seconds) {
  const double ms = std::round(seconds * 1000);
  if (!(ms >= -9223372036854775808.0 && ms < 9223372036854775808.0)) {
    return std::numeric_limits<int64_t>::min();
  }
  return static_cast<int64_t>(ms);
}

bool ValidTimestamp(double seconds) {
  return std::isfinite(seconds) && seconds < 9223372036854775807.0 &&
         seconds > -9223372036854775808.0;
}

constexpr const char* kNotASelector =
    " modifier must be preceded by an instant vector selector or range vector selector or a "
    "subquery";

}  // namespace

ExprPtr TreeBuilder::Build(Parser::ExprContext* ctx) {
  ctx->accept(this);
  return std::move(result_);
}

void TreeBuilder::ErrorAfter(const antlr4::Token* last, PosRange pos, std::string message) {
  errors_->Add(End(last), ErrorList::When::kAfterConstruct, pos, std::move(message));
}

void TreeBuilder::ErrorBeforeNext(const antlr4::Token* last, PosRange pos, std::string message) {
  const size_t next = last->getTokenIndex() + 1;
  const uint32_t offset = next < tokens_.size() ? Begin(tokens_.get(next)) : End(last);
  errors_->Add(offset, ErrorList::When::kBeforeToken, pos, std::move(message));
}

int64_t TreeBuilder::Duration(const antlr4::Token* token) {
  std::string error;
  const auto ms = ParseDuration(token->getText(), &error);
  if (!ms) ErrorAfter(token, Range(token), error);
  return ms.value_or(0);
}

double TreeBuilder::Number(const antlr4::Token* token) {
  std::string error;
  const auto value = ParseNumber(token->getText(), &error);
  if (!value) ErrorAfter(token, Range(token), error);
  return value.value_or(0);
}

antlrcpp::Any TreeBuilder::visitNumber(Parser::NumberContext* ctx) {
  auto node = std::make_unique<NumberLiteral>();
  node->value = Number(ctx->NUMBER()->getSymbol());
  node->pos = Range(ctx->NUMBER()->getSymbol());
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitString(Parser::StringContext* ctx) {
  auto node = std::make_unique<StringLiteral>();
  // The token source has checked the escapes.
  node->value = Unquote(ctx->STRING()->getText());
  node->pos = Range(ctx->STRING()->getSymbol());
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitParen(Parser::ParenContext* ctx) {
  auto node = std::make_unique<Paren>();
  node->expr = Build(ctx->expr());
  node->pos = Range(ctx->getStart(), ctx->getStop());
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitUnary(Parser::UnaryContext* ctx) {
  ExprPtr operand = Build(ctx->expr());
  const bool minus = ctx->op->getType() == Parser::SUB;
  // Prometheus folds a sign into the number it precedes.
  if (auto* number = As<NumberLiteral>(operand.get(), NodeKind::Number)) {
    if (minus) number->value = -number->value;
    number->pos.begin = Begin(ctx->op);
    result_ = std::move(operand);
    return {};
  }
  auto node = std::make_unique<Unary>();
  node->op = minus ? BinaryOp::Sub : BinaryOp::Add;
  node->pos = {Begin(ctx->op), operand->pos.end};
  node->expr = std::move(operand);
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitBinary(Parser::BinaryContext* ctx) {
  auto node = std::make_unique<Binary>();
  node->lhs = Build(ctx->expr(0));
  node->rhs = Build(ctx->expr(1));
  node->op = OperatorOf(ctx->op->getType());
  node->pos = {node->lhs->pos.begin, node->rhs->pos.end};
  Parser::BinModifiersContext* modifiers = ctx->binModifiers();
  node->op_pos = Range(ctx->op, modifiers->getStop());  // the op itself when no modifier
  node->return_bool = modifiers->BOOL() != nullptr;
  const bool set_operator = Info(node->op).kind == OperatorInfo::Kind::Set;
  const bool matching = modifiers->ON() != nullptr || modifiers->IGNORING() != nullptr;
  if (matching || set_operator) {
    VectorMatching& m = node->matching.emplace();
    m.on = modifiers->ON() != nullptr;
    m.matching_labels = LabelNames(modifiers->labels(0));
    if (modifiers->GROUP_LEFT() || modifiers->GROUP_RIGHT()) {
      m.card = modifiers->GROUP_LEFT() ? VectorMatching::Card::ManyToOne
                                       : VectorMatching::Card::OneToMany;
      m.include = LabelNames(modifiers->labels(1));
    } else if (set_operator) {
      m.card = VectorMatching::Card::ManyToMany;
    }
  }
  result_ = std::move(node);
  return {};
}

std::vector<ExprPtr> TreeBuilder::Arguments(Parser::ArgsContext* ctx) {
  std::vector<ExprPtr> args;
  for (Parser::ExprContext* arg : ctx->expr()) args.push_back(Build(arg));
  TrailingCommas(ctx);
  return args;
}

void TreeBuilder::TrailingCommas(Parser::ArgsContext* ctx) {
  const auto& children = ctx->children;
  for (size_t i = 0; i < children.size(); ++i) {
    auto* comma = dynamic_cast<antlr4::tree::TerminalNode*>(children[i]);
    if (comma == nullptr || comma->getSymbol()->getType() != Parser::COMMA) continue;
    if (i + 1 < children.size() && dynamic_cast<Parser::ExprContext*>(children[i + 1])) continue;
    ErrorBeforeNext(comma->getSymbol(), Range(comma->getSymbol()),
                    "trailing commas not allowed in function call args");
  }
}

antlrcpp::Any TreeBuilder::visitCall(Parser::CallContext* ctx) {
  auto node = std::make_unique<Call>();
  const antlr4::Token* name = ctx->IDENTIFIER()->getSymbol();
  node->args = Arguments(ctx->args());
  node->func = FindFunction(name->getText(), version_);
  node->pos = Range(name, ctx->getStop());
  if (node->func == nullptr) {
    ErrorAfter(ctx->getStop(), Range(name),
               "unknown function with name " + go::Quote(name->getText()));
  }
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitAggregate(Parser::AggregateContext* ctx) {
  auto node = std::make_unique<Aggregate>();
  const antlr4::Token* op = ctx->AGGREGATE_OP()->getSymbol();
  node->op = FindAggregation(Lower(op->getText()), version_);
  node->pos = Range(op, ctx->getStop());
  if (Parser::GroupingContext* grouping = ctx->grouping()) {
    node->without = grouping->WITHOUT() != nullptr;
    node->grouping = LabelNames(grouping->labels());
  }
  std::vector<ExprPtr> args = Arguments(ctx->args());
  // Without modifiers, Prometheus reduces an aggregation only once it sees
  // the token after it (which could have been `by`).
  const bool needs_next_token = ctx->grouping() == nullptr;
  const auto report = [&](std::string message) {
    if (needs_next_token) {
      ErrorBeforeNext(ctx->getStop(), node->pos, std::move(message));
    } else {
      ErrorAfter(ctx->getStop(), node->pos, std::move(message));
    }
  };
  const size_t wanted = node->op->param_type == ValueType::None ? 1 : 2;
  if (args.empty()) {
    report("no arguments for aggregate expression provided");
  } else if (args.size() != wanted) {
    report("wrong number of arguments for aggregate expression provided, expected " +
           std::to_string(wanted) + ", got " + std::to_string(args.size()));
  } else {
    if (wanted == 2) node->param = std::move(args[0]);
    node->expr = std::move(args.back());
  }
  result_ = std::move(node);
  return {};
}

LabelMatcher TreeBuilder::Matcher(Parser::LabelMatcherContext* ctx) {
  LabelMatcher m;
  m.type = MatchTypeOf(ctx->op->getType());
  m.name = ctx->LABEL_NAME()->getText();
  m.value = Unquote(ctx->STRING()->getText());
  m.pos = Range(ctx->getStart(), ctx->getStop());
  if (m.type == MatchType::Regex || m.type == MatchType::NotRegex) {
    std::string error = RegexError(m.value);
    if (!error.empty()) ErrorAfter(ctx->getStop(), m.pos, std::move(error));
  }
  return m;
}

antlrcpp::Any TreeBuilder::visitSelector(Parser::SelectorContext* ctx) {
  auto node = std::make_unique<VectorSelector>();
  node->pos = Range(ctx->getStart(), ctx->getStop());
  if (Parser::MetricNameContext* name = ctx->metricName()) {
    node->name = name->getText();
    node->matchers.push_back({MatchType::Equal, "__name__", node->name, Range(name->getStart())});
  }
  if (Parser::LabelMatchersContext* matchers = ctx->labelMatchers()) {
    for (auto* m : matchers->labelMatcher()) node->matchers.push_back(Matcher(m));
  }
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitRangeOrSubquery(Parser::RangeOrSubqueryContext* ctx) {
  ExprPtr inner = Build(ctx->expr());
  const int64_t range = Duration(ctx->range);
  const antlr4::Token* close = ctx->RIGHT_BRACKET()->getSymbol();
  if (ctx->COLON() != nullptr) {
    auto node = std::make_unique<Subquery>();
    node->range_ms = range;
    if (ctx->step != nullptr) node->step_ms = Duration(ctx->step);
    node->pos = {inner->pos.begin, End(close)};
    node->expr = std::move(inner);
    result_ = std::move(node);
    return {};
  }
  const PosRange brackets = Range(ctx->LEFT_BRACKET()->getSymbol(), close);
  if (auto* selector = As<VectorSelector>(inner.get(), NodeKind::VectorSelector)) {
    if (selector->offset_ms != 0) {
      ErrorAfter(close, brackets, "no offset modifiers allowed before range");
    } else if (selector->at && selector->at->kind == AtModifier::Kind::Timestamp) {
      ErrorAfter(close, brackets, "no @ modifiers allowed before range");
    }
  } else {
    ErrorAfter(close, brackets, "ranges only allowed for vector selectors");
  }
  auto node = std::make_unique<MatrixSelector>();
  node->range_ms = range;
  node->pos = {inner->pos.begin, End(close)};
  node->selector = std::move(inner);
  result_ = std::move(node);
  return {};
}

antlrcpp::Any TreeBuilder::visitOffset(Parser::OffsetContext* ctx) {
  ExprPtr inner = Build(ctx->expr());
  const antlr4::Token* last = ctx->DURATION()->getSymbol();
  int64_t offset = Duration(last);
  if (ctx->SUB() != nullptr) offset = -offset;
  // Prometheus keeps a range's offset on its selector.
  int64_t* target = nullptr;
  if (auto* selector = As<VectorSelector>(inner.get(), NodeKind::VectorSelector)) {
    target = &selector->offset_ms;
  } else if (auto* matrix = As<MatrixSelector>(inner.get(), NodeKind::MatrixSelector)) {
    if (auto* s = As<VectorSelector>(matrix->selector.get(), NodeKind::VectorSelector)) {
      target = &s->offset_ms;
    } else {
      ErrorAfter(last, inner->pos, "ranges only allowed for vector selectors");
    }
  } else if (auto* subquery = As<Subquery>(inner.get(), NodeKind::Subquery)) {
    target = &subquery->offset_ms;
  } else {
    ErrorAfter(last, inner->pos, std::string("offset") + kNotASelector);
  }
  if (target != nullptr) {
    if (*target != 0) {
      ErrorAfter(last, inner->pos, "offset may not be set multiple times");
    } else {
      *target = offset;
    }
    inner->pos.end = End(last);
  }
  result_ = std::move(inner);
  return {};
}

antlrcpp::Any TreeBuilder::visitAt(Parser::AtContext* ctx) {
  ExprPtr inner = Build(ctx->expr());
  Parser::AtTimeContext* time = ctx->atTime();
  const antlr4::Token* last = time->getStop();
  AtModifier at;
  if (time->NUMBER() != nullptr) {
    double seconds = Number(time->NUMBER()->getSymbol());
    if (time->sign != nullptr && time->sign->getType() == Parser::SUB) seconds = -seconds;
    if (!ValidTimestamp(seconds)) {
      ErrorAfter(last, inner->pos,
                 "timestamp out of bounds for @ modifier: " + go::FormatFixed(seconds, 6));
    }
    at.timestamp_ms = MillisecondsOf(seconds);
  } else {
    at.kind = time->START() != nullptr ? AtModifier::Kind::Start : AtModifier::Kind::End;
  }
  std::optional<AtModifier>* target = nullptr;
  if (auto* selector = As<VectorSelector>(inner.get(), NodeKind::VectorSelector)) {
    target = &selector->at;
  } else if (auto* matrix = As<MatrixSelector>(inner.get(), NodeKind::MatrixSelector)) {
    if (auto* s = As<VectorSelector>(matrix->selector.get(), NodeKind::VectorSelector)) {
      target = &s->at;
    } else {
      ErrorAfter(last, inner->pos, "ranges only allowed for vector selectors");
    }
  } else if (auto* subquery = As<Subquery>(inner.get(), NodeKind::Subquery)) {
    target = &subquery->at;
  } else {
    ErrorAfter(last, inner->pos, std::string("@") + kNotASelector);
  }
  if (target != nullptr) {
    if (target->has_value()) {
      ErrorAfter(last, inner->pos, "@ <timestamp> may not be set multiple times");
    } else {
      *target = at;
      inner->pos.end = End(last);
    }
  }
  result_ = std::move(inner);
  return {};
}

void TreeBuilder::CheckFinishedParts(antlr4::ParserRuleContext* rule,
                                     const antlr4::ParserRuleContext* failed) {
  bool open = false;
  for (const antlr4::tree::ParseTree* r = failed; r != nullptr && !open; r = r->parent) {
    open = r == rule;
  }
  if (!open) {
    if (auto* expr = dynamic_cast<Parser::ExprContext*>(rule)) {
      Build(expr);
      return;
    }
    if (auto* matcher = dynamic_cast<Parser::LabelMatcherContext*>(rule)) {
      Matcher(matcher);
      return;
    }
  } else if (auto* args = dynamic_cast<Parser::ArgsContext*>(rule)) {
    // A comma just before the error: Prometheus reduced it first.
    TrailingCommas(args);
  } else if (auto* brackets = dynamic_cast<Parser::RangeOrSubqueryContext*>(rule)) {
    if (brackets->range != nullptr) Duration(brackets->range);
    if (brackets->step != nullptr) Duration(brackets->step);
  }
  for (antlr4::tree::ParseTree* child : rule->children) {
    if (auto* r = dynamic_cast<antlr4::ParserRuleContext*>(child)) CheckFinishedParts(r, failed);
  }
}

}  // namespace monc::promql
