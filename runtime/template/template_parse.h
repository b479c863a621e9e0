// The parse tree of Go's text/template and its parser (Go 1.19): text,
// actions, if/else if/else, range (with else, $i, $e :=, break, continue),
// with, and pipelines of commands over fields, variables, functions and
// constants. Function names are checked at parse time, as Go does
// ("function \"foo\" not defined"). define, template and block are not
// supported: alert templates are single texts.
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_PARSE_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_PARSE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace monc::runtime::tmpl {

enum class NodeType {
  kList, kText, kAction, kIf, kRange, kWith, kBreak, kContinue,
  kPipe, kCommand, kIdentifier, kVariable, kField, kChain,
  kDot, kNil, kBool, kNumber, kString,
  kEnd, kElse,  // only while parsing
};

// A numeric constant as Go's parse.NumberNode classifies it.
struct NumberConstant {
  bool is_int = false;    // fits int64
  bool is_float = false;  // has a float64 value
  bool is_uint = false;   // fits uint64 (an overflow for Go's int)
  int64_t int_value = 0;
  double float_value = 0;
  bool float_syntax = false;  // written as a float (1.0, 1e3): Go's ideal float
};

// One node type with the fields each kind uses, as few kinds as Go's.
struct Node {
  NodeType type;
  size_t pos = 0;  // byte offset into the template text
  int line = 1;
  std::vector<std::unique_ptr<Node>> nodes;  // kList: items; kPipe: commands; kCommand: args
  std::vector<std::unique_ptr<Node>> decls;  // kPipe: declared variables
  bool is_assign = false;                    // kPipe: "=" rather than ":="
  std::unique_ptr<Node> pipe;                // kAction, kIf, kRange, kWith
  std::unique_ptr<Node> list, else_list;     // kIf, kRange, kWith
  std::unique_ptr<Node> operand;             // kChain: what the fields apply to
  std::vector<std::string> idents;           // kIdentifier (one), kVariable, kField, kChain
  std::string text;       // kText: the text; kString: as written; kNumber: as written
  std::string value;      // kString: unquoted
  bool truth = false;     // kBool
  NumberConstant number;  // kNumber

  Node(NodeType t, size_t p) : type(t), pos(p) {}
};

// Go's Node.String: how errors quote a node ("at <humanize \"x\">").
std::string NodeString(const Node& node);

struct ParseResult {
  std::unique_ptr<Node> root;  // kList; null on error
  std::string error;  // "template: NAME:LINE: MESSAGE", as Go
};

// Parses `text` as the template `name`. `has_function` says which
// identifiers are functions.
ParseResult Parse(std::string_view name, std::string_view text,
                  const std::function<bool(std::string_view)>& has_function);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_PARSE_H_
