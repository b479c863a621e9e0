// promql/anchored-regex: a regex matcher written with ^ or $ at its ends.
// PromQL anchors every regex at both ends already, so they only add noise,
// and suggest the author expected a substring match elsewhere.
#include "compiler/analysis/checks/checks.h"

namespace monc::checks {
namespace {

using namespace promql;

// A trailing `$` is an anchor unless an odd number of backslashes escape it.
bool EndsWithAnchor(const std::string& re) {
  if (re.empty() || re.back() != '$') return false;
  size_t backslashes = 0;
  for (size_t i = re.size() - 1; i > 0 && re[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 0;
}

}  // namespace

void AnchoredRegex(const Expr& root, Context&, ExprReporter& reporter) {
  for (const Expr* e : Nodes(root)) {
    if (e->kind != NodeKind::VectorSelector) continue;
    for (const LabelMatcher& m : static_cast<const VectorSelector&>(*e).matchers) {
      if (m.type != MatchType::Regex && m.type != MatchType::NotRegex) continue;
      bool head = !m.value.empty() && m.value.front() == '^';
      bool tail = EndsWithAnchor(m.value);
      if (!head && !tail) continue;
      Diagnostic& d =
          reporter.Report(Code::PromqlAnchoredRegex, m.pos,
                          "regex '" + m.value + "' of label '" + m.name + "' is anchored by hand");
      d.label = std::string("PromQL anchors every regex: the ") +
                (head && tail ? "'^' and '$' are"
                 : head       ? "'^' is"
                              : "'$' is") +
                " redundant";
    }
  }
}

}  // namespace monc::checks
