#!/bin/sh
# Writes a C++ file that embeds each template given after the output path as
# one row of kChecklyTemplates (templates.h), named after its file without
# the .mustache suffix.
set -eu
out=$1
shift
{
  echo '#include "templates/checkly/templates.h"'
  echo 'namespace monc::checkly {'
  echo 'extern const Template kChecklyTemplates[] = {'
  for f in "$@"; do
    name=$(basename "$f" .mustache)
    printf '{"%s", R"monc_template(' "$name"
    cat "$f"
    echo ')monc_template"},'
  done
  echo '};'
  echo 'extern const size_t kChecklyTemplateCount = sizeof(kChecklyTemplates) / sizeof(kChecklyTemplates[0]);'
  echo '}  // namespace monc::checkly'
} > "$out"
