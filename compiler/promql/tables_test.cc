// The tables agree with themselves (TablesTest), and with promtool 2.42
// (PromtoolTest, which needs promtool on PATH: the target tables_promtool_test,
// tagged real-tools, runs it): every 2.42 function and aggregation is
// accepted with its argument types, every later one is unknown to it.
#include "compiler/promql/tables.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace monc::promql {
namespace {

constexpr Version k242{2, 42};

bool In(Version v, Version since, const std::optional<Version>& until) {
  return since <= v && !(until && *until <= v);
}

TEST(TablesTest, FunctionsAreWellFormed) {
  std::set<std::string_view> names;
  std::string_view previous;
  for (const FunctionInfo& f : AllFunctions()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_LT(previous, f.name) << "functions.def is sorted by name";
    previous = f.name;
    EXPECT_TRUE(f.return_type == ValueType::Vector || f.return_type == ValueType::Scalar) << f.name;
    EXPECT_GE(f.variadic, -1) << f.name;
    EXPECT_LE(f.variadic, static_cast<int>(f.arg_types.size())) << f.name;
    if (f.until) {
      EXPECT_FALSE(*f.until <= f.since) << f.name;
    }
    for (ValueType t : f.arg_types) EXPECT_NE(t, ValueType::None) << f.name;
  }
}

TEST(TablesTest, FindFunctionHonoursVersions) {
  for (const FunctionInfo& f : AllFunctions()) {
    EXPECT_EQ(FindFunction(f.name, f.since), &f) << f.name;
    EXPECT_EQ(FindFunction(f.name, Version{f.since.major, f.since.minor - 1}), nullptr) << f.name;
    if (f.until) {
      EXPECT_EQ(FindFunction(f.name, *f.until), nullptr) << f.name;
    }
  }
  EXPECT_NE(FindFunction("holt_winters"), nullptr);
  EXPECT_EQ(FindFunction("holt_winters", {3, 0}), nullptr);
  EXPECT_EQ(FindFunction("double_exponential_smoothing"), nullptr);
  EXPECT_NE(FindFunction("double_exponential_smoothing", {3, 0}), nullptr);
  EXPECT_EQ(FindFunction("no_such_function"), nullptr);
}

TEST(TablesTest, PrometheusTwoFortyTwoHasSeventyFunctions) {
  int count = 0;
  for (const FunctionInfo& f : AllFunctions()) count += In(k242, f.since, f.until);
  EXPECT_EQ(count, 70);
}

TEST(TablesTest, AggregationsAreWellFormed) {
  std::set<std::string_view> names;
  for (const AggregationInfo& a : AllAggregations()) {
    EXPECT_TRUE(names.insert(a.name).second) << a.name;
    EXPECT_TRUE(a.param_type == ValueType::None || a.param_type == ValueType::Scalar ||
                a.param_type == ValueType::String)
        << a.name;
    EXPECT_EQ(FindAggregation(a.name, a.since), &a);
    EXPECT_EQ(FindAggregation(a.name, Version{a.since.major, a.since.minor - 1}), nullptr);
    EXPECT_EQ(FindFunction(a.name, {9, 0}), nullptr) << a.name << " is both";
  }
  EXPECT_EQ(FindAggregation("limitk"), nullptr);
  EXPECT_NE(FindAggregation("limitk", {2, 54}), nullptr);
}

TEST(TablesTest, OperatorsFollowPrometheusPrecedence) {
  for (const OperatorInfo& op : AllOperators()) EXPECT_EQ(&Info(op.op), &op) << op.text;
  EXPECT_TRUE(Info(BinaryOp::Pow).right_assoc);
  EXPECT_GT(Info(BinaryOp::Pow).precedence, Info(BinaryOp::Mul).precedence);
  EXPECT_EQ(Info(BinaryOp::Atan2).precedence, Info(BinaryOp::Mul).precedence);
  EXPECT_GT(Info(BinaryOp::Mul).precedence, Info(BinaryOp::Add).precedence);
  EXPECT_GT(Info(BinaryOp::Add).precedence, Info(BinaryOp::Eql).precedence);
  EXPECT_GT(Info(BinaryOp::Eql).precedence, Info(BinaryOp::And).precedence);
  EXPECT_EQ(Info(BinaryOp::And).precedence, Info(BinaryOp::Unless).precedence);
  EXPECT_GT(Info(BinaryOp::And).precedence, Info(BinaryOp::Or).precedence);
}

TEST(TablesTest, DocumentedTypes) {
  EXPECT_EQ(DocumentedType(ValueType::Vector), "instant vector");
  EXPECT_EQ(DocumentedType(ValueType::Matrix), "range vector");
  EXPECT_EQ(DocumentedType(ValueType::Scalar), "scalar");
  EXPECT_EQ(DocumentedType(ValueType::String), "string");
}

// An expression of each type, as an argument.
std::string Sample(ValueType t) {
  switch (t) {
    case ValueType::Scalar: return "1";
    case ValueType::Vector: return "up";
    case ValueType::Matrix: return "up[5m]";
    case ValueType::String: return "\"a\"";
    case ValueType::None: break;
  }
  return "";
}

std::string Call(std::string_view name, const std::vector<ValueType>& args) {
  std::string out = std::string(name) + "(";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + Sample(args[i]);
  return out + ")";
}

// promtool's verdict on each expression: "" when accepted, else its message.
std::vector<std::string> PromtoolVerdicts(const std::vector<std::string>& exprs) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/rules.yml";
  {
    std::ofstream out(path);
    out << "groups:\n- name: g\n  rules:\n";
    for (const std::string& e : exprs) out << "  - record: r\n    expr: '" << e << "'\n";
  }
  std::string output;
  FILE* pipe = popen(("promtool check rules " + path + " 2>&1").c_str(), "r");
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  pclose(pipe);
  std::vector<std::string> verdicts(exprs.size());
  const std::regex rule(R"(rule (\d+), "r": (.*))");
  for (auto it = std::sregex_iterator(output.begin(), output.end(), rule); it != std::sregex_iterator(); ++it) {
    verdicts[std::stoul((*it)[1]) - 1] = (*it)[2];
  }
  return verdicts;
}

bool HavePromtool() { return std::system("promtool --version >/dev/null 2>&1") == 0; }

TEST(PromtoolTest, AgreesOnFunctions) {
  if (!HavePromtool()) GTEST_SKIP() << "promtool not on PATH";
  std::vector<std::string> exprs;
  std::vector<bool> known;
  for (const FunctionInfo& f : AllFunctions()) {
    const bool in_242 = In(k242, f.since, f.until);
    std::vector<ValueType> args = f.arg_types;
    exprs.push_back(Call(f.name, args));
    known.push_back(in_242);
    if (f.variadic > 0) {  // the fewest arguments
      args.resize(args.size() - f.variadic);
      exprs.push_back(Call(f.name, args));
      known.push_back(in_242);
    }
  }
  const std::vector<std::string> verdicts = PromtoolVerdicts(exprs);
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (known[i]) {
      EXPECT_EQ(verdicts[i], "") << exprs[i];
    } else {
      EXPECT_NE(verdicts[i].find("unknown function with name"), std::string::npos)
          << exprs[i] << ": " << verdicts[i];
    }
  }
}

TEST(PromtoolTest, AgreesOnArgumentTypes) {
  if (!HavePromtool()) GTEST_SKIP() << "promtool not on PATH";
  // Each argument of each 2.42 function given the wrong type is refused.
  std::vector<std::string> exprs;
  for (const FunctionInfo& f : AllFunctions()) {
    if (!In(k242, f.since, f.until)) continue;
    for (size_t i = 0; i < f.arg_types.size(); ++i) {
      std::vector<ValueType> args = f.arg_types;
      args[i] = args[i] == ValueType::Scalar ? ValueType::String : ValueType::Scalar;
      exprs.push_back(Call(f.name, args));
    }
  }
  const std::vector<std::string> verdicts = PromtoolVerdicts(exprs);
  for (size_t i = 0; i < exprs.size(); ++i) EXPECT_NE(verdicts[i], "") << exprs[i];
}

TEST(PromtoolTest, AgreesOnAggregations) {
  if (!HavePromtool()) GTEST_SKIP() << "promtool not on PATH";
  std::vector<std::string> exprs;
  for (const AggregationInfo& a : AllAggregations()) {
    exprs.push_back(std::string(a.name) + "(" +
                    (a.param_type == ValueType::None ? "" : Sample(a.param_type) + ", ") + "up)");
  }
  const std::vector<std::string> verdicts = PromtoolVerdicts(exprs);
  for (size_t i = 0; i < exprs.size(); ++i) {
    const AggregationInfo& a = AllAggregations()[i];
    if (In(k242, a.since, std::nullopt)) {
      EXPECT_EQ(verdicts[i], "") << exprs[i];
    } else {
      EXPECT_NE(verdicts[i].find("unknown function with name"), std::string::npos) << exprs[i];
    }
  }
}

}  // namespace
}  // namespace monc::promql
