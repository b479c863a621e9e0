// Every name the Checkly backend generates: file paths, Checkly logical IDs,
// Frequency constants and the environment variables secrets are read from.
#ifndef MONC_BACKENDS_CHECKLY_NAMES_H_
#define MONC_BACKENDS_CHECKLY_NAMES_H_

#include <cstdint>
#include <string>

#include "compiler/model/model.h"

namespace monc::checkly {

// "checkly/checkly.config.ts", "checkly/package.json" and
// "checkly/__checks__/alert-channels.ts".
std::string ConfigFilePath();
std::string PackageFilePath();
std::string AlertChannelsFilePath();

// "checkly/__checks__/<check id>.check.ts". The model builder allows only
// letters, digits, '_', '-' and '.' in check names, so the id is also the
// check's logical ID as is.
std::string CheckFilePath(const model::Check& check);

// The project's logicalId and package name: the system's name, which the
// model builder keeps to lowercase letters, digits, '-' and '.'.
std::string ProjectLogicalId(const model::System& system);
std::string PackageName(const model::System& system);

// The logical ID of a receiver's alert channel: "<receiver>/<kind>", with
// "-<n>" (from 1) when the receiver has several channels of the kind. A
// character Checkly does not allow in logical IDs becomes '_'; the '/'
// keeps channel IDs apart from check IDs, which have none.
std::string ChannelLogicalId(const std::string& receiver, const std::string& kind, int n,
                             bool numbered);

// The Frequency constant for a frequency Checkly offers (the model builder
// allows no other): 30000 -> "EVERY_30S", 300000 -> "EVERY_5M",
// 86400000 -> "EVERY_24H".
std::string FrequencyConstant(int64_t millis);

// The environment variable that stands for a secret file: its base name in
// upper case, each run of other characters as one '_'
// ("/etc/am/slack-webhook-url" -> "SLACK_WEBHOOK_URL"), "SECRET_" in front
// when it would start with a digit. With `whole_path`, the whole path
// ("ETC_AM_SLACK_WEBHOOK_URL"), for files whose base names clash.
std::string SecretFileVariable(const std::string& path, bool whole_path);

}  // namespace monc::checkly

#endif  // MONC_BACKENDS_CHECKLY_NAMES_H_
