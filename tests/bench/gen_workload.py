#!/usr/bin/env python3
"""Writes a deterministic OpenMetrics text file of web-service series like the
seed systems' (Skillancer, JobPilot, FlexTime, Mercenary), in the format
`promtool tsdb create-blocks-from openmetrics` reads, for the runtime bench.

  tests/bench/gen_workload.py --series N [--hours H] [--seed S] -o FILE

Each pod (about 160 series) of a service exports, every 15 s:
  http_requests_total{method,path,status}       counters, realistic rates
  http_request_duration_seconds_bucket/_sum/_count   12-bucket histograms
  up, container_cpu_usage_seconds_total, container_memory_working_set_bytes,
  container_spec_{memory_limit_bytes,cpu_quota,cpu_period},
  kube_pod_container_status_restarts_total, db_connections_{active,max}
and payments services also payments_processed_total{status} and
stripe_api_errors_total; each namespace has two PostgreSQL instances
(pg_stat_activity_count, pg_settings_max_connections).
What real data has, deterministically: per-target scrape offsets (millisecond
timestamps), pod restarts (counter resets, a missed scrape, up == 0), pods
that start late or stop early (lookback edges), outages (up == 0 and no other
series), error and latency incidents per service, memory and connection pools
near their limits.

Samples are written series by series (all timestamps of one series, then the
next), families contiguous, `# EOF` last. FILE.meta.json gets the start and
end times, series and sample counts.
"""
import argparse
import itertools
import json
import math
import os
import random
import sys

STEP_MS = 15000
START = 1700006400  # a 2h boundary, so promtool's blocks align with the data
NAMESPACES = ["skillancer-production", "jobpilot", "flextime", "mercenary"]
COMPONENTS = ["api", "web", "auth", "payments", "search", "notifications",
              "jobs", "proposals", "scheduler", "gateway"]
RESOURCES = {"api": "projects", "web": "pages", "auth": "sessions",
             "payments": "payments", "search": "results",
             "notifications": "messages", "jobs": "jobs",
             "proposals": "proposals", "scheduler": "shifts",
             "gateway": "routes"}
STATUSES = ["200", "400", "404", "500", "503"]
# share of a route's traffic per status, healthy
STATUS_SHARE = [0.955, 0.025, 0.015, 0.004, 0.001]
LE = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
LE_TEXT = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0",
           "2.5", "5.0", "10.0", "+Inf"]
PODS_PER_SERVICE = 4
SERIES_PER_POD = 161  # 40 request counters, 8 x 14 histogram, 9 others


def routes(component):
    r = RESOURCES[component]
    return [("GET", f"/api/v1/{r}"), ("GET", f"/api/v1/{r}/:id"),
            ("POST", f"/api/v1/{r}"), ("PUT", f"/api/v1/{r}/:id"),
            ("DELETE", f"/api/v1/{r}/:id"), ("GET", "/api/v1/search"),
            ("POST", "/api/v1/auth/refresh"), ("GET", "/healthz")]


def phi(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


class Pod:
    """Everything about one pod that every family must agree on."""

    def __init__(self, seed, index, steps):
        rng = random.Random(f"{seed}:pod:{index}")
        svc = index // PODS_PER_SERVICE
        self.ns = NAMESPACES[svc % len(NAMESPACES)]
        self.component = COMPONENTS[(svc // len(NAMESPACES)) % len(COMPONENTS)]
        self.service = f"{self.component}-{svc:04d}"
        tag = f"{rng.getrandbits(20):05x}"
        self.pod = f"{self.service}-{tag}-{rng.getrandbits(20):05x}"
        self.instance = f"10.{index >> 16 & 255}.{index >> 8 & 255}.{index & 255}:8080"
        self.base = (f'namespace="{self.ns}",service="{self.service}",'
                     f'pod="{self.pod}",instance="{self.instance}"')
        self.offset_ms = rng.randrange(STEP_MS)
        # which steps this pod is scraped at, and where counters reset
        self.first, self.last = 0, steps  # [first, last)
        if rng.random() < 0.03:
            self.first = rng.randrange(steps // 2)
        if rng.random() < 0.02:
            self.last = steps // 2 + rng.randrange(steps - steps // 2)
        self.down = set()  # steps with up == 0 and nothing else
        self.restart = None
        if rng.random() < 0.12 and self.last - self.first > 8:
            self.restart = rng.randrange(self.first + 4, self.last - 2)
            self.down.add(self.restart)
        if rng.random() < 0.05 and self.last - self.first > 150:
            o = rng.randrange(self.first, self.last - 130)
            self.down.update(range(o, o + rng.randrange(20, 120)))
        # one service in five has an incident: more 5xx, slower answers
        srng = random.Random(f"{seed}:svc:{svc}")
        self.incident = None
        if srng.random() < 0.2:
            a = srng.randrange(steps)
            self.incident = (a, min(steps, a + srng.randrange(80, 400)))
        self.rate = 0.2 + 4.0 * srng.random()  # requests per second per route
        self.mem_limit = srng.choice([256, 512, 1024, 2048]) << 20
        self.cpu_cores = srng.choice([0.25, 0.5, 1.0, 2.0])
        self.hot = rng.random() < 0.15  # memory, cpu and db pool near their limits
        self.rng_seed = f"{seed}:{index}"

    def steps(self):
        """(step, scraped) for every step of the pod's life."""
        return [(i, i not in self.down) for i in range(self.first, self.last)]

    def in_incident(self, i):
        return self.incident is not None and self.incident[0] <= i < self.incident[1]


class Writer:
    def __init__(self, path, start, steps):
        self.f = open(path, "w", buffering=1 << 24)
        self.start_ms = start * 1000
        self.steps = steps
        self.ts_cache = {}
        self.series = 0
        self.samples = 0

    def ts(self, offset_ms):
        t = self.ts_cache.get(offset_ms)
        if t is None:
            base = self.start_ms + offset_ms
            t = [f"{(base + i * STEP_MS) // 1000}.{(base + i * STEP_MS) % 1000:03d}"
                 for i in range(self.steps)]
            self.ts_cache[offset_ms] = t
        return t

    def family(self, name, kind):
        self.f.write(f"# TYPE {name} {kind}\n")

    def series_(self, name_labels, steps, values, offset_ms):
        """steps: step indexes; values: their value texts."""
        if not steps:
            return
        ts = self.ts(offset_ms)
        p = name_labels + " "
        self.f.write("".join([f"{p}{v} {ts[i]}\n" for i, v in zip(steps, values)]))
        self.series += 1
        self.samples += len(steps)

    def close(self):
        self.f.write("# EOF\n")
        self.f.close()


def request_increments(pod, route_index, status_index, live):
    """Requests per scrape interval of one (route, status) at each live step."""
    rng = random.Random(f"{pod.rng_seed}:req:{route_index}:{status_index}")
    r = rng.random
    lam = pod.rate * STEP_MS / 1000 * STATUS_SHARE[status_index]
    if route_index == 7:
        lam *= 0.2  # health checks
    inc = [int(lam * (0.6 + 0.8 * r()) + r()) for _ in live]
    if pod.incident is not None and status_index >= 3:
        base = pod.rate * STEP_MS / 1000 * 0.2
        inc = [v + int(base * r()) if pod.in_incident(i) else v
               for v, i in zip(inc, live)]
    return inc


def counter(pod, live, inc):
    """Cumulative counter values, reset to 0 after the pod's restart."""
    out = []
    total = 0
    for i, v in zip(live, inc):
        if pod.restart is not None and i == pod.restart + 1:
            total = 0
        total += v
        out.append(total)
    return out


def generate(args):
    steps = int(args.hours * 3600 * 1000 // STEP_MS)
    pods_n = max(1, round(args.series / SERIES_PER_POD))
    pods = [Pod(args.seed, i, steps) for i in range(pods_n)]
    w = Writer(args.output, START, steps)
    live = [[i for i, ok in p.steps() if ok] for p in pods]
    every = [[i for i, _ in p.steps()] for p in pods]

    # http_requests_total
    w.family("http_requests", "counter")
    for p, lv in zip(pods, live):
        for ri, (method, path) in enumerate(routes(p.component)):
            for si, status in enumerate(STATUSES):
                vals = counter(p, lv, request_increments(p, ri, si, lv))
                w.series_(f'http_requests_total{{{p.base},method="{method}",'
                          f'path="{path}",status="{status}"}}', lv, vals,
                          p.offset_ms)

    # http_request_duration_seconds: the route's requests, spread over the
    # buckets by a log-normal latency whose median grows in incidents
    w.family("http_request_duration_seconds", "histogram")
    for p, lv in zip(pods, live):
        for ri, (method, path) in enumerate(routes(p.component)):
            n = [sum(col) for col in zip(*[request_increments(p, ri, si, lv)
                                           for si in range(len(STATUSES))])]
            rng = random.Random(f"{p.rng_seed}:lat:{ri}")
            median = 0.01 + 0.2 * rng.random() ** 2
            sigma = 0.6 + 0.5 * rng.random()
            normal = [phi(math.log(le / median) / sigma) for le in LE]
            slow = [phi(math.log(le / (median * 12)) / sigma) for le in LE]
            inc_flags = [p.in_incident(i) for i in lv]
            prefix = (f'{{{p.base},method="{method}",path="{path}"')
            for b, le in enumerate(LE_TEXT):
                if b < len(LE):
                    fn, fs = normal[b], slow[b]
                    acc = itertools.accumulate(
                        [x * (fs if s else fn) for x, s in zip(n, inc_flags)])
                    cum = [int(a + 1e-9) for a in acc]
                else:
                    cum = list(itertools.accumulate(n))
                vals = counter(p, lv, [c - d for c, d in zip(cum, [0] + cum[:-1])])
                w.series_(f'http_request_duration_seconds_bucket{prefix},le="{le}"}}',
                          lv, vals, p.offset_ms)
            mean = median * math.exp(sigma * sigma / 2)
            r = rng.random
            sums = [x * mean * (12 if s else 1) * (0.8 + 0.4 * r())
                    for x, s in zip(n, inc_flags)]
            total, vals = 0.0, []
            for i, v in zip(lv, sums):
                if p.restart is not None and i == p.restart + 1:
                    total = 0.0
                total += v
                vals.append(f"{total:.6f}")
            w.series_(f"http_request_duration_seconds_sum{prefix}}}", lv, vals, p.offset_ms)
            w.series_(f"http_request_duration_seconds_count{prefix}}}", lv,
                      counter(p, lv, n), p.offset_ms)

    w.family("up", "gauge")
    for p, ev in zip(pods, every):
        w.series_(f'up{{job="kubernetes-pods",{p.base}}}', ev,
                  ["0" if i in p.down else "1" for i in ev], p.offset_ms)

    cont = lambda p: f'{p.base},container="{p.component}"'
    w.family("container_cpu_usage_seconds", "counter")
    for p, lv in zip(pods, live):
        rng = random.Random(f"{p.rng_seed}:cpu")
        use = p.cpu_cores * (0.85 if p.hot else 0.2 + 0.5 * rng.random())
        total, vals = 0.0, []
        for i in lv:
            if p.restart is not None and i == p.restart + 1:
                total = 0.0
            total += use * 15 * (0.7 + 0.4 * rng.random())
            vals.append(f"{total:.4f}")
        w.series_(f"container_cpu_usage_seconds_total{{{cont(p)}}}", lv, vals, p.offset_ms)

    w.family("container_memory_working_set_bytes", "gauge")
    for p, lv in zip(pods, live):
        rng = random.Random(f"{p.rng_seed}:mem")
        u = 0.8 if p.hot else 0.3 + 0.4 * rng.random()
        leak = 0.0003 if p.hot else 0.0  # hot pods leak toward their limit
        vals = []
        for i in lv:
            u = min(0.99, max(0.1, u + leak + 0.01 * (rng.random() - 0.5)))
            vals.append(int(p.mem_limit * u))
        w.series_(f"container_memory_working_set_bytes{{{cont(p)}}}", lv, vals, p.offset_ms)

    for name, value in [("container_spec_memory_limit_bytes", lambda p: p.mem_limit),
                        ("container_spec_cpu_quota", lambda p: int(p.cpu_cores * 100000)),
                        ("container_spec_cpu_period", lambda p: 100000)]:
        w.family(name, "gauge")
        for p, lv in zip(pods, live):
            v = str(value(p))
            w.series_(f"{name}{{{cont(p)}}}", lv, [v] * len(lv), p.offset_ms)

    # kube-state-metrics is another target: its own offset, no gaps
    w.family("kube_pod_container_status_restarts", "counter")
    for p, ev in zip(pods, every):
        vals = [int(p.restart is not None and i > p.restart) for i in ev]
        w.series_(f'kube_pod_container_status_restarts_total{{{cont(p)}}}', ev, vals, 7000)

    w.family("db_connections_active", "gauge")
    for p, lv in zip(pods, live):
        rng = random.Random(f"{p.rng_seed}:db")
        lo = 85 if p.hot else 5 + rng.randrange(40)
        vals = [lo + rng.randrange(15) for _ in lv]
        w.series_(f"db_connections_active{{{p.base}}}", lv, vals, p.offset_ms)
    w.family("db_connections_max", "gauge")
    for p, lv in zip(pods, live):
        w.series_(f"db_connections_max{{{p.base}}}", lv, ["100"] * len(lv), p.offset_ms)

    payers = [(p, lv) for p, lv in zip(pods, live) if p.component == "payments"]
    w.family("payments_processed", "counter")
    for p, lv in payers:
        rng = random.Random(f"{p.rng_seed}:pay")
        for status, share in [("succeeded", 0.97), ("failed", 0.03)]:
            inc = [int(p.rate * 15 * share * (0.5 + rng.random())
                       * (8 if status == "failed" and p.in_incident(i) else 1) + rng.random())
                   for i in lv]
            w.series_(f'payments_processed_total{{{p.base},status="{status}"}}', lv,
                      counter(p, lv, inc), p.offset_ms)
    w.family("stripe_api_errors", "counter")
    for p, lv in payers:
        rng = random.Random(f"{p.rng_seed}:stripe")
        inc = [int(rng.random() < (0.6 if p.in_incident(i) else 0.02)) * (1 + rng.randrange(5))
               for i in lv]
        w.series_(f"stripe_api_errors_total{{{p.base}}}", lv, counter(p, lv, inc), p.offset_ms)

    # postgres_exporter: two instances per namespace
    dbs = [(ns, f"postgres-{ns}-{k}:9187") for ns in NAMESPACES for k in range(2)]
    all_steps = list(range(steps))
    w.family("pg_stat_activity_count", "gauge")
    for j, (ns, inst) in enumerate(dbs):
        rng = random.Random(f"{args.seed}:pg:{j}")
        for state, lo in [("active", 10), ("idle", 30), ("idle in transaction", 1)]:
            top = lo * (9 if j in (0, 3) and state == "idle" else 1)
            vals = [top + rng.randrange(lo + 5) for _ in all_steps]
            w.series_(f'pg_stat_activity_count{{namespace="{ns}",instance="{inst}",'
                      f'datname="{ns.split("-")[0]}",state="{state}"}}',
                      all_steps, vals, 3000 + j)
    w.family("pg_settings_max_connections", "gauge")
    for j, (ns, inst) in enumerate(dbs):
        w.series_(f'pg_settings_max_connections{{namespace="{ns}",instance="{inst}"}}',
                  all_steps, ["300"] * steps, 3000 + j)
    w.close()
    return {"start": START, "end": START + steps * STEP_MS // 1000,
            "step_seconds": STEP_MS // 1000, "hours": args.hours, "seed": args.seed,
            "pods": pods_n, "series": w.series, "samples": w.samples,
            "bytes": os.path.getsize(args.output)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--series", type=int, default=10000, help="about this many series")
    ap.add_argument("--hours", type=float, default=3.0, help="time span, 15 s resolution")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    meta = generate(args)
    with open(args.output + ".meta.json", "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    json.dump(meta, sys.stdout)
    print()


if __name__ == "__main__":
    main()
