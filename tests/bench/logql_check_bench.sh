#!/usr/bin/env bash
# monc's LogQL front end on N generated expressions (default 10,000;
# gen_logql.py: selectors, line filters, json/logfmt/pattern/regexp, label
# filters, rate/count_over_time under sum by, unwrapped quantile_over_time)
# through `monc logql check` on stdin. There is no offline Loki to compare
# with, so the reference is monc's PromQL front end on the N expressions of
# promql_check_bench.sh's spec, in the same run (median of RUNS, interleaved).
# Then `monc check` on that spec with one rule in five a LogQL rule of a
# Loki group, beside the PromQL-only spec. MONC=path skips the bazel build.
#
#   tests/bench/logql_check_bench.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/bench/lib.sh
n=${1:-10000}
runs=${2:-5}

if [ -z "${MONC:-}" ]; then
  bazel build -c opt //:monc > /dev/null 2>&1
  MONC=bazel-bin/compiler/cli/monc
fi
monc=$MONC
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 tests/bench/gen_logql.py logql "$n" > "$tmp/logql.txt"
python3 tests/bench/gen_logql.py promql "$n" > "$tmp/promql.txt"
# Every generated expression must be valid, or the figures time error paths.
"$monc" logql check < "$tmp/logql.txt" > /dev/null
"$monc" promql check < "$tmp/promql.txt" > /dev/null

for _ in $(seq "$runs"); do
  usecs "$monc" logql check < "$tmp/logql.txt" >> "$tmp/t_logql"
  usecs "$monc" promql check < "$tmp/promql.txt" >> "$tmp/t_promql"
done
l=$(median < "$tmp/t_logql")
p=$(median < "$tmp/t_promql")
echo "reference:             no Loki here to time LogQL against (offline); monc's PromQL check of as many expressions instead"
echo "expressions:           $n LogQL ($(wc -c < "$tmp/logql.txt") bytes), $n PromQL ($(wc -c < "$tmp/promql.txt") bytes)"
awk -v l="$l" -v p="$p" -v n="$n" -v runs="$runs" 'BEGIN {
  printf "monc logql check:      %.1f ms, %.0f expressions/s, %.1f us/expression (median of %d)\n", l / 1000, n / (l / 1e6), l / n, runs
  printf "monc promql check:     %.1f ms, %.0f expressions/s, %.1f us/expression (median of %d)\n", p / 1000, n / (p / 1e6), p / n, runs
  printf "ratio logql/promql:    %.2f (per expression)\n", l / p
}'

# The spec: LogQL rules beside PromQL ones, once the spec has Loki groups.
if grep -q '"loki"' compiler/spec/schema/monc.schema.json; then
  python3 tests/bench/gen_spec.py "$n" > "$tmp/promql_spec.yaml"
  python3 tests/bench/gen_logql.py spec "$n" > "$tmp/mixed_spec.yaml"
  "$monc" check "$tmp/mixed_spec.yaml" > /dev/null
  for _ in $(seq "$runs"); do
    usecs "$monc" check "$tmp/mixed_spec.yaml" >> "$tmp/t_mixed"
    usecs "$monc" check "$tmp/promql_spec.yaml" >> "$tmp/t_prom_spec"
  done
  awk -v m="$(median < "$tmp/t_mixed")" -v p="$(median < "$tmp/t_prom_spec")" -v n="$n" -v runs="$runs" 'BEGIN {
    printf "monc check, mixed:     %.1f ms, %d rules, %d of them LogQL (median of %d)\n", m / 1000, n, int(n / 5), runs
    printf "monc check, PromQL:    %.1f ms, %d rules (median of %d)\n", p / 1000, n, runs
    printf "ratio mixed/PromQL:    %.2f\n", m / p
  }'
else
  echo "spec:                  no Loki rules in the spec schema yet: spec part skipped"
fi
