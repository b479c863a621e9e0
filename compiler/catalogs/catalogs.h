// The metrics catalogs monc ships, one per well-known exporter
// (compiler/catalogs/<name>.yaml), compiled into the binary. A spec imports
// them by name:
//
//   imports: [prometheus, node_exporter]
//
// Each catalog is itself a spec file holding only `version: 1` and
// `metrics:`, so the spec's own loader, schema and model builder read it.
// Catalogs list each metric's own labels; the target labels every scraped
// series carries (job, instance, ...) are added by the analysis.
#ifndef MONC_COMPILER_CATALOGS_CATALOGS_H_
#define MONC_COMPILER_CATALOGS_CATALOGS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace monc {

struct ShippedCatalog {
  std::string_view name;  // the file name without .yaml: what `imports:` says
  std::string_view text;  // the YAML, byte for byte
};

// Every shipped catalog, sorted by name.
const std::vector<ShippedCatalog>& ShippedCatalogs();
// nullptr when monc ships no catalog of that name.
const ShippedCatalog* FindShippedCatalog(std::string_view name);
std::vector<std::string> ShippedCatalogNames();

}  // namespace monc

#endif  // MONC_COMPILER_CATALOGS_CATALOGS_H_
