// Routes that can never match, and receivers no reachable route delivers to.
#include <set>

#include "compiler/analysis/analyze.h"

namespace monc {
namespace {

// Whether every label set that satisfies `constraints` also satisfies `m`.
// Labels `constraints` says nothing about may hold any value (or be absent).
bool Implied(const model::Matcher& m, const std::vector<model::Matcher>& constraints) {
  if (m.MatchesEverything()) return true;
  for (const model::Matcher& c : constraints) {
    if (c.name() != m.name()) continue;
    if (c == m) return true;
    if (c.op() == model::MatchOp::Equal && m.Matches(c.value())) return true;
  }
  return false;
}

// Whether `earlier` catches every alert `later` would.
bool Covers(const model::Route& earlier, const model::Route& later) {
  for (const model::Matcher& m : earlier.matchers) {
    if (!Implied(m, later.matchers)) return false;
  }
  return true;
}

std::string Describe(const model::Route& route) {
  if (route.matchers.empty()) return "route without matchers";
  std::string out = "route {";
  for (size_t i = 0; i < route.matchers.size(); ++i) {
    out += (i ? ", " : "") + route.matchers[i].ToString();
  }
  return out + "}";
}

void Walk(const model::Route& route, const std::string& receiver, std::set<std::string>& reached,
          DiagnosticSink& sink) {
  std::string effective = route.receiver ? route.receiver->name : receiver;
  reached.insert(effective);
  for (size_t j = 0; j < route.routes.size(); ++j) {
    const model::Route& child = route.routes[j];
    const model::Route* shadow = nullptr;
    for (size_t i = 0; i < j && !shadow && !child.invalid; ++i) {
      const model::Route& sibling = route.routes[i];
      if (!sibling.invalid && !sibling.continue_matching && Covers(sibling, child)) {
        shadow = &sibling;
      }
    }
    if (shadow) {
      Diagnostic& d = sink.Report(Code::RouteUnreachable, child.span,
                                  Describe(child) + " can never be reached");
      d.label = "every alert it matches stops at an earlier sibling";
      d.notes.push_back({"this " + Describe(*shadow) + " matches them first and has no 'continue: true'",
                         shadow->span});
      continue;
    }
    Walk(child, effective, reached, sink);
  }
}

}  // namespace

void CheckRouting(const model::System& system, DiagnosticSink& sink) {
  if (!system.route) return;  // spec/missing-route reports that once
  std::set<std::string> reached;
  Walk(*system.route, "", reached, sink);
  for (const model::Check& check : system.checks) {
    for (const model::Ref& r : check.alert_to) reached.insert(r.name);
  }
  for (const model::Receiver& receiver : system.receivers) {
    if (!reached.count(receiver.name.name)) {
      sink.Report(Code::ReceiverUnused, receiver.name.span,
                  "receiver '" + receiver.name.name + "' is not reached by any route")
          .label = "no reachable route delivers to it";
    }
  }
}

}  // namespace monc
