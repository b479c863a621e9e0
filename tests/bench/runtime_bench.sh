#!/usr/bin/env bash
# monc's rule evaluator beside Prometheus 2.42's engine on the same data, in
# the same run: for each SIZE (10k, 100k, 1m series, or a number), the
# workload of gen_workload.py is backfilled into a real Prometheus with
# promtool and loaded by `monc eval`; every rule of rules_workload.yml is
# evaluated at the same timestamps by both, results compared (vectors as
# sets, values as formatted text), and the table printed: series, samples,
# Prometheus's time for the whole rule set (the sum of its own query stats,
# evalTotalTime, after a warm-up pass), monc's (its --stats), the ratio, both
# peak memories, and the bound memory bandwidth sets. Both run on one core
# (taskset, GOMAXPROCS=1). Long; not part of CI. Machines here are shared
# and noisy (the load average is printed): read the ratio.
#
#   tests/bench/runtime_bench.sh SIZE...
#
# Environment: BENCH_DIR (data, blocks and results, default /tmp/monc-bench;
# the data is cached there across runs), BENCH_HOURS (time span, default 3 h,
# 1 h at 1m: the OpenMetrics text of 1M series is ~47 GB an hour), RUNS
# (Prometheus passes after the warm-up, default 3, 1 at 1m), TIMES
# (evaluation timestamps per rule, default 4), BENCH_CPU (the core, 0), MONC
# (a monc binary; default: bazel build -c opt //:monc).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
bench_dir=${BENCH_DIR:-/tmp/monc-bench}
cpu=${BENCH_CPU:-0}
ntimes=${TIMES:-4}
rules=tests/bench/rules_workload.yml
mkdir -p "$bench_dir"

if [ -n "${MONC:-}" ]; then
  monc=$MONC
else
  bazel build -c opt //:monc > /dev/null 2>&1
  monc=bazel-bin/compiler/cli/monc
fi
"$monc" eval --help 2>&1 | grep -q -- --data || { echo "runtime_bench: $monc has no 'eval' command" >&2; exit 2; }

tmp=$(mktemp -d)
prom_pid=
cleanup() {
  if [ -n "$prom_pid" ]; then kill "$prom_pid" 2> /dev/null || true; wait "$prom_pid" 2> /dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

g++ -O2 -march=native -o "$tmp/membw" tests/bench/membw.cc
bandwidth=$(taskset -c "$cpu" "$tmp/membw" 2> /dev/null)
gen_key=$(cat tests/bench/gen_workload.py | sha1sum | cut -c1-8)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
summary=$tmp/summary

for size in "$@"; do
  case $size in
    10k) series=10000 ;; 100k) series=100000 ;; 1m|1M) series=1000000 ;;
    *[!0-9]*) echo "runtime_bench: SIZE is 10k, 100k, 1m or a number of series, not '$size'" >&2; exit 2 ;;
    *) series=$size ;;
  esac
  big=$([ "$series" -ge 500000 ] && echo 1 || echo 0)
  hours=${BENCH_HOURS:-$([ "$big" = 1 ] && echo 1 || echo 3)}
  runs=${RUNS:-$([ "$big" = 1 ] && echo 1 || echo 3)}
  key=$series-${hours}h-$gen_key
  data=$bench_dir/workload-$key.om
  tsdb=$bench_dir/tsdb-$key
  out=$bench_dir/results-$key
  mkdir -p "$out"

  # 1. the data, generated once
  if [ ! -s "$data.meta.json" ]; then
    echo "== $size: generating $series series over ${hours}h into $data" >&2
    t0=$(date +%s)
    python3 tests/bench/gen_workload.py --series "$series" --hours "$hours" -o "$data" > /dev/null
    echo "   $(($(date +%s) - t0)) s, $(du -h "$data" | cut -f1)" >&2
  fi
  meta() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$data.meta.json" "$1"; }
  start=$(meta start) end=$(meta end)
  # TIMES evaluation times spread over the data, the last at its end
  times=$(python3 -c "import sys; s, e, n = map(int, sys.argv[1:]); print(' '.join(str(s + (e - s) * k // n) for k in range(1, n + 1)))" "$start" "$end" "$ntimes")

  # 2. backfilled blocks, built once
  if [ ! -e "$tsdb/.backfilled" ]; then
    echo "== $size: promtool tsdb create-blocks-from openmetrics" >&2
    rm -rf "$tsdb"
    t0=$(date +%s)
    promtool tsdb create-blocks-from openmetrics -q "$data" "$tsdb" > /dev/null
    touch "$tsdb/.backfilled"
    echo "   $(($(date +%s) - t0)) s, $(du -sh "$tsdb" | cut -f1)" >&2
  fi

  # 3. Prometheus on the blocks: no scrapes, compaction off (min = max block
  # duration), nothing deleted, no sample or time limit on a query
  port=$(free_port)
  echo 'global: {}' > "$tmp/prometheus.yml"
  rm -rf "$tsdb/wal" "$tsdb/chunks_head"
  GOMAXPROCS=1 taskset -c "$cpu" prometheus --config.file="$tmp/prometheus.yml" \
    --web.listen-address="127.0.0.1:$port" --storage.tsdb.path="$tsdb" \
    --storage.tsdb.retention.time=100y --storage.tsdb.min-block-duration=2h \
    --storage.tsdb.max-block-duration=2h \
    --query.max-samples=2000000000 --query.timeout=1h > "$out/prometheus.log" 2>&1 &
  prom_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$port/-/ready" > /dev/null 2>&1 && break
    kill -0 "$prom_pid" 2> /dev/null || { cat "$out/prometheus.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "== $size: Prometheus on 127.0.0.1:$port, $((runs + 1)) passes of the rule set at $times" >&2
  python3 - "$port" "$rules" "$runs" "$out" $times << 'EOF'
# Every rule's expression at every time through /api/v1/query?stats=all: one
# warm-up pass, then RUNS passes; Prometheus's own timings per pass, results
# of the last pass (prom.jsonl, in monc eval's line format).
import json, sys, urllib.parse, urllib.request, yaml
port, rules_file, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
times = [int(t) for t in sys.argv[5:]]
groups = yaml.safe_load(open(rules_file))["groups"]
url = f"http://127.0.0.1:{port}/api/v1/query"
passes = []
for p in range(runs + 1):
    total = {"evalTotalTime": 0.0, "innerEvalTime": 0.0, "execTotalTime": 0.0,
             "totalQueryableSamples": 0, "peakSamples": 0}
    per_rule, lines = {}, []
    for t in times:
        for g in groups:
            for i, r in enumerate(g["rules"]):
                body = urllib.parse.urlencode({"query": r["expr"], "time": t, "stats": "all"}).encode()
                resp = json.load(urllib.request.urlopen(url, body, timeout=7200))
                if resp["status"] != "success":
                    sys.exit(f"prometheus: {g['name']}[{i}] at {t}: {resp}")
                d = resp["data"]
                tm, sm = d["stats"]["timings"], d["stats"]["samples"]
                for k in ("evalTotalTime", "innerEvalTime", "execTotalTime"):
                    total[k] += tm[k]
                total["totalQueryableSamples"] += sm["totalQueryableSamples"]
                total["peakSamples"] = max(total["peakSamples"], sm["peakSamples"])
                name = f"{g['name']}[{i}]"
                per_rule[name] = per_rule.get(name, 0.0) + tm["evalTotalTime"]
                lines.append({"group": g["name"], "index": i, "time": t,
                              "resultType": d["resultType"], "result": d["result"]})
    if p > 0:
        passes.append(total)
    print(f"   pass {p}{' (warm-up)' if p == 0 else ''}: evalTotalTime {total['evalTotalTime'] * 1000:.1f} ms, "
          f"{total['totalQueryableSamples']} samples", file=sys.stderr)
passes.sort(key=lambda x: x["evalTotalTime"])
median = passes[(len(passes) - 1) // 2]
with open(f"{out}/prom.jsonl", "w") as f:
    for l in lines:
        f.write(json.dumps(l, separators=(",", ":")) + "\n")
json.dump({"median_pass": median, "passes": len(passes), "rules": len(per_rule),
           "per_rule_last_pass": per_rule}, open(f"{out}/prom_stats.json", "w"), indent=1)
EOF
  prom_hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$prom_pid/status")
  kill "$prom_pid"; wait "$prom_pid" 2> /dev/null || true; prom_pid=

  # 4. monc on the same file, the same rules and times, on the same core
  echo "== $size: monc eval" >&2
  at=(); for t in $times; do at+=(--at "$t"); done
  /usr/bin/time -f '%M' -o "$out/monc.maxrss" taskset -c "$cpu" \
    "$monc" eval --data "$data" --rules "$rules" "${at[@]}" --stats > "$out/monc.jsonl" 2> "$out/monc.stats" \
    || { tail -20 "$out/monc.stats" >&2; exit 1; }

  # 5. compare and report
  python3 - "$out" "$data.meta.json" "$prom_hwm_kb" "$bandwidth" "$size" "$ntimes" > "$out/table.txt" << 'EOF'
import json, re, sys
out, meta_file, prom_hwm_kb, bandwidth, size, ntimes = sys.argv[1:]
meta = json.load(open(meta_file))
prom = json.load(open(f"{out}/prom_stats.json"))

def key(l):
    return (l["group"], int(l["index"]), float(l["time"]))

def canon(l):
    """A result as a comparable value: vectors as sets of (labels, t, value
    text), matrices likewise per series, scalars and strings as they are."""
    if "result" not in l:
        return "error", json.dumps(l, sort_keys=True)
    r, kind = l["result"], l["resultType"]
    if kind == "vector":
        return kind, frozenset((frozenset(s["metric"].items()), float(s["value"][0]), s["value"][1]) for s in r)
    if kind == "matrix":
        return kind, frozenset((frozenset(s["metric"].items()),
                                tuple((float(t), v) for t, v in s["values"])) for s in r)
    return kind, (float(r[0]), r[1])

expected = {key(l): l for l in map(json.loads, open(f"{out}/prom.jsonl"))}
got = {}
for line in open(f"{out}/monc.jsonl"):
    if line.strip():
        l = json.loads(line)
        got[key(l)] = l
diffs = []
for k, e in expected.items():
    g = got.get(k)
    if g is None or canon(g) != canon(e):
        diffs.append({"key": k, "prometheus": e, "monc": g})
extra = [k for k in got if k not in expected]
with open(f"{out}/diffs.jsonl", "w") as f:
    for d in diffs:
        f.write(json.dumps(d) + "\n")

# monc eval --stats (stderr): "load: X ms, N series, M samples", per time
# "at T: rule set X ms, N samples touched" (then one line per rule), and
# "peak memory: X MiB"
stats = open(f"{out}/monc.stats").read()
ats = [(float(a), float(b)) for a, b in
       re.findall(r"^at \S+: rule set ([0-9.e+-]+) ms, ([0-9]+) samples touched", stats, re.M)]
monc_eval_ms = sum(a for a, _ in ats) if ats else None
monc_samples = sum(b for _, b in ats) if ats else None
m = re.search(r"^load: ([0-9.e+-]+) ms", stats, re.M)
monc_load_ms = float(m.group(1)) if m else None
m = re.search(r"^peak memory: ([0-9.e+-]+) MiB", stats, re.M)
monc_peak = float(m.group(1)) * (1 << 20) if m else \
    float(open(f"{out}/monc.maxrss").read().split()[-1]) * 1024

p = prom["median_pass"]
prom_ms = p["evalTotalTime"] * 1000
prom_hwm = int(prom_hwm_kb) * 1024
touched = monc_samples if monc_samples is not None else p["totalQueryableSamples"]
touched_src = "monc" if monc_samples is not None else "Prometheus"
bound_ms = touched * 16 / float(bandwidth) * 1000
pairs = len(expected)

def mem(b):
    return f"{b / (1 << 30):.2f} GiB" if b >= 1 << 30 else f"{b / (1 << 20):.0f} MiB"

def t(x):
    return "n/a" if x is None else f"{x:,.1f} ms"

print(f"size {size}: {meta['series']:,} series, {meta['samples']:,} samples "
      f"({meta['hours']} h at {meta['step_seconds']} s), {prom['rules']} rules x {ntimes} times = {pairs} evaluations")
print(f"  {'':34}{'Prometheus 2.42':>18}{'monc':>18}")
print(f"  {'rule set, all times':34}{t(prom_ms):>18}{t(monc_eval_ms):>18}")
if monc_eval_ms:
    print(f"  {'ratio Prometheus/monc':34}{'':>18}{prom_ms / monc_eval_ms:>17.1f}x")
print(f"  {'load':34}{'(backfilled)':>18}{t(monc_load_ms):>18}")
print(f"  {'peak memory':34}{mem(prom_hwm):>18}{mem(monc_peak):>18}")
print(f"  {'peak memory per series':34}{prom_hwm / meta['series']:>16,.0f} B{monc_peak / meta['series']:>16,.0f} B")
print(f"  results equal: {'yes' if not diffs and not extra else 'no'} "
      f"({len(diffs)} of {pairs} (rule, time) pairs differ{f', {len(extra)} extra in monc' if extra else ''}; {out}/diffs.jsonl)")
# The bound of an engine that reads every sample of every window; monc
# summarizes the chunks a window covers whole, so it can go below it.
print(f"  bandwidth bound (every sample in the windows read once): {touched:,.0f} samples "
      f"({touched_src}) x 16 B / {float(bandwidth) / 1e9:.1f} GB/s = {bound_ms:,.2f} ms" +
      (f"; monc at {monc_eval_ms / bound_ms:,.1f}x the bound" if monc_eval_ms else ""))
monc_rule = {}
for name, v in re.findall(r"^  (\S+\[[0-9]+\]) .*: ([0-9.e+-]+) ms, [0-9]+ samples touched$", stats, re.M):
    monc_rule[name] = monc_rule.get(name, 0.0) + float(v)
slow = sorted(prom["per_rule_last_pass"].items(), key=lambda x: -x[1])[:5]
print("  slowest rules in Prometheus, all times (Prometheus, monc):")
for n, v in slow:
    print(f"    {n:32}{v * 1000:>16,.1f} ms{monc_rule.get(n, float('nan')):>15,.1f} ms")
print(f"  (Prometheus: median of {prom['passes']} passes after a warm-up, its evalTotalTime summed over "
      f"the queries; {p['totalQueryableSamples']:,} samples queried, peak {p['peakSamples']:,} per query)")
print()
EOF
  cat "$out/table.txt" >&2
  cat "$out/table.txt" >> "$summary"
done

echo
echo "memory bandwidth (one core, read): $(awk -v b="$bandwidth" 'BEGIN {printf "%.1f GB/s", b / 1e9}'); load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo
cat "$summary"
