#include "compiler/promql/token_source.h"

#include <utility>

#include "compiler/promql/go_strconv.h"
#include "compiler/promql/lex_literals.h"

namespace monc::promql {
namespace {

using Lexer = monc_promql_grammar::PromQLLexer;

// lex.go's keywords (matched case-insensitively); aggregations come from
// aggregations.def, as they depend on the target version.
struct Keyword {
  std::string_view word;
  size_t type;
};
constexpr Keyword kKeywords[] = {
    {"and", Lexer::LAND},
    {"or", Lexer::LOR},
    {"unless", Lexer::LUNLESS},
    {"atan2", Lexer::ATAN2},
    {"offset", Lexer::OFFSET},
    {"by", Lexer::BY},
    {"without", Lexer::WITHOUT},
    {"on", Lexer::ON},
    {"ignoring", Lexer::IGNORING},
    {"group_left", Lexer::GROUP_LEFT},
    {"group_right", Lexer::GROUP_RIGHT},
    {"bool", Lexer::BOOL},
    {"start", Lexer::START},
    {"end", Lexer::END},
    {"inf", Lexer::NUMBER},
    {"nan", Lexer::NUMBER},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool OpensLabelList(size_t previous_type) {
  switch (previous_type) {
    case Lexer::BY:
    case Lexer::WITHOUT:
    case Lexer::ON:
    case Lexer::IGNORING:
    case Lexer::GROUP_LEFT:
    case Lexer::GROUP_RIGHT:
      return true;
    default:
      return false;
  }
}

}  // namespace

CodePointStream::CodePointStream(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const go::DecodedRune d = go::DecodeRune(text.substr(pos));
    _data.push_back(d.rune);
    offsets_.push_back(static_cast<uint32_t>(pos));
    pos += d.width;
  }
  offsets_.push_back(static_cast<uint32_t>(text.size()));
}

TokenSource::TokenSource(std::string_view text, Version version, ErrorList* errors)
    : text_(text), version_(version), errors_(errors), input_(text), lexer_(&input_) {
  lexer_.removeErrorListeners();
}

std::unique_ptr<antlr4::Token> TokenSource::Make(size_t type, uint32_t begin, uint32_t end) {
  auto token = std::make_unique<antlr4::CommonToken>(type, std::string(text_.substr(begin, end - begin)));
  token->setStartIndex(begin);
  token->setStopIndex(static_cast<size_t>(end) - 1);
  last_type_ = type;
  return token;
}

std::unique_ptr<antlr4::Token> TokenSource::Stop(uint32_t offset, std::string message) {
  errors_->Add(offset, ErrorList::When::kLexing,
               PosRange{offset, static_cast<uint32_t>(text_.size())}, std::move(message));
  stopped_ = true;
  stop_offset_ = offset;
  return Make(antlr4::Token::EOF, offset, offset);
}

std::string TokenSource::InvalidCharacter(uint32_t begin, bool in_braces) const {
  const std::string_view rest = text_.substr(begin);
  const go::DecodedRune c = go::DecodeRune(rest);
  switch (c.rune) {
    case '"':
    case '\'':
    case '`': {
      std::string error = ScanQuoted(rest).error;
      if (!error.empty()) return error;
      break;
    }
    case '!': {
      const go::DecodedRune next = go::DecodeRune(rest.substr(1));
      return std::string("unexpected character after '!'") + (in_braces ? " inside braces" : "") +
             ": " + go::QuoteRune(next.width == 0 ? go::kRuneError : next.rune);
    }
    case '{':
      if (in_braces) return "unexpected left brace '{'";
      break;
  }
  return std::string(in_braces ? "unexpected character inside braces: " : "unexpected character: ") +
         go::QuoteRune(c.rune);
}

// A word outside braces: inside a subquery's brackets, its first character
// is a colon to Prometheus (or a second colon: an error); elsewhere a keyword,
// a special number, or a name.
std::unique_ptr<antlr4::Token> TokenSource::Identifier(uint32_t begin, uint32_t end, size_t start_index) {
  const std::string_view word = text_.substr(begin, end - begin);
  if (bracket_open_) {
    if (got_colon_) {
      return Stop(begin, "unexpected colon " + go::QuoteRune(static_cast<unsigned char>(word[0])));
    }
    got_colon_ = true;
    // Lex the rest of the word again, from its second character (the lexer
    // may have seen the end of input behind the word already).
    input_.seek(start_index + 1);
    lexer_.hitEOF = false;
    return Make(Lexer::COLON, begin, begin + 1);
  }
  const std::string lower = Lower(word);
  for (const Keyword& k : kKeywords) {
    if (k.word == lower) return Make(k.type, begin, end);
  }
  if (FindAggregation(lower, version_)) return Make(Lexer::AGGREGATE_OP, begin, end);
  if (word.find(':') != std::string_view::npos) return Make(Lexer::METRIC_IDENTIFIER, begin, end);
  return Make(Lexer::IDENTIFIER, begin, end);
}

std::unique_ptr<antlr4::Token> TokenSource::nextToken() {
  if (stopped_) return Make(antlr4::Token::EOF, stop_offset_, stop_offset_);
  const std::unique_ptr<antlr4::Token> raw = lexer_.nextToken();
  const size_t type = raw->getType();
  const size_t start_index = raw->getStartIndex();
  const uint32_t begin = input_.ByteOffset(start_index);
  const uint32_t end = type == antlr4::Token::EOF ? begin : input_.ByteOffset(raw->getStopIndex() + 1);
  const bool range_next = std::exchange(range_next_, false);
  const auto rest = [&] { return text_.substr(begin); };

  switch (type) {
    case antlr4::Token::EOF: {
      const auto length = static_cast<uint32_t>(text_.size());
      if (in_braces_) return Stop(length, "unexpected end of input inside braces");
      if (range_next) return Stop(length, "missing unit character in duration");
      if (paren_depth_ > 0) return Stop(length, "unclosed left parenthesis");
      if (bracket_open_) return Stop(length, "unclosed left bracket");
      return Make(type, length, length);
    }
    case Lexer::INVALID:
      return Stop(begin, InvalidCharacter(begin, false));
    case Lexer::BRACES_INVALID:
      return Stop(begin, InvalidCharacter(begin, true));
    case Lexer::BAD_EQL_TILDE:
      return Stop(begin, "unexpected character after '=': '~'");
    case Lexer::BAD_NUMBER:
      return Stop(begin, NumberOrDurationError(rest()));
    case Lexer::RANGE_INVALID:
      return Stop(begin, RangeDurationError(rest()));
    case Lexer::STRING: {
      std::string error = ScanQuoted(rest()).error;
      if (!error.empty()) return Stop(begin, std::move(error));
      break;
    }
    case Lexer::IDENTIFIER:
      return Identifier(begin, end, start_index);
    case Lexer::LEFT_PAREN:
      ++paren_depth_;
      if (OpensLabelList(last_type_)) return Make(Lexer::LABELS_PAREN, begin, end);
      break;
    case Lexer::RIGHT_PAREN:
      // Prometheus's lexer reads the parenthesis, then refuses it.
      if (--paren_depth_ < 0) return Stop(end, "unexpected right parenthesis ')'");
      break;
    case Lexer::LEFT_BRACKET:
      if (bracket_open_) return Stop(begin, "unexpected left bracket '['");
      bracket_open_ = true;
      got_colon_ = false;
      range_next_ = true;
      break;
    case Lexer::RIGHT_BRACKET:
      if (!bracket_open_) return Stop(begin, "unexpected right bracket ']'");
      bracket_open_ = false;
      break;
    case Lexer::LEFT_BRACE:
      in_braces_ = true;
      break;
    case Lexer::RIGHT_BRACE:
      in_braces_ = false;
      break;
    default:
      break;
  }
  return Make(type, begin, end);
}

}  // namespace monc::promql
