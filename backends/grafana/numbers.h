// Numbers the backend computes (an objective as a ratio, an error budget)
// printed as a person would write them, in JSON and in PromQL text.
#ifndef MONC_BACKENDS_GRAFANA_NUMBERS_H_
#define MONC_BACKENDS_GRAFANA_NUMBERS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace monc::grafana {

// `x` rounded to 12 significant digits, which drops the binary noise of
// arithmetic on decimals: 99.9 / 100 -> 0.999, not 0.9990000000000001.
double Tidy(double x);

// Tidy(x) as text: 0.001, 14.4, 1e-05.
std::string NumberText(double x);

// Tidy(x) as a JSON number, an integer when it is one (0, not 0.0).
nlohmann::ordered_json JsonNumber(double x);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_NUMBERS_H_
