#!/usr/bin/env bash
# `monc check` on a generated spec of N rules (default 10,000) beside
# `promtool check rules` on the rule file monc generates from it: the same
# expressions, parsed and type-checked by both, in the same run, median of
# RUNS each, interleaved. Read the ratio: these machines are shared.
#
#   tests/bench/promql_check_bench.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${2:-5}

bazel build -c opt //:monc > /dev/null 2>&1
monc=bazel-bin/compiler/cli/monc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 tests/bench/gen_spec.py "$n" > "$tmp/spec.yaml"
"$monc" build "$tmp/spec.yaml" -o "$tmp/out" > /dev/null
rules=$tmp/out/prometheus/rules/bench.rules.yml
promtool check rules "$rules" > /dev/null

ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" > /dev/null 2>&1
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for _ in $(seq "$runs"); do
  ms "$monc" check "$tmp/spec.yaml" >> "$tmp/monc"
  ms promtool check rules "$rules" >> "$tmp/promtool"
done
m=$(median < "$tmp/monc")
p=$(median < "$tmp/promtool")
echo "rules:                 $n ($(wc -l < "$tmp/spec.yaml") spec lines, $(wc -c < "$rules") bytes of rules)"
echo "monc check:            $m ms (median of $runs; YAML + schema + model + PromQL parse/type/catalog checks)"
echo "promtool check rules:  $p ms (median of $runs; YAML + PromQL parse/type checks)"
awk -v m="$m" -v p="$p" 'BEGIN {printf "ratio monc/promtool:   %.2f (below 1: monc is faster)\n", m / p}'
