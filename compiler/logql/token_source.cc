#include "compiler/logql/token_source.h"

#include <unordered_map>
#include <utility>

#include "compiler/logql/lex_literals.h"
#include "compiler/logql/tables.h"
#include "compiler/promql/go_strconv.h"
#include "compiler/promql/lex_literals.h"
#include "grammar/LogQLParser.h"

namespace monc::logql {
namespace {

using P = monc_logql_grammar::LogQLParser;
namespace go = promql::go;

constexpr char32_t kEof = 0xFFFFFFFF;
// text/scanner's token classes, returned by ScanRaw beside plain runes.
constexpr int kIdent = -2, kInt = -3, kFloat = -4, kString = -5, kRawString = -6, kChar = -7;
constexpr int kEofToken = -1;

bool IsLetter(char32_t r) {
  // unicode.IsLetter, approximated outside ASCII by "printable".
  return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
         (r >= 0x80 && r != go::kRuneError && go::IsPrint(r));
}
bool IsDigit(char32_t r) { return r >= '0' && r <= '9'; }
bool IsSpace(char32_t r) { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'; }
bool IsDurationRune(char32_t r) {
  switch (r) {
    case 'n': case 'u': case 0xB5: case 'm': case 's': case 'h': case 'd': case 'w': case 'y':
      return true;
    default:
      return false;
  }
}
bool IsBytesRune(char32_t r) {
  switch (r) {
    case 'B': case 'i': case 'k': case 'K': case 'M': case 'G': case 'T': case 'P':
      return true;
    default:
      return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// lex.go's `tokens`: keywords and operators whatever follows them.
const std::unordered_map<std::string, size_t>& Tokens() {
  static const std::unordered_map<std::string, size_t> tokens = [] {
    std::unordered_map<std::string, size_t> t = {
        {",", P::COMMA}, {".", P::DOT}, {"{", P::OPEN_BRACE}, {"}", P::CLOSE_BRACE},
        {"=", P::EQ}, {"!=", P::NEQ}, {"=~", P::RE}, {"!~", P::NRE}, {"!>", P::NPA},
        {"|=", P::PIPE_EXACT}, {"|~", P::PIPE_MATCH}, {"|>", P::PIPE_PATTERN}, {"|", P::PIPE},
        {"unwrap", P::UNWRAP}, {"(", P::OPEN_PARENTHESIS}, {")", P::CLOSE_PARENTHESIS},
        {"by", P::BY}, {"without", P::WITHOUT}, {"bool", P::BOOL}, {"]", P::CLOSE_BRACKET},
        {"offset", P::OFFSET}, {"on", P::ON}, {"ignoring", P::IGNORING},
        {"group_left", P::GROUP_LEFT}, {"group_right", P::GROUP_RIGHT}, {"or", P::OR},
        {"and", P::AND}, {"unless", P::UNLESS}, {"+", P::ADD}, {"-", P::SUB}, {"*", P::MUL},
        {"/", P::DIV}, {"%", P::MOD}, {"^", P::POW}, {"==", P::CMP_EQ}, {">", P::GT},
        {">=", P::GTE}, {"<", P::LT}, {"<=", P::LTE}, {"label_format", P::LABEL_FMT},
        {"line_format", P::LINE_FMT}, {"decolorize", P::DECOLORIZE}, {"drop", P::DROP},
        {"keep", P::KEEP},
    };
    for (const ParserInfo& parser : AllParsers()) {
      switch (parser.argument) {
        case ParserInfo::Argument::None: t[std::string(parser.name)] = P::UNPACK; break;
        case ParserInfo::Argument::String: t[std::string(parser.name)] = P::PARSER_WITH_STRING; break;
        case ParserInfo::Argument::Extractions:
          t[std::string(parser.name)] = parser.kind == ParserKind::Logfmt ? P::LOGFMT : P::JSON;
          break;
      }
    }
    return t;
  }();
  return tokens;
}

// lex.go's `functionTokens`: keywords only before `(` (or `by (`).
// `variants` and `of` are too, so that they stay label names elsewhere.
const std::unordered_map<std::string, size_t>& FunctionTokens() {
  static const std::unordered_map<std::string, size_t> tokens = [] {
    std::unordered_map<std::string, size_t> t = {
        {"vector", P::VECTOR}, {"label_replace", P::LABEL_REPLACE}, {"ip", P::IP},
        {"variants", P::VARIANTS}, {"of", P::OF},
    };
    for (const auto& r : AllRangeAggregations()) t[std::string(r.name)] = P::RANGE_OP;
    for (const auto& v : AllVectorAggregations()) t[std::string(v.name)] = P::VECTOR_OP;
    for (auto c : {UnwrapConversion::Bytes, UnwrapConversion::Duration,
                   UnwrapConversion::DurationSeconds}) {
      t[std::string(ConversionName(c))] = P::CONV;
    }
    return t;
  }();
  return tokens;
}

}  // namespace

// The input stream only names the source: tokens carry their own text (and
// ANTLR's stream would refuse invalid UTF-8, which Loki's lexer reports).
TokenSource::TokenSource(std::string_view text) : text_(text) {}

char32_t TokenSource::Peek(size_t offset) const {
  if (offset >= text_.size()) return kEof;
  return go::DecodeRune(text_.substr(offset)).rune;
}

char32_t TokenSource::Next() {
  read_ahead_ = true;
  return Advance();
}

char32_t TokenSource::Advance() {
  if (pos_ >= text_.size()) return kEof;
  const go::DecodedRune d = go::DecodeRune(text_.substr(pos_));
  pos_ += d.width;
  // text/scanner's complaints about the characters themselves.
  if (d.rune == 0) ScanError("invalid character NUL");
  if (d.rune == go::kRuneError && d.width == 1) ScanError("invalid UTF-8 encoding");
  return d.rune;
}

void TokenSource::ScanError(std::string message) {
  if (error_) return;
  LexError e;
  e.offset = static_cast<uint32_t>(tok_begin_);
  e.where.loki_line = read_ahead_ ? 0 : tok_line_;
  e.where.loki_column = tok_column_;
  e.message = std::move(message);
  error_ = std::move(e);
}

// text/scanner's Scan in its Go mode: whitespace and // /* */ comments
// skipped; identifiers, numbers, strings, raw strings, characters; any
// other rune as itself. Sets the token's start and its line and column.
int TokenSource::ScanRaw() {
  for (;;) {
    while (pos_ < text_.size() && IsSpace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != '\v' && text_[pos_] != '\f') {
      ++pos_;
    }
    tok_begin_ = pos_;
    read_ahead_ = false;
    // Line and column (in runes) of the token's start; at the end of a
    // non-empty input, just past its last rune.
    tok_line_ = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < pos_; ++i) {
      if (text_[i] == '\n') ++tok_line_, line_start = i + 1;
    }
    tok_column_ = 1;
    for (size_t i = line_start; i < pos_;) {
      i += go::DecodeRune(text_.substr(i)).width;
      ++tok_column_;
    }
    if (text_.empty()) tok_line_ = 0, tok_column_ = 0;
    const char32_t ch = Peek(pos_);
    if (ch == kEof) return kEofToken;
    if (ch == '/' && (Peek(pos_ + 1) == '/' || Peek(pos_ + 1) == '*')) {
      const bool block = Peek(pos_ + 1) == '*';
      pos_ += 2;
      if (!block) {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        continue;
      }
      const size_t end = text_.find("*/", pos_);
      if (end == std::string_view::npos) {
        pos_ = text_.size();
        ScanError("comment not terminated");
        return kEofToken;
      }
      pos_ = end + 2;
      continue;
    }
    if (IsLetter(ch)) {
      Advance();
      while (IsLetter(Peek(pos_)) || IsDigit(Peek(pos_))) Advance();
      return kIdent;
    }
    if (IsDigit(ch) || (ch == '.' && IsDigit(Peek(pos_ + 1)))) {
      const size_t start = pos_;
      ScanNumber();
      const std::string_view number = text_.substr(start, pos_ - start);
      return number.find_first_of(".eEpP") != std::string_view::npos &&
                     !(number.size() > 1 && (number[1] == 'x' || number[1] == 'X') &&
                       number.find_first_of(".pP") == std::string_view::npos)
                 ? kFloat
                 : kInt;
    }
    if (ch == '"' || ch == '`' || ch == '\'') {
      ScanQuoted(ch);
      return ch == '"' ? kString : ch == '`' ? kRawString : kChar;
    }
    Advance();
    return static_cast<int>(ch);
  }
}

// text/scanner's scanNumber: a base prefix, digits with `_` separators,
// a fraction and an exponent.
void TokenSource::ScanNumber() {
  auto digits_while = [&](auto accept) {
    size_t n = 0;
    while (pos_ < text_.size() && (accept(text_[pos_]) || text_[pos_] == '_')) ++pos_, ++n;
    return n;
  };
  auto is_hex = [](char c) {
    return IsDigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  auto is_dec = [](char c) { return c >= '0' && c <= '9'; };
  const size_t start = pos_;
  if (text_[pos_] == '0' && pos_ + 1 < text_.size() && (text_[pos_ + 1] | 0x20) == 'x') {
    pos_ += 2;
    size_t n = digits_while(is_hex);
    if (pos_ < text_.size() && text_[pos_] == '.') ++pos_, n += digits_while(is_hex);
    if (n == 0) ScanError("hexadecimal literal has no digits");
    if (pos_ < text_.size() && (text_[pos_] | 0x20) == 'p') {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (digits_while(is_dec) == 0) ScanError("exponent has no digits");
    }
    return;
  }
  if (text_[pos_] == '0' && pos_ + 1 < text_.size() &&
      ((text_[pos_ + 1] | 0x20) == 'b' || (text_[pos_ + 1] | 0x20) == 'o')) {
    const char base = static_cast<char>(text_[pos_ + 1] | 0x20);
    pos_ += 2;
    const size_t digits_start = pos_;
    if (digits_while(is_dec) == 0) {
      ScanError(base == 'b' ? "binary literal has no digits" : "octal literal has no digits");
    }
    for (size_t i = digits_start; i < pos_; ++i) {
      if (text_[i] != '_' && (text_[i] - '0') >= (base == 'b' ? 2 : 8)) {
        ScanError(std::string("invalid digit ") + go::QuoteRune(static_cast<char32_t>(text_[i])) +
                  (base == 'b' ? " in binary literal" : " in octal literal"));
        break;
      }
    }
    return;
  }
  digits_while(is_dec);
  bool is_float = false;
  if (pos_ < text_.size() && text_[pos_] == '.') ++pos_, digits_while(is_dec), is_float = true;
  if (pos_ < text_.size() && (text_[pos_] | 0x20) == 'e') {
    ++pos_;
    is_float = true;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (digits_while(is_dec) == 0) ScanError("exponent has no digits");
  }
  // A leading 0 makes an integer octal.
  if (!is_float && text_[start] == '0') {
    for (size_t i = start; i < pos_; ++i) {
      if (text_[i] == '8' || text_[i] == '9') {
        ScanError("invalid digit " + go::QuoteRune(static_cast<char32_t>(text_[i])) +
                  " in octal literal");
        break;
      }
    }
  }
}

// text/scanner's scanString/scanRawString/scanChar.
void TokenSource::ScanQuoted(char32_t quote) {
  Advance();
  for (;;) {
    const char32_t r = Advance();
    if (r == quote) break;
    if (r == kEof || (r == '\n' && quote != '`')) {
      ScanError("literal not terminated");
      return;
    }
    if (r == '\\' && quote != '`') {
      const char32_t e = Advance();
      if (e == kEof) {
        ScanError("literal not terminated");
        return;
      }
      // Digits of an escape: `first` already read when non-zero.
      auto need = [&](int n, int base, char32_t first) {
        for (int i = 0; i < n; ++i) {
          const char32_t d = i == 0 && first ? first : Advance();
          const bool ok = base == 8 ? (d >= '0' && d <= '7')
                                    : (IsDigit(d) || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'));
          if (!ok) {
            ScanError("invalid char escape");
            return;
          }
        }
      };
      switch (e) {
        case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\': break;
        case 'x': need(2, 16, 0); break;
        case 'u': need(4, 16, 0); break;
        case 'U': need(8, 16, 0); break;
        default:
          if (e == quote) break;
          if (e >= '0' && e <= '7') {
            need(3, 8, e);
          } else {
            ScanError("invalid char escape");
          }
      }
    }
  }
  if (quote == '\'' && pos_ - tok_begin_ < 3) ScanError("illegal char literal");
}

bool TokenSource::IsFunctionAhead() const {
  size_t i = pos_;
  while (i < text_.size() && IsSpace(static_cast<unsigned char>(text_[i]))) ++i;
  if (i < text_.size() && text_[i] == '(') return true;
  for (std::string_view word : {"by", "without"}) {
    if (Lower(text_.substr(i, word.size())) != word) continue;
    size_t j = i + word.size();
    while (j < text_.size() && IsSpace(static_cast<unsigned char>(text_[j]))) ++j;
    return j < text_.size() && text_[j] == '(';
  }
  return false;
}

bool TokenSource::TryDuration() {
  size_t end = pos_;
  for (char32_t r = Peek(end); r != kEof && !IsSpace(r); r = Peek(end)) {
    if (!IsDigit(r) && !IsDurationRune(r) && r != '.') break;
    end += go::DecodeRune(text_.substr(end)).width;
  }
  if (end == pos_) return false;
  std::optional<int64_t> ns = ParseLokiDuration(text_.substr(tok_begin_, end - tok_begin_));
  if (!ns) return false;
  while (pos_ < end) Next();
  info_.duration_ns = *ns;
  return true;
}

bool TokenSource::TryBytes() {
  size_t end = pos_;
  while (end < text_.size() && (IsDigit(static_cast<unsigned char>(text_[end])) ||
                                IsBytesRune(static_cast<unsigned char>(text_[end])) || text_[end] == '.')) {
    ++end;
  }
  if (end == pos_) return false;
  std::optional<uint64_t> bytes = ParseBytes(text_.substr(tok_begin_, end - tok_begin_));
  if (!bytes) return false;
  while (pos_ < end) Next();
  info_.bytes = *bytes;
  return true;
}

bool TokenSource::TryFlag() {
  size_t end = pos_;
  while (end < text_.size() && (text_[end] == '-' || ((text_[end] | 0x20) >= 'a' && (text_[end] | 0x20) <= 'z'))) {
    ++end;
  }
  const std::string_view flag = text_.substr(tok_begin_, end - tok_begin_);
  if (flag != "--strict" && flag != "--keep-empty") return false;
  while (pos_ < end) Next();
  return true;
}

std::unique_ptr<antlr4::Token> TokenSource::Make(size_t type) {
  auto token = std::make_unique<antlr4::CommonToken>(
      type, type == antlr4::Token::EOF ? std::string("<EOF>")
                                       : std::string(text_.substr(tok_begin_, pos_ - tok_begin_)));
  token->setStartIndex(tok_begin_);
  token->setStopIndex(pos_ == tok_begin_ ? tok_begin_ : pos_ - 1);
  token->setLine(1);
  token->setCharPositionInLine(tok_begin_);
  info_.loki_line = read_ahead_ ? 0 : tok_line_;
  info_.loki_column = tok_column_;
  if (info_.value.empty()) info_.value = token->getText();
  infos_[tok_begin_] = std::move(info_);
  info_ = TokenInfo();
  return token;
}

const TokenInfo& TokenSource::Info(const antlr4::Token& token) const {
  static const TokenInfo kNone;
  auto it = infos_.find(token.getStartIndex());
  return it == infos_.end() ? kNone : it->second;
}

// lex.go's Lex after the scan: keywords, two-rune operators, identifiers.
std::unique_ptr<antlr4::Token> TokenSource::Keyword(const std::string& text) {
  const std::string lower = Lower(text);
  auto function = FunctionTokens().find(lower);
  if (function != FunctionTokens().end()) {
    return Make(IsFunctionAhead() ? function->second : P::IDENTIFIER);
  }
  const char32_t next = Peek(pos_);
  if (next != kEof && next < 0x80) {
    auto pair = Tokens().find(lower + static_cast<char>(next));
    if (pair != Tokens().end()) {
      Next();
      return Make(pair->second);
    }
  }
  auto single = Tokens().find(lower);
  return Make(single != Tokens().end() ? single->second : P::IDENTIFIER);
}

std::unique_ptr<antlr4::Token> TokenSource::nextToken() {
  if (error_) {
    tok_begin_ = pos_ = text_.size();
    return Make(antlr4::Token::EOF);
  }
  const int raw = ScanRaw();
  if (error_) return nextToken();
  switch (raw) {
    case kEofToken:
      return Make(antlr4::Token::EOF);
    case '#':
      while (pos_ < text_.size() && text_[pos_] != '\n') Next();
      return nextToken();
    case kInt:
    case kFloat:
      if (TryDuration()) return Make(P::DURATION);
      if (TryBytes()) return Make(P::BYTES);
      return Make(P::NUMBER);
    case '-':
      if (Peek(pos_) == '-' && TryFlag()) return Make(P::PARSER_FLAG);
      if (TryDuration()) return Make(P::DURATION);
      break;
    case kString:
    case kRawString: {
      const std::string_view quoted = text_.substr(tok_begin_, pos_ - tok_begin_);
      bool valid_utf8 = true;
      for (size_t i = 0; i < quoted.size();) {
        const go::DecodedRune d = go::DecodeRune(quoted.substr(i));
        if (d.rune == go::kRuneError && d.width == 1) valid_utf8 = false;
        i += d.width;
      }
      if (!valid_utf8) {
        ScanError("invalid UTF-8 rune");
        return nextToken();
      }
      // strutil.Unquote refuses what text/scanner let through (a \u escape
      // out of Unicode's range).
      if (raw == kString && !promql::ScanQuoted(quoted).error.empty()) {
        ScanError("invalid syntax");
        return nextToken();
      }
      info_.value = promql::Unquote(quoted);
      return Make(P::STRING);
    }
    case '[': {
      std::string range;
      for (char32_t r = Next(); r != kEof; r = Next()) {
        if (r == ']') {
          std::string error;
          std::optional<int64_t> ns = ParseModelDuration(range, &error);
          if (!ns) {
            ScanError(error);
            return nextToken();
          }
          info_.duration_ns = *ns;
          return Make(P::RANGE);
        }
        range += go::EncodeRune(r);
      }
      ScanError("missing closing ']' in duration");
      return nextToken();
    }
    default:
      break;
  }
  return Keyword(std::string(text_.substr(tok_begin_, pos_ - tok_begin_)));
}

}  // namespace monc::logql
