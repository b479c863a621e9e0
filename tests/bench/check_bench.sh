#!/usr/bin/env bash
# Wall time of `monc check` on the largest example (the one with the most
# rules) beside `promtool check rules` on the rules monc generated for it,
# measured in the same run, interleaved, median of N runs each. Machines
# here are shared and noisy: read the ratio, not the absolute times.
#
#   tests/bench/check_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/bench/lib.sh
runs=${1:-21}

bazel build -c opt //:monc > /dev/null 2>&1
monc=bazel-bin/compiler/cli/monc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

largest= most=-1
for dir in examples/*/; do
  "$monc" build "$dir" -o "$tmp/$(basename "$dir")" > /dev/null
  n=$(cat "$tmp/$(basename "$dir")"/prometheus/rules/*.yml | grep -cE '^\s+- (alert|record):' || true)
  if [ "$n" -gt "$most" ]; then most=$n largest=$dir; fi
done
rules=$(ls "$tmp/$(basename "$largest")"/prometheus/rules/*.yml)

: > "$tmp/monc" && : > "$tmp/promtool"
for _ in $(seq "$runs"); do
  usecs "$monc" check "$largest" >> "$tmp/monc"
  usecs promtool check rules $rules >> "$tmp/promtool"
done
m=$(median < "$tmp/monc")
p=$(median < "$tmp/promtool")
echo "example:               $largest ($most rules, $(cat "$largest"/*.yaml | wc -l) spec lines)"
report "$m" "$p" "$runs"
