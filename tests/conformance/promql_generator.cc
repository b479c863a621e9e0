// Prints PromQL expressions for the differential test against promtool, one
// a line, the same ones for the same seed on every machine:
//
//   promql_generator [--seed=N] [--count=N]
//
// Half are built from PromQL's grammar with monc's own function, aggregation
// and operator tables (rows of later Prometheus versions included, which 2.42
// must reject), asking for the type each place needs and now and then
// another one; the other half are those expressions mutated: a token
// dropped, repeated or replaced, `bool` or on()/group_left() inserted, an
// offset or @ repeated.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/promql/tables.h"

namespace monc::promql {
namespace {

// Each place's ordinary words, then words Prometheus treats specially there
// (keywords as names, matchers selecting the empty set, a bad regex, a zero
// or misordered duration...), drawn now and then.
struct Words {
  std::vector<std::string> ordinary;
  std::vector<std::string> special;
};

// splitmix64: the standard library's distributions differ between
// implementations, this does not.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n ? Next() % n : 0; }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  const std::string& Pick(const Words& words) {
    return Pick(Chance(10) ? words.special : words.ordinary);
  }

 private:
  uint64_t state_;
};

const Words kMetrics = {{"foo", "http_requests_total", "node:cpu:rate5m", "up", "bar"},
                        {"bool", "offset", "avg", "inf", "nan", "by", "start", "sum_over_time"}};
const Words kLabels = {{"job", "instance", "le", "code"},
                       {"on", "group_left", "without", "__name__", "bool", "offset", "sum"}};
const Words kMatchOps = {{"=", "!=", "=~", "!~"}, {"==", "!"}};
const Words kValues = {{"\"api\"", "'5..'", "`raw`", "\"a\\\"b\"", "\"4.*\""},
                       {"\"\"", "\".*\"", "\".+\"", "\"(\"", "\"\\q\""}};
const Words kDurations = {{"5m", "1h", "30s", "1d", "1h30m", "2w", "1y", "500ms"},
                          {"0s", "5m1h", "5", "1.5m"}};
const Words kNumbers = {{"1", "0.5", "1e3", "0x1F", ".5", "3", "100"},
                        {"Inf", "NaN", "-1", "1e400"}};
const Words kAt = {{"100", "1609746000", "start()", "end()", "1e3"}, {"-5", "Inf", "1m", "foo"}};
// Tokens dropped into mutated expressions.
const std::vector<std::string> kTokens = {
    "(",     ")",        "[5m]", "[5m:1m]", "{",   "}",     ",", "bool", "on(job)",    "offset 5m",
    "@ 100", "by (job)", "+",    "==",      "and", "\"s\"", "1", "foo",  "ignoring()", ":"};

class Generator {
 public:
  explicit Generator(uint64_t seed) : random_(seed) {}

  std::string Next() {
    std::string e = Expr(ValueType::Vector, 0);
    if (random_.Chance(50)) e = Mutate(e);
    // An empty rule expression is promtool's YAML error, not PromQL's.
    return e.find_first_not_of(' ') == std::string::npos ? Next() : e;
  }

 private:
  // An expression of type `want`, except now and then one of another type.
  std::string Expr(ValueType want, int depth) {
    if (random_.Chance(8)) want = random_.Pick(kTypes);
    bool leaf = depth >= 3 || random_.Chance(30 + 15 * depth);
    switch (want) {
      case ValueType::Scalar: return leaf ? Number() : Scalar(depth + 1);
      case ValueType::Vector: return leaf ? Selector() : Vector(depth + 1);
      case ValueType::Matrix: return Matrix(depth + 1);
      case ValueType::String: return random_.Pick(kValues);
      case ValueType::None: break;
    }
    return Number();
  }

  std::string Number() { return random_.Pick(kNumbers); }

  std::string Scalar(int depth) {
    switch (random_.Below(5)) {
      case 0: return "scalar(" + Expr(ValueType::Vector, depth) + ")";
      case 1: return Call(ValueType::Scalar, depth);
      case 2: return Binary(ValueType::Scalar, ValueType::Scalar, depth);
      case 3: return "(" + Expr(ValueType::Scalar, depth) + ")";
      default: return "-" + Expr(ValueType::Scalar, depth);
    }
  }

  std::string Vector(int depth) {
    switch (random_.Below(7)) {
      case 0:
      case 1: return Call(ValueType::Vector, depth);
      case 2: return Aggregation(depth);
      case 3: return Binary(ValueType::Vector, ValueType::Vector, depth);
      case 4:
        return random_.Chance(50) ? Binary(ValueType::Vector, ValueType::Scalar, depth)
                                  : Binary(ValueType::Scalar, ValueType::Vector, depth);
      case 5: return "(" + Expr(ValueType::Vector, depth) + ")";
      default: {
        std::string sign = random_.Chance(50) ? "-" : "+";
        return sign + Expr(ValueType::Vector, depth);
      }
    }
  }

  std::string Matrix(int depth) {
    // One random draw per statement: the order of operands of `+` is unspecified.
    std::string s = random_.Chance(65) ? RangeSelector() : Subquery(depth);
    return s + Modifiers();
  }

  std::string RangeSelector() {
    std::string s = Matchers();
    return s + "[" + random_.Pick(kDurations) + "]";
  }

  std::string Subquery(int depth) {
    std::string s = Expr(ValueType::Vector, depth);
    if (random_.Chance(50)) s = "(" + s + ")";
    s += "[" + random_.Pick(kDurations) + ":";
    if (random_.Chance(50)) s += random_.Pick(kDurations);
    return s + "]";
  }

  std::string Selector() {
    std::string s = Matchers();
    return s + Modifiers();
  }

  std::string Matchers() {
    std::string s;
    bool named = random_.Chance(80);
    if (named) s = random_.Pick(kMetrics);
    if (!named || random_.Chance(40)) {
      s += "{";
      size_t n = named ? random_.Below(3) : 1 + random_.Below(2);
      for (size_t i = 0; i < n; ++i) {
        if (i) s += ",";
        s += random_.Pick(kLabels);
        s += random_.Pick(kMatchOps);
        s += random_.Pick(kValues);
      }
      s += "}";
    }
    return s;
  }

  std::string Modifiers() {
    std::string m;
    if (random_.Chance(15)) {
      m += random_.Chance(20) ? " offset -" : " offset ";
      m += random_.Pick(kDurations);
    }
    if (random_.Chance(10)) m += " @ " + random_.Pick(kAt);
    return m;
  }

  // A call of a function returning `want` (or, rarely, any function), each
  // argument asked for with its declared type; sometimes one too few or many.
  std::string Call(ValueType want, int depth) {
    std::vector<const FunctionInfo*> candidates;
    for (const FunctionInfo& f : AllFunctions()) {
      if (f.return_type == want || random_.Chance(3)) candidates.push_back(&f);
    }
    const FunctionInfo& f = *random_.Pick(candidates);
    std::vector<ValueType> args = f.arg_types;
    if (f.variadic > 0 && !args.empty() && random_.Chance(50)) args.pop_back();
    if (f.variadic < 0 && random_.Chance(50)) args.push_back(args.back());
    if (random_.Chance(6) && !args.empty()) args.pop_back();
    if (random_.Chance(6)) args.push_back(random_.Pick(kTypes));
    std::string s = std::string(f.name) + "(";
    for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + Expr(args[i], depth);
    return s + ")";
  }

  std::string Aggregation(int depth) {
    const AggregationInfo& a = random_.Pick(AllAggregations());
    std::string grouping;
    if (random_.Chance(50)) {
      grouping = random_.Chance(50) ? "by (" : "without (";
      size_t n = random_.Below(3);
      for (size_t i = 0; i < n; ++i) grouping += (i ? ", " : "") + random_.Pick(kLabels);
      grouping += ")";
    }
    std::string args;
    bool param = a.param_type != ValueType::None;
    if (param != random_.Chance(5))
      args = Expr(random_.Chance(80) ? a.param_type : ValueType::Scalar, depth) + ", ";
    args += Expr(ValueType::Vector, depth);
    std::string name(a.name);
    if (grouping.empty()) return name + "(" + args + ")";
    return random_.Chance(50) ? name + " " + grouping + " (" + args + ")"
                              : name + "(" + args + ") " + grouping;
  }

  std::string Binary(ValueType lhs, ValueType rhs, int depth) {
    const OperatorInfo& op = random_.Pick(AllOperators());
    std::string s = Expr(lhs, depth) + " " + std::string(op.text);
    bool comparison = op.kind == OperatorInfo::Kind::Comparison;
    if (random_.Chance(comparison ? 50 : 5)) s += " bool";
    if (random_.Chance(25)) {
      s += random_.Chance(50) ? " on(" : " ignoring(";
      size_t n = random_.Below(3);
      for (size_t i = 0; i < n; ++i) s += (i ? ", " : "") + random_.Pick(kLabels);
      s += ")";
      if (random_.Chance(35)) {
        s += random_.Chance(50) ? " group_left" : " group_right";
        if (random_.Chance(60)) s += "(" + random_.Pick(kLabels) + ")";
      }
    }
    return s + " " + Expr(rhs, depth);
  }

  // Token boundaries of `e`: words, quoted strings, runs of operator
  // characters, and single brackets.
  static std::vector<std::pair<size_t, size_t>> Tokens(const std::string& e) {
    std::vector<std::pair<size_t, size_t>> tokens;
    auto word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':';
    };
    for (size_t i = 0; i < e.size();) {
      char c = e[i];
      size_t j = i + 1;
      if (c == ' ') {
        ++i;
        continue;
      }
      if (word(c)) {
        while (j < e.size() && word(e[j])) ++j;
      } else if (c == '"' || c == '\'' || c == '`') {
        while (j < e.size() && e[j] != c) j += e[j] == '\\' ? 2 : 1;
        j = std::min(j + 1, e.size());
      } else if (std::string_view("=!<>~").find(c) != std::string_view::npos) {
        while (j < e.size() && std::string_view("=!<>~").find(e[j]) != std::string_view::npos) ++j;
      }
      tokens.push_back({i, j});
      i = j;
    }
    return tokens;
  }

  std::string Mutate(std::string e) {
    auto tokens = Tokens(e);
    if (tokens.empty()) return e;
    auto [begin, end] = random_.Pick(tokens);
    std::string token = e.substr(begin, end - begin);
    switch (random_.Below(7)) {
      case 0: return e.erase(begin, end - begin);
      case 1: return e.insert(end, " " + token);
      case 2: return e.replace(begin, end - begin, random_.Pick(kTokens));
      case 3: return e.insert(end, " " + random_.Pick(kTokens));
      case 4: return e.insert(end, " bool");
      case 5:
        return e.insert(end, random_.Chance(50) ? " on(job) group_left(job)" : " ignoring(code)");
      default: return e + (random_.Chance(50) ? " offset 1m" : " @ 100");
    }
  }

  const std::vector<ValueType> kTypes = {ValueType::Scalar, ValueType::Vector, ValueType::Matrix,
                                         ValueType::String};
  Random random_;
};

}  // namespace
}  // namespace monc::promql

int main(int argc, char** argv) {
  uint64_t seed = 42;
  size_t count = 3000;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.rfind("--seed=", 0) == 0) {
      seed = std::stoull(std::string(arg.substr(7)));
    } else if (arg.rfind("--count=", 0) == 0) {
      count = std::stoull(std::string(arg.substr(8)));
    } else {
      std::cerr << "usage: promql_generator [--seed=N] [--count=N]\n";
      return 2;
    }
  }
  monc::promql::Generator generator(seed);
  for (size_t i = 0; i < count; ++i) std::cout << generator.Next() << "\n";
  return 0;
}
