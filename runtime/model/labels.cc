#include "runtime/model/labels.h"

#include <algorithm>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime {
namespace {

bool ByName(const Label& a, const Label& b) { return a.name < b.name; }

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

Labels Labels::FromUnsorted(std::vector<Label> labels) {
  std::stable_sort(labels.begin(), labels.end(), ByName);
  Labels out;
  out.labels_.reserve(labels.size());
  for (Label& l : labels) {
    if (!out.labels_.empty() && out.labels_.back().name == l.name) out.labels_.pop_back();
    out.labels_.push_back(std::move(l));
  }
  out.labels_.erase(std::remove_if(out.labels_.begin(), out.labels_.end(),
                                   [](const Label& l) { return l.value.empty(); }),
                    out.labels_.end());
  return out;
}

Labels Labels::FromMap(std::initializer_list<std::pair<std::string_view, std::string_view>> l) {
  std::vector<Label> labels;
  for (const auto& [name, value] : l) labels.push_back({std::string(name), std::string(value)});
  return FromUnsorted(std::move(labels));
}

std::string_view Labels::Get(std::string_view name) const {
  auto it = std::lower_bound(labels_.begin(), labels_.end(), name,
                             [](const Label& l, std::string_view n) { return l.name < n; });
  return it != labels_.end() && it->name == name ? std::string_view(it->value) : std::string_view();
}

bool Labels::Has(std::string_view name) const { return !Get(name).empty(); }

std::string Labels::ToString() const {
  std::string out = "{";
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (i > 0) out += ", ";
    out += labels_[i].name;
    out += '=';
    out += promql::go::Quote(labels_[i].value);
  }
  out += '}';
  return out;
}

int Compare(const Labels& a, const Labels& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const Label& x = a.labels_[i];
    const Label& y = b.labels_[i];
    if (int c = x.name.compare(y.name)) return c < 0 ? -1 : 1;
    if (int c = x.value.compare(y.value)) return c < 0 ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

LabelsBuilder& LabelsBuilder::Set(std::string_view name, std::string_view value) {
  if (value.empty()) return Del(name);
  auto it = std::lower_bound(labels_.begin(), labels_.end(), name,
                             [](const Label& l, std::string_view n) { return l.name < n; });
  if (it != labels_.end() && it->name == name) {
    it->value = std::string(value);
  } else {
    labels_.insert(it, Label{std::string(name), std::string(value)});
  }
  return *this;
}

LabelsBuilder& LabelsBuilder::Del(std::string_view name) {
  labels_.erase(std::remove_if(labels_.begin(), labels_.end(),
                               [&](const Label& l) { return l.name == name; }),
                labels_.end());
  return *this;
}

LabelsBuilder& LabelsBuilder::Keep(const std::vector<std::string>& names) {
  labels_.erase(std::remove_if(labels_.begin(), labels_.end(),
                               [&](const Label& l) { return !Contains(names, l.name); }),
                labels_.end());
  return *this;
}

Labels CopyLabels(const Labels& labels, bool drop_name) {
  if (!drop_name || !labels.Has(kMetricName)) return labels;
  // Still sorted and unique without one of its labels: nothing to sort.
  Labels out;
  out.labels_.reserve(labels.size() - 1);
  for (const Label& l : labels) {
    if (l.name != kMetricName) out.labels_.push_back(l);
  }
  return out;
}

Labels LabelsBuilder::Build() const {
  Labels out;
  out.labels_ = labels_;
  return out;
}

}  // namespace monc::runtime
