#!/usr/bin/env bash
# promtool 2.42 and `monc test` judge every example's generated test files
# alike: both pass them all, and with one expectation broken both fail, on
# the same test groups. The broken copy is made of the spec tests only: the
# SLO tier files replay days of samples (minutes per promtool run), so each
# tool runs them once. This is the one place the generated tests meet
# promtool (real_tools_test.sh checks the other outputs).
set -uo pipefail
source tests/e2e/lib.sh

monc=$PWD/compiler/cli/monc
for tool in promtool python3; do
  command -v "$tool" > /dev/null || { echo "missing $tool: run tools/setup.sh"; exit 1; }
done

# break IN OUT: the first alert test of the first group expects one alert
# more than it did.
break_expectation() {
  python3 -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
for g in d["tests"]:
    if g.get("alert_rule_test"):
        g["alert_rule_test"][0]["exp_alerts"].append({"exp_labels": {"broken": "yes"}})
        break
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)' "$1" "$2"
}

# failed_groups TOOL: the names of the groups that failed, from promtool's
# "    name: X," lines or monc's "  FAIL: X" lines, sorted and unique.
failed_groups() {
  sed -n -e 's/^    name: \(.*\),$/\1/p' -e 's/^  FAIL: \(.*\)$/\1/p' | sort -u
}

# both_pass FILE: promtool and monc test pass FILE, run from its folder as
# its rule_files are relative to it.
both_pass() {
  cd "$(dirname "$1")" || return 1
  local file
  file=$(basename "$1")
  promtool test rules "$file" || { echo "promtool fails $file"; return 1; }
  "$monc" test --promtool-file "$file" || { echo "monc test fails $file"; return 1; }
}

# agree FILE: both pass FILE; both fail its broken copy on the same groups.
agree() {
  both_pass "$1" || return 1
  local file broken
  file=$(basename "$1")
  broken=broken-$file
  break_expectation "$file" "$broken" || return 1
  local from_promtool from_monc
  from_promtool=$(promtool test rules "$broken" 2>&1) && { echo "promtool passes $broken"; return 1; }
  from_monc=$("$monc" test --promtool-file "$broken" 2>&1) && { echo "monc passes $broken"; return 1; }
  local a b
  a=$(failed_groups <<< "$from_promtool")
  b=$(failed_groups <<< "$from_monc")
  [ -n "$a" ] && [ "$a" = "$b" ] || {
    echo "promtool failed:"; echo "$a"; echo "monc failed:"; echo "$b"; return 1
  }
}

for dir in examples/*/; do
  name=$(basename "$dir")
  out=$TEST_TMPDIR/$name
  check "$name: monc build" "$monc" build "$dir" -o "$out"
  for t in "$out"/prometheus/tests/*.yml; do
    [ -e "$t" ] || continue
    case $t in
      *.slo_test.yml) check "$name: promtool and monc test pass $(basename "$t")" both_pass "$t" ;;
      *) check "$name: promtool and monc test agree on $(basename "$t")" agree "$t" ;;
    esac
  done
done

finish
