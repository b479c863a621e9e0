// Writes the Checkly project of ShopChecks() into the folder argv[1], for
// checkly_real_tools_test.sh.
#include <iostream>

#include "backends/checkly/checkly.h"
#include "backends/checkly/shop_checks.h"
#include "backends/common/real_tools.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_shop_project DIR\n";
    return 2;
  }
  monc::OutputSet out;
  monc::checkly::ChecklyBackend().Generate(monc::CheckedSpecForTesting(monc::checkly::ShopChecks()),
                                           out);
  monc::backends::WriteFiles(out, argv[1]);
  return 0;
}
