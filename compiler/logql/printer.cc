// Print(): the canonical text of a LogQL tree, close to Loki's String():
// label filters combined with `and`/`or` and nested binary operations in
// parentheses, strings quoted the Go way, byte sizes in bytes; parsing the
// text gives back the same tree.
#include <string>

#include "compiler/logql/ast.h"
#include "compiler/promql/go_strconv.h"

namespace monc::logql {
namespace {

namespace go = promql::go;

std::string Quote(const std::string& s) { return go::Quote(s); }

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::string MatchOp(MatchType t) {
  switch (t) {
    case MatchType::Equal: return "=";
    case MatchType::NotEqual: return "!=";
    case MatchType::Regex: return "=~";
    case MatchType::NotRegex: return "!~";
  }
  return "=";
}

std::string CompareText(CompareOp op) {
  switch (op) {
    case CompareOp::Equal: return "==";
    case CompareOp::NotEqual: return "!=";
    case CompareOp::Greater: return ">";
    case CompareOp::GreaterEqual: return ">=";
    case CompareOp::Less: return "<";
    case CompareOp::LessEqual: return "<=";
  }
  return "==";
}

std::string Matcher(const LabelMatcher& m) { return m.name + MatchOp(m.type) + Quote(m.value); }

// Go's time.Duration.String(): 1h2m3.5s, 250ms, 1.5µs, 0s.
std::string GoDuration(int64_t ns) {
  if (ns == 0) return "0s";
  std::string sign = ns < 0 ? "-" : "";
  uint64_t u = ns < 0 ? static_cast<uint64_t>(-(ns + 1)) + 1 : static_cast<uint64_t>(ns);
  auto fraction = [](uint64_t v, int digits) {
    std::string s = std::to_string(v);
    s = std::string(digits - s.size(), '0') + s;
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s.empty() ? "" : "." + s;
  };
  if (u < 1000000000ULL) {
    if (u < 1000) return sign + std::to_string(u) + "ns";
    if (u < 1000000) return sign + std::to_string(u / 1000) + fraction(u % 1000, 3) + "\xC2\xB5s";
    return sign + std::to_string(u / 1000000) + fraction(u % 1000000, 6) + "ms";
  }
  std::string out = std::to_string(u / 1000000000ULL % 60) + fraction(u % 1000000000ULL, 9) + "s";
  const uint64_t minutes = u / 60000000000ULL;
  if (minutes > 0) {
    out = std::to_string(minutes % 60) + "m" + out;
    if (minutes >= 60) out = std::to_string(minutes / 60) + "h" + out;
  }
  return sign + out;
}

// A range or offset: whole milliseconds as Prometheus writes them.
std::string RangeDuration(int64_t ns) {
  if (ns % 1000000 != 0) return GoDuration(ns);
  return ns < 0 ? "-" + promql::FormatDuration(-ns / 1000000) : promql::FormatDuration(ns / 1000000);
}

std::string Filter(const LabelFilter& f) {
  using Kind = LabelFilter::Kind;
  switch (f.kind) {
    case Kind::And: return "( " + Filter(*f.lhs) + " and " + Filter(*f.rhs) + " )";
    case Kind::Or: return "( " + Filter(*f.lhs) + " or " + Filter(*f.rhs) + " )";
    case Kind::String: return Matcher(f.matcher);
    case Kind::Number: return f.name + CompareText(f.op) + go::FormatFloat(f.number);
    case Kind::Duration: return f.name + CompareText(f.op) + GoDuration(f.duration_ns);
    case Kind::Bytes: return f.name + CompareText(f.op) + std::to_string(f.bytes) + "B";
    case Kind::Ip:
      return f.name + (f.op == CompareOp::NotEqual ? "!=" : "=") + "ip(" + Quote(f.ip_pattern) + ")";
  }
  return "";
}

std::string Extractions(const std::vector<LabelExtraction>& list) {
  std::vector<std::string> items;
  for (const auto& e : list) items.push_back(e.expression ? e.label + "=" + Quote(*e.expression) : e.label);
  return items.empty() ? "" : " " + Join(items, ", ");
}

std::string StageText(const Stage& stage) {
  switch (stage.kind) {
    case StageKind::LineFilter: {
      const auto& f = static_cast<const LineFilterStage&>(stage);
      std::vector<std::string> items;
      for (const auto& m : f.alternatives) items.push_back(m.ip ? "ip(" + Quote(m.value) + ")" : Quote(m.value));
      return std::string(Info(f.op).text) + " " + Join(items, " or ");
    }
    case StageKind::Parser: {
      const auto& p = static_cast<const ParserStage&>(stage);
      std::string out = "| " + std::string(Info(p.parser).name);
      for (const auto& flag : p.flags) out += " " + flag;
      if (Info(p.parser).argument == ParserInfo::Argument::String) out += " " + Quote(p.argument);
      return out + Extractions(p.extractions);
    }
    case StageKind::LabelFilter:
      return "| " + Filter(*static_cast<const LabelFilterStage&>(stage).filter);
    case StageKind::LineFormat:
      return "| line_format " + Quote(static_cast<const LineFormatStage&>(stage).template_text);
    case StageKind::LabelFormat: {
      std::vector<std::string> items;
      for (const auto& f : static_cast<const LabelFormatStage&>(stage).formats) {
        items.push_back(f.name + "=" + (f.rename ? f.value : Quote(f.value)));
      }
      return "| label_format " + Join(items, ", ");
    }
    case StageKind::Drop:
    case StageKind::Keep: {
      std::vector<std::string> items;
      for (const auto& l : static_cast<const LabelListStage&>(stage).labels) {
        items.push_back(l.matcher ? Matcher(*l.matcher) : l.name);
      }
      return std::string(stage.kind == StageKind::Drop ? "| drop " : "| keep ") + Join(items, ", ");
    }
    case StageKind::Decolorize:
      return "| decolorize";
    case StageKind::Distinct:
      return "| distinct " + Join(static_cast<const DistinctStage&>(stage).labels, ", ");
  }
  return "";
}

std::string Log(const LogSelector& log) {
  std::vector<std::string> matchers;
  for (const auto& m : log.matchers) matchers.push_back(Matcher(m));
  std::string out = "{" + Join(matchers, ", ") + "}";
  for (const auto& stage : log.stages) out += " " + StageText(*stage);
  return out;
}

std::string GroupingText(const std::optional<Grouping>& g) {
  if (!g) return "";
  return std::string(g->without ? " without (" : " by (") + Join(g->labels, ", ") + ")";
}

std::string Labels(const std::vector<std::string>& labels) { return "(" + Join(labels, ", ") + ")"; }

std::string Text(const Expr& expr);

// Nested binary operations keep their shape through parentheses.
std::string Operand(const Expr& e) {
  return e.kind == NodeKind::Binary ? "(" + Text(e) + ")" : Text(e);
}

std::string Text(const Expr& expr) {
  switch (expr.kind) {
    case NodeKind::LogSelector:
      return Log(static_cast<const LogSelector&>(expr));
    case NodeKind::RangeAggregation: {
      const auto& r = static_cast<const RangeAggregation&>(expr);
      std::string out = std::string(r.op->name) + "(";
      if (r.param) out += go::FormatFloat(*r.param) + ", ";
      out += Log(*r.range.selector);
      if (r.range.unwrap) {
        const Unwrap& u = *r.range.unwrap;
        const std::string_view conv = ConversionName(u.conversion);
        out += " | unwrap " + (conv.empty() ? u.label : std::string(conv) + "(" + u.label + ")");
        for (const auto& f : u.post_filters) out += " | " + Filter(*f);
      }
      out += " [" + RangeDuration(r.range.range_ns) + "]";
      if (r.range.offset_ns != 0) out += " offset " + RangeDuration(r.range.offset_ns);
      return out + ")" + GroupingText(r.grouping);
    }
    case NodeKind::VectorAggregation: {
      const auto& v = static_cast<const VectorAggregation&>(expr);
      std::string out = std::string(v.op->name) + GroupingText(v.grouping) + (v.grouping ? " (" : "(");
      if (v.param) out += go::FormatFloat(*v.param) + ", ";
      return out + Text(*v.expr) + ")";
    }
    case NodeKind::Binary: {
      const auto& b = static_cast<const Binary&>(expr);
      std::string op = " " + std::string(promql::Info(b.op).text);
      if (b.return_bool) op += " bool";
      if (b.matching) {
        op += (b.matching->on ? " on" : " ignoring") + Labels(b.matching->matching_labels);
        if (b.matching->card == VectorMatching::Card::ManyToOne) op += " group_left" + Labels(b.matching->include);
        if (b.matching->card == VectorMatching::Card::OneToMany) op += " group_right" + Labels(b.matching->include);
      }
      return Operand(*b.lhs) + op + " " + Operand(*b.rhs);
    }
    case NodeKind::Literal:
      return go::FormatFloat(static_cast<const Literal&>(expr).value);
    case NodeKind::LabelReplace: {
      const auto& l = static_cast<const LabelReplace&>(expr);
      return "label_replace(" + Text(*l.expr) + ", " + Quote(l.dst) + ", " + Quote(l.replacement) +
             ", " + Quote(l.src) + ", " + Quote(l.regex) + ")";
    }
    case NodeKind::Vector:
      return "vector(" + go::FormatFloat(static_cast<const Vector&>(expr).value) + ")";
    case NodeKind::Variants: {
      const auto& v = static_cast<const Variants&>(expr);
      std::vector<std::string> items;
      for (const auto& e : v.variants) items.push_back(Text(*e));
      return "variants(" + Join(items, ", ") + ") of (" + Log(*v.of) + ")";
    }
  }
  return "";
}

}  // namespace

std::string Print(const Expr& expr) { return Text(expr); }

}  // namespace monc::logql
