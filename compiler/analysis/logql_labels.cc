#include "compiler/analysis/logql_labels.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "compiler/diag/did_you_mean.h"

namespace monc {
namespace {

using logql::PosRange;
using Format = model::LogFormat::Format;

// What the lines or samples at one point of a query may carry, and the
// services whose declarations say so. Absent: not judged.
struct Scope {
  std::set<std::string> labels;
  std::vector<const model::Service*> services;
};
using MaybeScope = std::optional<Scope>;

// Loki sets these on any line a stage fails on.
constexpr const char* kErrorLabels[] = {"__error__", "__error_details__"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The names `<name>` of a pattern (`<_>` captures nothing).
std::vector<std::string> PatternCaptures(const std::string& pattern) {
  std::vector<std::string> out;
  for (size_t open = pattern.find('<'); open != std::string::npos;
       open = pattern.find('<', open + 1)) {
    size_t close = open + 1;
    while (close < pattern.size() && IsWordChar(pattern[close])) ++close;
    if (close < pattern.size() && pattern[close] == '>' && close > open + 1) {
      std::string name = pattern.substr(open + 1, close - open - 1);
      if (name != "_") out.push_back(name);
    }
  }
  return out;
}

class LabelChecker {
 public:
  LabelChecker(std::string_view text, const model::System& system, ExprReporter& reporter)
      : text_(text), system_(system), reporter_(reporter) {}

  // Checks `expr` and returns what its result carries.
  MaybeScope Result(const logql::Expr& expr) {
    switch (expr.kind) {
      case logql::NodeKind::LogSelector:
        return Pipeline(static_cast<const logql::LogSelector&>(expr));
      case logql::NodeKind::RangeAggregation: {
        const auto& r = static_cast<const logql::RangeAggregation&>(expr);
        MaybeScope in = Pipeline(*r.range.selector);
        if (in && r.range.unwrap) {
          const logql::Unwrap& unwrap = *r.range.unwrap;
          Need(unwrap.label, NameAt(unwrap.label, unwrap.pos), *in);
          for (const logql::LabelFilterPtr& f : unwrap.post_filters) Filter(*f, *in);
        }
        return Grouped(r.grouping, std::move(in));
      }
      case logql::NodeKind::VectorAggregation: {
        const auto& v = static_cast<const logql::VectorAggregation&>(expr);
        MaybeScope in = Result(*v.expr);
        if (v.grouping) return Grouped(v.grouping, std::move(in));
        // topk, bottomk and sort pick series and keep their labels; the
        // others aggregate everything into one series without labels.
        bool picks = v.op->param != logql::Takes::Forbidden || !v.op->grouping;
        if (picks || !in) return in;
        return Scope{{}, in->services};
      }
      case logql::NodeKind::Binary: {
        const auto& b = static_cast<const logql::Binary&>(expr);
        MaybeScope lhs = Result(*b.lhs), rhs = Result(*b.rhs);
        if (!lhs || !rhs) return std::nullopt;
        lhs->labels.insert(rhs->labels.begin(), rhs->labels.end());
        lhs->services.insert(lhs->services.end(), rhs->services.begin(), rhs->services.end());
        return lhs;
      }
      case logql::NodeKind::Literal:
      case logql::NodeKind::Vector:
        return Scope{};
      case logql::NodeKind::LabelReplace: {
        const auto& l = static_cast<const logql::LabelReplace&>(expr);
        MaybeScope in = Result(*l.expr);
        if (in) in->labels.insert(l.dst);
        return in;
      }
      case logql::NodeKind::Variants:
        return std::nullopt;
    }
    return std::nullopt;
  }

 private:
  // The services whose declared streams the selector's equality matchers
  // pick out (one shared label value, none contradicted) and the labels
  // their streams carry; absent when no service is picked out.
  MaybeScope Streams(const logql::LogSelector& selector) const {
    Scope scope;
    for (const model::Service& service : system_.services) {
      if (!service.logs) continue;
      bool shares = false, contradicts = false;
      for (const logql::LabelMatcher& m : selector.matchers) {
        auto it = service.logs->stream.find(m.name);
        if (m.type != logql::MatchType::Equal || it == service.logs->stream.end()) continue;
        (it->second == m.value ? shares : contradicts) = true;
      }
      if (!shares || contradicts) continue;
      scope.services.push_back(&service);
      for (const auto& [name, value] : service.logs->stream) scope.labels.insert(name);
      scope.labels.insert(service.logs->labels.begin(), service.logs->labels.end());
    }
    if (scope.services.empty()) return std::nullopt;
    for (const logql::LabelMatcher& m : selector.matchers) scope.labels.insert(m.name);
    for (const char* label : kErrorLabels) scope.labels.insert(label);
    return scope;
  }

  MaybeScope Pipeline(const logql::LogSelector& selector) {
    MaybeScope scope = Streams(selector);
    for (const logql::StagePtr& stage : selector.stages) {
      if (!scope) return std::nullopt;
      switch (stage->kind) {
        case logql::StageKind::LineFilter:
          break;
        case logql::StageKind::Parser:
          scope = Parsed(static_cast<const logql::ParserStage&>(*stage), std::move(*scope));
          break;
        case logql::StageKind::LabelFilter:
          Filter(*static_cast<const logql::LabelFilterStage&>(*stage).filter, *scope);
          break;
        case logql::StageKind::LineFormat:
          break;
        case logql::StageKind::LabelFormat:
          for (const logql::LabelFormat& f :
               static_cast<const logql::LabelFormatStage&>(*stage).formats) {
            scope->labels.insert(f.name);
          }
          break;
        case logql::StageKind::Drop:
        case logql::StageKind::Keep:
        case logql::StageKind::Decolorize:
        case logql::StageKind::Distinct:
          break;
      }
    }
    return scope;
  }

  // The labels a parser stage adds: its extractions, or the fields the
  // services declare for its format. A service of another declared format
  // gives it nothing to extract (Loki sets __error__).
  MaybeScope Parsed(const logql::ParserStage& stage, Scope scope) const {
    switch (stage.parser) {
      case logql::ParserKind::Json:
      case logql::ParserKind::Logfmt: {
        if (!stage.extractions.empty()) {
          for (const logql::LabelExtraction& e : stage.extractions) scope.labels.insert(e.label);
          return scope;
        }
        Format want = stage.parser == logql::ParserKind::Json ? Format::Json : Format::Logfmt;
        for (const model::Service* service : scope.services) {
          const model::LogFormat& logs = *service->logs;
          if (logs.format == Format::Undeclared) return std::nullopt;
          if (logs.format != want) continue;
          if (logs.fields.empty()) return std::nullopt;
          scope.labels.insert(logs.fields.begin(), logs.fields.end());
        }
        return scope;
      }
      case logql::ParserKind::Pattern:
        for (const std::string& name : PatternCaptures(stage.argument)) scope.labels.insert(name);
        return scope;
      case logql::ParserKind::Regexp: {
        RE2 re(stage.argument, RE2::Quiet);
        for (const auto& [name, index] : re.NamedCapturingGroups()) scope.labels.insert(name);
        return scope;
      }
      case logql::ParserKind::Unpack:
        return std::nullopt;
    }
    return std::nullopt;
  }

  void Filter(const logql::LabelFilter& filter, const Scope& scope) {
    switch (filter.kind) {
      case logql::LabelFilter::Kind::And:
      case logql::LabelFilter::Kind::Or:
        Filter(*filter.lhs, scope);
        Filter(*filter.rhs, scope);
        return;
      case logql::LabelFilter::Kind::String:
        Need(filter.matcher.name, NameAt(filter.matcher.name, filter.pos), scope);
        return;
      case logql::LabelFilter::Kind::Number:
      case logql::LabelFilter::Kind::Duration:
      case logql::LabelFilter::Kind::Bytes:
      case logql::LabelFilter::Kind::Ip:
        Need(filter.name, NameAt(filter.name, filter.pos), scope);
        return;
    }
  }

  // `by` must name labels of its input; `without` and no grouping keep them.
  MaybeScope Grouped(const std::optional<logql::Grouping>& grouping, MaybeScope in) {
    if (!grouping || !in) return in;
    if (grouping->without) {
      for (const std::string& l : grouping->labels) in->labels.erase(l);
      return in;
    }
    for (const std::string& l : grouping->labels) Need(l, NameAt(l, grouping->pos), *in);
    in->labels = std::set<std::string>(grouping->labels.begin(), grouping->labels.end());
    return in;
  }

  void Need(const std::string& label, PosRange where, const Scope& scope) {
    if (scope.labels.count(label)) return;
    Diagnostic& d = reporter_.Report(
        Code::LogqlUnknownLabel, where,
        "no stream label or extracted field of this query is named '" + label + "'");
    d.label = "the streams and the stages before this do not produce it";
    std::vector<std::string> known;
    for (const std::string& l : scope.labels) {
      if (l.rfind("__", 0) != 0) known.push_back(l);
    }
    if (auto s = DidYouMean(label, known)) {
      d.notes.push_back({"did you mean '" + *s + "'?", {}});
      if (d.primary.valid()) d.fix = FixIt{d.primary, *s};
    }
    for (const model::Service* service : scope.services) {
      d.notes.push_back(
          {"service '" + service->name.name + "' declares its logs here", service->logs->span});
    }
  }

  // Where `name` is written as a whole word inside `range`, else the range.
  PosRange NameAt(const std::string& name, PosRange range) const {
    std::string_view t = text_.substr(0, std::min<size_t>(range.end, text_.size()));
    for (size_t at = t.find(name, range.begin); at != std::string_view::npos;
         at = t.find(name, at + 1)) {
      bool starts = at == 0 || !IsWordChar(t[at - 1]);
      bool ends = at + name.size() >= t.size() || !IsWordChar(t[at + name.size()]);
      if (starts && ends) {
        return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
      }
    }
    return range;
  }

  std::string_view text_;
  const model::System& system_;
  ExprReporter& reporter_;
};

}  // namespace

void CheckLogqlLabels(const logql::Expr& expr, std::string_view text, const model::System& system,
                      ExprReporter& reporter) {
  LabelChecker(text, system, reporter).Result(expr);
}

}  // namespace monc
