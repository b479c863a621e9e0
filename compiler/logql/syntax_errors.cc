#include "compiler/logql/syntax_errors.h"

#include <map>
#include <vector>

#include "grammar/LogQLParser.h"

namespace monc::logql {
namespace {

using P = monc_logql_grammar::LogQLParser;

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// The names Loki gives tokens by their text (its `tokens` map); the rest
// keep their yacc names.
const std::map<size_t, std::string>& TextNames() {
  static const std::map<size_t, std::string> names = {
      {P::COMMA, ","}, {P::DOT, "."}, {P::OPEN_BRACE, "{"}, {P::CLOSE_BRACE, "}"},
      {P::EQ, "="}, {P::NEQ, "!="}, {P::RE, "=~"}, {P::NRE, "!~"}, {P::NPA, "!>"},
      {P::PIPE_EXACT, "|="}, {P::PIPE_MATCH, "|~"}, {P::PIPE_PATTERN, "|>"}, {P::PIPE, "|"},
      {P::UNWRAP, "unwrap"}, {P::OPEN_PARENTHESIS, "("}, {P::CLOSE_PARENTHESIS, ")"},
      {P::BY, "by"}, {P::WITHOUT, "without"}, {P::BOOL, "bool"}, {P::OPEN_BRACKET, "["},
      {P::CLOSE_BRACKET, "]"}, {P::LABEL_REPLACE, "label_replace"}, {P::OFFSET, "offset"},
      {P::ON, "on"}, {P::IGNORING, "ignoring"}, {P::GROUP_LEFT, "group_left"},
      {P::GROUP_RIGHT, "group_right"}, {P::OR, "or"}, {P::AND, "and"}, {P::UNLESS, "unless"},
      {P::ADD, "+"}, {P::SUB, "-"}, {P::MUL, "*"}, {P::DIV, "/"}, {P::MOD, "%"}, {P::POW, "^"},
      {P::CMP_EQ, "=="}, {P::GT, ">"}, {P::GTE, ">="}, {P::LT, "<"}, {P::LTE, "<="},
      {P::JSON, "json"}, {P::LOGFMT, "logfmt"}, {P::UNPACK, "unpack"},
      {P::LABEL_FMT, "label_format"}, {P::LINE_FMT, "line_format"}, {P::IP, "ip"},
      {P::DECOLORIZE, "decolorize"}, {P::DROP, "drop"}, {P::KEEP, "keep"},
      {P::VARIANTS, "variants"}, {P::OF, "of"},
  };
  return names;
}

std::string NameOfType(size_t type) {
  if (type == antlr4::Token::EOF) return "$end";
  auto it = TextNames().find(type);
  if (it != TextNames().end()) return it->second;
  switch (type) {
    case P::BYTES: return "BYTES";
    case P::IDENTIFIER: return "IDENTIFIER";
    case P::STRING: return "STRING";
    case P::NUMBER: return "NUMBER";
    case P::PARSER_FLAG: return "PARSER_FLAG";
    case P::DURATION: return "DURATION";
    case P::RANGE: return "RANGE";
    case P::VECTOR: return "VECTOR";
    case P::PARSER_WITH_STRING: return "pattern";
    case P::CONV: return "DURATION_CONV";
    default: return "VECTOR_OP";  // RANGE_OP and VECTOR_OP: one of many
  }
}

// Where the parser stopped: the token its prediction or match failed on.
class StopIndex : public antlr4::BailErrorStrategy {
 public:
  void recover(antlr4::Parser* parser, std::exception_ptr e) override {
    try {
      std::rethrow_exception(e);
    } catch (const antlr4::RecognitionException& re) {
      index = re.getOffendingToken()->getTokenIndex();
    } catch (...) {
      index = parser->getCurrentToken()->getTokenIndex();
    }
    antlr4::BailErrorStrategy::recover(parser, e);
  }
  antlr4::Token* recoverInline(antlr4::Parser* parser) override {
    index = parser->getCurrentToken()->getTokenIndex();
    return antlr4::BailErrorStrategy::recoverInline(parser);
  }
  size_t index = 0;
};

// Whether the parser gets past `candidate` after `prefix`: it either
// finishes or stops at a later token.
bool Viable(const std::vector<antlr4::Token*>& prefix, size_t candidate) {
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  for (antlr4::Token* t : prefix) tokens.push_back(std::make_unique<antlr4::CommonToken>(t));
  tokens.push_back(std::make_unique<antlr4::CommonToken>(candidate, "x"));
  if (candidate != antlr4::Token::EOF) {
    tokens.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF, "<EOF>"));
  }
  antlr4::ListTokenSource source(std::move(tokens));
  antlr4::CommonTokenStream stream(&source);
  P parser(&stream);
  parser.removeErrorListeners();
  auto stop = std::make_shared<StopIndex>();
  parser.setErrorHandler(stop);
  try {
    parser.root();
    return true;
  } catch (const antlr4::ParseCancellationException&) {
    return stop->index > prefix.size();
  }
}

// The tokens that could come where `offending` stands, as yacc lists them
// (by token number, never the end of input), when there are at most four.
std::string Expecting(antlr4::Parser* parser, const antlr4::Token& offending) {
  std::vector<antlr4::Token*> prefix;
  for (size_t i = 0; i < offending.getTokenIndex(); ++i) prefix.push_back(parser->getTokenStream()->get(i));
  std::vector<size_t> expected;
  for (size_t type = 1; type <= P::POW && expected.size() <= 4; ++type) {
    if (Viable(prefix, type)) expected.push_back(type);
  }
  if (expected.empty() || expected.size() > 4) return "";
  std::string out;
  for (size_t i = 0; i < expected.size(); ++i) {
    out += (i == 0 ? ", expecting " : " or ") + NameOfType(expected[i]);
  }
  return out;
}

}  // namespace

std::string DescribeToken(const antlr4::Token& token) {
  switch (token.getType()) {
    // One token here for a row of a table; one token each in Loki.
    case P::RANGE_OP:
    case P::VECTOR_OP:
      return Upper(token.getText());
    case P::CONV:
      return Upper(token.getText()) + "_CONV";
    case P::PARSER_WITH_STRING: {
      std::string lower = token.getText();
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return lower;
    }
    default:
      return NameOfType(token.getType());
  }
}

Error ErrorAt(const TokenSource& tokens, const antlr4::Token& token, std::string message) {
  const TokenInfo& info = tokens.Info(token);
  Error e;
  e.begin = static_cast<uint32_t>(token.getStartIndex());
  e.end = token.getType() == antlr4::Token::EOF ? e.begin
                                                : static_cast<uint32_t>(token.getStopIndex() + 1);
  e.message = std::move(message);
  e.loki_line = info.loki_line;
  e.loki_column = info.loki_column;
  return e;
}

void FirstErrorStrategy::Record(antlr4::Parser* parser, const antlr4::Token& offending) {
  if (error_) return;
  std::string message = "syntax error: unexpected " + DescribeToken(offending);
  message += Expecting(parser, offending);
  error_ = ErrorAt(tokens_, offending, std::move(message));
}

void FirstErrorStrategy::recover(antlr4::Parser* parser, std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const antlr4::RecognitionException& re) {
    Record(parser, *re.getOffendingToken());
  } catch (...) {
    Record(parser, *parser->getCurrentToken());
  }
  antlr4::BailErrorStrategy::recover(parser, e);
}

antlr4::Token* FirstErrorStrategy::recoverInline(antlr4::Parser* parser) {
  Record(parser, *parser->getCurrentToken());
  return antlr4::BailErrorStrategy::recoverInline(parser);
}

}  // namespace monc::logql
