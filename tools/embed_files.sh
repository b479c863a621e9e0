#!/usr/bin/env bash
# Writes a C++ file that embeds data files in the binary (catalogs,
# templates), so monc needs no data files at run time: an array of
# {name, text} rows, one per file, and its length.
#
#   embed_files.sh OUT HEADER NAMESPACE ROW_TYPE ARRAY COUNT SUFFIX FILE...
# HEADER declares ROW_TYPE; ARRAY and COUNT are defined with external
# linkage in NAMESPACE; each row is named after its file without SUFFIX.
set -eu
out=$1 header=$2 namespace=$3 row_type=$4 array=$5 count=$6 suffix=$7
shift 7
{
  echo "#include \"$header\""
  echo "namespace $namespace {"
  echo "extern const $row_type $array[] = {"
  for f in "$@"; do
    printf '{"%s", R"monc_embedded(' "$(basename "$f" "$suffix")"
    cat "$f"
    echo ')monc_embedded"},'
  done
  echo '};'
  echo "extern const size_t $count = sizeof($array) / sizeof($array[0]);"
  echo "}  // namespace $namespace"
} > "$out"
