// One check as checkly/__checks__/<id>.check.ts: an ApiCheck or a
// HeartbeatCheck of the checkly/constructs API.
//
// An API check's request is the spec's method, url, headers, query and body
// (bodyType from the Content-Type header: JSON, FORM, GRAPHQL, else RAW);
// `expect` becomes assertions, in this order: statusCode().equals(status),
// responseTime().lessThan(latency_below), jsonBody(path).equals(value) per
// JSON path, headers(name).equals(value) per header, textBody()
// .contains(body_contains). latency_below is also maxResponseTime and
// degraded_after degradedResponseTime, in milliseconds. An expected status
// of 400 or more sets shouldFail, which Checkly needs to pass an error
// status. `every` becomes a Frequency constant and `locations` the check's
// locations; without them the project's defaults apply (checkly.config.ts).
// `retries` is a fixed retry strategy (Checkly's default backoff), none when
// 0.
//
// A heartbeat check's period and grace are written in the largest unit
// (days, hours, minutes, seconds) that holds them exactly; no grace is 0
// seconds.
//
// Both alert after `alert_after_failures` failed runs in a row
// (runBasedEscalation) to the channels of their `alert_to` receivers
// (alert_channels.h), and carry their service as a tag.
#ifndef MONC_BACKENDS_CHECKLY_CHECK_FILE_H_
#define MONC_BACKENDS_CHECKLY_CHECK_FILE_H_

#include <string>

#include "compiler/model/model.h"

namespace monc::checkly {

// The file's text; `notice` is the generated-file notice of its first line.
std::string CheckFile(const model::Check& check, const std::string& notice);

}  // namespace monc::checkly

#endif  // MONC_BACKENDS_CHECKLY_CHECK_FILE_H_
