// Receivers, routes, inhibit rules, time intervals and Alertmanager settings.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>

#include "compiler/model/build_context.h"

namespace monc::build {
namespace {

// Splits the dotted `path` out of `settings`; returns the removed value.
std::optional<Json> Take(Json& settings, const std::string& path) {
  Json* node = &settings;
  size_t start = 0;
  for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1) {
    std::string part = path.substr(start, dot - start);
    if (!node->is_object() || !node->contains(part)) return std::nullopt;
    node = &(*node)[part];
  }
  std::string last = path.substr(start);
  if (!node->is_object() || !node->contains(last)) return std::nullopt;
  Json value = (*node)[last];
  node->erase(last);
  return value;
}

std::string DottedToPointer(const std::string& path) {
  std::string out = "/" + path;
  std::replace(out.begin(), out.end(), '.', '/');
  return out;
}

// Moves every secret field of `where` (and of http_config) out of
// `settings`; a secret written in plain text is an error.
std::map<std::string, model::Secret> TakeSecrets(const Reader& r, Json& settings,
                                                 const std::string& where,
                                                 const std::string& pointer,
                                                 const std::string& owner) {
  std::map<std::string, model::Secret> secrets;
  for (const model::SecretField& f : model::AllSecretFields()) {
    std::string path;
    if (where == f.where) {
      path = f.field;
    } else if (std::string(f.where) == "http_config" && where != "global") {
      path = std::string("http_config.") + f.field;
    } else {
      continue;
    }
    auto value = Take(settings, path);
    if (!value) continue;
    std::string p = pointer + DottedToPointer(path);
    if (value->is_string()) {
      Diagnostic& d = r.sink().Report(
          Code::SecretPlainText, r.At(p),
          "secret '" + path + "' of " + owner + " is written in plain text");
      d.label = "read it from a file instead: {file: /path/to/secret}";
      std::string file_field = f.file_field;
      d.notes.push_back({"Alertmanager reads it from '" + file_field.substr(file_field.rfind('.') + 1) +
                             "'; keep the secret out of the repository",
                         {}});
      // Keep the slot, so the field does not also count as missing.
      secrets[path] = model::Secret{};
      continue;
    }
    model::Secret s;
    s.source = value->contains("file") ? model::Secret::Source::File : model::Secret::Source::Env;
    s.value = value->begin().value().get<std::string>();
    secrets[path] = s;
  }
  if (settings.contains("http_config") && settings["http_config"].is_object()) {
    for (const char* block : {"basic_auth", "authorization"}) {
      if (settings["http_config"].contains(block) && settings["http_config"][block].empty()) {
        settings["http_config"].erase(block);
      }
    }
  }
  return secrets;
}

// Alertmanager 0.25 reads an email's subject only from its headers; the spec
// lets it be written as `subject` (as most guides do) and moves it there.
void MoveSubjectToHeaders(const Reader& r, Json& settings, const std::string& pointer) {
  if (!settings.contains("subject")) return;
  if (settings.contains("headers") && settings["headers"].contains("Subject")) {
    r.sink().Report(Code::SpecBadValue, r.KeyAt(pointer + "/subject"),
                    "email subject is set twice, as 'subject' and as headers 'Subject'");
  }
  settings["headers"]["Subject"] = settings["subject"];
  settings.erase("subject");
}

// Alertmanager 0.25 has no url_file for webhooks, so the URL stays in the
// config: it must not carry credentials.
void CheckWebhookUrl(const Reader& r, const std::string& url, const std::string& pointer,
                     const std::string& owner) {
  size_t scheme = url.find("://");
  size_t host_end = url.find_first_of("/?#", scheme == std::string::npos ? 0 : scheme + 3);
  bool userinfo = url.substr(0, host_end).find('@') != std::string::npos;
  bool secret_param = false;
  size_t query = url.find('?');
  if (query != std::string::npos) {
    std::string params = url.substr(query + 1, url.find('#', query) - query - 1);
    for (size_t start = 0; start <= params.size();) {
      size_t end = params.find('&', start);
      if (end == std::string::npos) end = params.size();
      std::string name = params.substr(start, std::min(params.find('=', start), end) - start);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      for (const char* secret : {"token", "key", "apikey", "api_key", "secret", "password", "passwd",
                                 "pass", "sig", "signature", "auth", "access_token", "client_secret"}) {
        std::string s = secret;
        bool suffix = name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0 &&
                      (name[name.size() - s.size() - 1] == '_' || name[name.size() - s.size() - 1] == '-');
        if (name == s || suffix) secret_param = true;
      }
      start = end + 1;
    }
  }
  if (userinfo || secret_param) {
    Diagnostic& d = r.sink().Report(Code::SecretPlainText, r.At(pointer),
                                    "webhook URL of " + owner + " carries credentials");
    d.label = "Alertmanager 0.25 cannot read a webhook URL from a file";
    d.notes.push_back({"pass credentials in http_config.authorization.credentials: {file: ...}", {}});
  }
}

void ReadReceivers(const Reader& r, NameRegistry& names, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("receivers")) return;
  for (const auto& [name, rec] : root["receivers"].items()) {
    std::string p = "/receivers/" + PointerToken(name);
    model::Receiver receiver;
    receiver.name = r.Name(name, p);
    if (!names.Declare("receiver", receiver.name)) continue;
    std::string owner = "receiver '" + name + "'";
    for (const model::ReceiverKindInfo& kind : model::AllReceiverKinds()) {
      if (!rec.contains(kind.spec_key)) continue;
      const Json& value = rec[kind.spec_key];
      std::string kp = p + "/" + kind.spec_key;
      Json items = value.is_array() ? value : Json::array({value});
      for (size_t i = 0; i < items.size(); ++i) {
        std::string ip = value.is_array() ? kp + "/" + std::to_string(i) : kp;
        model::Integration integration;
        integration.kind = kind.kind;
        integration.span = r.KeyAt(ip);
        integration.settings = items[i];
        integration.secrets = TakeSecrets(r, integration.settings, kind.spec_key, ip, owner);
        if (kind.kind == model::ReceiverKind::Email) {
          MoveSubjectToHeaders(r, integration.settings, ip);
        }
        if (kind.kind == model::ReceiverKind::Webhook) {
          CheckWebhookUrl(r, integration.settings["url"], ip + "/url", owner);
        }
        receiver.integrations.push_back(std::move(integration));
      }
    }
    system.receivers.push_back(std::move(receiver));
  }
}

std::vector<model::Ref> Refs(const Reader& r, const Json& j, const std::string& p,
                             const char* key) {
  std::vector<model::Ref> out;
  if (!j.contains(key)) return out;
  for (size_t i = 0; i < j[key].size(); ++i) {
    out.push_back({j[key][i].get<std::string>(), r.At(p + "/" + key + "/" + std::to_string(i))});
  }
  return out;
}

model::Route ReadRoute(const Reader& r, const Json& j, const std::string& p, bool root) {
  model::Route route;
  route.span = root ? r.KeyAt(p) : r.At(p);
  route.receiver = r.OptRef(j, p, "receiver");
  bool valid = true;
  route.matchers = r.Matchers(j, p, "", &valid);
  route.invalid = !valid;
  if (root) {
    if (!route.receiver) {
      r.sink().Report(Code::SchemaRequired, route.span,
                      "missing required key 'receiver' in the route tree")
          .label = "the root route needs a default receiver";
    }
    if (!route.matchers.empty()) {
      r.sink().Report(Code::SpecBadValue, route.matchers.front().span,
                      "the root route cannot have matchers")
          .label = "it receives every alert";
    }
    if (j.value("continue", false)) {
      r.sink().Report(Code::SpecBadValue, r.KeyAt(p + "/continue"),
                      "the root route cannot have 'continue'");
    }
  }
  if (j.contains("group_by")) {
    route.group_by.emplace();
    for (size_t i = 0; i < j["group_by"].size(); ++i) {
      std::string label = j["group_by"][i];
      if (label != "...") r.CheckLabelName(label, r.At(p + "/group_by/" + std::to_string(i)));
      route.group_by->push_back(label);
    }
  }
  route.group_wait = r.Dur(j, p, "group_wait");
  route.group_interval = r.Dur(j, p, "group_interval");
  route.repeat_interval = r.Dur(j, p, "repeat_interval");
  route.continue_matching = j.value("continue", false);
  route.mute_time_intervals = Refs(r, j, p, "mute_time_intervals");
  route.active_time_intervals = Refs(r, j, p, "active_time_intervals");
  if (j.contains("routes")) {
    for (size_t i = 0; i < j["routes"].size(); ++i) {
      route.routes.push_back(ReadRoute(r, j["routes"][i], p + "/routes/" + std::to_string(i), false));
    }
  }
  return route;
}

void ReadInhibitRules(const Reader& r, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("inhibit_rules")) return;
  for (size_t i = 0; i < root["inhibit_rules"].size(); ++i) {
    const Json& j = root["inhibit_rules"][i];
    std::string p = "/inhibit_rules/" + std::to_string(i);
    model::InhibitRule rule;
    rule.span = r.At(p);
    bool valid = true;
    rule.source = r.Matchers(j, p, "source_", &valid);
    rule.target = r.Matchers(j, p, "target_", &valid);
    rule.invalid = !valid;
    rule.equal = Refs(r, j, p, "equal");
    for (const model::Ref& label : rule.equal) r.CheckLabelName(label.name, label.span);
    if (valid && (rule.source.empty() || rule.target.empty())) {
      r.sink().Report(Code::SpecBadValue, rule.span,
                      std::string("inhibit rule has no ") + (rule.source.empty() ? "source" : "target") +
                          " matchers")
          .label = "it would match every alert";
    }
    system.inhibit_rules.push_back(std::move(rule));
  }
}

// Alertmanager's time interval grammar, checked value by value.
class TimeIntervalChecker {
 public:
  explicit TimeIntervalChecker(const Reader& r) : r_(r) {}

  void Check(const Json& range, const std::string& p) {
    if (range.contains("times")) {
      for (size_t i = 0; i < range["times"].size(); ++i) {
        const Json& t = range["times"][i];
        std::string tp = p + "/times/" + std::to_string(i);
        int start = Minutes(t["start_time"], tp + "/start_time");
        int end = Minutes(t["end_time"], tp + "/end_time");
        if (start >= 0 && end >= 0 && start >= end) {
          Bad(tp + "/end_time", "end_time must be after start_time");
        }
      }
    }
    Ranges(range, p, "weekdays", [](const std::string& s) { return Weekday(s); }, InOrder);
    Ranges(range, p, "days_of_month", [](const std::string& s) {
      int n = Int(s);
      return n != 0 && n >= -31 && n <= 31 ? n : kBad;
    }, DayOfMonthOrder);
    Ranges(range, p, "months", [](const std::string& s) { return Month(s); }, InOrder);
    Ranges(range, p, "years", [](const std::string& s) {
      int n = Int(s);
      return n > 0 ? n : kBad;
    }, InOrder);
    if (range.contains("location")) {
      std::string loc = range["location"];
      // Alertmanager loads locations from the same tz database.
      struct stat st;
      if (loc != "UTC" && loc != "Local" &&
          (loc.find("..") != std::string::npos ||
           stat(("/usr/share/zoneinfo/" + loc).c_str(), &st) != 0 || !S_ISREG(st.st_mode))) {
        Bad(p + "/location", "unknown time zone '" + loc + "'");
      }
    }
  }

 private:
  static constexpr int kBad = -1000;

  static int Int(const std::string& s) {
    if (s.empty() || s.find_first_not_of("-0123456789") != std::string::npos) return kBad;
    try {
      return std::stoi(s);
    } catch (const std::exception&) {
      return kBad;
    }
  }
  static int Index(std::string s, const char* const* names, int count) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    for (int i = 0; i < count; ++i) {
      if (s == names[i]) return i + 1;
    }
    return kBad;
  }
  static int Weekday(const std::string& s) {
    static const char* const kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday"};
    return Index(s, kDays, 7);
  }
  static int Month(const std::string& s) {
    static const char* const kMonths[] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    int n = Int(s);
    if (n >= 1 && n <= 12) return n;
    return Index(s, kMonths, 12);
  }

  int Minutes(const Json& v, const std::string& p) {
    std::string s = v;
    if (s.size() == 5 && s[2] == ':' && isdigit(s[0]) && isdigit(s[1]) && isdigit(s[3]) &&
        isdigit(s[4])) {
      int h = std::stoi(s.substr(0, 2)), m = std::stoi(s.substr(3));
      if (m < 60 && (h < 24 || (h == 24 && m == 0))) return h * 60 + m;
    }
    Bad(p, "invalid time '" + s + "'; expected HH:MM between 00:00 and 24:00");
    return -1;
  }

  // Empty when `a:b` is a valid range, else why not.
  static std::string InOrder(int a, int b) { return a > b ? "ends before it starts" : ""; }
  // Negative days count from the month's end; Alertmanager judges a mixed
  // range against the shortest month.
  static std::string DayOfMonthOrder(int a, int b) {
    if (a < 0 && b > 0) return "has a negative start day and a positive end day";
    if ((a > 0) == (b > 0) ? a > b : a > 28 + b) return "ends before it starts in some months";
    return "";
  }

  template <typename Parse, typename Order>
  void Ranges(const Json& range, const std::string& p, const char* key, Parse parse, Order order) {
    if (!range.contains(key)) return;
    for (size_t i = 0; i < range[key].size(); ++i) {
      std::string s = range[key][i];
      std::string ip = p + "/" + key + "/" + std::to_string(i);
      size_t colon = s.find(':', 1);
      int a = parse(s.substr(0, colon));
      int b = colon == std::string::npos ? a : parse(s.substr(colon + 1));
      if (a == kBad || b == kBad) {
        Bad(ip, "invalid " + std::string(key) + " entry '" + s + "'");
      } else if (std::string why = order(a, b); !why.empty()) {
        Bad(ip, "range '" + s + "' " + why);
      }
    }
  }

  void Bad(const std::string& p, const std::string& message) {
    r_.sink().Report(Code::SpecBadTime, r_.At(p), message);
  }

  const Reader& r_;
};

void ReadTimeIntervals(const Reader& r, NameRegistry& names, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("time_intervals")) return;
  TimeIntervalChecker checker(r);
  for (const auto& [name, ranges] : root["time_intervals"].items()) {
    std::string p = "/time_intervals/" + PointerToken(name);
    model::TimeInterval ti{r.Name(name, p), ranges};
    if (!names.Declare("time interval", ti.name)) continue;
    for (size_t i = 0; i < ranges.size(); ++i) checker.Check(ranges[i], p + "/" + std::to_string(i));
    system.time_intervals.push_back(std::move(ti));
  }
}

void ReadAlertmanagerSettings(const Reader& r, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("alertmanager")) return;
  const Json& am = root["alertmanager"];
  model::AlertmanagerSettings& s = system.alertmanager;
  if (am.contains("global")) {
    s.global = am["global"];
    s.global_secrets = TakeSecrets(r, s.global, "global", "/alertmanager/global",
                                   "the Alertmanager global settings");
    if (auto d = r.Dur(am["global"], "/alertmanager/global", "resolve_timeout")) {
      s.global["resolve_timeout"] = d->text;
    }
  }
  s.templates = r.StringMap(am, "templates");
  if (am.contains("templates_dir")) s.templates_dir = am["templates_dir"];
  if (am.contains("cluster")) {
    const Json& c = am["cluster"];
    s.replicas = c.value("replicas", 1);
    if (c.contains("peers")) s.peers = c["peers"].get<std::vector<std::string>>();
    s.listen_address = r.Str(c, "listen_address");
    if (s.replicas > 1 && s.peers.empty()) {
      r.sink().Report(Code::SpecBadValue, r.KeyAt("/alertmanager/cluster"),
                      "an Alertmanager cluster of " + std::to_string(s.replicas) +
                          " replicas needs its 'peers'")
          .label = "without --cluster.peer flags the replicas never form a cluster and each sends every notification";
    }
  }
}

}  // namespace

void ReadAlerting(const Reader& r, NameRegistry& names, model::System& system) {
  ReadReceivers(r, names, system);
  ReadTimeIntervals(r, names, system);
  ReadInhibitRules(r, system);
  ReadAlertmanagerSettings(r, system);
  if (r.doc().root.contains("routes")) {
    system.route = ReadRoute(r, r.doc().root["routes"], "/routes", true);
  }
}

}  // namespace monc::build
