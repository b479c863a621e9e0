#include "runtime/ingest/text_parser.h"

#include <cmath>
#include <cstring>

#include "compiler/promql/go_strconv.h"
#include "runtime/ingest/parse_float.h"

namespace monc::runtime {
namespace {

using promql::go::Quote;

// textparse's tokens, named as their String() names them in messages.
enum class Tok {
  kInvalid, kEOF, kLinebreak, kHelp, kType, kUnit, kEOFWord, kText, kComment,
  kMName, kBraceOpen, kBraceClose, kLName, kLValue, kComma, kEqual, kTimestamp, kValue,
};

std::string_view Name(Tok t) {
  switch (t) {
    case Tok::kInvalid: return "INVALID";
    case Tok::kEOF: return "EOF";
    case Tok::kLinebreak: return "LINEBREAK";
    case Tok::kHelp: return "HELP";
    case Tok::kType: return "TYPE";
    case Tok::kUnit: return "UNIT";
    case Tok::kEOFWord: return "EOFWORD";
    case Tok::kText: return "TEXT";
    case Tok::kComment: return "COMMENT";
    case Tok::kMName: return "MNAME";
    case Tok::kBraceOpen: return "BOPEN";
    case Tok::kBraceClose: return "BCLOSE";
    case Tok::kLName: return "LNAME";
    case Tok::kLValue: return "LVALUE";
    case Tok::kComma: return "COMMA";
    case Tok::kEqual: return "EQUAL";
    case Tok::kTimestamp: return "TIMESTAMP";
    case Tok::kValue: return "VALUE";
  }
  return "INVALID";
}

// The lexers' start conditions (openmetricslex.l, promlex.l).
enum class State {
  kInit, kComment, kMeta1, kMeta2, kLabels, kLValue, kValue, kTimestamp,
  kExemplar, kEValue, kETimestamp,
};

bool IsNameStart(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(int c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
bool IsMetricStart(int c) { return IsNameStart(c) || c == ':'; }
bool IsMetricChar(int c) { return IsNameChar(c) || c == ':'; }
// [^ \n] as golex compiled it: NUL is not in the class either.
bool IsFieldChar(int c) { return c > 0 && c != ' ' && c != '\n'; }

bool ValidUtf8(std::string_view s) {
  while (!s.empty()) {
    const promql::go::DecodedRune r = promql::go::DecodeRune(s);
    if (r.rune == promql::go::kRuneError && r.width == 1) return false;
    s.remove_prefix(r.width);
  }
  return true;
}

// Prometheus's lvalReplacer: \\, \" and \n; any other backslash stays.
std::string Unescape(std::string_view s) {
  if (s.find('\\') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char next = s[i + 1];
      if (next == '\\' || next == '"' || next == 'n') {
        out += next == 'n' ? '\n' : next;
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Prometheus's value.NormalNaN: every NaN read from text becomes this one,
// so a file can never write a staleness marker.
double NormalNaN() {
  const uint64_t bits = 0x7ff8000000000001ull;
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

}  // namespace

// One entry's lexer and parser over the window.
class TextParser::Run {
 public:
  Run(TextParser& p, std::string_view b, bool final, size_t known_series)
      : p_(p), b_(b), final_(final), known_series_(known_series) {}

  Entry Parse() {
    p_.sample_.labels.clear();
    p_.sample_.timestamp_ms.reset();
    const Entry e = p_.format_ == TextFormat::kOpenMetrics ? ParseOpenMetrics() : ParsePrometheus();
    if (need_more_) return Entry::kNeedMore;
    if (e != Entry::kError) p_.consumed_ = i_;
    return e;
  }

 private:
  // The byte at `i`, or -1 past the window (and then more is needed,
  // unless the input ends there).
  int At(size_t i) {
    if (i < b_.size()) return static_cast<unsigned char>(b_[i]);
    if (!final_) need_more_ = true;
    return -1;
  }
  std::string_view Text() const { return b_.substr(start_, i_ - start_); }

  Tok Lex() {
    start_ = i_;
    if (p_.format_ == TextFormat::kPrometheus) {
      while (At(i_) == ' ' || At(i_) == '\t') ++i_;
      start_ = i_;
    }
    if (At(i_) < 0) return Tok::kEOF;
    return p_.format_ == TextFormat::kOpenMetrics ? LexOpenMetrics() : LexPrometheus();
  }
  Tok LexOpenMetrics();
  Tok LexPrometheus();
  // Shared rules.
  Tok Word(std::string_view word, Tok t, State next);
  Tok MetricName(State next);
  Tok QuotedValue(State next, bool nul_ok, bool newline_ok);
  Tok Field(Tok t, State next);

  Entry ParseOpenMetrics();
  Entry ParsePrometheus();
  Entry ParseOpenMetricsSample(Tok next);
  Entry ParsePrometheusSample(Tok next);
  Entry ParseMetadata(Tok kind);
  Tok ResumeAfterSeries();
  bool ParseLabels(bool exemplar);
  bool ParsePromLabels();
  bool ParseExemplar();
  bool FloatValue(Tok t, std::string_view after, double* out);
  bool Seconds(std::string_view text, std::string_view invalid, int64_t* out);

  Entry Fail(size_t offset, std::string message) {
    p_.error_offset_ = offset;
    p_.error_ = std::move(message);
    return Entry::kError;
  }
  Entry Fatal(size_t offset, std::string message) {
    p_.fatal_ = true;
    return Fail(offset, std::move(message));
  }
  bool FailAt(size_t offset, std::string message) {
    Fail(offset, std::move(message));
    return false;
  }
  // textparse's parseError: "expected X, got \"TOKEN\"" at the token.
  bool Expected(std::string_view what, Tok got) {
    return FailAt(start_, std::string(what) + ", got " + Quote(Name(got)));
  }

  TextParser& p_;
  std::string_view b_;
  bool final_;
  size_t known_series_;
  bool need_more_ = false;
  State state_ = State::kInit;
  size_t i_ = 0;
  size_t start_ = 0;
};

Tok TextParser::Run::Word(std::string_view word, Tok t, State next) {
  for (char c : word) {
    if (At(i_) != static_cast<unsigned char>(c)) return Tok::kInvalid;
    ++i_;
  }
  state_ = next;
  return t;
}

Tok TextParser::Run::MetricName(State next) {
  if (!IsMetricStart(At(i_))) return Tok::kInvalid;
  while (IsMetricChar(At(++i_))) {
  }
  state_ = next;
  return Tok::kMName;
}

Tok TextParser::Run::QuotedValue(State next, bool nul_ok, bool newline_ok) {
  if (At(i_) != '"') return Tok::kInvalid;
  for (++i_;;) {
    const int c = At(i_);
    if (c < 0 || (c == 0 && !nul_ok) || (c == '\n' && !newline_ok)) return Tok::kInvalid;
    ++i_;
    if (c == '"') break;
    if (c == '\\') {
      const int escaped = At(i_);
      if (escaped < 0 || (escaped == '\n' && !newline_ok)) return Tok::kInvalid;
      ++i_;
    }
  }
  state_ = next;
  return Tok::kLValue;
}

// {S}[^ \n]+: a space, then a field.
Tok TextParser::Run::Field(Tok t, State next) {
  if (At(i_) != ' ') return Tok::kInvalid;
  ++i_;
  if (!IsFieldChar(At(i_))) return Tok::kInvalid;
  while (IsFieldChar(At(++i_))) {
  }
  state_ = next;
  return t;
}

Tok TextParser::Run::LexOpenMetrics() {
  const int c = At(i_);
  switch (state_) {
    case State::kInit:
      if (c == '#') {
        ++i_;
        if (At(i_) != ' ') return Tok::kInvalid;
        ++i_;
        state_ = State::kComment;
        switch (At(i_)) {
          case 'H': return Word("HELP ", Tok::kHelp, State::kMeta1);
          case 'T': return Word("TYPE ", Tok::kType, State::kMeta1);
          case 'U': return Word("UNIT ", Tok::kUnit, State::kMeta1);
          case 'E':
            if (Word("EOF", Tok::kEOFWord, State::kInit) == Tok::kInvalid) return Tok::kInvalid;
            if (At(i_) == '\n') ++i_;
            return Tok::kEOFWord;
          default: return Tok::kInvalid;
        }
      }
      return MetricName(State::kValue);
    case State::kMeta1: return MetricName(State::kMeta2);
    case State::kMeta2:
      if (c != ' ') return Tok::kInvalid;
      for (int d = At(++i_); d != '\n'; d = At(++i_)) {
        if (d < 0) return Tok::kInvalid;
      }
      ++i_;
      state_ = State::kInit;
      return Tok::kText;
    case State::kLabels:
    case State::kExemplar: {
      const bool exemplar = state_ == State::kExemplar;
      if (IsNameStart(c)) {
        while (IsNameChar(At(++i_))) {
        }
        return Tok::kLName;
      }
      ++i_;
      if (c == '}') {
        state_ = exemplar ? State::kEValue : State::kValue;
        return Tok::kBraceClose;
      }
      if (c == '=') {
        state_ = exemplar ? State::kEValue : State::kLValue;
        return Tok::kEqual;
      }
      if (c == ',') return Tok::kComma;
      --i_;
      return Tok::kInvalid;
    }
    case State::kLValue: return QuotedValue(State::kLabels, /*nul_ok=*/true, false);
    case State::kValue:
      if (c == '{') {
        ++i_;
        state_ = State::kLabels;
        return Tok::kBraceOpen;
      }
      return Field(Tok::kValue, State::kTimestamp);
    case State::kTimestamp:
    case State::kETimestamp:
      if (c == '\n') {
        ++i_;
        state_ = State::kInit;
        return Tok::kLinebreak;
      }
      // " # {" opens an exemplar; " #" followed by anything else is a
      // timestamp field like any other (the lexer's longest match).
      if (state_ == State::kTimestamp && c == ' ' && At(i_ + 1) == '#' && At(i_ + 2) == ' ') {
        i_ += 3;
        if (At(i_) != '{') return Tok::kInvalid;
        ++i_;
        state_ = State::kExemplar;
        return Tok::kComment;
      }
      return Field(Tok::kTimestamp, state_);
    case State::kEValue:
      if (c == '"') return QuotedValue(State::kExemplar, /*nul_ok=*/false, false);
      return Field(Tok::kValue, State::kETimestamp);
    case State::kComment: break;
  }
  return Tok::kInvalid;
}

Tok TextParser::Run::LexPrometheus() {
  const int c = At(i_);
  switch (state_) {
    case State::kInit:
      if (c == '\n') {
        ++i_;
        return Tok::kLinebreak;
      }
      if (c == '#') {
        ++i_;
        size_t blanks = i_;
        while (At(blanks) == ' ' || At(blanks) == '\t') ++blanks;
        if (blanks > i_) {
          const std::string_view rest = b_.substr(blanks, 4);
          const bool help = rest == "HELP";
          if ((help || rest == "TYPE") && (At(blanks + 4) == ' ' || At(blanks + 4) == '\t')) {
            i_ = blanks + 4;
            state_ = State::kMeta1;
            return help ? Tok::kHelp : Tok::kType;
          }
        }
        // Any other comment runs to the end of its line.
        for (int d = At(i_); d >= 0 && d != '\n'; d = At(++i_)) {
        }
        return Tok::kComment;
      }
      return MetricName(State::kValue);
    case State::kMeta1: return MetricName(State::kMeta2);
    case State::kMeta2:
      for (int d = c; d >= 0 && d != '\n'; d = At(++i_)) {
      }
      state_ = State::kInit;
      return Tok::kText;
    case State::kLabels:
      if (IsNameStart(c)) {
        while (IsNameChar(At(++i_))) {
        }
        return Tok::kLName;
      }
      ++i_;
      if (c == '}') {
        state_ = State::kValue;
        return Tok::kBraceClose;
      }
      if (c == '=') {
        state_ = State::kLValue;
        return Tok::kEqual;
      }
      if (c == ',') return Tok::kComma;
      --i_;
      return Tok::kInvalid;
    case State::kLValue: return QuotedValue(State::kLabels, /*nul_ok=*/true, /*newline_ok=*/true);
    case State::kValue:
      if (c == '{') {
        ++i_;
        state_ = State::kLabels;
        return Tok::kBraceOpen;
      }
      if (c == '\n') return Tok::kInvalid;
      for (int d = c; d > 0 && d != '{' && d != ' ' && d != '\t' && d != '\n'; d = At(++i_)) {
      }
      if (i_ == start_) return Tok::kInvalid;
      state_ = State::kTimestamp;
      return Tok::kValue;
    case State::kTimestamp:
      if (c == '\n') {
        ++i_;
        state_ = State::kInit;
        return Tok::kLinebreak;
      }
      if (c < '0' || c > '9') return Tok::kInvalid;
      while (At(i_) >= '0' && At(i_) <= '9') ++i_;
      return Tok::kTimestamp;
    default: break;
  }
  return Tok::kInvalid;
}

TextParser::Entry TextParser::Run::ParseOpenMetrics() {
  if (known_series_ > 0) return ParseOpenMetricsSample(ResumeAfterSeries());
  const Tok t = Lex();
  switch (t) {
    case Tok::kEOFWord:
      if (Lex() != Tok::kEOF) return Fatal(start_, "unexpected data after # EOF");
      return Entry::kEnd;
    case Tok::kEOF: return Fatal(i_, "data does not end with # EOF");
    case Tok::kHelp:
    case Tok::kType:
    case Tok::kUnit: return ParseMetadata(t);
    case Tok::kMName: break;
    default: {
      const int c = At(i_);
      const std::string cur = c < 0 ? " " : promql::go::EncodeRune(static_cast<char32_t>(c));
      return Fail(start_, Quote(Name(t)) + " " + Quote(cur) + " is not a valid start token");
    }
  }
  p_.sample_.labels.push_back({std::string(kMetricName), std::string(Text())});
  p_.series_length_ = i_;
  Tok next = Lex();
  if (next == Tok::kBraceOpen) {
    if (!ParseLabels(/*exemplar=*/false)) return Entry::kError;
    p_.series_length_ = i_;
    next = Lex();
  }
  return ParseOpenMetricsSample(next);
}

// The lexer as it was after the known series text's metric name or closing
// brace; the token after it.
Tok TextParser::Run::ResumeAfterSeries() {
  i_ = known_series_;
  state_ = State::kValue;
  p_.series_length_ = known_series_;
  return Lex();
}

// The rest of a sample line from the token after the series text.
TextParser::Entry TextParser::Run::ParseOpenMetricsSample(Tok next) {
  if (!FloatValue(next, "metric", &p_.sample_.value)) return Entry::kError;
  next = Lex();
  switch (next) {
    case Tok::kEOF: return Fatal(i_, "data does not end with # EOF");
    case Tok::kLinebreak: return Entry::kSeries;
    case Tok::kComment: return ParseExemplar() ? Entry::kSeries : Entry::kError;
    case Tok::kTimestamp: {
      int64_t ms;
      if (!Seconds(Text().substr(1), "invalid timestamp", &ms)) return Entry::kError;
      p_.sample_.timestamp_ms = ms;
      next = Lex();
      if (next == Tok::kLinebreak) return Entry::kSeries;
      if (next == Tok::kComment) return ParseExemplar() ? Entry::kSeries : Entry::kError;
      Expected("expected next entry after timestamp", next);
      return Entry::kError;
    }
    default: Expected("expected timestamp or # symbol", next); return Entry::kError;
  }
}

TextParser::Entry TextParser::Run::ParseMetadata(Tok kind) {
  const Tok name_tok = Lex();
  if (name_tok != Tok::kMName) {
    Expected("expected metric name after " + std::string(Name(kind)), name_tok);
    return Entry::kError;
  }
  const std::string_view name = Text();
  const Tok text_tok = Lex();
  if (text_tok != Tok::kText) return Fail(start_, "expected text in " + std::string(Name(kind)));
  std::string_view text = Text();
  // OpenMetrics: drop the space before and the newline after.
  if (p_.format_ == TextFormat::kOpenMetrics) text = text.substr(1, text.size() - 2);
  if (kind == Tok::kType) {
    static constexpr std::string_view kOpenMetricsTypes[] = {
        "counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset", "unknown"};
    static constexpr std::string_view kPrometheusTypes[] = {"counter", "gauge", "histogram",
                                                            "summary", "untyped"};
    bool known = false;
    if (p_.format_ == TextFormat::kOpenMetrics) {
      for (std::string_view type : kOpenMetricsTypes) known |= text == type;
    } else {
      for (std::string_view type : kPrometheusTypes) known |= text == type;
    }
    if (!known) return Fail(start_ + 1, "invalid metric type " + Quote(text));
  }
  if (kind == Tok::kHelp && !ValidUtf8(text)) {
    return Fail(start_ + 1, "help text is not a valid utf8 string");
  }
  if (kind == Tok::kUnit && !text.empty() &&
      !(name.size() > text.size() && EndsWith(name, text) &&
        name[name.size() - text.size() - 1] == '_')) {
    return Fail(start_ + 1, "unit not a suffix of metric " + Quote(name));
  }
  if (p_.format_ == TextFormat::kPrometheus) {
    const Tok end = Lex();
    if (end != Tok::kLinebreak) {
      Expected("linebreak expected after metadata", end);
      return Entry::kError;
    }
  }
  return Entry::kMetadata;
}

bool TextParser::Run::ParseLabels(bool exemplar) {
  for (bool first = true;; first = false) {
    Tok t = Lex();
    switch (t) {
      case Tok::kBraceClose: return true;
      case Tok::kComma:
        if (first) return Expected("expected label name or left brace", t);
        t = Lex();
        if (t != Tok::kLName) return Expected("expected label name", t);
        break;
      case Tok::kLName:
        if (!first) return Expected("expected comma", t);
        break;
      default:
        return Expected(first ? "expected label name or left brace" : "expected comma or left brace",
                        t);
    }
    const std::string_view name = Text();
    if (Tok eq = Lex(); eq != Tok::kEqual) return Expected("expected equal", eq);
    if (Tok v = Lex(); v != Tok::kLValue) return Expected("expected label value", v);
    if (!ValidUtf8(Text())) return FailAt(start_, "invalid UTF-8 label value");
    if (!exemplar) {
      const std::string_view quoted = Text();
      p_.sample_.labels.push_back(
          {std::string(name), Unescape(quoted.substr(1, quoted.size() - 2))});
    }
  }
}

bool TextParser::Run::ParseExemplar() {
  // Only counters' and histogram buckets' samples may carry exemplars.
  // The metric name is the entry's first token, whether read now or known.
  size_t name_end = 0;
  while (IsMetricChar(At(name_end))) ++name_end;
  const std::string_view name = b_.substr(0, name_end);
  if (!EndsWith(name, "_total") && !EndsWith(name, "_bucket")) {
    return FailAt(start_, "metric name " + std::string(name) + " does not support exemplars");
  }
  if (!ParseLabels(/*exemplar=*/true)) return false;
  double value;
  if (!FloatValue(Lex(), "exemplar labels", &value)) return false;
  const Tok t = Lex();
  switch (t) {
    case Tok::kEOF:
      Fatal(i_, "data does not end with # EOF");
      return false;
    case Tok::kLinebreak: return true;
    case Tok::kTimestamp: {
      int64_t ms;
      if (!Seconds(Text().substr(1), "invalid exemplar timestamp", &ms)) return false;
      const Tok end = Lex();
      if (end != Tok::kLinebreak) return Expected("expected next entry after exemplar timestamp", end);
      return true;
    }
    default: return Expected("expected timestamp or comment", t);
  }
}

bool TextParser::Run::FloatValue(Tok t, std::string_view after, double* out) {
  if (t != Tok::kValue) return Expected("expected value after " + std::string(after), t);
  std::string error;
  const std::optional<double> v = ParseGoFloat(Text().substr(1), &error);
  if (!v) return FailAt(start_ + 1, error);
  *out = std::isnan(*v) ? NormalNaN() : *v;
  return true;
}

// A timestamp in seconds, kept to the millisecond as Prometheus keeps it:
// int64(ts * 1000).
bool TextParser::Run::Seconds(std::string_view text, std::string_view invalid, int64_t* out) {
  std::string error;
  const std::optional<double> seconds = ParseGoFloat(text, &error);
  if (!seconds) return FailAt(start_ + 1, error);
  if (std::isnan(*seconds) || std::isinf(*seconds)) return FailAt(start_ + 1, std::string(invalid));
  *out = GoFloatToInt64(*seconds * 1000);
  return true;
}

TextParser::Entry TextParser::Run::ParsePrometheus() {
  if (known_series_ > 0) return ParsePrometheusSample(ResumeAfterSeries());
  const Tok t = Lex();
  switch (t) {
    case Tok::kEOF: return Entry::kEnd;
    case Tok::kLinebreak: return Entry::kMetadata;  // a blank line
    case Tok::kHelp:
    case Tok::kType: return ParseMetadata(t);
    case Tok::kComment: {
      const Tok end = Lex();
      if (end != Tok::kLinebreak) Expected("linebreak expected after comment", end);
      return end == Tok::kLinebreak ? Entry::kMetadata : Entry::kError;
    }
    case Tok::kMName: break;
    default: return Fail(start_, Quote(Name(t)) + " is not a valid start token");
  }
  p_.sample_.labels.push_back({std::string(kMetricName), std::string(Text())});
  p_.series_length_ = i_;
  Tok next = Lex();
  if (next == Tok::kBraceOpen) {
    if (!ParsePromLabels()) return Entry::kError;
    p_.series_length_ = i_;
    next = Lex();
  }
  return ParsePrometheusSample(next);
}

// The rest of a sample line from the token after the series text; errors
// quote the entry from its start.
TextParser::Entry TextParser::Run::ParsePrometheusSample(Tok next) {
  if (next != Tok::kValue) {
    Expected("expected value after metric", next);
    return Entry::kError;
  }
  std::string error;
  const std::optional<double> v = ParseGoFloat(Text(), &error);
  if (!v) return Fail(start_, error + " while parsing: " + Quote(b_.substr(0, i_)));
  p_.sample_.value = std::isnan(*v) ? NormalNaN() : *v;
  next = Lex();
  if (next == Tok::kLinebreak) return Entry::kSeries;
  if (next != Tok::kTimestamp) {
    Expected("expected timestamp or new record", next);
    return Entry::kError;
  }
  const std::optional<int64_t> ms = ParseGoInt(Text(), &error);
  if (!ms) return Fail(start_, error + " while parsing: " + Quote(b_.substr(0, i_)));
  p_.sample_.timestamp_ms = *ms;
  next = Lex();
  if (next != Tok::kLinebreak) {
    Expected("expected next entry after timestamp", next);
    return Entry::kError;
  }
  return Entry::kSeries;
}

// The Prometheus format is laxer: commas are optional, a trailing one is
// allowed.
bool TextParser::Run::ParsePromLabels() {
  for (Tok t = Lex();;) {
    if (t == Tok::kBraceClose) return true;
    if (t != Tok::kLName) return Expected("expected label name", t);
    const std::string_view name = Text();
    if (Tok eq = Lex(); eq != Tok::kEqual) return Expected("expected equal", eq);
    if (Tok v = Lex(); v != Tok::kLValue) return Expected("expected label value", v);
    if (!ValidUtf8(Text())) return FailAt(start_, "invalid UTF-8 label value");
    const std::string_view quoted = Text();
    p_.sample_.labels.push_back({std::string(name), Unescape(quoted.substr(1, quoted.size() - 2))});
    t = Lex();
    if (t == Tok::kComma) t = Lex();
  }
}

TextParser::Entry TextParser::Next(std::string_view window, bool final, size_t known_series) {
  consumed_ = 0;
  error_.clear();
  fatal_ = false;
  return Run(*this, window, final, known_series).Parse();
}

bool TextParser::EndsSeriesText(std::string_view window, size_t length) const {
  if (length == 0 || length > window.size()) return false;
  if (window[length - 1] == '}') return true;
  size_t next = length;
  if (format_ == TextFormat::kPrometheus) {
    while (next < window.size() && (window[next] == ' ' || window[next] == '\t')) ++next;
  }
  if (next >= window.size()) return false;
  const int c = static_cast<unsigned char>(window[next]);
  return c != '{' && !IsMetricChar(c);
}

size_t TextParser::ScanSeriesText(std::string_view window) {
  if (window.empty() || !IsMetricStart(static_cast<unsigned char>(window[0]))) return 0;
  size_t i = 1;
  while (i < window.size() && IsMetricChar(static_cast<unsigned char>(window[i]))) ++i;
  if (i == window.size()) return 0;
  if (window[i] != '{') return i;
  bool quoted = false;
  for (++i; i < window.size(); ++i) {
    const char c = window[i];
    if (c == '\n') return 0;
    if (quoted) {
      if (c == '\\' && i + 1 < window.size() && window[i + 1] != '\n') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == '}') {
      return i + 1;
    }
  }
  return 0;
}

}  // namespace monc::runtime
