#!/usr/bin/env python3
"""Deterministic LogQL for the LogQL check benchmark (logql_check_bench.sh),
of the shapes teams run on Loki: selectors with line filters, json / logfmt /
pattern / regexp parsers, label filters, line_format, rate and
count_over_time under sum by, topk, ratios, unwrapped quantile_over_time.

  tests/bench/gen_logql.py logql N   N LogQL expressions, one a line
  tests/bench/gen_logql.py promql N  the N PromQL expressions of gen_spec.py's
                                     N-rule spec, one a line
  tests/bench/gen_logql.py spec N    gen_spec.py's spec with N rules, one in
                                     five of them LogQL rules of Loki groups
"""
import os
import random
import subprocess
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(42)
namespaces = [f"ns-{i:02d}" for i in range(20)]
apps = [f"svc-{i:03d}" for i in range(200)]

# Log pipelines, the {pipe} of the shapes below (inserted as they are).
pipelines = [
    '|= "error"',
    '|= "error" != "timeout"',
    '|~ "(?i)timeout|refused"',
    '| json | level="error"',
    '| json | status >= 500 | line_format "{{.method}} {{.path}} {{.status}}"',
    '| logfmt | duration > 1s | status=~"5.."',
    '| logfmt --strict | level!="debug"',
    '| json method, path="request.path", status | method="POST" and status >= 400',
    '| pattern "<ip> - - [<_>] \\"<method> <path> <_>\\" <status> <size>" | status >= 400',
    '| regexp `(?P<code>\\d{3}) (?P<ms>\\d+)ms` | code=~"5.." or ms > 500',
    '|= "GET" | json | __error__="" | drop __error__, __error_details__',
]

# (shape, is a metric query); {t} a threshold, {q} a quantile, {k} a count.
shapes = [
    ('{sel} {pipe}', False),
    ('sum by (app) (rate({sel} {pipe} [5m]))', True),
    ('sum by (level) (count_over_time({sel} {pipe} [5m])) > {k}', True),
    ('quantile_over_time({q}, {sel} | logfmt | unwrap duration(latency) | __error__="" [5m]) by (app)', True),
    ('sum(count_over_time({sel} {pipe} [5m])) / sum(count_over_time({sel} [5m])) > {t}', True),
    ('topk({k}, sum by (path) (rate({sel} | json | method="GET" [5m])))', True),
    ('sum by (namespace) (bytes_rate({sel} [1m]))', True),
    ('avg_over_time({sel} | json | unwrap bytes(size) [10m])', True),
    ('{sel} | json | user_id="usr_{k}" | line_format "{{{{.msg}}}}"', False),
    ('absent_over_time({sel} |= "heartbeat" [15m])', True),
]


def expression(metric_only=False):
    while True:
        shape, metric = rng.choice(shapes)
        if metric or not metric_only:
            break
    ns, app = rng.choice(namespaces), rng.choice(apps)
    sel = rng.choice([f'{{app="{app}"}}', f'{{namespace="{ns}", app="{app}"}}',
                      f'{{namespace="{ns}", app=~"{app[:5]}.*", level!="debug"}}'])
    pipe = rng.choice(pipelines)
    return shape.format(sel=sel, pipe=pipe, t=round(rng.uniform(0.01, 0.2), 2),
                        q=rng.choice(["0.5", "0.9", "0.99"]), k=rng.randint(3, 50))


def gen_spec(n):
    run = subprocess.run([sys.executable, os.path.join(here, "gen_spec.py"), str(n)],
                         check=True, capture_output=True, text=True)
    return run.stdout


def promql(n):
    for group in yaml.safe_load(gen_spec(n))["groups"].values():
        for rule in group["rules"]:
            print(" ".join(rule["expr"].split()))


def spec(n):
    n_logql = n // 5
    sys.stdout.write(gen_spec(n - n_logql))  # ends in its groups: section
    per_group = 50
    for g in range(0, n_logql, per_group):
        print(f"  bench.logs-{g // per_group:04d}:")
        print("    datasource: loki")
        print("    interval: 1m")
        print("    rules:")
        for i in range(g, min(g + per_group, n_logql)):
            print(f"      - alert: BenchLogAlert{i}")
            print("        expr: |\n          " + expression(metric_only=True))
            print("        for: 5m")
            print("        severity: warning")
            print(f"        summary: 'log rule {i}'")


def main():
    mode, n = sys.argv[1], int(sys.argv[2])
    if mode == "logql":
        for _ in range(n):
            print(expression())
    elif mode == "promql":
        promql(n)
    elif mode == "spec":
        spec(n)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
