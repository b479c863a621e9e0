#include "backends/grafana/numbers.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace monc::grafana {

std::string NumberText(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", x);
  return text;
}

double Tidy(double x) { return std::strtod(NumberText(x).c_str(), nullptr); }

nlohmann::ordered_json JsonNumber(double x) {
  double tidy = Tidy(x);
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
  if (std::trunc(tidy) == tidy && std::fabs(tidy) < kExactIntegers) return int64_t(tidy);
  return tidy;
}

}  // namespace monc::grafana
