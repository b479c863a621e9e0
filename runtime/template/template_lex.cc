#include "runtime/template/template_lex.h"

#include <algorithm>
#include <map>

#include "compiler/promql/go_strconv.h"
#include "runtime/template/go_unicode.h"

namespace monc::runtime::tmpl {
namespace {

namespace go = promql::go;

constexpr std::string_view kLeftDelim = "{{";
constexpr std::string_view kRightDelim = "}}";
constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";
constexpr char32_t kEof = 0xFFFFFFFF;

bool IsSpace(char32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }
bool IsAlphaNumeric(char32_t r) { return r == '_' || (r != kEof && IsLetterOrDigit(r)); }

bool HasLeftTrimMarker(std::string_view s) { return s.size() >= 2 && s[0] == '-' && IsSpace(s[1]); }
bool HasRightTrimMarker(std::string_view s) { return s.size() >= 2 && IsSpace(s[0]) && s[1] == '-'; }

size_t TrailingSpace(std::string_view s) {
  const size_t keep = s.find_last_not_of(" \t\r\n");
  return keep == std::string_view::npos ? s.size() : s.size() - keep - 1;
}
size_t LeadingSpace(std::string_view s) {
  const size_t skip = s.find_first_not_of(" \t\r\n");
  return skip == std::string_view::npos ? s.size() : skip;
}

ItemType Keyword(std::string_view word) {
  static const std::map<std::string_view, ItemType> kKeywords = {
      {".", ItemType::kDot},       {"block", ItemType::kBlock},   {"break", ItemType::kBreak},
      {"continue", ItemType::kContinue}, {"define", ItemType::kDefine}, {"else", ItemType::kElse},
      {"end", ItemType::kEnd},     {"if", ItemType::kIf},         {"range", ItemType::kRange},
      {"nil", ItemType::kNil},     {"template", ItemType::kTemplate}, {"with", ItemType::kWith},
  };
  auto it = kKeywords.find(word);
  return it == kKeywords.end() ? ItemType::kError : it->second;
}

// The state machine of Go's lexer, run to the end instead of on demand.
class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}

  std::vector<Item> Run() {
    bool inside = false;
    while (!done_) inside = inside ? InsideAction() : Text();
    return std::move(items_);
  }

 private:
  char32_t Next() {
    if (pos_ >= in_.size()) {
      width_ = 0;
      return kEof;
    }
    const go::DecodedRune d = go::DecodeRune(in_.substr(pos_));
    width_ = d.width;
    pos_ += width_;
    return d.rune;
  }
  char32_t Peek() {
    const char32_t r = Next();
    Backup();
    return r;
  }
  void Backup() { pos_ -= width_; }
  bool Accept(std::string_view valid) {
    const char32_t r = Next();
    if (r != kEof && r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
    Backup();
    return false;
  }
  void AcceptRun(std::string_view valid) {
    while (Accept(valid)) {
    }
  }

  void Emit(ItemType type) {
    items_.push_back({type, start_, std::string(in_.substr(start_, pos_ - start_)), LineAt(start_)});
    start_ = pos_;
  }
  int LineAt(size_t pos) const { return 1 + static_cast<int>(std::count(in_.begin(), in_.begin() + pos, '\n')); }
  // Returns the next state: lexing stops.
  bool Error(std::string message) {
    items_.push_back({ItemType::kError, start_, std::move(message), LineAt(start_)});
    done_ = true;
    return false;
  }

  // Go's atRightDelim: at "}}", or at " -}}" (then trims).
  bool AtRightDelim(bool* trim) const {
    const std::string_view rest = in_.substr(pos_);
    if (HasRightTrimMarker(rest) && rest.substr(2).substr(0, 2) == kRightDelim) return *trim = true;
    *trim = false;
    return rest.substr(0, 2) == kRightDelim;
  }

  bool AtTerminator() {
    const char32_t r = Peek();
    if (IsSpace(r)) return true;
    switch (r) {
      case kEof: case '.': case ',': case '|': case ':': case ')': case '(': case '}':
        return true;
    }
    return false;
  }

  // Returns whether the next state is inside an action.
  bool Text() {
    const size_t x = in_.find(kLeftDelim, pos_);
    if (x == std::string_view::npos) {
      pos_ = in_.size();
      if (pos_ > start_) Emit(ItemType::kText);
      Emit(ItemType::kEOF);
      done_ = true;
      return false;
    }
    if (x > pos_) {
      pos_ = x;
      const size_t trim = HasLeftTrimMarker(in_.substr(x + kLeftDelim.size()))
                              ? TrailingSpace(in_.substr(start_, pos_ - start_))
                              : 0;
      pos_ -= trim;
      if (pos_ > start_) Emit(ItemType::kText);
      pos_ += trim;
      start_ = pos_;
    }
    return LeftDelim();
  }

  bool LeftDelim() {
    pos_ += kLeftDelim.size();
    const bool trim = HasLeftTrimMarker(in_.substr(pos_));
    const size_t after_marker = trim ? 2 : 0;
    if (in_.substr(pos_ + after_marker).substr(0, 2) == kLeftComment) {
      pos_ += after_marker;
      start_ = pos_;
      return Comment();
    }
    Emit(ItemType::kLeftDelim);
    pos_ += after_marker;
    start_ = pos_;
    paren_depth_ = 0;
    return true;
  }

  bool Comment() {
    pos_ += kLeftComment.size();
    const size_t x = in_.find(kRightComment, pos_);
    if (x == std::string_view::npos) return Error("unclosed comment");
    pos_ = x + kRightComment.size();
    bool trim = false;
    if (!AtRightDelim(&trim)) return Error("comment ends before closing delimiter");
    pos_ += (trim ? 2 : 0) + kRightDelim.size();
    if (trim) pos_ += LeadingSpace(in_.substr(pos_));
    start_ = pos_;
    return false;
  }

  bool RightDelim() {
    bool trim = false;
    AtRightDelim(&trim);
    if (trim) pos_ += 2, start_ = pos_;
    pos_ += kRightDelim.size();
    Emit(ItemType::kRightDelim);
    if (trim) pos_ += LeadingSpace(in_.substr(pos_)), start_ = pos_;
    return false;
  }

  bool InsideAction() {
    bool trim = false;
    if (AtRightDelim(&trim)) {
      if (paren_depth_ == 0) return RightDelim();
      return Error("unclosed left paren");
    }
    const char32_t r = Next();
    if (r == kEof) return Error("unclosed action");
    if (IsSpace(r)) {
      Backup();  // the space may begin " -}}"
      return Space();
    }
    switch (r) {
      case '=': Emit(ItemType::kAssign); return true;
      case ':':
        if (Next() != '=') return Error("expected :=");
        Emit(ItemType::kDeclare);
        return true;
      case '|': Emit(ItemType::kPipe); return true;
      case '"': return Quote();
      case '`': return RawQuote();
      case '$': return Variable();
      case '\'': return CharConstant();
      case '(':
        Emit(ItemType::kLeftParen);
        ++paren_depth_;
        return true;
      case ')':
        Emit(ItemType::kRightParen);
        if (--paren_depth_ < 0) return Error("unexpected right paren " + go::UnicodeRune(r));
        return true;
    }
    if (r == '.' && pos_ < in_.size() && (in_[pos_] < '0' || in_[pos_] > '9')) return FieldOrVariable(ItemType::kField);
    if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      Backup();
      return Number();
    }
    if (IsAlphaNumeric(r)) {
      Backup();
      return Identifier();
    }
    if (r < 0x80 && go::IsPrint(r)) {
      Emit(ItemType::kChar);
      return true;
    }
    return Error("unrecognized character in action: " + go::UnicodeRune(r));
  }

  bool Space() {
    int spaces = 0;
    while (IsSpace(Peek())) Next(), ++spaces;
    // " -}}": the space belongs to the trim marker.
    if (HasRightTrimMarker(in_.substr(pos_ - 1)) && in_.substr(pos_ + 1).substr(0, 2) == kRightDelim) {
      Backup();
      if (spaces == 1) return RightDelim();
    }
    Emit(ItemType::kSpace);
    return true;
  }

  bool Identifier() {
    char32_t r;
    while (IsAlphaNumeric(r = Next())) {
    }
    Backup();
    if (!AtTerminator()) return Error("bad character " + go::UnicodeRune(r));
    const std::string_view word = in_.substr(start_, pos_ - start_);
    const ItemType keyword = Keyword(word);
    if (keyword != ItemType::kError) {
      Emit(keyword);
    } else if (word == "true" || word == "false") {
      Emit(ItemType::kBool);
    } else {
      Emit(ItemType::kIdentifier);
    }
    return true;
  }

  bool Variable() {
    if (AtTerminator()) {
      Emit(ItemType::kVariable);
      return true;
    }
    return FieldOrVariable(ItemType::kVariable);
  }

  bool FieldOrVariable(ItemType type) {
    if (AtTerminator()) {
      Emit(type == ItemType::kVariable ? ItemType::kVariable : ItemType::kDot);
      return true;
    }
    char32_t r;
    while (IsAlphaNumeric(r = Next())) {
    }
    Backup();
    if (!AtTerminator()) return Error("bad character " + go::UnicodeRune(r));
    Emit(type);
    return true;
  }

  bool CharConstant() {
    for (;;) {
      const char32_t r = Next();
      if (r == '\\') {
        const char32_t e = Next();
        if (e != kEof && e != '\n') continue;
      }
      if (r == '\\' || r == kEof || r == '\n') return Error("unterminated character constant");
      if (r == '\'') break;
    }
    Emit(ItemType::kCharConstant);
    return true;
  }

  // Go's scanner accepts more than Go's number syntax; the parser rejects
  // the rest through strconv.
  bool ScanNumber() {
    Accept("+-");
    std::string_view digits = "0123456789_";
    if (Accept("0")) {
      if (Accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (Accept("oO")) {
        digits = "01234567_";
      } else if (Accept("bB")) {
        digits = "01_";
      }
    }
    AcceptRun(digits);
    if (Accept(".")) AcceptRun(digits);
    if (digits.size() == 11 && Accept("eE")) {
      Accept("+-");
      AcceptRun("0123456789_");
    }
    if (digits.size() == 23 && Accept("pP")) {
      Accept("+-");
      AcceptRun("0123456789_");
    }
    Accept("i");
    if (IsAlphaNumeric(Peek())) {
      Next();
      return false;
    }
    return true;
  }

  bool Number() {
    if (!ScanNumber()) return Error("bad number syntax: " + go::Quote(in_.substr(start_, pos_ - start_)));
    const char32_t sign = Peek();
    if (sign == '+' || sign == '-') {
      if (!ScanNumber() || in_[pos_ - 1] != 'i') {
        return Error("bad number syntax: " + go::Quote(in_.substr(start_, pos_ - start_)));
      }
      Emit(ItemType::kComplex);
    } else {
      Emit(ItemType::kNumber);
    }
    return true;
  }

  bool Quote() {
    for (;;) {
      const char32_t r = Next();
      if (r == '\\') {
        const char32_t e = Next();
        if (e != kEof && e != '\n') continue;
      }
      if (r == '\\' || r == kEof || r == '\n') return Error("unterminated quoted string");
      if (r == '"') break;
    }
    Emit(ItemType::kString);
    return true;
  }

  bool RawQuote() {
    for (;;) {
      const char32_t r = Next();
      if (r == kEof) return Error("unterminated raw quoted string");
      if (r == '`') break;
    }
    Emit(ItemType::kRawString);
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0, start_ = 0, width_ = 0;
  int paren_depth_ = 0;
  bool done_ = false;
  std::vector<Item> items_;
};

}  // namespace

std::string ItemString(const Item& item) {
  if (item.type == ItemType::kEOF) return "EOF";
  if (item.type == ItemType::kError) return item.val;
  if (item.type > ItemType::kKeyword) return "<" + item.val + ">";
  std::string_view head = item.val;
  size_t runes = 0, bytes = 0;
  while (bytes < head.size() && runes < 10) bytes += go::DecodeRune(head.substr(bytes)).width, ++runes;
  if (bytes < head.size()) return go::Quote(head.substr(0, bytes)) + "...";
  return go::Quote(item.val);
}

std::vector<Item> Lex(std::string_view input) { return Lexer(input).Run(); }

}  // namespace monc::runtime::tmpl
