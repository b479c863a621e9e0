// Prometheus 2.42's RecordingRule.Eval, after the query.
#include <algorithm>
#include <string>

#include "runtime/rules/rule_eval.h"

namespace monc::runtime::rules_internal {

std::string ApplyRecordingRule(const RecordingRule& rule, int limit, Vector& samples) {
  for (VectorElement& s : samples) {
    LabelsBuilder b(s.labels);
    b.Set(kMetricName, rule.record);
    for (const Label& l : rule.labels) b.Set(l.name, l.value);
    s.labels = b.Build();
  }
  // Vector.ContainsSameLabelset, on a sorted copy of the label sets rather
  // than a hash map: the same answer without trusting hashes.
  std::vector<const Labels*> sets;
  sets.reserve(samples.size());
  for (const VectorElement& s : samples) sets.push_back(&s.labels);
  std::sort(sets.begin(), sets.end(), [](const Labels* a, const Labels* b) { return *a < *b; });
  auto same = [](const Labels* a, const Labels* b) { return *a == *b; };
  if (std::adjacent_find(sets.begin(), sets.end(), same) != sets.end()) {
    return "vector contains metrics with the same labelset after applying rule labels";
  }
  if (limit > 0 && samples.size() > static_cast<size_t>(limit)) {
    return "exceeded limit of " + std::to_string(limit) + " with " +
           std::to_string(samples.size()) + " series";
  }
  return "";
}

}  // namespace monc::runtime::rules_internal
