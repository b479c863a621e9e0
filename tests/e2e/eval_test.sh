#!/usr/bin/env bash
# `monc eval` end to end: rule files replayed over tests/e2e/eval/data.om at
# fixed times, each output line compared with the expected JSON lines
# (rules.expected.jsonl is Prometheus 2.42's /api/v1/query answer, as
# eval_real_tools_test.sh checks; chained.expected.jsonl adds what only the
# rule manager shows: recording outputs, ALERTS and staleness markers read
# by later rules, and a rule's own error as "ruleError" beside its query's
# result). To regenerate after a deliberate change:
#   monc eval --data tests/e2e/eval/data.om --rules tests/e2e/eval/X.yml $(cat tests/e2e/eval/times) > tests/e2e/eval/X.expected.jsonl
set -uo pipefail
source tests/e2e/lib.sh

monc=compiler/cli/monc
dir=tests/e2e/eval
read -r -a times < "$dir/times"

for rules in rules chained; do
  check "$rules.yml: one line per rule and time, as expected" \
    diff -u "$dir/$rules.expected.jsonl" <("$monc" eval --data "$dir/data.om" --rules "$dir/$rules.yml" "${times[@]}")
done

cat > "$TEST_TMPDIR/bad.yml" << 'YAML'
groups:
  - name: g
    rules:
      - record: r
        expr: sum(rate(up[5m])
YAML
check "a rule file with an error exits 1 and says where" \
  expect_output 1 "bad.yml:5:31: error: unclosed left parenthesis" \
  "$monc" eval --data "$dir/data.om" --rules "$TEST_TMPDIR/bad.yml" --at 1700000060

check "an invalid time is a usage error" \
  expect_output 2 "invalid time 'soon'" "$monc" eval --data "$dir/data.om" --rules "$dir/rules.yml" --at soon

check "a missing data file is an I/O error" \
  expect_exit 2 "$monc" eval --data "$TEST_TMPDIR/none.om" --rules "$dir/rules.yml" --at 1

{ head -3 "$dir/data.om"; echo 'up{instance="a" 1 1700000000'; tail -n +4 "$dir/data.om"; } > "$TEST_TMPDIR/malformed.om"
check "a malformed data line stops the load, with its line number" \
  expect_output 1 "malformed.om:4:" \
  "$monc" eval --data "$TEST_TMPDIR/malformed.om" --rules "$dir/rules.yml" --at 1700000060
skip_matches() {
  diff <("$monc" eval --on-error=skip --data "$TEST_TMPDIR/malformed.om" --rules "$dir/rules.yml" "${times[@]}" 2> /dev/null) \
    "$dir/rules.expected.jsonl"
}
check "--on-error=skip loads the rest" skip_matches

stats() {
  local err
  err=$("$monc" eval --stats --data "$dir/data.om" --rules "$dir/rules.yml" --at 1700000060 2>&1 > /dev/null)
  for want in "load:" "rule set" "samples touched" "api[0] job:http_requests:rate5m" "peak memory:"; do
    grep -qF -- "$want" <<< "$err" || { echo "--stats lacks '$want':"; echo "$err"; return 1; }
  done
}
check "--stats prints timings, samples touched and peak memory" stats

finish
