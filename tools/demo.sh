#!/usr/bin/env bash
# Sets up what is missing, builds monc, and runs it on a real example: checks
# the Skillancer spec and generates its configs into out/skillancer.
set -euo pipefail
cd "$(dirname "$0")/.."

./tools/setup.sh
bazel build //:monc
monc=bazel-bin/compiler/cli/monc

example=${1:-examples/skillancer}
out=out/$(basename "$example")
echo "== monc check $example"
"$monc" check "$example"
echo "== monc build $example -o $out"
"$monc" build "$example" -o "$out"
echo "== generated files are in $out/ (e.g. $out/prometheus/rules/, $out/alertmanager/)"
