#!/usr/bin/env bash
# `monc check` on a generated spec of N rules (default 10,000) beside
# `promtool check rules` on the rule file monc generates from it: the same
# expressions, parsed and type-checked by both, in the same run, median of
# RUNS each, interleaved. Read the ratio: these machines are shared.
#
#   tests/bench/promql_check_bench.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/bench/lib.sh
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

for _ in $(seq "$runs"); do
  usecs "$monc" check "$tmp/spec.yaml" >> "$tmp/monc"
  usecs promtool check rules "$rules" >> "$tmp/promtool"
done
m=$(median < "$tmp/monc")
p=$(median < "$tmp/promtool")
echo "rules:                 $n ($(wc -l < "$tmp/spec.yaml") spec lines, $(wc -c < "$rules") bytes of rules)"
report "$m" "$p" "$runs"
