// The tokens of a PromQL expression, as Prometheus 2.42's lexer
// (promql/parser/lex.go) gives them to its parser. The generated ANTLR lexer
// (grammar/PromQLLexer.g4) finds the tokens; TokenSource adds what
// Prometheus's lexer decides from its state: keywords, the letters-as-colon
// of subquery brackets, the `(` that opens a label list, and its errors
// (an unclosed parenthesis, a bad escape, ...), after which the input ends,
// as in Prometheus. Tokens carry byte offsets into the text as their
// start/stop indexes and the original bytes as their text.
#ifndef MONC_COMPILER_PROMQL_TOKEN_SOURCE_H_
#define MONC_COMPILER_PROMQL_TOKEN_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "antlr4-runtime.h"
#include "compiler/promql/error_list.h"
#include "compiler/promql/tables.h"
#include "grammar/PromQLLexer.h"

namespace monc::promql {

// The text as ANTLR reads it: code points decoded the Go way (an invalid
// byte is one U+FFFD), each with its byte offset.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::string_view text);
  // The byte offset of code point `index`; size() gives the text's length.
  uint32_t ByteOffset(size_t index) const { return offsets_[index]; }

 private:
  std::vector<uint32_t> offsets_;
};

class TokenSource : public antlr4::TokenSource {
 public:
  TokenSource(std::string_view text, Version version, ErrorList* errors);

  std::unique_ptr<antlr4::Token> nextToken() override;

  // Whether `token` is the end of input made up after a lexer error: the
  // parser's complaint about it is not reported (Prometheus's neither).
  bool IsCutShort(const antlr4::Token& token) const {
    return stopped_ && token.getType() == antlr4::Token::EOF;
  }

  size_t getLine() const override { return 1; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return &input_; }
  std::string getSourceName() override { return "promql"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return lexer_.getTokenFactory();
  }

 private:
  using Lexer = monc_promql_grammar::PromQLLexer;

  std::unique_ptr<antlr4::Token> Make(size_t type, uint32_t begin, uint32_t end);
  // Records a lexer error and ends the input there.
  std::unique_ptr<antlr4::Token> Stop(uint32_t offset, std::string message);
  std::unique_ptr<antlr4::Token> Identifier(uint32_t begin, uint32_t end, size_t start_index);
  std::string InvalidCharacter(uint32_t begin, bool in_braces) const;

  std::string_view text_;
  Version version_;
  ErrorList* errors_;
  CodePointStream input_;
  Lexer lexer_;

  // lex.go's state.
  int paren_depth_ = 0;
  bool in_braces_ = false;
  bool bracket_open_ = false;
  bool range_next_ = false;  // right after `[`: a duration must follow
  bool got_colon_ = false;
  size_t last_type_ = antlr4::Token::INVALID_TYPE;
  bool stopped_ = false;
  uint32_t stop_offset_ = 0;
};

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_TOKEN_SOURCE_H_
