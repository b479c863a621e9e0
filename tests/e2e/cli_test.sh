#!/usr/bin/env bash
# The monc command end to end: exit codes, output formats, determinism,
# `build --check`, and atomic writes. Each check is one JUnit test case.
set -uo pipefail
source tests/e2e/lib.sh

monc=compiler/cli/monc
quick=examples/quickstart
bad=$TEST_TMPDIR/bad.yaml
cat > "$bad" <<'YAML'
version: 1
receivers:
  slack: {slack: {api_url: {file: /s}, channel: '#a'}}
routes:
  receiver: slak
  group_wait: 30 seconds
YAML

check "check of a clean spec exits 0" expect_exit 0 "$monc" check "$quick"
check "check of a broken spec exits 1" expect_exit 1 "$monc" check "$bad"
check "a missing spec file exits 2 with io/read" \
  expect_output 2 "io/read" "$monc" check "$TEST_TMPDIR/nope.yaml"
mkdir -p "$TEST_TMPDIR/empty"
check "a folder without specs exits 2 with io/no-specs" \
  expect_output 2 "io/no-specs" "$monc" check "$TEST_TMPDIR/empty"
check "an unknown flag exits 2" expect_exit 2 "$monc" check --frobnicate "$quick"
check "a missing subcommand exits 2" expect_exit 2 "$monc"
check "--version names monc" expect_output 0 "monc 0." "$monc" --version
check "--help lists the subcommands" expect_output 0 "build" "$monc" --help
check "explain describes a code" expect_output 0 "route/unreachable" "$monc" explain route/unreachable

check "human diagnostics carry file:line:col and a caret" \
  expect_output 1 "bad.yaml:5:13: error: unknown receiver 'slak'" "$monc" check "$bad"
check "all problems are reported in one run" \
  expect_output 1 "2 errors, 1 warning" "$monc" check "$bad"

json_ok() {
  "$monc" check --format=json "$bad" > "$TEST_TMPDIR/out.json"
  python3 - "$TEST_TMPDIR/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
codes = sorted(x["code"] for x in d)
assert codes == ["receiver/unused", "spec/bad-duration", "spec/unknown-receiver"], codes
r = [x for x in d if x["code"] == "spec/unknown-receiver"][0]
assert (r["line"], r["column"]) == (5, 13), r
PY
}
check "--format=json lists codes and places" json_ok

sarif_ok() {
  "$monc" check --format=sarif "$bad" > "$TEST_TMPDIR/out.sarif"
  python3 - "$TEST_TMPDIR/out.sarif" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0"
run = d["runs"][0]
rules = run["tool"]["driver"]["rules"]
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 3
assert len(run["results"]) == 3
PY
}
check "--format=sarif is SARIF 2.1.0 with rules" sarif_ok

typo_in_example() {
  # One misspelled metric inside a literal block of a real multi-file example.
  cp -r examples/skillancer "$TEST_TMPDIR/sk"
  local line
  line=$(grep -n 'sum(rate(http_requests_total{status=~"5.."}\[5m\])) by (service)' "$TEST_TMPDIR/sk/alerts.yaml" | head -1 | cut -d: -f1)
  sed -i "${line}s/http_requests_total/http_request_total/" "$TEST_TMPDIR/sk/alerts.yaml"
  local col
  col=$(sed -n "${line}p" "$TEST_TMPDIR/sk/alerts.yaml" | awk '{print index($0, "http_request_total")}')
  "$monc" check --format=json "$TEST_TMPDIR/sk" > "$TEST_TMPDIR/typo.json"
  [ $? -eq 1 ] || return 1
  python3 - "$TEST_TMPDIR/typo.json" "$line" "$col" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1, d
x = d[0]
assert x["code"] == "promql/unknown-metric", x
assert x["file"].endswith("alerts.yaml") and (x["line"], x["column"]) == (int(sys.argv[2]), int(sys.argv[3])), x
assert "did you mean 'http_requests_total'" in x["notes"][0]["message"], x
PY
}
check "a misspelled metric in an example: promql/unknown-metric at its line:col, did-you-mean" typo_in_example

out=$TEST_TMPDIR/out
deterministic() {
  "$monc" build "$quick" -o "$out/a" > /dev/null && "$monc" build "$quick" -o "$out/b" > /dev/null &&
    diff -r "$out/a" "$out/b"
}
check "two builds produce identical bytes" deterministic

check "build --check passes right after a build" expect_exit 0 "$monc" build "$quick" -o "$out/a" --check
stale_changed() {
  echo "# edited by hand" >> "$out/a/alertmanager/alertmanager.yml"
  "$monc" build "$quick" -o "$out/a" --check 2> "$TEST_TMPDIR/err"
  [ $? -eq 1 ] && grep -q "changed: alertmanager/alertmanager.yml" "$TEST_TMPDIR/err"
}
check "build --check lists a changed file and exits 1" stale_changed
stale_extra() {
  "$monc" build "$quick" -o "$out/a" > /dev/null && touch "$out/a/notes.txt" &&
    ! "$monc" build "$quick" -o "$out/a" --check 2> "$TEST_TMPDIR/err" &&
    grep -q "extra: notes.txt" "$TEST_TMPDIR/err"
}
check "build --check lists an extra file" stale_extra
stale_missing() {
  rm -rf "$out/c" && ! "$monc" build "$quick" -o "$out/c" --check 2> "$TEST_TMPDIR/err" &&
    grep -q "missing: alertmanager/alertmanager.yml" "$TEST_TMPDIR/err" && [ ! -e "$out/c" ]
}
check "build --check writes nothing" stale_missing

untouched() {
  "$monc" build "$quick" -o "$out/keep" > /dev/null || return 1
  (cd "$out/keep" && find . -type f -exec sha256sum {} + | sort) > "$TEST_TMPDIR/before"
  "$monc" build "$bad" -o "$out/keep" > /dev/null 2>&1
  [ $? -eq 1 ] || return 1
  (cd "$out/keep" && find . -type f -exec sha256sum {} + | sort) > "$TEST_TMPDIR/after"
  diff "$TEST_TMPDIR/before" "$TEST_TMPDIR/after" && [ -z "$(ls "$out" | grep monc-new)" ]
}
check "a failed build leaves the output folder untouched" untouched

finish
