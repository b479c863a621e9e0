// Parity with Prometheus 2.42's parser and type checker over its own parser
// test inputs (promql/parse_cases.jsonl): monc must accept exactly what
// Prometheus accepts, except the inputs listed in known_differences.txt.
// Whether the first error message matches Prometheus's text, position
// included, is reported but not enforced.
//
// MONC_PROMQL_PARSE_CASES overrides the corpus path, e.g.
//   bazel test //tests/conformance:promql_parse_test
//       --test_env=MONC_PROMQL_PARSE_CASES=/work/shared/conformance/promql/parse_cases.jsonl
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/promql/promql.h"

namespace monc::promql {
namespace {

struct Case {
  std::string input;
  bool accept = false;
  std::string prometheus_error;
};

std::string PathFromEnv(const char* var, const char* fallback) {
  const char* value = std::getenv(var);
  return value && *value ? value : fallback;
}

std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    cases.push_back({j.at("input"), j.at("accept"), j.value("prometheus_error", "")});
  }
  return cases;
}

// input -> reason, from lines `<input as a JSON string><TAB><reason>`.
std::map<std::string, std::string> ReadKnownDifferences(const std::string& path) {
  std::ifstream in(path);
  std::map<std::string, std::string> known;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    known[nlohmann::json::parse(line.substr(0, tab)).get<std::string>()] =
        tab == std::string::npos ? "" : line.substr(tab + 1);
  }
  return known;
}

// Prometheus's ParseErr text: 1-based line and byte column of the start.
std::string Render(std::string_view input, const ParseError& e) {
  size_t begin = std::min<size_t>(e.pos.begin, input.size());
  std::string_view before = input.substr(0, begin);
  size_t line = 1 + std::count(before.begin(), before.end(), '\n');
  size_t last_newline = before.rfind('\n');
  size_t column = last_newline == std::string_view::npos ? begin + 1 : begin - last_newline;
  return std::to_string(line) + ":" + std::to_string(column) + ": parse error: " + e.message;
}

std::string Shown(const std::string& input) {
  std::string json = nlohmann::json(input).dump();
  return json.size() > 120 ? json.substr(0, 117) + "..." : json;
}

TEST(PromqlParseConformance, VerdictsMatchPrometheus) {
  std::vector<Case> cases = ReadCases(
      PathFromEnv("MONC_PROMQL_PARSE_CASES", "tests/conformance/promql/parse_cases.jsonl"));
  std::map<std::string, std::string> known =
      ReadKnownDifferences("tests/conformance/promql/known_differences.txt");
  ASSERT_FALSE(cases.empty());

  size_t agree = 0, both_rejected = 0, same_message = 0;
  std::map<std::string, std::string> unexplained_known = known;
  for (const Case& c : cases) {
    ParseResult result = ParseExpr(c.input);
    bool accept = result.errors.empty();
    if (accept == c.accept) {
      ++agree;
    } else if (known.count(c.input)) {
      unexplained_known.erase(c.input);
      std::cout << "known difference " << Shown(c.input) << ": " << known[c.input] << "\n";
    } else {
      ADD_FAILURE() << Shown(c.input) << ": Prometheus " << (c.accept ? "accepts" : "rejects")
                    << (c.accept ? "" : " (" + c.prometheus_error + ")") << ", monc "
                    << (accept ? "accepts" : "rejects (" + Render(c.input, result.errors[0]) + ")");
    }
    if (!accept && !c.accept) {
      ++both_rejected;
      std::string ours = Render(c.input, result.errors[0]);
      if (ours == c.prometheus_error) {
        ++same_message;
      } else {
        std::cout << "message differs " << Shown(c.input)
                  << "\n  prometheus: " << c.prometheus_error << "\n  monc:       " << ours << "\n";
      }
    }
  }
  std::cout << "agreement " << agree << "/" << cases.size() << "\n"
            << "messages " << same_message << "/" << both_rejected
            << " (first error, position included, where both reject)\n";

  for (const auto& [input, reason] : unexplained_known) {
    ADD_FAILURE() << "known_differences.txt lists " << Shown(input)
                  << ", which no longer differs: remove it";
  }
  EXPECT_LE(known.size() * 100, cases.size()) << "known differences exceed 1% of the corpus";
}

}  // namespace
}  // namespace monc::promql
