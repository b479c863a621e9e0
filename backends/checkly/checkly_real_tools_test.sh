#!/usr/bin/env bash
# The Checkly backend's output, judged by the checkly npm package itself
# (judge.sh: tsc against its types, then its CLI's project loader), and
# monc's tables of Checkly locations and frequencies held against the
# package's. Also proves the judge fails on broken projects, so a pass
# means something.
#
#   checkly_real_tools_test.sh WRITE_SHOP_PROJECT MONC
set -uo pipefail
write_project=$1
monc=$2

# The test runs locally: its script in runfiles links to the source tree,
# whose tools/npm/node_modules setup.sh filled.
here=$(dirname "$(readlink -f "$0")")
root=$(cd "$here/../.." && pwd)
node_modules=$root/tools/npm/node_modules
judge=$here/judge.sh
tmp=${TEST_TMPDIR:-$(mktemp -d)}
for tool in .bin/node typescript/bin/tsc checkly/bin/run.cjs; do
  if [ ! -e "$node_modules/$tool" ]; then
    echo "FAIL: $node_modules/$tool is missing: run tools/setup.sh"
    exit 1
  fi
done

# The secrets alert-channels.ts reads (shop_checks.h).
export SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0/B0/x
export PAGERDUTY_ROUTING_KEY=pd-key ALERT_WEBHOOK_TOKEN=token OPSGENIE_API_KEY=og-key

failures=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

# A fresh copy of the shop project in $tmp/$1.
shop_project() {
  rm -rf "${tmp:?}/$1"
  mkdir -p "$tmp/$1"
  "$write_project" "$tmp/$1" && echo "$tmp/$1/checkly"
}

project=$(shop_project shop) || { fail "write_shop_project"; exit 1; }
if "$judge" "$node_modules" "$project" 3; then
  pass "the shop project type-checks and loads, 3 checks"
else
  fail "the shop project"
fi

# Each broken copy must fail the judge: `sed` edits one file of it.
expect_rejected() {
  local what=$1 file=$2 edit=$3
  local broken
  broken=$(shop_project "broken-$what") || { fail "write_shop_project"; return; }
  sed -i "$edit" "$broken/$file"
  if cmp -s "$broken/$file" "$project/$file"; then
    fail "$what: the edit '$edit' changed nothing"
  elif "$judge" "$node_modules" "$broken" > "$tmp/$what.log" 2>&1; then
    fail "$what: the judge accepts a broken project"
    cat "$tmp/$what.log"
  else
    pass "$what: rejected"
  fi
}
expect_rejected bad-location __checks__/shop-health.check.ts 's/"us-east-1"/"us-east-3"/'
expect_rejected misspelt-property __checks__/shop-health.check.ts 's/degradedResponseTime:/degradedResponseTim:/'
expect_rejected bad-frequency __checks__/shop-health.check.ts 's/Frequency.EVERY_1M/Frequency.EVERY_3M/'
# Past Checkly's 30s limit: tsc sees a number, only the loader's validation
# knows the limit.
expect_rejected response-time-limit __checks__/shop-health.check.ts 's/degradedResponseTime: 500/degradedResponseTime: 40000/'
# Below the heartbeat's 30s minimum: the construct throws while loading.
expect_rejected heartbeat-period __checks__/nightly-backup.check.ts 's/period: 1,/period: 10,/; s/periodUnit: "days"/periodUnit: "seconds"/'
# A secret the environment lacks stops the load.
unset_secret=$(shop_project missing-secret) || exit 1
if env -u OPSGENIE_API_KEY "$judge" "$node_modules" "$unset_secret" > "$tmp/missing-secret.log" 2>&1; then
  fail "missing-secret: the judge accepts a project whose secret is not set"
else
  pass "missing-secret: rejected"
fi

# Parity: monc accepts exactly the locations and frequencies of the checkly
# package. Its Region type lists the locations; its Frequency constants
# (EVERY_10S ... EVERY_24H) the frequencies.
regions=$(sed -n "s/^ *'\([a-z0-9-]*\)': string;$/\1/p" "$node_modules/checkly/dist/config.d.ts" | sort)
frequencies=$(sed -n 's/^ *static EVERY_\([0-9]*\)\([SMH]\): Frequency;$/\1\2/p' \
  "$node_modules/checkly/dist/constructs/frequency.d.ts" | tr 'SMH' 'smh')
if [ "$(echo "$regions" | wc -l)" -lt 10 ] || [ "$(echo "$frequencies" | wc -l)" -lt 10 ]; then
  fail "parity: cannot read Region or Frequency from the checkly package"
fi
spec=$tmp/parity.yaml
{
  echo "version: 1"
  echo "checks:"
  for f in $frequencies; do
    echo "  every-$f:"
    echo "    url: https://example.com"
    echo "    every: $f"
    echo "    locations: [$(echo $regions | tr ' ' ',')]"
  done
} > "$spec"
if "$monc" check "$spec" > "$tmp/parity.log" 2>&1; then
  pass "parity: monc accepts every Checkly location and frequency"
else
  fail "parity: monc rejects a Checkly location or frequency"
  cat "$tmp/parity.log"
fi
# Far from every name, so the note lists them all rather than guessing.
printf 'version: 1\nchecks:\n  c:\n    url: https://example.com\n    every: 7m\n    locations: [nowhere]\n' > "$spec"
"$monc" check "$spec" > "$tmp/tables.log" 2>&1
monc_regions=$(sed -n "s/.*note: Checkly runs checks in //p" "$tmp/tables.log" | tr -d "'," | tr ' ' '\n' | sort)
monc_frequencies=$(sed -n "s/.*note: Checkly runs checks every //p" "$tmp/tables.log" | tr -d ',' | tr ' ' '\n')
if [ "$monc_regions" = "$regions" ]; then
  pass "parity: monc's locations are the package's Region"
else
  fail "parity: locations differ (< monc, > checkly)"
  diff <(echo "$monc_regions") <(echo "$regions")
fi
if [ "$(echo "$monc_frequencies" | sort)" = "$(echo "$frequencies" | sort)" ]; then
  pass "parity: monc's frequencies are the package's Frequency constants"
else
  fail "parity: frequencies differ (< monc, > checkly)"
  diff <(echo "$monc_frequencies" | sort) <(echo "$frequencies" | sort)
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
