// Label sets for synthetic test series: one that a PromQL selector selects,
// optionally one that another selector does not, found from the selector's
// own matchers. A regex matcher needs an example of what it matches; monc
// writes one for the regexes label matchers use ("5..", "GET|POST",
// "/api/.*", "[45]xx", "(a|b)c+") and checks it with RE2, anchored as
// Prometheus anchors; for anything else there is no series (nullopt).
//
//   auto s = ParseSelector(R"(http_requests_total{status=~"5.."})");
//   Selected(*s);  // {__name__: http_requests_total, status: 500}
#ifndef MONC_BACKENDS_PROMTOOL_TESTS_SERIES_H_
#define MONC_BACKENDS_PROMTOOL_TESTS_SERIES_H_

#include <optional>
#include <string>

#include "compiler/model/model.h"
#include "compiler/promql/ast.h"

namespace monc::promtool_tests {

// `text` as a selector; nullopt when it is not one.
std::optional<promql::VectorSelector> ParseSelector(const std::string& text);

// Whether `selector` selects the series `labels` (with __name__; an absent
// label is the empty value).
bool Selects(const promql::VectorSelector& selector, const model::LabelSet& labels);

// A series `selector` selects.
std::optional<model::LabelSet> Selected(const promql::VectorSelector& selector);

// A series `selector` selects and `other` does not.
std::optional<model::LabelSet> SelectedNotBy(const promql::VectorSelector& selector,
                                             const promql::VectorSelector& other);

// promtool's series notation: name{a="b"}.
std::string SeriesText(const model::LabelSet& labels);

}  // namespace monc::promtool_tests

#endif  // MONC_BACKENDS_PROMTOOL_TESTS_SERIES_H_
