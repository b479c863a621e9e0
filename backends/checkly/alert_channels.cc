#include "backends/checkly/alert_channels.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include "backends/checkly/names.h"
#include "backends/checkly/render.h"

namespace monc::checkly {
namespace {

using Json = nlohmann::json;

struct KindInfo {
  model::ReceiverKind kind;
  const char* id;              // in channel logical IDs
  const char* construct;       // the checkly/constructs class
  bool default_send_resolved;  // Alertmanager 0.25's
};

constexpr KindInfo kKinds[] = {
    {model::ReceiverKind::Email, "email", "EmailAlertChannel", false},
    {model::ReceiverKind::Slack, "slack", "SlackAlertChannel", false},
    {model::ReceiverKind::PagerDuty, "pagerduty", "PagerdutyAlertChannel", true},
    {model::ReceiverKind::Webhook, "webhook", "WebhookAlertChannel", true},
    {model::ReceiverKind::OpsGenie, "opsgenie", "OpsgenieAlertChannel", true},
};

const KindInfo& Kind(model::ReceiverKind kind) {
  for (const KindInfo& k : kKinds) {
    if (k.kind == kind) return k;
  }
  throw std::logic_error("receiver kind without a Checkly channel");
}

// Names the environment variables secrets are read from, and remembers the
// ones the file uses for its header.
class Secrets {
 public:
  // File secrets are named by base name, unless two different files of the
  // system share one: then both by their whole path.
  explicit Secrets(const model::System& system) {
    std::map<std::string, std::set<std::string>> paths_by_name;
    auto note = [&](const std::map<std::string, model::Secret>& secrets) {
      for (const auto& [field, secret] : secrets) {
        if (secret.source == model::Secret::Source::File) {
          paths_by_name[SecretFileVariable(secret.value, false)].insert(secret.value);
        }
      }
    };
    note(system.alertmanager.global_secrets);
    for (const model::Receiver& receiver : system.receivers) {
      for (const model::Integration& integration : receiver.integrations) note(integration.secrets);
    }
    for (const auto& [name, paths] : paths_by_name) {
      for (const std::string& path : paths) {
        file_variables_[path] = SecretFileVariable(path, paths.size() > 1);
      }
    }
  }

  // TypeScript that reads `secret` when the project loads.
  std::string Read(const model::Secret& secret) {
    if (secret.source == model::Secret::Source::Env) {
      used_.emplace(secret.value, "");
      return "secret(" + TsString(secret.value) + ")";
    }
    const std::string& variable = file_variables_.at(secret.value);
    used_.emplace(variable, secret.value);
    return "secret(" + TsString(variable) + ")";
  }

  // Variable -> the file it stands for ("" for an env secret), sorted.
  const std::map<std::string, std::string>& used() const { return used_; }

 private:
  std::map<std::string, std::string> file_variables_;
  std::map<std::string, std::string> used_;
};

const model::Secret* FindSecret(const std::map<std::string, model::Secret>& secrets,
                                std::initializer_list<const char*> fields) {
  for (const char* field : fields) {
    auto it = secrets.find(field);
    if (it != secrets.end()) return &it->second;
  }
  return nullptr;
}

std::string Setting(const Json& settings, const char* key) {
  return settings.contains(key) && settings[key].is_string() ? settings[key].get<std::string>()
                                                             : "";
}

// A channel's properties in order: name, TypeScript value.
using Props = std::vector<std::pair<std::string, std::string>>;

struct Channel {
  const KindInfo* kind;
  Props props;
};

// One channel per address of `to`, which Alertmanager lets list several.
std::vector<Props> EmailChannels(const model::Integration& integration) {
  std::vector<Props> out;
  std::string to = Setting(integration.settings, "to");
  for (size_t start = 0; start <= to.size();) {
    size_t comma = std::min(to.find(',', start), to.size());
    std::string address = to.substr(start, comma - start);
    size_t begin = address.find_first_not_of(" \t");
    if (begin != std::string::npos) {
      address = address.substr(begin, address.find_last_not_of(" \t") - begin + 1);
      out.push_back({{"address", TsString(address)}});
    }
    start = comma + 1;
  }
  return out;
}

// Each of the kinds below needs its secret, here or in the global section;
// receiver/incomplete has reported a receiver without it.
std::vector<Props> SlackChannels(const model::System& system, const model::Integration& integration,
                                 Secrets& secrets) {
  const model::Secret* url = FindSecret(integration.secrets, {"api_url"});
  if (!url) url = FindSecret(system.alertmanager.global_secrets, {"slack_api_url"});
  if (!url) return {};
  Props props = {{"url", secrets.Read(*url)}};
  if (integration.settings.contains("channel")) {
    props.push_back({"channel", TsString(Setting(integration.settings, "channel"))});
  }
  return {props};
}

std::vector<Props> PagerdutyChannels(const model::Integration& integration, Secrets& secrets) {
  const model::Secret* key = FindSecret(integration.secrets, {"routing_key", "service_key"});
  if (!key) return {};
  return {{{"serviceKey", secrets.Read(*key)}}};
}

// The Authorization header a webhook's http_config asks for, as TypeScript.
std::optional<std::string> WebhookAuthorization(const model::Integration& integration,
                                                Secrets& secrets) {
  const Json& http = integration.settings.value("http_config", Json::object());
  if (const model::Secret* credentials =
          FindSecret(integration.secrets, {"http_config.authorization.credentials"})) {
    std::string type = http.contains("authorization") ? Setting(http["authorization"], "type") : "";
    return TsString((type.empty() ? "Bearer" : type) + " ") + " + " + secrets.Read(*credentials);
  }
  if (const model::Secret* password =
          FindSecret(integration.secrets, {"http_config.basic_auth.password"})) {
    std::string username =
        http.contains("basic_auth") ? Setting(http["basic_auth"], "username") : "";
    return "\"Basic \" + Buffer.from(" + TsString(username + ":") + " + " +
           secrets.Read(*password) + ").toString(\"base64\")";
  }
  return std::nullopt;
}

std::vector<Props> WebhookChannels(const model::Receiver& receiver,
                                   const model::Integration& integration, Secrets& secrets) {
  Props props = {{"name", TsString(receiver.name.name)},
                 {"url", TsString(Setting(integration.settings, "url"))},
                 {"method", TsString("POST")}};
  if (auto authorization = WebhookAuthorization(integration, secrets)) {
    props.push_back({"headers", "[{ key: \"Authorization\", value: " + *authorization + " }]"});
  }
  return {props};
}

std::vector<Props> OpsgenieChannels(const model::System& system, const model::Receiver& receiver,
                                    const model::Integration& integration, Secrets& secrets) {
  const Json& s = integration.settings;
  const model::Secret* key = FindSecret(integration.secrets, {"api_key"});
  if (!key) key = FindSecret(system.alertmanager.global_secrets, {"opsgenie_api_key"});
  if (!key) return {};
  std::string api_url = s.contains("api_url")
                            ? Setting(s, "api_url")
                            : Setting(system.alertmanager.global, "opsgenie_api_url");
  bool eu = api_url.find("api.eu.opsgenie.com") != std::string::npos;
  // Alertmanager's priority may be a template; Checkly's is one fixed level.
  std::string priority = Setting(s, "priority");
  bool fixed =
      priority.size() == 2 && priority[0] == 'P' && priority[1] >= '1' && priority[1] <= '5';
  return {{{"name", TsString(receiver.name.name)},
           {"apiKey", secrets.Read(*key)},
           {"region", TsString(eu ? "EU" : "US")},
           {"priority", TsString(fixed ? priority : "P3")}}};
}

std::vector<Channel> Channels(const model::System& system, const model::Receiver& receiver,
                              Secrets& secrets) {
  std::vector<Channel> out;
  for (const model::Integration& integration : receiver.integrations) {
    std::vector<Props> channels;
    switch (integration.kind) {
      case model::ReceiverKind::Email:
        channels = EmailChannels(integration);
        break;
      case model::ReceiverKind::Slack:
        channels = SlackChannels(system, integration, secrets);
        break;
      case model::ReceiverKind::PagerDuty:
        channels = PagerdutyChannels(integration, secrets);
        break;
      case model::ReceiverKind::Webhook:
        channels = WebhookChannels(receiver, integration, secrets);
        break;
      case model::ReceiverKind::OpsGenie:
        channels = OpsgenieChannels(system, receiver, integration, secrets);
        break;
    }
    const KindInfo& kind = Kind(integration.kind);
    bool send_resolved = integration.settings.value("send_resolved", kind.default_send_resolved);
    for (Props& props : channels) {
      props.push_back({"sendRecovery", send_resolved ? "true" : "false"});
      out.push_back({&kind, std::move(props)});
    }
  }
  return out;
}

// The template's entry for one receiver; adds the classes it uses.
Data ReceiverData(const std::string& name, const std::vector<Channel>& channels,
                  std::set<std::string>& classes) {
  std::map<std::string, int> per_kind;
  for (const Channel& channel : channels) ++per_kind[channel.kind->id];
  std::map<std::string, int> seen;
  Data list{Data::type::list};
  for (const Channel& channel : channels) {
    classes.insert(channel.kind->construct);
    int n = ++seen[channel.kind->id];
    Data c;
    c.set("class", channel.kind->construct);
    c.set("logical_id",
          ChannelLogicalId(name, channel.kind->id, n, per_kind[channel.kind->id] > 1));
    Data props{Data::type::list};
    for (const auto& [key, value] : channel.props) {
      Data prop;
      prop.set("key", key);
      prop.set("value", value);
      props.push_back(prop);
    }
    c.set("props", props);
    list.push_back(c);
  }
  Data receiver;
  receiver.set("name", name);
  receiver.set("channels", list);
  return receiver;
}

}  // namespace

std::optional<std::string> AlertChannelsFile(const model::System& system,
                                             const std::string& notice) {
  std::set<std::string> named;
  for (const model::Check& check : system.checks) {
    for (const model::Ref& receiver : check.alert_to) named.insert(receiver.name);
  }
  if (named.empty()) return std::nullopt;
  Secrets secrets(system);
  std::map<std::string, std::vector<Channel>> by_receiver;
  for (const model::Receiver& receiver : system.receivers) {
    if (named.count(receiver.name.name)) {
      by_receiver[receiver.name.name] = Channels(system, receiver, secrets);
    }
  }
  std::set<std::string> classes;
  Data receivers{Data::type::list};
  for (const auto& [name, channels] : by_receiver) {
    receivers.push_back(ReceiverData(name, channels, classes));
  }
  Data data;
  data.set("notice", TsComment(notice));
  data.set("classes", SeparatedList({classes.begin(), classes.end()}));
  data.set("receivers", receivers);
  if (!secrets.used().empty()) {
    data.set("has_secrets", true);
    Data list{Data::type::list};
    for (const auto& [variable, file] : secrets.used()) {
      Data secret;
      secret.set("variable", TsComment(variable));
      if (!file.empty()) secret.set("file", TsComment(file));
      list.push_back(secret);
    }
    data.set("secrets", list);
  }
  return Render("alert-channels.ts", data);
}

}  // namespace monc::checkly
