#include "compiler/logql/build_tree.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "compiler/logql/lex_literals.h"
#include "compiler/logql/syntax_errors.h"
#include "compiler/promql/go_strconv.h"
#include "compiler/promql/regex.h"

namespace monc::logql {
namespace {

using P = monc_logql_grammar::LogQLParser;
namespace go = promql::go;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

PosRange Pos(antlr4::ParserRuleContext* ctx) {
  return {static_cast<uint32_t>(ctx->getStart()->getStartIndex()),
          static_cast<uint32_t>(ctx->getStop()->getStopIndex() + 1)};
}
PosRange Pos(antlr4::tree::TerminalNode* node) {
  return {static_cast<uint32_t>(node->getSymbol()->getStartIndex()),
          static_cast<uint32_t>(node->getSymbol()->getStopIndex() + 1)};
}

// Loki's %T of a log query in its messages.
std::string GoType(const Expr& expr) {
  const auto& log = static_cast<const LogSelector&>(expr);
  return log.stages.empty() ? "*syntax.MatchersExpr" : "*syntax.PipelineExpr";
}

bool IsLogical(BinaryOp op) {
  return op == BinaryOp::And || op == BinaryOp::Or || op == BinaryOp::Unless;
}

// Loki folds an operation between two literals (MergeBinOp without filter:
// comparisons give 1 or 0).
double Fold(BinaryOp op, double a, double b) {
  switch (op) {
    case BinaryOp::Add: return a + b;
    case BinaryOp::Sub: return a - b;
    case BinaryOp::Mul: return a * b;
    case BinaryOp::Div: return a / b;
    case BinaryOp::Mod: return std::fmod(a, b);
    case BinaryOp::Pow: return std::pow(a, b);
    case BinaryOp::Eql: return a == b;
    case BinaryOp::Neq: return a != b;
    case BinaryOp::Gtr: return a > b;
    case BinaryOp::Gte: return a >= b;
    case BinaryOp::Lss: return a < b;
    case BinaryOp::Lte: return a <= b;
    default: return 0;
  }
}

BinaryOp OperatorOf(size_t type) {
  switch (type) {
    case P::POW: return BinaryOp::Pow;
    case P::MUL: return BinaryOp::Mul;
    case P::DIV: return BinaryOp::Div;
    case P::MOD: return BinaryOp::Mod;
    case P::ADD: return BinaryOp::Add;
    case P::SUB: return BinaryOp::Sub;
    case P::CMP_EQ: return BinaryOp::Eql;
    case P::NEQ: return BinaryOp::Neq;
    case P::LT: return BinaryOp::Lss;
    case P::LTE: return BinaryOp::Lte;
    case P::GT: return BinaryOp::Gtr;
    case P::GTE: return BinaryOp::Gte;
    case P::AND: return BinaryOp::And;
    case P::UNLESS: return BinaryOp::Unless;
    default: return BinaryOp::Or;
  }
}

CompareOp CompareOf(size_t type) {
  switch (type) {
    case P::NEQ: return CompareOp::NotEqual;
    case P::GT: return CompareOp::Greater;
    case P::GTE: return CompareOp::GreaterEqual;
    case P::LT: return CompareOp::Less;
    case P::LTE: return CompareOp::LessEqual;
    default: return CompareOp::Equal;
  }
}

MatchType MatchOf(size_t type) {
  switch (type) {
    case P::NEQ: return MatchType::NotEqual;
    case P::RE: return MatchType::Regex;
    case P::NRE: return MatchType::NotRegex;
    default: return MatchType::Equal;
  }
}

bool IsLabelName(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

class Builder {
 public:
  Builder(antlr4::TokenStream& tokens, const TokenSource& source) : tokens_(tokens), source_(source) {}

  ExprPtr Expr(P::ExprContext* ctx);

 private:
  [[noreturn]] void Fail(std::string message) {
    Error e;
    e.message = std::move(message);
    throw BuildError{std::move(e)};
  }
  // What Loki's parser says on reading the token after `ctx`, where its
  // grammar wants a metric query and has a log query.
  [[noreturn]] void UnexpectedAfter(antlr4::ParserRuleContext* ctx) {
    antlr4::Token* next = tokens_.get(ctx->getStop()->getTokenIndex() + 1);
    throw BuildError{ErrorAt(source_, *next, "syntax error: unexpected " + DescribeToken(*next))};
  }
  ExprPtr Metric(P::ExprContext* ctx) {
    ExprPtr e = Expr(ctx);
    if (KindOf(*e) == ExprKind::Log) UnexpectedAfter(ctx);
    return e;
  }

  ExprPtr Binary(P::BinaryContext* ctx);
  ExprPtr RangeAggregation(P::RangeAggregationContext* ctx);
  ExprPtr VectorAggregation(P::VectorAggregationContext* ctx);
  ExprPtr LabelReplace(P::LabelReplaceContext* ctx);
  std::unique_ptr<LogSelector> Log(P::SelectorContext* selector, P::PipelineContext* pipeline);
  void Range(P::LogRangeContext* ctx, LogRange* range);
  Unwrap BuildUnwrap(P::UnwrapContext* ctx);
  Grouping BuildGrouping(P::GroupingContext* ctx);
  std::vector<std::string> Labels(P::LabelsContext* ctx);
  void Modifiers(P::BinModifierContext* ctx, struct Binary* b);
  LabelMatcher Matcher(P::MatcherContext* ctx);
  StagePtr Stage(P::StageContext* ctx);
  std::vector<LabelExtraction> Extractions(P::ExtractionsContext* ctx);
  LabelFilterPtr Filter(P::LabelFilterContext* ctx);
  double Literal(P::LiteralContext* ctx);
  const TokenInfo& Info(antlr4::tree::TerminalNode* node) { return source_.Info(*node->getSymbol()); }

  antlr4::TokenStream& tokens_;
  const TokenSource& source_;
};

ExprPtr Builder::Expr(P::ExprContext* ctx) {
  ExprPtr result;
  if (auto* c = dynamic_cast<P::BinaryContext*>(ctx)) {
    result = Binary(c);
  } else if (auto* c = dynamic_cast<P::RangeAggregationContext*>(ctx)) {
    result = RangeAggregation(c);
  } else if (auto* c = dynamic_cast<P::VectorAggregationContext*>(ctx)) {
    result = VectorAggregation(c);
  } else if (auto* c = dynamic_cast<P::LabelReplaceContext*>(ctx)) {
    result = LabelReplace(c);
  } else if (auto* c = dynamic_cast<P::VectorContext*>(ctx)) {
    auto v = std::make_unique<struct Vector>();
    std::string error;
    std::optional<double> value = ParseFloat(c->NUMBER()->getText(), &error);
    if (!value) Fail("unable to parse vectorExpr as a float: " + error);
    v->value = *value;
    result = std::move(v);
  } else if (auto* c = dynamic_cast<P::LiteralExprContext*>(ctx)) {
    auto l = std::make_unique<struct Literal>();
    l->value = Literal(c->literal());
    result = std::move(l);
  } else if (auto* c = dynamic_cast<P::VariantsContext*>(ctx)) {
    auto v = std::make_unique<Variants>();
    const std::vector<P::ExprContext*> exprs = c->expr();
    for (size_t i = 0; i + 1 < exprs.size(); ++i) v->variants.push_back(Metric(exprs[i]));
    ExprPtr of = Expr(exprs.back());
    if (KindOf(*of) != ExprKind::Log) Fail("variants require a log query after 'of'");
    v->of.reset(static_cast<LogSelector*>(of.release()));
    result = std::move(v);
  } else if (auto* c = dynamic_cast<P::LogSelectorContext*>(ctx)) {
    result = Log(c->selector(), c->pipeline());
  } else {
    return Expr(static_cast<P::ParenContext*>(ctx)->expr());
  }
  result->pos = Pos(ctx);
  return result;
}

ExprPtr Builder::Binary(P::BinaryContext* ctx) {
  auto b = std::make_unique<struct Binary>();
  b->op = OperatorOf(ctx->op->getType());
  b->op_pos = {static_cast<uint32_t>(ctx->op->getStartIndex()),
               static_cast<uint32_t>(ctx->binModifier()->getStop() == nullptr ||
                                             ctx->binModifier()->getStop()->getTokenIndex() <
                                                 ctx->op->getTokenIndex()
                                         ? ctx->op->getStopIndex() + 1
                                         : ctx->binModifier()->getStop()->getStopIndex() + 1)};
  b->lhs = Expr(ctx->expr(0));
  b->rhs = Expr(ctx->expr(1));
  Modifiers(ctx->binModifier(), b.get());
  const std::string op(promql::Info(b->op).text);
  if (KindOf(*b->lhs) == ExprKind::Log) {
    Fail("unexpected type for left leg of binary operation (" + op + "): " + GoType(*b->lhs));
  }
  if (KindOf(*b->rhs) == ExprKind::Log) {
    Fail("unexpected type for right leg of binary operation (" + op + "): " + GoType(*b->rhs));
  }
  const auto* l = b->lhs->kind == NodeKind::Literal ? static_cast<const struct Literal*>(b->lhs.get()) : nullptr;
  const auto* r = b->rhs->kind == NodeKind::Literal ? static_cast<const struct Literal*>(b->rhs.get()) : nullptr;
  if (IsLogical(b->op)) {
    if (l) {
      Fail("unexpected literal for left leg of logical/set binary operation (" + op +
           "): " + go::FormatFixed(l->value, 6));
    }
    if (r) {
      Fail("unexpected literal for right leg of logical/set binary operation (" + op +
           "): " + go::FormatFixed(r->value, 6));
    }
  }
  if (l && r) {
    auto folded = std::make_unique<struct Literal>();
    folded->value = Fold(b->op, l->value, r->value);
    return folded;
  }
  return b;
}

void Builder::Modifiers(P::BinModifierContext* ctx, struct Binary* b) {
  b->return_bool = ctx->BOOL() != nullptr;
  if (!ctx->ON() && !ctx->IGNORING()) return;
  VectorMatching m;
  m.on = ctx->ON() != nullptr;
  for (auto* labels : ctx->labels()) {
    if (labels != ctx->include) m.matching_labels = Labels(labels);
  }
  if (ctx->GROUP_LEFT()) m.card = VectorMatching::Card::ManyToOne;
  if (ctx->GROUP_RIGHT()) m.card = VectorMatching::Card::OneToMany;
  if (ctx->include) m.include = Labels(ctx->include);
  b->matching = std::move(m);
}

std::vector<std::string> Builder::Labels(P::LabelsContext* ctx) {
  std::vector<std::string> out;
  if (ctx == nullptr) return out;
  for (auto* id : ctx->IDENTIFIER()) out.push_back(id->getText());
  return out;
}

Grouping Builder::BuildGrouping(P::GroupingContext* ctx) {
  Grouping g;
  g.without = ctx->WITHOUT() != nullptr;
  g.labels = Labels(ctx->labels());
  g.pos = Pos(ctx);
  return g;
}

ExprPtr Builder::RangeAggregation(P::RangeAggregationContext* ctx) {
  auto r = std::make_unique<struct RangeAggregation>();
  r->op = FindRangeAggregation(Lower(ctx->RANGE_OP()->getText()));
  const std::string name(r->op->name);
  Range(ctx->logRange(), &r->range);
  if (ctx->param) {
    const std::string text = ctx->param->getText();
    if (r->op->param == Takes::Forbidden) {
      Fail("parameter " + text + " not supported for operation " + name);
    }
    std::string error;
    r->param = ParseFloat(text, &error);
    if (!r->param) Fail("invalid parameter for operation " + name + ": " + error);
  } else if (r->op->param == Takes::Required) {
    Fail("parameter required for operation " + name);
  }
  if (ctx->grouping()) r->grouping = BuildGrouping(ctx->grouping());
  if (r->grouping && !r->op->grouping) Fail("grouping not allowed for " + name + " aggregation");
  if (r->range.unwrap && r->op->unwrap == Takes::Forbidden) {
    Fail("invalid aggregation " + name + " with unwrap");
  }
  if (!r->range.unwrap && r->op->unwrap == Takes::Required) {
    Fail("invalid aggregation " + name + " without unwrap");
  }
  return r;
}

void Builder::Range(P::LogRangeContext* ctx, LogRange* range) {
  if (ctx->logRange()) return Range(ctx->logRange(), range);
  range->selector = Log(ctx->selector(), ctx->pipeline());
  if (ctx->unwrap()) range->unwrap = BuildUnwrap(ctx->unwrap());
  range->range_ns = Info(ctx->RANGE()).duration_ns;
  if (ctx->offset()) range->offset_ns = Info(ctx->offset()->DURATION()).duration_ns;
  range->pos = Pos(ctx);
}

Unwrap Builder::BuildUnwrap(P::UnwrapContext* ctx) {
  Unwrap u;
  u.label = ctx->IDENTIFIER()->getText();
  if (ctx->CONV()) {
    const std::string conv = Lower(ctx->CONV()->getText());
    u.conversion = conv == "bytes"      ? UnwrapConversion::Bytes
                   : conv == "duration" ? UnwrapConversion::Duration
                                        : UnwrapConversion::DurationSeconds;
  }
  for (auto* f : ctx->labelFilter()) u.post_filters.push_back(Filter(f));
  u.pos = Pos(ctx);
  return u;
}

ExprPtr Builder::VectorAggregation(P::VectorAggregationContext* ctx) {
  auto v = std::make_unique<struct VectorAggregation>();
  v->op = FindVectorAggregation(Lower(ctx->VECTOR_OP()->getText()));
  const std::string name(v->op->name);
  v->expr = Metric(ctx->expr());
  if (ctx->grouping()) v->grouping = BuildGrouping(ctx->grouping());
  if (v->op->param == Takes::Required) {
    if (!ctx->param) Fail("parameter required for operation " + name);
    const std::string text = ctx->param->getText();
    std::optional<int64_t> k = Atoi(text);
    if (!k) Fail("invalid parameter " + name + "(" + text + ",");
    if (*k <= 0) Fail("invalid parameter (must be greater than 0)");
    if (v->grouping && !v->op->grouping) Fail("grouping not allowed for " + name + " aggregation");
    v->param = static_cast<double>(*k);
  } else if (ctx->param) {
    Fail("unsupported parameter for operation " + name + "(" + ctx->param->getText() + ",");
  }
  return v;
}

ExprPtr Builder::LabelReplace(P::LabelReplaceContext* ctx) {
  auto l = std::make_unique<struct LabelReplace>();
  l->expr = Metric(ctx->expr());
  std::vector<std::string> args;
  for (auto* s : ctx->STRING()) args.push_back(Info(s).value);
  l->dst = args[0], l->replacement = args[1], l->src = args[2], l->regex = args[3];
  const std::string error = promql::RegexError(l->regex);
  if (!error.empty()) Fail("invalid regex in label_replace: " + error);
  if (!IsLabelName(l->dst)) Fail("invalid destination label name in label_replace: " + l->dst);
  return l;
}

LabelMatcher Builder::Matcher(P::MatcherContext* ctx) {
  LabelMatcher m;
  m.type = MatchOf(ctx->op->getType());
  m.name = ctx->IDENTIFIER()->getText();
  m.value = Info(ctx->STRING()).value;
  m.pos = Pos(ctx);
  if (m.type == MatchType::Regex || m.type == MatchType::NotRegex) {
    const std::string error = promql::RegexError(m.value);
    if (!error.empty()) Fail(error);
  }
  return m;
}

std::unique_ptr<LogSelector> Builder::Log(P::SelectorContext* selector, P::PipelineContext* pipeline) {
  auto log = std::make_unique<LogSelector>();
  for (auto* m : selector->matcher()) log->matchers.push_back(Matcher(m));
  log->selector_pos = Pos(selector);
  log->pos = log->selector_pos;
  if (pipeline) {
    for (auto* s : pipeline->stage()) log->stages.push_back(Stage(s));
    log->pos.end = Pos(pipeline).end;
  }
  return log;
}

std::vector<LabelExtraction> Builder::Extractions(P::ExtractionsContext* ctx) {
  std::vector<LabelExtraction> out;
  if (ctx == nullptr) return out;
  for (auto* e : ctx->extraction()) {
    LabelExtraction x;
    x.label = e->IDENTIFIER()->getText();
    if (e->STRING()) x.expression = Info(e->STRING()).value;
    x.pos = Pos(e);
    out.push_back(std::move(x));
  }
  return out;
}

StagePtr Builder::Stage(P::StageContext* ctx) {
  StagePtr stage;
  if (auto* c = dynamic_cast<P::LineFilterContext*>(ctx)) {
    auto f = std::make_unique<LineFilterStage>();
    f->op = FindLineFilter(c->filter->getText())->op;
    for (auto* m : c->lineMatch()) {
      f->alternatives.push_back({m->IP() != nullptr, Info(m->STRING()).value, Pos(m)});
    }
    stage = std::move(f);
  } else if (auto* c = dynamic_cast<P::JsonParserContext*>(ctx)) {
    auto p = std::make_unique<ParserStage>();
    p->parser = ParserKind::Json;
    p->extractions = Extractions(c->extractions());
    stage = std::move(p);
  } else if (auto* c = dynamic_cast<P::LogfmtParserContext*>(ctx)) {
    auto p = std::make_unique<ParserStage>();
    p->parser = ParserKind::Logfmt;
    for (auto* flag : c->PARSER_FLAG()) p->flags.push_back(flag->getText());
    p->extractions = Extractions(c->extractions());
    stage = std::move(p);
  } else if (auto* c = dynamic_cast<P::StringParserContext*>(ctx)) {
    auto p = std::make_unique<ParserStage>();
    p->parser = FindParser(Lower(c->PARSER_WITH_STRING()->getText()))->kind;
    p->argument = Info(c->STRING()).value;
    if (p->parser == ParserKind::Regexp) {
      const std::string error = promql::RegexError(p->argument);
      if (!error.empty()) Fail("invalid regexp parser: " + error);
      if (p->argument.find("(?P<") == std::string::npos && p->argument.find("(?<") == std::string::npos) {
        Fail("invalid regexp parser: at least one named capture must be supplied");
      }
    } else {
      const size_t open = p->argument.find('<');
      const size_t close = open == std::string::npos ? open : p->argument.find('>', open);
      const bool named = close != std::string::npos && close > open + 1 &&
                         p->argument.substr(open, close - open + 1) != "<_>";
      if (!named && p->argument.find("<_>") == std::string::npos) {
        Fail("invalid pattern parser: at least one capture is required");
      }
    }
    stage = std::move(p);
  } else if (dynamic_cast<P::UnpackParserContext*>(ctx)) {
    auto p = std::make_unique<ParserStage>();
    p->parser = ParserKind::Unpack;
    stage = std::move(p);
  } else if (auto* c = dynamic_cast<P::LabelFilterStageContext*>(ctx)) {
    auto f = std::make_unique<LabelFilterStage>();
    f->filter = Filter(c->labelFilter());
    stage = std::move(f);
  } else if (auto* c = dynamic_cast<P::LineFormatContext*>(ctx)) {
    auto f = std::make_unique<LineFormatStage>();
    f->template_text = Info(c->STRING()).value;
    stage = std::move(f);
  } else if (auto* c = dynamic_cast<P::LabelFormatStageContext*>(ctx)) {
    auto f = std::make_unique<LabelFormatStage>();
    for (auto* lf : c->labelFormat()) {
      LabelFormat format;
      format.name = lf->IDENTIFIER(0)->getText();
      format.rename = lf->STRING() == nullptr;
      format.value = format.rename ? lf->IDENTIFIER(1)->getText() : Info(lf->STRING()).value;
      format.pos = Pos(lf);
      f->formats.push_back(std::move(format));
    }
    stage = std::move(f);
  } else if (auto* c = dynamic_cast<P::LabelListContext*>(ctx)) {
    auto l = std::make_unique<LabelListStage>(c->DROP() ? StageKind::Drop : StageKind::Keep);
    for (auto* n : c->namedLabel()) {
      NamedLabel label;
      if (n->matcher()) {
        label.matcher = Matcher(n->matcher());
        label.name = label.matcher->name;
      } else {
        label.name = n->IDENTIFIER()->getText();
      }
      label.pos = Pos(n);
      l->labels.push_back(std::move(label));
    }
    stage = std::move(l);
  } else {
    stage = std::make_unique<DecolorizeStage>();
  }
  stage->pos = Pos(ctx);
  return stage;
}

double Builder::Literal(P::LiteralContext* ctx) {
  std::string error;
  std::optional<double> value = ParseFloat(ctx->NUMBER()->getText(), &error);
  if (!value) Fail("unable to parse literal as a float: " + error);
  return ctx->SUB() ? -*value : *value;
}

LabelFilterPtr Builder::Filter(P::LabelFilterContext* ctx) {
  using Kind = LabelFilter::Kind;
  LabelFilterPtr f;
  if (auto* c = dynamic_cast<P::ParenFilterContext*>(ctx)) return Filter(c->labelFilter());
  if (auto* c = dynamic_cast<P::StringFilterContext*>(ctx)) {
    f = std::make_unique<LabelFilter>(Kind::String);
    f->matcher = Matcher(c->matcher());
    f->name = f->matcher.name;
  } else if (auto* c = dynamic_cast<P::IpFilterContext*>(ctx)) {
    f = std::make_unique<LabelFilter>(Kind::Ip);
    f->name = c->IDENTIFIER()->getText();
    f->op = CompareOf(c->op->getType());
    f->ip_pattern = Info(c->STRING()).value;
  } else if (auto* c = dynamic_cast<P::UnitFilterContext*>(ctx)) {
    const bool duration = c->value->getType() == P::DURATION;
    f = std::make_unique<LabelFilter>(duration ? Kind::Duration : Kind::Bytes);
    f->name = c->IDENTIFIER()->getText();
    f->op = CompareOf(c->op->getType());
    const TokenInfo& info = source_.Info(*c->value);
    f->duration_ns = info.duration_ns;
    f->bytes = info.bytes;
  } else if (auto* c = dynamic_cast<P::NumberFilterContext*>(ctx)) {
    f = std::make_unique<LabelFilter>(Kind::Number);
    f->name = c->IDENTIFIER()->getText();
    f->op = CompareOf(c->op->getType());
    f->number = Literal(c->literal());
  } else if (auto* c = dynamic_cast<P::AndFilterContext*>(ctx)) {
    f = std::make_unique<LabelFilter>(Kind::And);
    f->lhs = Filter(c->labelFilter(0));
    f->rhs = Filter(c->labelFilter(1));
  } else {
    auto* o = static_cast<P::OrFilterContext*>(ctx);
    f = std::make_unique<LabelFilter>(Kind::Or);
    f->lhs = Filter(o->labelFilter(0));
    f->rhs = Filter(o->labelFilter(1));
  }
  f->pos = Pos(ctx);
  return f;
}

}  // namespace

ExprPtr BuildTree(P::RootContext* root, antlr4::TokenStream& tokens, const TokenSource& source) {
  return Builder(tokens, source).Expr(root->expr());
}

}  // namespace monc::logql
