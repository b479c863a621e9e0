#!/usr/bin/env bash
# `monc eval` against Prometheus 2.42 on the same data: tests/e2e/eval/data.om
# is backfilled with promtool into a TSDB that a local Prometheus serves
# (127.0.0.1, empty scrape config), every rule expression of
# tests/e2e/eval/rules.yml is queried through /api/v1/query at each time of
# tests/e2e/eval/times, and data.result must equal monc's result (vectors
# compared as sets).
set -uo pipefail
source tests/e2e/lib.sh

monc=compiler/cli/monc
dir=tests/e2e/eval
for tool in promtool prometheus curl python3; do
  command -v "$tool" > /dev/null || { echo "missing $tool: run tools/setup.sh"; exit 1; }
done
read -r -a times < "$dir/times"
work=$TEST_TMPDIR/prometheus
mkdir -p "$work"

check "promtool backfills data.om" promtool tsdb create-blocks-from openmetrics "$dir/data.om" "$work/tsdb"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'global:\n  evaluation_interval: 1m\nscrape_configs: []\n' > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$port" > "$work/prometheus.log" 2>&1 &
prometheus_pid=$!
trap 'kill "$prometheus_pid" 2> /dev/null; wait "$prometheus_pid" 2> /dev/null' EXIT
ready() {
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/-/ready" > /dev/null && return 0
    sleep 0.2
  done
  cat "$work/prometheus.log"
  return 1
}
check "Prometheus serves the backfilled TSDB" ready

"$monc" eval --data "$dir/data.om" --rules "$dir/rules.yml" "${times[@]}" > "$work/monc.jsonl"
check "monc eval runs" test -s "$work/monc.jsonl"

# Every (rule, time) queried through Prometheus's API in one pass; then one
# check per line of verdicts ("group|index|time<TAB>ok" or the difference).
python3 - "$dir/rules.yml" "$work/monc.jsonl" "$port" > "$work/verdicts" << 'PY'
import json, sys, urllib.parse, urllib.request, yaml
rules_file, monc_file, port = sys.argv[1:]
rules = {g["name"]: g["rules"] for g in yaml.safe_load(open(rules_file))["groups"]}
def canonical(d):
    if d.get("resultType") == "vector":
        d = dict(d, result=sorted(d["result"], key=lambda s: json.dumps(s["metric"], sort_keys=True)))
    return d
for mine in map(json.loads, open(monc_file)):
    expr = rules[mine["group"]][mine["index"]]["expr"]
    query = urllib.parse.urlencode({"query": expr, "time": mine["time"]})
    try:
        reply = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/query?{query}"))
    except urllib.error.HTTPError as e:
        reply = json.load(e)
    if reply["status"] == "success":
        want, keys = reply["data"], ("resultType", "result")
    else:
        want, keys = {k: reply[k] for k in ("error", "errorType")}, ("error", "errorType")
    got = {k: mine.get(k) for k in keys}
    verdict = "ok" if canonical(want) == canonical(got) else json.dumps(
        {"expr": expr, "prometheus": canonical(want), "monc": canonical(got)})
    print("%s|%d|%s\t%s" % (mine["group"], mine["index"], mine["time"], verdict))
PY
same() { [ "$2" = ok ] || { echo "$2"; return 1; }; }
while IFS=$'\t' read -r key verdict; do
  check "$key: same result as Prometheus" same "$key" "$verdict"
done < "$work/verdicts"
[ "$(wc -l < "$work/verdicts")" -eq "$(wc -l < "$work/monc.jsonl")" ] || check "every rule and time was compared" false

finish
