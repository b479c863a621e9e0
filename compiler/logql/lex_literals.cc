#include "compiler/logql/lex_literals.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include "compiler/promql/go_strconv.h"
#include "compiler/promql/lex_literals.h"

namespace monc::logql {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

constexpr int64_t kNs = 1;
constexpr int64_t kUs = 1000 * kNs;
constexpr int64_t kMs = 1000 * kUs;
constexpr int64_t kSecond = 1000 * kMs;

// time.ParseDuration's units.
const std::map<std::string_view, int64_t>& TimeUnits() {
  static const std::map<std::string_view, int64_t> units = {
      {"ns", kNs}, {"us", kUs}, {"\xC2\xB5s", kUs}, {"\xCE\xBCs", kUs}, {"ms", kMs},
      {"s", kSecond}, {"m", 60 * kSecond}, {"h", 3600 * kSecond},
  };
  return units;
}

// time.ParseDuration: [-+]? then (digits [. digits] unit)+, or "0".
std::optional<int64_t> ParseTimeDuration(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  long double total = 0;
  while (!s.empty()) {
    size_t i = 0;
    while (i < s.size() && (IsDigit(s[i]) || s[i] == '.')) ++i;
    const std::string number(s.substr(0, i));
    if (number.empty() || number == "." || number.find('.') != number.rfind('.')) return std::nullopt;
    size_t j = i;
    while (j < s.size() && !IsDigit(s[j]) && s[j] != '.') ++j;
    auto unit = TimeUnits().find(s.substr(i, j - i));
    if (unit == TimeUnits().end()) return std::nullopt;
    total += std::strtold(number.c_str(), nullptr) * unit->second;
    s.remove_prefix(j);
  }
  if (total > static_cast<long double>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  const auto ns = static_cast<int64_t>(total);
  return negative ? -ns : ns;
}

}  // namespace

std::optional<double> ParseFloat(std::string_view text, std::string* error) {
  std::string reason;
  std::optional<double> value = promql::go::ParseFloat(text, &reason);
  if (!value) *error = "strconv.ParseFloat: parsing " + promql::go::Quote(text) + ": " + reason;
  return value;
}

std::optional<int64_t> Atoi(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<int64_t> ParseModelDuration(std::string_view text, std::string* error) {
  // Prometheus's reading refuses a zero range, which model.ParseDuration
  // itself takes.
  std::optional<int64_t> ms = promql::ParseDuration(text, error);
  if (!ms && *error == "duration must be greater than 0") return 0;
  if (!ms) return std::nullopt;
  return *ms * kMs;
}

std::optional<int64_t> ParseLokiDuration(std::string_view text) {
  std::string ignored;
  if (auto ns = ParseModelDuration(text, &ignored)) return ns;
  return ParseTimeDuration(text);
}

std::optional<uint64_t> ParseBytes(std::string_view text) {
  static const std::map<std::string, uint64_t> kSizes = [] {
    std::map<std::string, uint64_t> sizes = {{"", 1}, {"b", 1}};
    const char* prefixes = "kmgtpe";
    uint64_t si = 1, iec = 1;
    for (int i = 0; i < 6; ++i) {
      si *= 1000, iec *= 1024;
      const std::string p(1, prefixes[i]);
      sizes[p] = si, sizes[p + "b"] = si, sizes[p + "i"] = iec, sizes[p + "ib"] = iec;
    }
    return sizes;
  }();
  size_t digits = 0;
  std::string number;
  while (digits < text.size() && (IsDigit(text[digits]) || text[digits] == '.' || text[digits] == ',')) {
    if (text[digits] != ',') number += text[digits];
    ++digits;
  }
  std::string ignored;
  std::optional<double> value = ParseFloat(number, &ignored);
  if (!value) return std::nullopt;
  std::string unit = Lower(text.substr(digits));
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  while (!unit.empty() && unit.back() == ' ') unit.pop_back();
  auto size = kSizes.find(unit);
  if (size == kSizes.end()) return std::nullopt;
  const double bytes = *value * static_cast<double>(size->second);
  if (!(bytes < 18446744073709551615.0)) return std::nullopt;
  return static_cast<uint64_t>(bytes);
}

}  // namespace monc::logql
