#include "runtime/template/template_parse.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "compiler/promql/go_strconv.h"
#include "runtime/template/template_lex.h"

namespace monc::runtime::tmpl {
namespace {

namespace go = promql::go;

// Go's parser stops at the first error by panicking; the parser here
// throws, and Parse catches, within this file only.
struct ParseError {
  std::string message;
};

std::string JoinIdents(const std::vector<std::string>& idents, bool leading_dot) {
  std::string out;
  for (size_t i = 0; i < idents.size(); ++i) {
    if (leading_dot || i > 0) out += '.';
    out += idents[i];
  }
  return out;
}

std::vector<std::string> SplitIdents(std::string_view text) {
  std::vector<std::string> out;
  size_t start = text.empty() || text[0] != '.' ? 0 : 1;
  for (;;) {
    const size_t dot = text.find('.', start);
    out.emplace_back(text.substr(start, dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

// strconv.Unquote of a "..." string (a `...` raw string has no escapes).
bool Unquote(std::string_view quoted, std::string& out, std::string& error) {
  out.clear();
  if (quoted[0] == '`') {
    for (char c : quoted.substr(1, quoted.size() - 2)) {
      if (c != '\r') out += c;
    }
    return true;
  }
  std::string_view s = quoted.substr(1, quoted.size() - 2);
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '\\') {
      out += s[i++];
      continue;
    }
    if (i + 1 >= s.size()) return error = "invalid syntax", false;
    const char c = s[i + 1];
    i += 2;
    static constexpr std::string_view kSimple = "abfnrtv\\\"";
    static constexpr std::string_view kValues = "\a\b\f\n\r\t\v\\\"";
    if (size_t k = kSimple.find(c); k != std::string_view::npos) {
      out += kValues[k];
      continue;
    }
    int digits = 0, base = 16;
    switch (c) {
      case 'x': digits = 2; break;
      case 'u': digits = 4; break;
      case 'U': digits = 8; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        digits = 3, base = 8, --i;
        break;
      default: return error = "invalid syntax", false;
    }
    if (i + digits > s.size()) return error = "invalid syntax", false;
    char* end = nullptr;
    const std::string hex(s.substr(i, digits));
    const unsigned long v = std::strtoul(hex.c_str(), &end, base);
    if (*end != '\0' || (c == '0' || (c >= '1' && c <= '7') ? v > 255 : false)) return error = "invalid syntax", false;
    i += digits;
    if (c == 'x' || base == 8) {
      out += static_cast<char>(v);
    } else {
      if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return error = "invalid syntax", false;
      out += go::EncodeRune(static_cast<char32_t>(v));
    }
  }
  return true;
}

std::string WithoutUnderscores(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') out += c;
  }
  return out;
}

// parse.newNumber for the constants templates write: ints in Go's bases,
// floats and character constants. Complex constants are not supported.
NumberConstant ParseNumber(const Item& item) {
  const std::string& text = item.val;
  NumberConstant n;
  if (item.type == ItemType::kCharConstant) {
    std::string rune, error;
    std::string quoted = text;
    quoted.front() = quoted.back() = '"';
    if (!Unquote(quoted, rune, error) || rune.empty() || go::DecodeRune(rune).width != rune.size()) {
      throw ParseError{"malformed character constant: " + text};
    }
    n.is_int = n.is_uint = n.is_float = true;
    n.int_value = go::DecodeRune(rune).rune;
    n.float_value = static_cast<double>(n.int_value);
    return n;
  }
  if (item.type == ItemType::kComplex || text.back() == 'i') {
    throw ParseError{"illegal number syntax: " + go::Quote(text)};
  }
  const std::string digits = WithoutUnderscores(text);
  const bool negative = digits[0] == '-';
  std::string_view body = digits;
  if (body[0] == '+' || body[0] == '-') body.remove_prefix(1);
  int base = 10;
  if (body.size() > 1 && body[0] == '0') {
    const char p = static_cast<char>(std::tolower(body[1]));
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
    body.remove_prefix(p == 'x' || p == 'o' || p == 'b' ? 2 : 1);
  }
  const std::string body_text(body);
  char* end = nullptr;
  errno = 0;
  const unsigned long long u = std::strtoull(body_text.c_str(), &end, base);
  if (!body_text.empty() && *end == '\0' && body_text[0] != '-' && body_text[0] != '+') {
    if (errno == 0) {
      if (!negative) n.is_uint = true;
      if (u <= (negative ? 9223372036854775808ull : 9223372036854775807ull)) {
        n.is_int = true;
        n.int_value = negative ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
      }
    }
  }
  n.float_syntax = base != 16 ? text.find_first_of(".eE") != std::string::npos : text.find_first_of("pP") != std::string::npos;
  if (n.is_int || n.is_uint) {
    n.is_float = true;
    n.float_value = n.is_int ? static_cast<double>(n.int_value) : static_cast<double>(u);
    return n;
  }
  errno = 0;
  const double f = std::strtod(digits.c_str(), &end);
  if (*end == '\0' && !std::isinf(f)) {  // Go reads an underflow as 0 without error
    if (!n.float_syntax) throw ParseError{"integer overflow: " + go::Quote(text)};
    n.is_float = true;
    n.float_value = f;
    if (std::trunc(f) == f && std::fabs(f) < 9.2233720368547758e18) n.is_int = true, n.int_value = static_cast<int64_t>(f);
    return n;
  }
  throw ParseError{"illegal number syntax: " + go::Quote(text)};
}

class Parser {
 public:
  Parser(std::string_view name, std::string_view text, const std::function<bool(std::string_view)>& has_function)
      : name_(name), items_(Lex(text)), has_function_(has_function) {}

  std::unique_ptr<Node> ParseAll() {
    auto root = NewNode(NodeType::kList, Peek().pos);
    while (Peek().type != ItemType::kEOF) {
      if (Peek().type == ItemType::kLeftDelim) {
        const size_t delim = index_;
        Next();
        if (NextNonSpace().type == ItemType::kDefine) Errorf("{{define}} is not supported in alert templates");
        index_ = delim;
      }
      auto n = TextOrAction();
      if (n->type == NodeType::kEnd || n->type == NodeType::kElse) Errorf("unexpected " + NodeString(*n));
      root->nodes.push_back(std::move(n));
    }
    return root;
  }

  [[noreturn]] void Errorf(const std::string& message) {
    throw ParseError{"template: " + name_ + ":" + std::to_string(items_[furthest_].line) + ": " + message};
  }

 private:
  // The last item (EOF or an error) repeats forever, as Go's lexer does.
  const Item& At(size_t index) {
    index = std::min(index, items_.size() - 1);
    furthest_ = std::max(furthest_, index);
    return items_[index];
  }
  const Item& Next() { return At(index_++); }
  const Item& Peek() { return At(index_); }
  void Backup() { --index_; }
  const Item& NextNonSpace() {
    while (Peek().type == ItemType::kSpace) Next();
    return Next();
  }
  const Item& PeekNonSpace() {
    while (Peek().type == ItemType::kSpace) Next();
    return Peek();
  }
  [[noreturn]] void Unexpected(const Item& item, const std::string& context) {
    if (item.type == ItemType::kError) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != item.line) {
        extra = " in action started at " + name_ + ":" + std::to_string(action_line_);
        if (item.val.size() >= 7 && item.val.compare(item.val.size() - 7, 7, " action") == 0) extra = extra.substr(10);
      }
      Errorf(ItemString(item) + extra);
    }
    Errorf("unexpected " + ItemString(item) + " in " + context);
  }

  const Item& Expect(ItemType type, const std::string& context) {
    const Item& item = NextNonSpace();
    if (item.type != type) Unexpected(item, context);
    return item;
  }

  std::unique_ptr<Node> NewNode(NodeType type, size_t pos) { return std::make_unique<Node>(type, pos); }

  std::unique_ptr<Node> TextOrAction() {
    const Item& item = NextNonSpace();
    if (item.type == ItemType::kText) {
      auto n = NewNode(NodeType::kText, item.pos);
      n->text = item.val;
      return n;
    }
    if (item.type != ItemType::kLeftDelim) Unexpected(item, "input");
    action_line_ = item.line;
    auto n = Action();
    action_line_ = 0;
    return n;
  }

  // itemList: up to {{end}} or {{else}}, returned as `next`.
  std::unique_ptr<Node> ItemList(std::unique_ptr<Node>& next) {
    auto list = NewNode(NodeType::kList, PeekNonSpace().pos);
    while (PeekNonSpace().type != ItemType::kEOF) {
      auto n = TextOrAction();
      if (n->type == NodeType::kEnd || n->type == NodeType::kElse) {
        next = std::move(n);
        return list;
      }
      list->nodes.push_back(std::move(n));
    }
    Errorf("unexpected EOF");
  }

  std::unique_ptr<Node> Action() {
    const Item& item = NextNonSpace();
    switch (item.type) {
      case ItemType::kBlock:
      case ItemType::kTemplate:
        Errorf("{{" + item.val + "}} is not supported in alert templates");
      case ItemType::kBreak:
      case ItemType::kContinue: {
        const std::string word = item.val;
        const size_t pos = item.pos;
        const Item& close = NextNonSpace();
        if (close.type != ItemType::kRightDelim) Unexpected(close, "{{" + word + "}}");
        if (range_depth_ == 0) Errorf("{{" + word + "}} outside {{range}}");
        return NewNode(word == "break" ? NodeType::kBreak : NodeType::kContinue, pos);
      }
      case ItemType::kElse: {
        const Item& peek = PeekNonSpace();
        if (peek.type == ItemType::kIf) return NewNode(NodeType::kElse, peek.pos);  // "else if"
        return NewNode(NodeType::kElse, Expect(ItemType::kRightDelim, "else").pos);
      }
      case ItemType::kEnd:
        return NewNode(NodeType::kEnd, Expect(ItemType::kRightDelim, "end").pos);
      case ItemType::kIf: return Control(NodeType::kIf, "if");
      case ItemType::kRange: return Control(NodeType::kRange, "range");
      case ItemType::kWith: return Control(NodeType::kWith, "with");
      default: break;
    }
    Backup();
    auto n = NewNode(NodeType::kAction, Peek().pos);
    n->line = Peek().line;
    n->pipe = Pipeline("command", ItemType::kRightDelim);
    return n;
  }

  std::unique_ptr<Node> Control(NodeType type, const std::string& context) {
    const size_t vars = vars_.size();
    auto n = NewNode(type, 0);
    n->pipe = Pipeline(context, ItemType::kRightDelim);
    n->pos = n->pipe->pos;
    n->line = n->pipe->line;
    if (type == NodeType::kRange) ++range_depth_;
    std::unique_ptr<Node> next;
    n->list = ItemList(next);
    if (type == NodeType::kRange) --range_depth_;
    if (next->type == NodeType::kElse) {
      if (type == NodeType::kIf && Peek().type == ItemType::kIf) {
        // {{else if b}} is {{else}}{{if b}}...{{end}} with one shared {{end}}.
        Next();
        n->else_list = NewNode(NodeType::kList, next->pos);
        n->else_list->nodes.push_back(Control(NodeType::kIf, "if"));
      } else {
        n->else_list = ItemList(next);
        if (next->type != NodeType::kEnd) Errorf("expected end; found " + NodeString(*next));
      }
    }
    vars_.resize(vars);
    return n;
  }

  std::unique_ptr<Node> Pipeline(const std::string& context, ItemType end) {
    const Item& first = PeekNonSpace();
    auto pipe = NewNode(NodeType::kPipe, first.pos);
    pipe->line = first.line;
    for (bool more = true; more;) {
      more = false;
      const Item& v = PeekNonSpace();
      if (v.type != ItemType::kVariable) break;
      const size_t at_variable = index_;
      Next();
      const Item& next = PeekNonSpace();
      if (next.type == ItemType::kAssign || next.type == ItemType::kDeclare) {
        pipe->is_assign = next.type == ItemType::kAssign;
        NextNonSpace();
        pipe->decls.push_back(Variable(v));
        vars_.push_back(v.val);
      } else if (next.type == ItemType::kChar && next.val == ",") {
        NextNonSpace();
        pipe->decls.push_back(Variable(v));
        vars_.push_back(v.val);
        if (context == "range" && pipe->decls.size() < 2) {
          const ItemType t = PeekNonSpace().type;
          if (t != ItemType::kVariable && t != ItemType::kRightDelim && t != ItemType::kRightParen) {
            Errorf("range can only initialize variables");
          }
          more = true;
          continue;
        }
        Errorf("too many declarations in " + context);
      } else {
        index_ = at_variable;
      }
    }
    for (;;) {
      const Item& item = NextNonSpace();
      if (item.type == end) {
        if (pipe->nodes.empty()) Errorf("missing value for " + context);
        for (size_t i = 1; i < pipe->nodes.size(); ++i) {
          switch (pipe->nodes[i]->nodes[0]->type) {
            case NodeType::kBool: case NodeType::kDot: case NodeType::kNil: case NodeType::kNumber:
            case NodeType::kString:
              Errorf("non executable command in pipeline stage " + std::to_string(i + 1));
            default: break;
          }
        }
        return pipe;
      }
      switch (item.type) {
        case ItemType::kBool: case ItemType::kCharConstant: case ItemType::kComplex: case ItemType::kDot:
        case ItemType::kField: case ItemType::kIdentifier: case ItemType::kNumber: case ItemType::kNil:
        case ItemType::kRawString: case ItemType::kString: case ItemType::kVariable: case ItemType::kLeftParen:
          Backup();
          pipe->nodes.push_back(Command());
          break;
        default:
          Unexpected(item, context);
      }
    }
  }

  std::unique_ptr<Node> Variable(const Item& item) {
    auto n = NewNode(NodeType::kVariable, item.pos);
    n->idents = SplitIdents(item.val);
    return n;
  }

  std::unique_ptr<Node> Command() {
    auto cmd = NewNode(NodeType::kCommand, PeekNonSpace().pos);
    for (;;) {
      PeekNonSpace();
      if (auto operand = Operand()) cmd->nodes.push_back(std::move(operand));
      const Item& item = Next();
      if (item.type == ItemType::kSpace) continue;
      if (item.type == ItemType::kRightDelim || item.type == ItemType::kRightParen) {
        Backup();
      } else if (item.type != ItemType::kPipe) {
        Unexpected(item, "operand");
      }
      break;
    }
    if (cmd->nodes.empty()) Errorf("empty command");
    return cmd;
  }

  std::unique_ptr<Node> Operand() {
    auto node = Term();
    if (!node || Peek().type != ItemType::kField) return node;
    const size_t pos = Peek().pos;
    std::vector<std::string> fields;
    while (Peek().type == ItemType::kField) fields.push_back(Next().val.substr(1));
    switch (node->type) {
      case NodeType::kField:
      case NodeType::kVariable:
        node->pos = pos;
        node->idents.insert(node->idents.end(), fields.begin(), fields.end());
        return node;
      case NodeType::kBool: case NodeType::kString: case NodeType::kNumber: case NodeType::kNil:
      case NodeType::kDot:
        Errorf("unexpected . after term " + go::Quote(NodeString(*node)));
      default: {
        auto chain = NewNode(NodeType::kChain, pos);
        chain->operand = std::move(node);
        chain->idents = std::move(fields);
        return chain;
      }
    }
  }

  std::unique_ptr<Node> Term() {
    const Item& item = NextNonSpace();
    switch (item.type) {
      case ItemType::kIdentifier: {
        if (!has_function_(item.val)) Errorf("function " + go::Quote(item.val) + " not defined");
        auto n = NewNode(NodeType::kIdentifier, item.pos);
        n->idents = {item.val};
        return n;
      }
      case ItemType::kDot: return NewNode(NodeType::kDot, item.pos);
      case ItemType::kNil: return NewNode(NodeType::kNil, item.pos);
      case ItemType::kVariable: {
        auto n = Variable(item);
        if (std::find(vars_.begin(), vars_.end(), n->idents[0]) == vars_.end()) {
          Errorf("undefined variable " + go::Quote(n->idents[0]));
        }
        return n;
      }
      case ItemType::kField: {
        auto n = NewNode(NodeType::kField, item.pos);
        n->idents = SplitIdents(item.val);
        return n;
      }
      case ItemType::kBool: {
        auto n = NewNode(NodeType::kBool, item.pos);
        n->truth = item.val == "true";
        return n;
      }
      case ItemType::kCharConstant:
      case ItemType::kComplex:
      case ItemType::kNumber: {
        auto n = NewNode(NodeType::kNumber, item.pos);
        n->text = item.val;
        try {
          n->number = ParseNumber(item);
        } catch (const ParseError& e) {
          Errorf(e.message);
        }
        return n;
      }
      case ItemType::kLeftParen: return Pipeline("parenthesized pipeline", ItemType::kRightParen);
      case ItemType::kString:
      case ItemType::kRawString: {
        auto n = NewNode(NodeType::kString, item.pos);
        n->text = item.val;
        std::string error;
        if (!Unquote(item.val, n->value, error)) Errorf(error);
        return n;
      }
      default:
        Backup();
        return nullptr;
    }
  }

  std::string name_;
  std::vector<Item> items_;
  const std::function<bool(std::string_view)>& has_function_;
  size_t index_ = 0;
  size_t furthest_ = 0;
  int action_line_ = 0;
  int range_depth_ = 0;
  std::vector<std::string> vars_ = {"$"};
};

}  // namespace

std::string NodeString(const Node& node) {
  auto join = [](const std::vector<std::unique_ptr<Node>>& nodes, const char* sep) {
    std::string out;
    for (size_t i = 0; i < nodes.size(); ++i) out += (i > 0 ? sep : "") + NodeString(*nodes[i]);
    return out;
  };
  switch (node.type) {
    case NodeType::kList: return join(node.nodes, "");
    case NodeType::kText: return node.text;
    case NodeType::kAction: return "{{" + NodeString(*node.pipe) + "}}";
    case NodeType::kIf:
    case NodeType::kRange:
    case NodeType::kWith: {
      const char* word = node.type == NodeType::kIf ? "if" : node.type == NodeType::kRange ? "range" : "with";
      std::string out = std::string("{{") + word + " " + NodeString(*node.pipe) + "}}" + NodeString(*node.list);
      if (node.else_list) out += "{{else}}" + NodeString(*node.else_list);
      return out + "{{end}}";
    }
    case NodeType::kBreak: return "{{break}}";
    case NodeType::kContinue: return "{{continue}}";
    case NodeType::kPipe: {
      std::string out = join(node.decls, ", ");
      if (!node.decls.empty()) out += node.is_assign ? " = " : " := ";
      return out + join(node.nodes, " | ");
    }
    case NodeType::kCommand: {
      std::string out;
      for (size_t i = 0; i < node.nodes.size(); ++i) {
        if (i > 0) out += ' ';
        const bool paren = node.nodes[i]->type == NodeType::kPipe;
        out += (paren ? "(" : "") + NodeString(*node.nodes[i]) + (paren ? ")" : "");
      }
      return out;
    }
    case NodeType::kIdentifier: return node.idents[0];
    case NodeType::kVariable: return JoinIdents(node.idents, false);
    case NodeType::kField: return JoinIdents(node.idents, true);
    case NodeType::kChain: {
      const bool paren = node.operand->type == NodeType::kPipe;
      return (paren ? "(" : "") + NodeString(*node.operand) + (paren ? ")" : "") + JoinIdents(node.idents, true);
    }
    case NodeType::kDot: return ".";
    case NodeType::kNil: return "nil";
    case NodeType::kBool: return node.truth ? "true" : "false";
    case NodeType::kNumber:
    case NodeType::kString: return node.text;
    case NodeType::kEnd: return "{{end}}";
    case NodeType::kElse: return "{{else}}";
  }
  return "";
}

ParseResult Parse(std::string_view name, std::string_view text,
                  const std::function<bool(std::string_view)>& has_function) {
  Parser parser(name, text, has_function);
  try {
    return {parser.ParseAll(), ""};
  } catch (const ParseError& e) {
    return {nullptr, e.message};
  }
}

}  // namespace monc::runtime::tmpl
