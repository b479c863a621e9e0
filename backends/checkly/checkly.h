// The Checkly backend: the system's synthetic checks (`checks:` and the
// services' `health:`) as a Checkly CLI project, written from the templates
// in templates/checkly/. For system "shop" with checks shop-health and
// nightly-backup:
//
//   checkly/package.json                      the project's package (checkly CLI)
//   checkly/checkly.config.ts                 defineConfig: projectName "shop",
//                                             logicalId "shop", check defaults
//                                             (every 10m from us-east-1 and eu-west-1)
//   checkly/__checks__/alert-channels.ts      alert channels of the receivers
//                                             checks alert to (alert_channels.h)
//   checkly/__checks__/shop-health.check.ts   new ApiCheck('shop-health', {...})
//   checkly/__checks__/nightly-backup.check.ts  new HeartbeatCheck(...)
//
// How a check maps to the constructs is in check_file.h. In the folder,
// `npm install` then `npx checkly test` runs the checks once and `npx
// checkly deploy` schedules them; the environment variables the header of
// alert-channels.ts lists must hold the receivers' secrets. A system without
// checks gets no files.
#ifndef MONC_BACKENDS_CHECKLY_CHECKLY_H_
#define MONC_BACKENDS_CHECKLY_CHECKLY_H_

#include <string_view>

#include "backends/backend.h"

namespace monc::checkly {

class ChecklyBackend : public Backend {
 public:
  std::string_view Name() const override { return "checkly"; }
  void Generate(const CheckedSpec& spec, OutputSet& out) const override;
};

}  // namespace monc::checkly

#endif  // MONC_BACKENDS_CHECKLY_CHECKLY_H_
