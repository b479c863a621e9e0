#!/usr/bin/env bash
# Sets up what is missing, runs every test, and ends with one line:
# "N passed, N failed", counting test cases (each gtest case, each script
# test) of the test targets this run executed. A target that did not build
# or run counts as one failed case. Exit status 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."

./tools/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
bazel test //... --keep_going --test_output=errors "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

python3 - "$log" "$(bazel info bazel-testlogs 2>/dev/null)" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET

log, testlogs = sys.argv[1], sys.argv[2]
passed = failed = 0
summary = re.compile(r"^(//\S+)\s+(?:\(cached\)\s+)?(PASSED|FAILED|TIMEOUT|FLAKY|NO STATUS|FAILED TO BUILD|INCOMPLETE)\b")
for line in open(log, errors="replace"):
    m = summary.match(line)
    if not m:
        continue
    target, verdict = m.groups()
    xml = os.path.join(testlogs, target[2:].replace(":", "/"), "test.xml")
    cases = []
    if verdict in ("PASSED", "FAILED", "FLAKY") and os.path.exists(xml):
        try:
            cases = [c for c in ET.parse(xml).getroot().iter("testcase")]
        except ET.ParseError:
            pass
    if not cases:
        ok = verdict in ("PASSED", "FLAKY")
        passed += ok
        failed += not ok
        continue
    for c in cases:
        bad = c.find("failure") is not None or c.find("error") is not None
        failed += bad
        passed += not bad
    if verdict == "FAILED" and all(c.find("failure") is None and c.find("error") is None for c in cases):
        failed += 1  # the binary failed outside any case (crash, exit code)
print(f"{passed} passed, {failed} failed")
PY
exit "$status"
