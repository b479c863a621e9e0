#!/bin/sh
# Prometheus 2.42's own PromQL evaluation tests (promql/*.test) on monc's
# engine through `monc promql test`: every statement passes except those
# listed, with a reason, in promql/eval_known_failures.txt (and a listed
# statement that passes fails the test, so the list stays honest).
#   usage: promql_eval_test.sh MONC KNOWN_FAILURES FILE.test...
set -eu
monc=$1
known=$2
shift 2
exec "$monc" promql test --known-failures "$known" "$@"
