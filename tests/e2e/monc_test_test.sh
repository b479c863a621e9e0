#!/usr/bin/env bash
# `monc test`: every example's tests (its tests section and its SLO tier
# tests) pass on monc's rule evaluator; a broken expectation fails with
# promtool's "exp: ... got:" text; bad usage exits 2.
set -uo pipefail
source tests/e2e/lib.sh

monc=compiler/cli/monc

for dir in examples/*/; do
  name=$(basename "$dir")
  check "$name: monc test passes every test group" expect_output 0 " 0 failed" "$monc" test "$dir"
done

# A generated test file with one expectation broken, run from disk.
out=$TEST_TMPDIR/quickstart
check "monc build quickstart" "$monc" build examples/quickstart -o "$out"
tests=$out/prometheus/tests
sed 's/summary: shop-api instance 10.0.0.1:8080 is down/summary: wrong/' \
  "$tests/quickstart.test.yml" > "$tests/broken.test.yml"
check "a broken expectation fails its group" \
  expect_output 1 "  FAIL: a dead instance pages after two minutes" \
  "$monc" test --promtool-file "$tests/broken.test.yml"
check "the failure shows what was expected" \
  expect_output 1 'Annotations:{runbook_url="https://docs.example.com/runbooks/shop-api-down", summary="wrong"}' \
  "$monc" test --promtool-file "$tests/broken.test.yml"
check "the generated files pass from disk too" \
  expect_output 0 "2 files, 7 test groups: 7 passed, 0 failed" \
  "$monc" test --promtool-file "$tests/quickstart.test.yml" --promtool-file "$tests/quickstart.slo_test.yml"
check "an unreadable test file exits 2" expect_exit 2 "$monc" test --promtool-file "$tests/missing.yml"
check "SPEC and --promtool-file together exit 2" \
  expect_exit 2 "$monc" test examples/quickstart --promtool-file "$tests/quickstart.test.yml"

finish
