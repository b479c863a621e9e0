// label_replace and label_join, with Prometheus's argument checks and
// messages. Both keep __name__ (label_replace may even set it).
#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "runtime/engine/functions_internal.h"

namespace monc::runtime::functions {
namespace {

// Prometheus's model.LabelName.IsValid: [a-zA-Z_][a-zA-Z0-9_]*.
bool IsValidLabelName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char b = name[i];
    const bool ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' ||
                    (b >= '0' && b <= '9' && i > 0);
    if (!ok) return false;
  }
  return true;
}

bool IsNameByte(char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';
}

// The group `name` refers to in a template, or -1: a number (no leading
// zero) is an index, anything else a group name.
int GroupIndex(const RE2& re, std::string_view name) {
  if (name.size() > 1 && name[0] == '0') return -1;
  int num = 0;
  bool numeric = true;
  for (char b : name) {
    if (b < '0' || b > '9' || num >= 100'000'000) {
      numeric = false;
      break;
    }
    num = num * 10 + (b - '0');
  }
  if (numeric) return num;
  const auto& named = re.NamedCapturingGroups();
  auto it = named.find(std::string(name));
  return it == named.end() ? -1 : it->second;
}

// Go's Regexp.ExpandString: $1, ${1}, $name and ${name} become the groups'
// text (empty when absent or unmatched), $$ a '$'; a '$' not followed by a
// name stays as it is. A name is the longest run of [a-zA-Z0-9_], so "$1x"
// names the group "1x". (Go also reads Unicode letters and digits in names;
// only ASCII ones are read here.)
std::string Expand(const RE2& re, std::string_view tmpl,
                   const std::vector<re2::StringPiece>& groups) {
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t dollar = tmpl.find('$', i);
    if (dollar == std::string_view::npos) break;
    out.append(tmpl.substr(i, dollar - i));
    i = dollar + 1;
    if (i < tmpl.size() && tmpl[i] == '$') {
      out.push_back('$');
      ++i;
      continue;
    }
    const bool brace = i < tmpl.size() && tmpl[i] == '{';
    size_t end = i + brace;
    while (end < tmpl.size() && IsNameByte(tmpl[end])) ++end;
    const std::string_view name = tmpl.substr(i + brace, end - i - brace);
    if (name.empty() || (brace && (end >= tmpl.size() || tmpl[end] != '}'))) {
      out.push_back('$');  // malformed: the '$' is literal text
      continue;
    }
    i = end + brace;
    const int group = GroupIndex(re, name);
    if (group >= 0 && static_cast<size_t>(group) < groups.size() &&
        groups[group].data() != nullptr) {
      out.append(groups[group].data(), groups[group].size());
    }
  }
  out.append(tmpl.substr(i));
  return out;
}

}  // namespace

Vector LabelReplace(const FunctionCall& call, std::string& error) {
  const Vector& in = VectorArg(call, 0);
  const std::string& dst = StringArg(call, 1);
  const std::string& replacement = StringArg(call, 2);
  const std::string& src = StringArg(call, 3);
  const std::string& regex = StringArg(call, 4);

  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re("^(?:" + regex + ")$", options);
  if (!re.ok()) {
    error = "invalid regular expression in label_replace(): " + regex;
    return {};
  }
  if (!IsValidLabelName(dst)) {
    error = "invalid destination label name in label_replace(): " + dst;
    return {};
  }

  std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  Vector out;
  out.reserve(in.size());
  for (const VectorElement& el : in) {
    const std::string_view value = el.labels.Get(src);
    if (!re.Match(re2::StringPiece(value.data(), value.size()), 0, value.size(), RE2::UNANCHORED,
                  groups.data(), static_cast<int>(groups.size()))) {
      out.push_back({el.labels, call.t, el.v});
      continue;
    }
    // An empty result deletes the destination label.
    const std::string result = Expand(re, replacement, groups);
    out.push_back({LabelsBuilder(el.labels).Set(dst, result).Build(), call.t, el.v});
  }
  return out;
}

Vector LabelJoin(const FunctionCall& call, std::string& error) {
  const Vector& in = VectorArg(call, 0);
  const std::string& dst = StringArg(call, 1);
  const std::string& separator = StringArg(call, 2);
  std::vector<std::string_view> sources;
  for (size_t i = 3; i < call.args.size(); ++i) {
    const std::string& src = StringArg(call, i);
    if (!IsValidLabelName(src)) {
      error = "invalid source label name in label_join(): " + src;
      return {};
    }
    sources.push_back(src);
  }
  if (!IsValidLabelName(dst)) {
    error = "invalid destination label name in label_join(): " + dst;
    return {};
  }

  Vector out;
  out.reserve(in.size());
  for (const VectorElement& el : in) {
    std::string joined;
    for (size_t i = 0; i < sources.size(); ++i) {
      if (i > 0) joined += separator;
      joined += el.labels.Get(sources[i]);
    }
    out.push_back({LabelsBuilder(el.labels).Set(dst, joined).Build(), call.t, el.v});
  }
  return out;
}

}  // namespace monc::runtime::functions
