#!/usr/bin/env python3
"""Grafana's LogQL grammar (@grafana/lezer-logql) as a second opinion on syntax.

Every expression Loki accepts must parse without an error node in lezer:
  - each distinct input of logql/parse_cases.jsonl whose verdict is accept;
  - each LogQL expression monc emits or checks in the examples: the `expr` of
    every rule of loki/rules/**, every Loki target of the generated Grafana
    dashboards, every retention_stream selector of loki/limits_config.yaml
    (each must also pass `monc logql check`, Loki's verdict offline).
The exceptions are lezer's known gaps, lezer_known_gaps.txt, one a line
as `<input as a JSON string><TAB><reason>`; the test fails on any other
rejection and on a listed gap lezer now accepts or no input hits.

  lezer_logql_test.py MONC LEZER_SCRIPT CASES GAPS
It runs unsandboxed ("local"): node and the grammar come from the source
tree's tools/npm/node_modules, which tools/setup.sh fills.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import yaml


def source_root():
    here = os.path.dirname(os.path.realpath(__file__))
    return os.path.dirname(os.path.dirname(here))


def corpus_inputs(path):
    seen = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                case = json.loads(line)
                if case["accept"]:
                    seen.setdefault(case["input"], f"parse_cases.jsonl:{n}")
    return seen


def read_gaps(path):
    gaps = {}
    with open(path) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                text, reason = line.rstrip("\n").split("\t", 1)
                gaps[json.loads(text)] = reason
    return gaps


def dashboard_targets(dashboard):
    """(panel title, expr) of every Loki target, nested rows included."""
    def panels(node):
        for panel in node.get("panels", []):
            yield panel
            yield from panels(panel)
    for panel in panels(dashboard):
        for target in panel.get("targets", []):
            ds = target.get("datasource") or panel.get("datasource") or {}
            if isinstance(ds, dict) and ds.get("type") == "loki" and target.get("expr"):
                yield panel.get("title", "?"), target["expr"]


def example_exprs(monc, tmp):
    """(origin, entry, expr) of every LogQL expression the examples produce."""
    found, rule_files = [], 0
    for spec in sorted(glob.glob("examples/*/")):
        name = os.path.basename(spec.rstrip("/"))
        out = os.path.join(tmp, name)
        build = subprocess.run([monc, "build", spec, "-o", out], capture_output=True, text=True)
        if build.returncode != 0:
            sys.exit(f"FAIL: monc build {spec}:\n{build.stderr}")
        for path in sorted(glob.glob(f"{out}/loki/rules/**/*.yml", recursive=True)):
            rule_files += 1
            for group in (yaml.safe_load(open(path)) or {}).get("groups", []):
                for rule in group.get("rules", []):
                    what = rule.get("alert") or rule.get("record")
                    found.append((f"{name} {os.path.relpath(path, out)} {what}", "sample", rule["expr"]))
        for path in sorted(glob.glob(f"{out}/grafana/dashboards/**/*.json", recursive=True)):
            for title, expr in dashboard_targets(json.load(open(path))):
                found.append((f"{name} {os.path.relpath(path, out)} '{title}'", "expr", expr))
        limits = f"{out}/loki/limits_config.yaml"
        if os.path.exists(limits):
            config = (yaml.safe_load(open(limits)) or {}).get("limits_config", {})
            for stream in config.get("retention_stream", []):
                found.append((f"{name} loki/limits_config.yaml retention_stream", "log", stream["selector"]))
    return found, rule_files


def lezer(node, script, node_modules, inputs):
    stdin = "".join(json.dumps(text) + "\n" for text in inputs)
    run = subprocess.run([node, script, node_modules], input=stdin, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"FAIL: lezer_logql.mjs:\n{run.stderr}")
    return {v["input"]: v for v in map(json.loads, run.stdout.splitlines())}


def where(text, verdict):
    begin, end = verdict["errors"][0]
    return f"error node at {begin}: {text[max(0, begin - 20):end + 20]!r}"


def main():
    monc, script, cases, gaps_path = sys.argv[1:5]
    node_modules = os.path.join(source_root(), "tools/npm/node_modules")
    node = os.path.join(node_modules, ".bin/node")
    for need in (node, os.path.join(node_modules, "@grafana/lezer-logql/index.es.js")):
        if not os.path.exists(need):
            sys.exit(f"FAIL: {need} is missing: run tools/setup.sh")

    tmp = os.environ.get("TEST_TMPDIR") or tempfile.mkdtemp()
    corpus = corpus_inputs(cases)
    examples, rule_files = example_exprs(monc, tmp)
    gaps = read_gaps(gaps_path)
    failures = []

    # Loki's verdict on the examples' expressions, offline: monc's parser,
    # at parity with Loki's over the corpus (logql_parse_test).
    for origin, entry, expr in examples:
        run = subprocess.run([monc, "logql", "check", f"--entry={entry}", "--format=json", expr],
                             capture_output=True, text=True)
        verdict = json.loads(run.stdout.splitlines()[0]) if run.stdout else {"accept": False}
        if not verdict["accept"]:
            failures.append(f"monc rejects {origin}: {json.dumps(expr)}: {run.stdout}{run.stderr}")

    # The judge must be able to say no.
    broken = 'sum(count_over_time({app="api"} |= "x" [5m])'
    inputs = list(corpus) + [e for _, _, e in examples] + [broken]
    verdicts = lezer(node, script, node_modules, inputs)
    if verdicts[broken]["accept"]:
        failures.append(f"lezer accepts the unbalanced {broken!r}: the judge cannot fail")

    origins = dict(corpus)
    for origin, _, expr in examples:
        origins.setdefault(expr, origin)
    agree = known = 0
    for text, origin in origins.items():
        verdict = verdicts[text]
        if verdict["accept"]:
            agree += 1
            if text in gaps:
                failures.append(f"listed gap now parses in lezer, remove it: {json.dumps(text)}")
        elif text in gaps:
            known += 1
            print(f"known gap ({origin}): {json.dumps(text)[:100]}: {gaps[text]}")
        else:
            failures.append(f"lezer rejects {origin}: {json.dumps(text)}; {where(text, verdict)}")
    for text in gaps:
        if text not in origins:
            failures.append(f"listed gap matches no input, remove it: {json.dumps(text)}")

    n_corpus = len(corpus)
    n_examples = len(origins) - n_corpus
    print(f"inputs: {n_corpus} distinct accepted corpus expressions, "
          f"{n_examples} from the examples ({rule_files} Loki rule files)")
    if rule_files == 0:
        print("no example emits Loki rule files yet: only dashboards and limits checked")
    print(f"lezer agreement {agree}/{len(origins)} ({known} listed lezer gaps)")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
