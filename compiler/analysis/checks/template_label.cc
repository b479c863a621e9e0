// promql/template-label: an alert's annotation or label template reads a
// label the expression's result cannot carry. Prometheus fills `$labels`
// (and `.Labels`) with the labels of each series the expression returns,
// not with the rule's own labels, so such a template prints nothing.
//
// The reporter takes places in the expression only, so this reports at the
// whole expression and quotes the template.
#include <algorithm>

#include "compiler/analysis/checks/checks.h"

namespace monc::checks {
namespace {

using namespace promql;

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The words of a template action: names, fields and quoted strings, split
// at spaces, parentheses, pipes and commas.
std::vector<std::string_view> Words(std::string_view body) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')' || c == '|' || c == ',') {
      ++i;
      continue;
    }
    size_t start = i;
    if (c == '"' || c == '`') {
      for (++i; i < body.size() && body[i] != c; ++i) {
        if (c == '"' && body[i] == '\\') ++i;
      }
      out.push_back(body.substr(start, std::min(i + 1, body.size()) - start));
      ++i;
      continue;
    }
    while (i < body.size() &&
           std::string_view(" \t\n()|,").find(body[i]) == std::string_view::npos) {
      ++i;
    }
    out.push_back(body.substr(start, i - start));
  }
  return out;
}

// The label `word` names as a field of the alert's labels, if it does.
std::string_view Field(std::string_view word, std::string_view prefix) {
  if (word.substr(0, prefix.size()) != prefix) return "";
  std::string_view rest = word.substr(prefix.size());
  size_t n = 0;
  while (n < rest.size() && IsIdentChar(rest[n])) ++n;
  return rest.substr(0, n);
}

struct LabelUse {
  std::string label;
  std::string action;  // the {{ ... }} that reads it
};

// The alert labels a Go template reads: $labels.x, .Labels.x and
// index $labels "x". Inside range and with blocks `.` is something else (a
// query's result), so `.Labels` there is not the alert's; after `$labels`
// is assigned anew it is not either.
std::vector<LabelUse> AlertLabelUses(std::string_view text) {
  std::vector<LabelUse> out;
  std::vector<bool> blocks;  // open blocks; true for those that rebind `.`
  bool reassigned = false;
  for (size_t pos = text.find("{{"); pos != std::string_view::npos; pos = text.find("{{", pos)) {
    size_t end = text.find("}}", pos + 2);
    if (end == std::string_view::npos) break;
    std::string_view action = text.substr(pos, end + 2 - pos);
    std::string_view body = text.substr(pos + 2, end - pos - 2);
    pos = end + 2;
    std::vector<std::string_view> words = Words(body);
    if (!words.empty() && words.front() == "-") words.erase(words.begin());
    if (!words.empty() && words.back() == "-") words.pop_back();
    if (words.empty()) continue;
    bool dot_is_alert = std::find(blocks.begin(), blocks.end(), true) == blocks.end();
    auto use = [&](std::string_view label) {
      if (!label.empty()) out.push_back({std::string(label), std::string(action)});
    };
    for (size_t i = 0; i < words.size(); ++i) {
      if ((words[i] == "$labels" || words[i] == "$labels.") && i + 1 < words.size() &&
          (words[i + 1] == ":=" || words[i + 1] == "=")) {
        reassigned = true;
      }
      if (!reassigned) use(Field(words[i], "$labels."));
      if (dot_is_alert) use(Field(words[i], ".Labels."));
      bool labels_map =
          (!reassigned && words[i] == "$labels") || (dot_is_alert && words[i] == ".Labels");
      if (i > 0 && words[i - 1] == "index" && labels_map && i + 1 < words.size() &&
          words[i + 1].size() >= 2 && words[i + 1].front() == '"') {
        use(words[i + 1].substr(1, words[i + 1].size() - 2));
      }
    }
    std::string_view keyword = words.front();
    if (keyword == "range" || keyword == "with") {
      blocks.push_back(true);
    } else if (keyword == "if" || keyword == "define" || keyword == "block") {
      blocks.push_back(false);
    } else if (keyword == "end" && !blocks.empty()) {
      blocks.pop_back();
    }
  }
  return out;
}

}  // namespace

void TemplateLabel(const Expr& root, Context& context, ExprReporter& reporter) {
  const model::Rule* rule = context.expr.rule;
  if (!rule || rule->kind != model::Rule::Kind::Alert) return;
  const PossibleLabels& result = context.labels.Of(root);
  if (result.open) return;
  std::vector<std::pair<std::string, const std::string*>> templates;
  for (const auto& [key, value] : rule->annotations)
    templates.push_back({"annotation '" + key + "'", &value});
  for (const auto& [key, value] : rule->labels)
    templates.push_back({"label '" + key + "'", &value});
  for (const auto& [where, text] : templates) {
    std::set<std::string> seen;
    for (const LabelUse& u : AlertLabelUses(*text)) {
      if (result.MayCarry(u.label) || !seen.insert(u.label).second) continue;
      Diagnostic& d = reporter.Report(Code::PromqlTemplateLabel, root.pos,
                                      "template '" + u.action + "' in " + where + " reads label '" +
                                          u.label + "', which the expression does not return");
      d.label = "$labels holds the labels of the series this expression returns";
      SuggestLabel(d, u.label, result.names);
      d.notes.push_back({"the expression returns " + QuotedLabels(result.names), {}});
      if (rule->labels.count(u.label)) {
        d.notes.push_back({"'" + u.label +
                               "' is a label of the rule, which $labels does not "
                               "include: write its value instead",
                           {}});
      }
    }
  }
}

}  // namespace monc::checks
