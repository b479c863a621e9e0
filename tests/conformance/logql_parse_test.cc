// Parity with Loki's LogQL parser over its own parser test inputs
// (logql/parse_cases.jsonl): for each line's entry point, monc must accept
// exactly what Loki's tests say Loki accepts, except the inputs listed in
// logql/known_differences.txt. Where a line gives Loki's whole error
// (`parse error at line L, col C: MSG`, `parse error : MSG`), monc's text is
// compared with it; where it gives a fragment, monc's must contain it. Both
// are reported; the verdicts are enforced.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "compiler/logql/logql.h"

namespace monc::logql {
namespace {

struct Case {
  std::string input;
  bool accept = false;
  std::string entry;
  std::string loki_error;
};

std::vector<Case> ReadCases(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    cases.push_back({j.at("input"), j.at("accept"), j.at("entry"), j.value("loki_error", "")});
  }
  return cases;
}

// (input, entry) -> reason, from lines `<input as JSON><TAB><entry><TAB><reason>`.
std::map<std::pair<std::string, std::string>, std::string> ReadKnownDifferences(const std::string& path) {
  std::ifstream in(path);
  std::map<std::pair<std::string, std::string>, std::string> known;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const size_t tab2 = line.find('\t', tab + 1);
    known[{nlohmann::json::parse(line.substr(0, tab)).get<std::string>(),
           line.substr(tab + 1, tab2 - tab - 1)}] = line.substr(tab2 + 1);
  }
  return known;
}

EntryPoint EntryOf(const std::string& name) {
  if (name == "sample_expr") return EntryPoint::SampleExpr;
  if (name == "log_selector") return EntryPoint::LogSelector;
  if (name == "log_selector_without_validation") return EntryPoint::LogSelectorWithoutValidation;
  if (name == "matchers") return EntryPoint::Matchers;
  return EntryPoint::Expr;
}

bool IsWholeText(const std::string& loki_error) {
  return loki_error.rfind("parse error at line ", 0) == 0 || loki_error.rfind("parse error : ", 0) == 0;
}

std::string Shown(const std::string& input) {
  std::string json = nlohmann::json(input).dump();
  return json.size() > 120 ? json.substr(0, 117) + "..." : json;
}

TEST(LogqlParseConformance, VerdictsMatchLoki) {
  const std::vector<Case> cases = ReadCases("tests/conformance/logql/parse_cases.jsonl");
  auto known = ReadKnownDifferences("tests/conformance/logql/known_differences.txt");
  ASSERT_FALSE(cases.empty());

  size_t agree = 0, compared = 0, same_message = 0;
  auto unexplained_known = known;
  for (const Case& c : cases) {
    const ParseResult result = Parse(c.input, EntryOf(c.entry));
    const bool accept = result.errors.empty();
    const std::string ours = accept ? "" : LokiErrorText(c.input, result.errors[0]);
    if (accept == c.accept) {
      ++agree;
    } else if (known.count({c.input, c.entry})) {
      unexplained_known.erase({c.input, c.entry});
      std::cout << "known difference " << Shown(c.input) << ": " << known[{c.input, c.entry}] << "\n";
    } else {
      ADD_FAILURE() << Shown(c.input) << " (" << c.entry << "): Loki "
                    << (c.accept ? "accepts" : "rejects (" + c.loki_error + ")") << ", monc "
                    << (accept ? "accepts" : "rejects (" + ours + ")");
    }
    if (!accept && !c.accept && !c.loki_error.empty()) {
      ++compared;
      const bool same = IsWholeText(c.loki_error) ? ours == c.loki_error
                                                  : ours.find(c.loki_error) != std::string::npos;
      if (same) {
        ++same_message;
      } else {
        std::cout << "message differs " << Shown(c.input) << "\n  loki: " << c.loki_error
                  << "\n  monc: " << ours << "\n";
      }
    }
  }
  std::cout << "agreement " << agree << "/" << cases.size() << "\n"
            << "messages " << same_message << "/" << compared
            << " (where both reject and Loki's test names the error)\n";
  for (const auto& [key, reason] : unexplained_known) {
    ADD_FAILURE() << "known_differences.txt lists " << Shown(key.first) << " (" << key.second
                  << "), which no longer differs: remove it";
  }
  EXPECT_LE(known.size() * 100, cases.size()) << "known differences exceed 1% of the corpus";
}

}  // namespace
}  // namespace monc::logql
