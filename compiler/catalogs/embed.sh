#!/bin/sh
# Writes a C++ file that embeds each catalog YAML given after the output path
# as one row of kShippedCatalogs (catalogs.h), named after its file.
set -eu
out=$1
shift
{
  echo '#include "compiler/catalogs/catalogs.h"'
  echo 'namespace monc {'
  echo 'extern const ShippedCatalog kShippedCatalogs[] = {'
  for f in "$@"; do
    name=$(basename "$f" .yaml)
    printf '{"%s", R"monc_catalog(' "$name"
    cat "$f"
    echo ')monc_catalog"},'
  done
  echo '};'
  echo 'extern const size_t kShippedCatalogCount = sizeof(kShippedCatalogs) / sizeof(kShippedCatalogs[0]);'
  echo '}  // namespace monc'
} > "$out"
