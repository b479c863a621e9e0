// The tokens of a LogQL expression, as Loki's lexer (pkg/logql/syntax/
// lex.go over Go's text/scanner) gives them to its parser. Loki's lexer
// reads ahead character by character to decide a token (`5m` is a duration
// only when a duration parser takes it, `[5m]` is one RANGE token read raw,
// `rate` is a keyword only when `(` follows, `--strict` is a parser flag), so
// it is reproduced here by hand rather than by an ANTLR lexer; the parser is
// grammar/LogQLParser.g4.
//
// Tokens carry byte offsets into the text as start/stop indexes and the
// original bytes as their text; Info() has their values and the line and
// column Loki would name in an error there. The first lexer error ends the
// input, as Loki reports only the first.
#ifndef MONC_COMPILER_LOGQL_TOKEN_SOURCE_H_
#define MONC_COMPILER_LOGQL_TOKEN_SOURCE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "antlr4-runtime.h"

namespace monc::logql {

struct TokenInfo {
  // Where Loki's error messages place an error found at this token: its
  // lexer's position after reading it (line 0 once it read ahead).
  uint32_t loki_line = 0;
  uint32_t loki_column = 0;
  std::string value;        // STRING: unquoted; others: the text
  int64_t duration_ns = 0;  // DURATION and RANGE
  uint64_t bytes = 0;       // BYTES
};

struct LexError {
  uint32_t offset = 0;
  TokenInfo where;
  std::string message;
};

class TokenSource : public antlr4::TokenSource {
 public:
  explicit TokenSource(std::string_view text);

  std::unique_ptr<antlr4::Token> nextToken() override;

  const TokenInfo& Info(const antlr4::Token& token) const;
  const std::optional<LexError>& error() const { return error_; }
  // Whether `token` is the end of input made up after a lexer error.
  bool IsCutShort(const antlr4::Token& token) const {
    return error_ && token.getType() == antlr4::Token::EOF;
  }

  size_t getLine() const override { return 1; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return &input_; }
  std::string getSourceName() override { return "logql"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  // Go's text/scanner over the text: Peek/Next by rune, Scan by token.
  char32_t Peek(size_t offset) const;
  char32_t Next();     // lex.go's l.Next(): Loki's error line becomes 0
  char32_t Advance();  // text/scanner reading inside a Scan
  int ScanRaw();  // a text/scanner token class (below) or the rune
  void ScanNumber();
  void ScanQuoted(char32_t quote);
  void ScanError(std::string message);
  bool IsFunctionAhead() const;

  // lex.go's tryScanDuration/tryScanBytes/tryScanFlag: extend the token
  // when what follows makes it one.
  bool TryDuration();
  bool TryBytes();
  bool TryFlag();

  std::unique_ptr<antlr4::Token> Make(size_t type);
  std::unique_ptr<antlr4::Token> Keyword(const std::string& text);

  std::string_view text_;
  antlr4::ANTLRInputStream input_;
  size_t pos_ = 0;        // the next byte to read
  size_t tok_begin_ = 0;  // the token being read
  uint32_t tok_line_ = 0, tok_column_ = 0;
  bool read_ahead_ = false;  // Next() called since the token's start: Loki's Line is 0
  TokenInfo info_;
  std::map<size_t, TokenInfo> infos_;  // by start offset
  std::optional<LexError> error_;
};

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_TOKEN_SOURCE_H_
