// The test language's parser: commands and their blocks as Prometheus's
// promql/test.go reads them; label sets through the PromQL parser, so that
// names and quoted values read exactly as in a selector.
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "compiler/promql/go_duration.h"
#include "compiler/promql/go_strconv.h"
#include "compiler/promql/parse.h"
#include "runtime/testlang/testlang.h"

namespace monc::runtime::testlang {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The first whitespace-separated word of `s`, removed from it.
std::string_view NextWord(std::string_view& s) {
  s = Trim(s);
  size_t end = 0;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
  std::string_view word = s.substr(0, end);
  s = Trim(s.substr(end));
  return word;
}

// test.go's parseNumber: an integer in Go's base-prefixed syntax, else a
// float as strconv.ParseFloat reads it.
std::optional<double> ParseNumber(std::string_view s) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front()))) return std::nullopt;
  const std::string str(s);
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(str.c_str(), &end, 0);
  if (end == str.c_str() + str.size() && errno == 0) return static_cast<double>(n);
  std::string reason;
  return promql::go::ParseFloat(s, &reason);
}

// A series value at the start of `s` ([+-] number, Inf or NaN), consumed:
// the lexer of series descriptions reads no hex, so `0x5` is 0 five times.
std::optional<double> TakeValue(std::string_view& s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const size_t body = i;
  for (std::string_view word : {"inf", "nan"}) {
    if (s.size() - body >= 3 && EqualFold(s.substr(body, 3), word)) {
      i = body + 3;
      auto v = ParseNumber(s.substr(0, i));
      s.remove_prefix(i);
      return v;
    }
  }
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i == body) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    size_t digits = j;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j > digits) i = j;
  }
  auto v = ParseNumber(s.substr(0, i));
  s.remove_prefix(i);
  return v;
}

std::optional<int64_t> TakeCount(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int64_t n = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// One word of a series description: its values, nullopt for `_`.
bool ExpandWord(std::string_view w, std::vector<std::optional<double>>& out) {
  if (w == "_") {
    out.push_back(std::nullopt);
    return true;
  }
  if (w.size() > 2 && w.substr(0, 2) == "_x") {
    auto n = TakeCount(w.substr(2));
    if (!n) return false;
    out.insert(out.end(), static_cast<size_t>(*n), std::nullopt);
    return true;
  }
  if (w == "stale") {
    out.push_back(StaleNaN());
    return true;
  }
  std::optional<double> start = TakeValue(w);
  if (!start) return false;
  if (w.empty()) {
    out.push_back(*start);
    return true;
  }
  double delta = 0;
  if (w.front() == '+' || w.front() == '-') {
    const bool down = w.front() == '-';
    w.remove_prefix(1);
    std::optional<double> d = TakeValue(w);
    if (!d) return false;
    delta = down ? -*d : *d;
  }
  if (w.empty() || (w.front() != 'x' && w.front() != 'X')) return false;
  auto n = TakeCount(w.substr(1));
  if (!n) return false;
  // Prometheus adds the step to a running value (not start + i * step).
  double v = *start;
  for (int64_t i = 0; i <= *n; ++i) {
    out.push_back(v);
    v += delta;
  }
  return true;
}

// `name{labels}` or `{labels}` at the start of `line`, and what follows.
std::optional<Labels> TakeLabels(std::string_view& line, std::string& error) {
  size_t i = 0;
  while (i < line.size() && line[i] != '{' && !std::isspace(static_cast<unsigned char>(line[i]))) {
    ++i;
  }
  if (i < line.size() && line[i] == '{') {
    char quote = 0;
    for (++i; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (c == '\\' && quote != '`') {
          ++i;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '}') {
        ++i;
        break;
      }
    }
  }
  const std::string_view desc = line.substr(0, i);
  promql::ParseResult parsed = promql::Parse(desc);
  if (!parsed.errors.empty() || parsed.expr->kind != promql::NodeKind::VectorSelector) {
    error = "invalid series description '" + std::string(desc) + "'" +
            (parsed.errors.empty() ? "" : ": " + parsed.errors.front().message);
    return std::nullopt;
  }
  std::vector<Label> labels;
  for (const promql::LabelMatcher& m :
       static_cast<const promql::VectorSelector&>(*parsed.expr).matchers) {
    if (m.type != promql::MatchType::Equal) {
      error = "a series description takes only '=' matchers: '" + std::string(desc) + "'";
      return std::nullopt;
    }
    labels.push_back({m.name, m.value});
  }
  line = Trim(line.substr(i));
  return Labels::FromUnsorted(std::move(labels));
}

struct SeriesDesc {
  Labels labels;
  std::vector<std::optional<double>> values;
};

std::optional<SeriesDesc> ParseSeriesDesc(std::string_view line, std::string& error) {
  SeriesDesc desc;
  std::optional<Labels> labels = TakeLabels(line, error);
  if (!labels) return std::nullopt;
  desc.labels = std::move(*labels);
  while (!line.empty()) {
    std::string_view w = NextWord(line);
    if (!ExpandWord(w, desc.values)) {
      error = "invalid series value '" + std::string(w) + "'";
      return std::nullopt;
    }
  }
  return desc;
}

class Parser {
 public:
  explicit Parser(std::string_view text) {
    while (!text.empty()) {
      size_t nl = text.find('\n');
      std::string_view l = Trim(text.substr(0, nl));
      lines_.push_back(!l.empty() && l.front() == '#' ? std::string_view() : l);
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
  }

  TestFile Parse() {
    for (i_ = 0; i_ < lines_.size(); ++i_) {
      std::string_view rest = lines_[i_];
      if (rest.empty()) continue;
      std::string_view word = NextWord(rest);
      if (EqualFold(word, "clear")) {
        file_.commands.push_back(ClearCommand{});
      } else if (EqualFold(word, "load")) {
        ParseLoad(rest);
      } else if (word.size() >= 4 && EqualFold(word.substr(0, 4), "eval")) {
        ParseEval(word, rest);
      } else {
        Error("invalid command '" + std::string(lines_[i_]) + "'");
      }
    }
    return std::move(file_);
  }

 private:
  void Error(std::string message) { file_.errors.push_back({Line(), std::move(message)}); }
  int Line() const { return static_cast<int>(i_) + 1; }
  // The lines of the block after the command line, up to a blank line.
  bool NextInBlock() {
    if (i_ + 1 >= lines_.size() || lines_[i_ + 1].empty()) return false;
    ++i_;
    return true;
  }

  void ParseLoad(std::string_view rest) {
    LoadCommand load;
    load.line = Line();
    std::optional<int64_t> step = promql::go::ParseDuration(rest, nullptr);
    if (!step) {
      Error("invalid load command (load <step:duration>)");
      while (NextInBlock()) {
      }
      return;
    }
    load.step_ms = *step;
    while (NextInBlock()) {
      std::string error;
      std::optional<SeriesDesc> desc = ParseSeriesDesc(lines_[i_], error);
      if (!desc) {
        Error(error);
        continue;
      }
      // The same series again replaces its samples, as test.go's map does.
      SeriesData* series = nullptr;
      for (SeriesData& s : load.series) {
        if (s.labels == desc->labels) series = &s;
      }
      if (!series) series = &load.series.emplace_back(SeriesData{desc->labels, {}});
      series->samples.clear();
      for (size_t k = 0; k < desc->values.size(); ++k) {
        if (desc->values[k]) {
          series->samples.push_back({static_cast<int64_t>(k) * load.step_ms, *desc->values[k]});
        }
      }
    }
    file_.commands.push_back(std::move(load));
  }

  // eval[_fail|_ordered] instant [at <duration>] <expr>
  void ParseEval(std::string_view word, std::string_view rest) {
    EvalCommand eval;
    eval.line = Line();
    std::string_view mod = word.substr(4);
    bool ok = true;
    if (mod == "_fail") {
      eval.fail = true;
    } else if (mod == "_ordered") {
      eval.ordered = true;
    } else if (!mod.empty()) {
      ok = false;
    }
    ok = ok && NextWord(rest) == "instant";
    std::string_view after_at = rest;
    if (ok && NextWord(after_at) == "at") {
      std::optional<int64_t> t = promql::go::ParseDuration(NextWord(after_at), nullptr);
      ok = t.has_value();
      if (t) eval.time_ms = *t;
      rest = after_at;
    }
    if (!ok || rest.empty()) {
      Error("invalid evaluation command (eval[_fail|_ordered] instant [at <offset:duration>] "
            "<query>)");
      while (NextInBlock()) {
      }
      return;
    }
    eval.expr = std::string(rest);
    while (NextInBlock()) {
      if (std::optional<double> v = ParseNumber(lines_[i_])) {
        eval.scalar = v;
        break;
      }
      std::string error;
      std::optional<SeriesDesc> desc = ParseSeriesDesc(lines_[i_], error);
      if (desc && desc->values.size() != 1) {
        error = desc->values.empty() ? "expected a value" : "expecting multiple values in "
                                                            "instant evaluation not allowed";
        desc.reset();
      }
      if (!desc || !desc->values.front()) {
        Error(error.empty() ? "expected a value" : error);
        continue;
      }
      Expectation exp{std::move(desc->labels), *desc->values.front()};
      // A label set given twice keeps its last value and place.
      for (auto it = eval.series.begin(); it != eval.series.end(); ++it) {
        if (it->labels == exp.labels) {
          eval.series.erase(it);
          break;
        }
      }
      eval.series.push_back(std::move(exp));
    }
    file_.commands.push_back(std::move(eval));
  }

  std::vector<std::string_view> lines_;
  size_t i_ = 0;
  TestFile file_;
};

}  // namespace

TestFile ParseTestFile(std::string_view text) { return Parser(text).Parse(); }

}  // namespace monc::runtime::testlang
