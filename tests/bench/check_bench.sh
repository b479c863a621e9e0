#!/usr/bin/env bash
# Wall time of `monc check` on the largest example (the one with the most
# rules) beside `promtool check rules` on the rules monc generated for it,
# measured in the same run, interleaved, median of N runs each. Machines
# here are shared and noisy: read the ratio, not the absolute times.
#
#   tests/bench/check_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
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

ms() {  # wall milliseconds of one run of "$@"
  local t0 t1
  t0=$(date +%s%N)
  "$@" > /dev/null 2>&1
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

: > "$tmp/monc" && : > "$tmp/promtool"
for _ in $(seq "$runs"); do
  ms "$monc" check "$largest" >> "$tmp/monc"
  ms promtool check rules $rules >> "$tmp/promtool"
done
m=$(median < "$tmp/monc")
p=$(median < "$tmp/promtool")
echo "example:               $largest ($most rules, $(cat "$largest"/*.yaml | wc -l) spec lines)"
echo "monc check:            $((m / 1000)).$(printf %03d $((m % 1000))) ms (median of $runs)"
echo "promtool check rules:  $((p / 1000)).$(printf %03d $((p % 1000))) ms (median of $runs)"
awk -v m="$m" -v p="$p" 'BEGIN {printf "ratio monc/promtool:   %.2f (below 1: monc is faster)\n", m / p}'
