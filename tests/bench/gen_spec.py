#!/usr/bin/env python3
"""Writes a deterministic monc spec with N rules (default 10,000) of the
shapes real rule files hold: error ratios, latency quantiles, saturation,
absent targets, recording rules, with labels and templated annotations.

  tests/bench/gen_spec.py [N] > spec.yaml
"""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
rng = random.Random(42)
services = [f"svc-{i:03d}" for i in range(200)]

# (expression, kind, a label the expression keeps, for the summary template)
shapes = [
    ('sum(rate(http_requests_total{{service="{s}",status=~"5.."}}[5m])) by (service)\n'
     '  / sum(rate(http_requests_total{{service="{s}"}}[5m])) by (service) > {t}', "alert", "service"),
    ('histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{{service="{s}"}}[5m])) by (le, service)) > {t}', "alert", "service"),
    ('sum(container_memory_working_set_bytes{{namespace="{s}"}}) by (pod)\n'
     '  / sum(container_spec_memory_limit_bytes{{namespace="{s}"}}) by (pod) > {t}', "alert", "pod"),
    ('up{{job="{s}"}} == 0', "alert", "instance"),
    ('absent(up{{job="{s}"}})', "alert", "job"),
    ('increase(kube_pod_container_status_restarts_total{{namespace="{s}"}}[1h]) > {t}', "alert", "pod"),
    ('sum by (service, method) (rate(http_requests_total{{service="{s}"}}[5m]))', "record", None),
    ('avg_over_time(db_connections_active{{service="{s}"}}[10m]) / on(service) group_left db_connections_max > {t}', "alert", "service"),
]

print("version: 1")
print("name: bench")
print("metrics:")
print("  http_requests_total: {type: counter, labels: [service, method, status]}")
print("  http_request_duration_seconds: {type: histogram, labels: [service, method]}")
print("  container_memory_working_set_bytes: {type: gauge, labels: [namespace, pod, container]}")
print("  container_spec_memory_limit_bytes: {type: gauge, labels: [namespace, pod, container]}")
print("  up: {type: gauge, labels: [job, instance]}")
print("  kube_pod_container_status_restarts_total: {type: counter, labels: [namespace, pod, container]}")
print("  db_connections_active: {type: gauge, labels: [service]}")
print("  db_connections_max: {type: gauge, labels: [service]}")
print("groups:")
per_group = 50
for g in range(0, n, per_group):
    print(f"  bench.group-{g // per_group:04d}:")
    print("    interval: 30s")
    print("    rules:")
    for i in range(g, min(g + per_group, n)):
        expr, kind, label = shapes[i % len(shapes)]
        s = rng.choice(services)
        text = expr.format(s=s, t=round(rng.uniform(0.01, 0.99), 2))
        if kind == "record":
            print(f"      - record: service_method:http_requests:rate5m_{i}")
            print(f"        expr: |\n          " + text.replace("\n", "\n          "))
        else:
            print(f"      - alert: BenchAlert{i}")
            print(f"        expr: |\n          " + text.replace("\n", "\n          "))
            print(f"        for: 5m")
            print(f"        severity: warning")
            print(f"        summary: 'rule {i} on {{{{ $labels.{label} }}}}'")
