# Shared by the bench scripts: wall time of one command, medians, and the
# result lines, all in microseconds so short and long runs print alike.

# usecs CMD...: wall microseconds of one run, output discarded.
usecs() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" > /dev/null 2>&1
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# report MONC_USECS PROMTOOL_USECS RUNS: the two medians and their ratio.
# monc does more than promtool: schema, model, routing and catalog checks
# besides parsing and type-checking the same expressions.
report() {
  awk -v m="$1" -v p="$2" -v runs="$3" 'BEGIN {
    printf "monc check:            %.1f ms (median of %d)\n", m / 1000, runs
    printf "promtool check rules:  %.1f ms (median of %d)\n", p / 1000, runs
    printf "ratio monc/promtool:   %.2f (below 1: monc is faster)\n", m / p
  }'
}
