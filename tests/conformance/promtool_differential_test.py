#!/usr/bin/env python3
"""monc's PromQL verdicts against the real promtool 2.42, on generated input.

promql_generator prints a few thousand expressions (same seed, same ones);
promtool judges them all in one rule file, one rule each (it reports every
failing rule of a file, each with its index); `monc promql check
--format=json` judges them from stdin. Every verdict must agree, except the
inputs listed in promql/promtool_known_differences.txt. Whether monc also
reports promtool's message at promtool's place is counted, not enforced.

usage: promtool_differential_test.py GENERATOR MONC
env:   MONC_DIFF_SEED (42), MONC_DIFF_COUNT (3000), MONC_DIFF_MESSAGES=1 lists the
       rejections where monc does not report promtool's message
"""
import json
import os
import re
import subprocess
import sys
import tempfile

KNOWN = "tests/conformance/promql/promtool_known_differences.txt"
RULE_ERROR = re.compile(r'group "g", rule (\d+), "r": could not parse expression: (.*)$')


def promtool_errors(exprs, workdir):
    """Rule index (0-based) -> promtool's message, for the rejected ones."""
    path = os.path.join(workdir, "rules.yml")
    with open(path, "w") as f:
        f.write("groups:\n- name: g\n  rules:\n")
        for e in exprs:
            # A JSON string is a valid YAML double-quoted scalar.
            f.write("  - record: r\n    expr: %s\n" % json.dumps(e))
    run = subprocess.run(["promtool", "check", "rules", path], capture_output=True, text=True)
    errors = {}
    for line in (run.stdout + run.stderr).splitlines():
        m = RULE_ERROR.search(line)
        if m:
            errors[int(m.group(1)) - 1] = m.group(2)
    if run.returncode != 0 and not errors:
        sys.exit("promtool failed without a rule error:\n" + run.stdout + run.stderr)
    return errors


def monc_verdicts(monc, exprs):
    run = subprocess.run([monc, "promql", "check", "--format=json"], input="\n".join(exprs) + "\n",
                         capture_output=True, text=True)
    verdicts = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if len(verdicts) != len(exprs):
        sys.exit("monc gave %d verdicts for %d expressions:\n%s"
                 % (len(verdicts), len(exprs), run.stderr))
    return verdicts


def rendered(diagnostic):
    return "%s:%s: parse error: %s" % (diagnostic.get("line"), diagnostic.get("column"),
                                       diagnostic.get("message"))


def read_known():
    known = {}
    with open(KNOWN) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                text, _, reason = line.rstrip("\n").partition("\t")
                known[json.loads(text)] = reason
    return known


def main():
    generator, monc = sys.argv[1], sys.argv[2]
    seed = os.environ.get("MONC_DIFF_SEED", "42")
    count = os.environ.get("MONC_DIFF_COUNT", "3000")
    exprs = subprocess.run([generator, "--seed=" + seed, "--count=" + count], check=True,
                           capture_output=True, text=True).stdout.splitlines()
    with tempfile.TemporaryDirectory(dir=os.environ.get("TEST_TMPDIR")) as workdir:
        expected = promtool_errors(exprs, workdir)
    verdicts = monc_verdicts(monc, exprs)
    known = read_known()

    agree = same_message = both_reject = 0
    unexplained = []
    for i, (expr, verdict) in enumerate(zip(exprs, verdicts)):
        prom_accepts = i not in expected
        ours = [rendered(d) for d in verdict["diagnostics"] if d.get("severity") == "error"]
        if verdict["accept"] == prom_accepts:
            agree += 1
            if not prom_accepts:
                both_reject += 1
                if expected[i] in ours:
                    same_message += 1
                elif os.environ.get("MONC_DIFF_MESSAGES"):
                    print("message %s\n  promtool: %s\n  monc:     %s"
                          % (json.dumps(expr), expected[i], ours[0]))
            continue
        line = "%s\n  promtool: %s\n  monc:     %s" % (
            json.dumps(expr), "accepts" if prom_accepts else expected[i],
            "accepts" if verdict["accept"] else (ours[0] if ours else "rejects"))
        if expr in known:
            print("known difference (%s): %s" % (known[expr], line))
        else:
            unexplained.append(line)

    accepted = len(exprs) - len(expected)
    print("seed %s: %d expressions, %d accepted by promtool" % (seed, len(exprs), accepted))
    print("agreement %d/%d" % (agree, len(exprs)))
    print("messages %d/%d (promtool's error, place included, among monc's, where both reject)"
          % (same_message, both_reject))
    for line in unexplained:
        print("DISAGREE " + line)
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
