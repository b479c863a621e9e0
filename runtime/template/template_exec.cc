#include "runtime/template/template_exec.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "compiler/promql/go_strconv.h"
#include "runtime/template/go_format.h"
#include "runtime/template/template_funcs.h"

namespace monc::runtime::tmpl {
namespace {

// Go's executor stops at the first error by panicking; this one throws,
// and Execute catches, within this file only.
struct ExecError {
  std::string message;
};

enum class Flow { kNormal, kBreak, kContinue };

// The piped-in value of a command, when there is one (Go's missingVal).
using Final = std::optional<Value>;

class State {
 public:
  State(std::string_view name, std::string_view text, const TemplateData& data)
      : name_(name), text_(text), data_(data) {}

  std::string& out() { return out_; }
  void Push(const std::string& name, Value v) { vars_.emplace_back(name, std::move(v)); }

  Flow Walk(const Value& dot, const Node& node) {
    switch (node.type) {
      case NodeType::kText:
        out_ += node.text;
        return Flow::kNormal;
      case NodeType::kAction: {
        Value v = EvalPipeline(dot, *node.pipe);
        if (node.pipe->decls.empty()) Print(v);
        return Flow::kNormal;
      }
      case NodeType::kList:
        for (const auto& n : node.nodes) {
          if (Flow f = Walk(dot, *n); f != Flow::kNormal) return f;
        }
        return Flow::kNormal;
      case NodeType::kIf:
      case NodeType::kWith: {
        const size_t mark = vars_.size();
        Value v = EvalPipeline(dot, *node.pipe);
        Flow f = Flow::kNormal;
        if (IsTrue(v)) {
          f = Walk(node.type == NodeType::kWith ? v : dot, *node.list);
        } else if (node.else_list) {
          f = Walk(dot, *node.else_list);
        }
        vars_.resize(mark);
        return f;
      }
      case NodeType::kRange: {
        const size_t mark = vars_.size();
        WalkRange(dot, node);
        vars_.resize(mark);
        return Flow::kNormal;
      }
      case NodeType::kBreak: return Flow::kBreak;
      case NodeType::kContinue: return Flow::kContinue;
      default:
        Errorf("unknown node: " + NodeString(node));
    }
  }

  [[noreturn]] void Errorf(const std::string& message) {
    if (!at_) throw ExecError{"template: " + name_ + ": " + message};
    const std::string_view before = text_.substr(0, at_->pos);
    const size_t newline = before.rfind('\n');
    const size_t column = newline == std::string_view::npos ? at_->pos : at_->pos - newline - 1;
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    throw ExecError{"template: " + name_ + ":" + std::to_string(line) + ":" + std::to_string(column) +
                    ": executing \"" + name_ + "\" at <" + NodeString(*at_) + ">: " + message};
  }

 private:
  void At(const Node& node) { at_ = &node; }

  // printValue: what an action prints.
  void Print(const Value& v) {
    switch (v.kind) {
      case Kind::kInvalid: out_ += "<no value>"; return;
      case Kind::kSample:  // printableValue takes the struct out of the pointer
        if (v.sample) {
          out_ += Sprint(v).substr(1);
          return;
        }
        break;
      default: break;
    }
    out_ += Sprint(v);
  }

  void WalkRange(const Value& dot, const Node& node) {
    At(node);
    Value v = EvalPipeline(dot, *node.pipe);
    const size_t mark = vars_.size();
    const auto& decls = node.pipe->decls;
    // Returns false on {{break}}.
    auto iteration = [&](Value index, Value elem) {
      if (!decls.empty()) {
        if (node.pipe->is_assign) {
          SetVar(decls[0]->idents[0], decls.size() > 1 ? index : elem);
        } else {
          vars_[vars_.size() - 1].second = elem;
        }
      }
      if (decls.size() > 1) {
        if (node.pipe->is_assign) {
          SetVar(decls[1]->idents[0], elem);
        } else {
          vars_[vars_.size() - 2].second = index;
        }
      }
      const Flow f = Walk(elem, *node.list);
      vars_.resize(mark);
      return f != Flow::kBreak;
    };
    switch (v.kind) {
      case Kind::kQueryResult: {
        if (v.query_result->empty()) break;
        const auto samples = *v.query_result;
        for (size_t i = 0; i < samples.size(); ++i) {
          Value elem;
          elem.kind = Kind::kSample;
          elem.sample = samples[i];
          if (!iteration(Value::Int(static_cast<int64_t>(i)), elem)) break;
        }
        return;
      }
      case Kind::kStringMap:
        if (v.string_map->empty()) break;
        for (const auto& [k, s] : *v.string_map) {
          if (!iteration(Value::String(k), Value::String(s))) break;
        }
        return;
      case Kind::kAnyMap:
        if (v.any_map->empty()) break;
        for (const auto& [k, e] : *v.any_map) {
          if (!iteration(Value::String(k), e)) break;
        }
        return;
      case Kind::kInvalid:
        break;
      default:
        Errorf("range can't iterate over " + Sprint(v));
    }
    if (node.else_list) Walk(dot, *node.else_list);
  }

  Value EvalPipeline(const Value& dot, const Node& pipe) {
    At(pipe);
    Final value;
    for (const auto& cmd : pipe.nodes) {
      value = EvalCommand(dot, *cmd, value);
      // Go takes the value out of an interface {} after each command: a
      // nil one becomes no value.
      if (value->kind == Kind::kNil) value = Value();
    }
    for (const auto& decl : pipe.decls) {
      if (pipe.is_assign) {
        SetVar(decl->idents[0], *value);
      } else {
        Push(decl->idents[0], *value);
      }
    }
    return *value;
  }

  void NotAFunction(const Node& cmd, const Final& final) {
    if (cmd.nodes.size() > 1 || final) Errorf("can't give argument to non-function " + NodeString(*cmd.nodes[0]));
  }

  Value EvalCommand(const Value& dot, const Node& cmd, const Final& final) {
    const Node& first = *cmd.nodes[0];
    switch (first.type) {
      case NodeType::kField:
        At(first);
        return EvalFieldChain(dot, dot, first.idents, &cmd, final);
      case NodeType::kChain:
        return EvalChain(dot, first, &cmd, final);
      case NodeType::kIdentifier:
        return EvalFunction(dot, first, &cmd, final);
      case NodeType::kPipe:
        NotAFunction(cmd, final);
        return EvalPipeline(dot, first);
      case NodeType::kVariable:
        return EvalVariable(dot, first, &cmd, final);
      default: break;
    }
    At(first);
    NotAFunction(cmd, final);
    switch (first.type) {
      case NodeType::kBool: return Value::Bool(first.truth);
      case NodeType::kDot: return dot;
      case NodeType::kNil: Errorf("nil is not a command");
      case NodeType::kNumber: return IdealConstant(first);
      case NodeType::kString: return Value::String(first.value);
      default: Errorf("can't evaluate command " + NodeString(first));
    }
  }

  Value IdealConstant(const Node& n) {
    At(n);
    const NumberConstant& c = n.number;
    if (c.is_float && c.float_syntax) return Value::Float(c.float_value);
    if (c.is_int) return Value::Int(c.int_value);
    if (c.is_uint) Errorf(n.text + " overflows int");
    return Value();
  }

  Value EvalChain(const Value& dot, const Node& chain, const Node* cmd, const Final& final) {
    At(chain);
    if (chain.operand->type == NodeType::kNil) Errorf("indirection through explicit nil in " + NodeString(chain));
    const Value receiver = EvalArg(dot, Param::kAny, *chain.operand);
    return EvalFieldChain(dot, receiver, chain.idents, cmd, final);
  }

  Value EvalVariable(const Value& dot, const Node& var, const Node* cmd, const Final& final) {
    At(var);
    const Value value = VarValue(var.idents[0]);
    if (var.idents.size() == 1) {
      if (cmd) NotAFunction(*cmd, final);
      return value;
    }
    return EvalFieldChain(dot, value, {var.idents.begin() + 1, var.idents.end()}, cmd, final);
  }

  Value EvalFieldChain(const Value& dot, Value receiver, const std::vector<std::string>& idents, const Node* cmd,
                       const Final& final) {
    for (size_t i = 0; i + 1 < idents.size(); ++i) receiver = EvalField(idents[i], false, receiver);
    const bool has_args = (cmd && cmd->nodes.size() > 1) || final;
    return EvalField(idents.back(), has_args, receiver);
  }

  Value EvalField(const std::string& field, bool has_args, const Value& receiver) {
    const std::string type = GoTypeName(receiver.kind);
    switch (receiver.kind) {
      case Kind::kInvalid:
        return Value();
      case Kind::kRoot: {
        const RootData& root = *receiver.root;
        const Value* v = field == "Labels" ? &root.labels
                         : field == "ExternalLabels" ? &root.external_labels
                         : field == "ExternalURL" ? &root.external_url
                         : field == "Value" ? &root.value : nullptr;
        if (!v) break;
        if (has_args) Errorf(field + " has arguments but cannot be invoked as function");
        return *v;
      }
      case Kind::kSample:
        if (field != "Labels" && field != "Value") break;
        if (!receiver.sample) Errorf("nil pointer evaluating " + type + "." + field);
        if (has_args) Errorf(field + " has arguments but cannot be invoked as function");
        if (field == "Value") return Value::Float(receiver.sample->value);
        return Value::Map(std::make_shared<StringMap>(receiver.sample->labels));
      case Kind::kStringMap: {
        if (has_args) Errorf(field + " is not a method but has arguments");
        auto it = receiver.string_map->find(field);
        return Value::String(it == receiver.string_map->end() ? "" : it->second);
      }
      case Kind::kAnyMap: {
        if (has_args) Errorf(field + " is not a method but has arguments");
        auto it = receiver.any_map->find(field);
        return it == receiver.any_map->end() ? Value{Kind::kNil} : it->second;
      }
      default: break;
    }
    Errorf("can't evaluate field " + field + " in type " + type);
  }

  Value VarValue(const std::string& name) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    Errorf("undefined variable: " + name);
  }

  void SetVar(const std::string& name, Value v) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == name) {
        it->second = std::move(v);
        return;
      }
    }
    Errorf("undefined variable: " + name);
  }

  Value EvalFunction(const Value& dot, const Node& ident, const Node* cmd, const Final& final) {
    At(ident);
    const std::string& name = ident.idents[0];
    const Func* func = FindFunc(name);
    if (!func) Errorf(promql::go::Quote(name) + " is not a defined function");
    std::vector<const Node*> args;
    if (cmd) {
      for (size_t i = 1; i < cmd->nodes.size(); ++i) args.push_back(cmd->nodes[i].get());
    }
    const size_t num_in = args.size() + (final ? 1 : 0);
    const size_t num_fixed = func->variadic ? func->params.size() - 1 : func->params.size();
    if (func->variadic && num_in < num_fixed) {
      Errorf("wrong number of args for " + name + ": want at least " + std::to_string(num_fixed) + " got " +
             std::to_string(args.size()));
    }
    if (!func->variadic && num_in != func->params.size()) {
      Errorf("wrong number of args for " + name + ": want " + std::to_string(func->params.size()) + " got " +
             std::to_string(num_in));
    }
    auto param = [&](size_t i) { return func->params[std::min(i, func->params.size() - 1)]; };
    if (!func->impl) {  // and, or: stop at the first argument that decides
      Value v;
      for (const Node* arg : args) {
        v = EvalArg(dot, Param::kValue, *arg);
        if (IsTrue(v) == (name == "or")) return v;
      }
      return final ? ValidateType(*final, Param::kValue) : v;
    }
    std::vector<Value> argv;
    for (size_t i = 0; i < args.size(); ++i) argv.push_back(EvalArg(dot, param(i), *args[i]));
    if (final) argv.push_back(ValidateType(*final, param(args.size())));
    Value result;
    std::string error;
    if (!func->impl(data_, argv, result, error)) {
      At(cmd ? *cmd : ident);
      Errorf("error calling " + name + ": " + error);
    }
    return result;
  }

  Value EvalArg(const Value& dot, Param param, const Node& n) {
    At(n);
    switch (n.type) {
      case NodeType::kDot: return ValidateType(dot, param);
      case NodeType::kNil:
        switch (param) {
          case Param::kString: Errorf("cannot assign nil to string");
          default: return ValidateType(Value(), param);
        }
      case NodeType::kField: {
        At(n);
        return ValidateType(EvalFieldChain(dot, dot, n.idents, &n, std::nullopt), param);
      }
      case NodeType::kVariable: return ValidateType(EvalVariable(dot, n, nullptr, std::nullopt), param);
      case NodeType::kPipe: return ValidateType(EvalPipeline(dot, n), param);
      case NodeType::kIdentifier: return ValidateType(EvalFunction(dot, n, nullptr, std::nullopt), param);
      case NodeType::kChain: return ValidateType(EvalChain(dot, n, nullptr, std::nullopt), param);
      default: break;
    }
    switch (param) {
      case Param::kAny:
      case Param::kValue:
        if (n.type == NodeType::kBool) return Value::Bool(n.truth);
        if (n.type == NodeType::kNumber) return IdealConstant(n);
        if (n.type == NodeType::kString) return Value::String(n.value);
        break;
      case Param::kString:
        if (n.type == NodeType::kString) return Value::String(n.value);
        Errorf("expected string; found " + NodeString(n));
      default: break;
    }
    Errorf("can't handle " + NodeString(n) + " for arg of type " + ParamTypeName(param));
  }

  Value ValidateType(const Value& v, Param param) {
    if (v.kind == Kind::kInvalid) {
      switch (param) {
        case Param::kAny: return Value{Kind::kNil};
        case Param::kValue: return v;
        case Param::kSample: return Value{Kind::kSample};
        case Param::kQueryResult: {
          Value empty{Kind::kQueryResult};
          empty.query_result = std::make_shared<QueryResult::element_type>();
          return empty;
        }
        default: Errorf(std::string("invalid value; expected ") + ParamTypeName(param));
      }
    }
    if (v.kind == Kind::kNil && param != Param::kAny && param != Param::kValue) {
      Errorf(std::string("wrong type for value; expected ") + ParamTypeName(param) + "; got interface {}");
    }
    const bool fits = param == Param::kAny || param == Param::kValue ||
                      (param == Param::kString && v.kind == Kind::kString) ||
                      (param == Param::kSample && v.kind == Kind::kSample) ||
                      (param == Param::kQueryResult && v.kind == Kind::kQueryResult);
    if (!fits) {
      Errorf(std::string("wrong type for value; expected ") + ParamTypeName(param) + "; got " + GoTypeName(v.kind));
    }
    return v;
  }

  std::string name_;
  std::string_view text_;
  const TemplateData& data_;
  std::string out_;
  std::vector<std::pair<std::string, Value>> vars_;
  const Node* at_ = nullptr;
};

}  // namespace

ExecResult Execute(std::string_view name, std::string_view text, const Node& root, const Value& dot,
                   const TemplateData& data) {
  State state(name, text, data);
  state.Push("$", dot);
  try {
    state.Walk(dot, root);
  } catch (const ExecError& e) {
    return {"", e.message};
  }
  return {std::move(state.out()), ""};
}

}  // namespace monc::runtime::tmpl
