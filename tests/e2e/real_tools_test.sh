#!/usr/bin/env bash
# Every example's outputs judged by the real tools: promtool 2.42 checks each
# rule file (and each PrometheusRule's groups; the generated tests run under
# promtool in monc_test_real_tools_test.sh), amtool 0.25 checks each
# Alertmanager config and routes every label set of the example's
# routing.tests to exactly the receivers it lists, and tsc plus the Checkly
# CLI's own loader judge each Checkly project (tools/npm, from the source
# tree: this test runs unsandboxed).
set -uo pipefail
source tests/e2e/lib.sh

monc=compiler/cli/monc
for tool in promtool amtool python3; do
  command -v "$tool" > /dev/null || { echo "missing $tool: run tools/setup.sh"; exit 1; }
done

# The source tree, for tools/npm (installed by tools/setup.sh).
root=$(dirname "$(dirname "$(dirname "$(readlink -f tests/e2e/lib.sh)")")")
node_modules=$root/tools/npm/node_modules
[ -x "$node_modules/.bin/tsc" ] || { echo "missing $node_modules: run tools/setup.sh"; exit 1; }

operator_groups() {  # PrometheusRule -> a plain rule file of its spec.groups
  python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); yaml.safe_dump({"groups": d["spec"]["groups"]}, open(sys.argv[2], "w"))' "$1" "$2"
}

# route_case CONFIG "label=value ... -> r1,r2"
route_case() {
  local config=$1 line=$2
  local labels=${line%%->*} receivers=${line##*->}
  receivers=$(echo $receivers)
  # shellcheck disable=SC2086
  amtool config routes test --config.file="$config" --verify.receivers="$receivers" $labels
}

for dir in examples/*/; do
  name=$(basename "$dir")
  out=$TEST_TMPDIR/$name
  check "$name: monc build" "$monc" build "$dir" -o "$out"
  for rules in "$out"/prometheus/rules/*.yml; do
    [ -e "$rules" ] && check "$name: promtool check rules $(basename "$rules")" promtool check rules "$rules"
  done
  for cr in "$out"/prometheus/operator/*.yaml; do
    [ -e "$cr" ] || continue
    check "$name: PrometheusRule $(basename "$cr") is a valid rule file" \
      bash -c "$(declare -f operator_groups); operator_groups '$cr' '$TEST_TMPDIR/$name-operator.yml' && promtool check rules '$TEST_TMPDIR/$name-operator.yml'"
  done
  if [ -d "$out/checkly" ]; then
    checks=$(ls "$out"/checkly/__checks__/*.check.ts | wc -l)
    check "$name: Checkly project ($checks checks) passes tsc and the Checkly CLI loader" \
      backends/checkly/judge.sh --fake-secrets "$node_modules" "$out/checkly" "$checks"
  fi
  config=$out/alertmanager/alertmanager.yml
  [ -e "$config" ] && check "$name: amtool check-config" amtool check-config "$config"
  if [ -e "$dir/routing.tests" ]; then
    while IFS= read -r line; do
      line=${line%%#*}
      [ -n "$(echo $line)" ] || continue
      check "$name: routes $line" route_case "$config" "$line"
    done < "$dir/routing.tests"
  fi
done

finish
