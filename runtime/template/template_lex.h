// The lexer of Go's text/template (Go 1.19, which Prometheus 2.42 is built
// with): text outside {{ }}, trim markers "{{- " and " -}}" that eat the
// white space beside them, comments {{/* */}}, and inside actions the
// tokens of pipelines. Positions are byte offsets into the whole text;
// errors are error items carrying Go's message.
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_LEX_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_LEX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace monc::runtime::tmpl {

// In Go's order: the keywords come after kKeyword, and print as <word>.
enum class ItemType {
  kError, kBool, kChar, kCharConstant, kComplex, kAssign, kDeclare, kEOF,
  kField, kIdentifier, kLeftDelim, kLeftParen, kNumber, kPipe, kRawString,
  kRightDelim, kRightParen, kSpace, kString, kText, kVariable,
  kKeyword,
  kBlock, kBreak, kContinue, kDot, kDefine, kElse, kEnd, kIf, kNil, kRange,
  kTemplate, kWith,
};

struct Item {
  ItemType type = ItemType::kEOF;
  size_t pos = 0;
  std::string val;
  int line = 1;
};

// Go's item.String, as parse errors quote a token: "EOF", <end>, "foo",
// "longstring"... (at most 10 runes).
std::string ItemString(const Item& item);

// All items of `input`, ending with kEOF or with the first kError.
std::vector<Item> Lex(std::string_view input);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_LEX_H_
