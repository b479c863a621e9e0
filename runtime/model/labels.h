// A label set, as Prometheus's labels.Labels: name/value pairs sorted by
// name, names unique, empty values absent. The engine copies label sets
// freely (most names and values fit std::string's inline buffer); the store
// keeps one copy per series.
//
//   Labels l = Labels::FromMap({{"__name__", "up"}, {"job", "api"}});
//   l.Get("job");     // "api"
//   l.ToString();     // {__name__="up", job="api"}
#ifndef MONC_RUNTIME_MODEL_LABELS_H_
#define MONC_RUNTIME_MODEL_LABELS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace monc::runtime {

inline constexpr std::string_view kMetricName = "__name__";

struct Label {
  std::string name;
  std::string value;
  friend bool operator==(const Label& a, const Label& b) {
    return a.name == b.name && a.value == b.value;
  }
};

class Labels {
 public:
  Labels() = default;
  // Sorts by name; a later duplicate name wins; empty values are dropped.
  static Labels FromUnsorted(std::vector<Label> labels);
  static Labels FromMap(std::initializer_list<std::pair<std::string_view, std::string_view>> l);

  // "" when absent, as Prometheus.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  std::string_view MetricName() const { return Get(kMetricName); }

  const std::vector<Label>& items() const { return labels_; }
  auto begin() const { return labels_.begin(); }
  auto end() const { return labels_.end(); }
  size_t size() const { return labels_.size(); }
  bool empty() const { return labels_.empty(); }

  // xxhash64 over names and values, as Prometheus's Labels.Hash: equal sets
  // hash equal; the engine treats equal hashes as equal sets, as Prometheus.
  // The variants for grouping keys are in label_hash.h.
  uint64_t Hash() const;

  // {a="b", c="d"} with Go-quoted values, as Prometheus's Labels.String.
  std::string ToString() const;

  // Prometheus's labels.Compare: by name, then value, pair by pair; a
  // prefix sorts first.
  friend int Compare(const Labels& a, const Labels& b);
  friend bool operator==(const Labels& a, const Labels& b) { return a.labels_ == b.labels_; }
  friend bool operator!=(const Labels& a, const Labels& b) { return !(a == b); }
  friend bool operator<(const Labels& a, const Labels& b) { return Compare(a, b) < 0; }

 private:
  friend class LabelsBuilder;
  friend Labels CopyLabels(const Labels& labels, bool drop_name);
  std::vector<Label> labels_;
};

// Edits a label set: Prometheus's labels.Builder.
class LabelsBuilder {
 public:
  explicit LabelsBuilder(const Labels& base) : labels_(base.labels_) {}
  // An empty value deletes, as in Prometheus.
  LabelsBuilder& Set(std::string_view name, std::string_view value);
  LabelsBuilder& Del(std::string_view name);
  // Keeps only the names in `names` (sorted or not).
  LabelsBuilder& Keep(const std::vector<std::string>& names);
  Labels Build() const;

 private:
  std::vector<Label> labels_;  // kept sorted
};

// A copy of `labels`, without __name__ when `drop_name`: one allocation,
// where LabelsBuilder copies twice.
Labels CopyLabels(const Labels& labels, bool drop_name);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_MODEL_LABELS_H_
