#!/usr/bin/env bash
# Judges a generated Checkly project (the folder holding checkly.config.ts)
# with the checkly package's own tools, from tools/npm/node_modules:
#   1. tsc --noEmit, strict, against checkly's .d.ts: catches unknown
#      locations, misspelt or missing properties, wrong value types;
#   2. the Checkly CLI's loader (the hidden `debug:parse-project`, no
#      account needed) on Node 22: loads checkly.config.ts and every check
#      and runs each construct's own validation. It exits 0 even when the
#      project is broken, so its JSON output is read instead.
# Prints what failed; exits 1 if anything did, 0 otherwise.
#
#   judge.sh [--fake-secrets] NODE_MODULES PROJECT_DIR [CHECKS]
# NODE_MODULES is tools/npm/node_modules; with CHECKS, the loader must also
# find exactly that many check constructs. The secrets alert-channels.ts
# reads must be in the environment; --fake-secrets fills those that are not
# with a placeholder (for projects of specs whose secrets are elsewhere).
set -uo pipefail
fake_secrets=false
if [ "${1:-}" = --fake-secrets ]; then
  fake_secrets=true
  shift
fi
node_modules=$1
project=$2
want_checks=${3:-}
node=$node_modules/.bin/node

# The header of alert-channels.ts lists one variable a line: "//   NAME...".
channels=$project/__checks__/alert-channels.ts
if $fake_secrets && [ -f "$channels" ]; then
  for variable in $(sed -n 's|^//   \([A-Za-z_][A-Za-z0-9_]*\).*|\1|p' "$channels"); do
    if [ -z "${!variable:-}" ]; then export "$variable=https://example.com/placeholder"; fi
  done
fi

ln -sfn "$node_modules" "$project/node_modules"
# moduleResolution node (node10) finds checkly/constructs through the
# package's constructs.d.ts; skipLibCheck, as checkly's own .d.ts do not
# compile against every @types/node.
cat > "$project/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "moduleResolution": "node",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "types": ["node"]
  },
  "include": ["**/*.ts"],
  "exclude": ["node_modules"]
}
JSON
status=0
if ! (cd "$project" && "$node" node_modules/typescript/bin/tsc -p .); then
  echo "judge: tsc rejects $project" >&2
  status=1
fi

# The CLI keeps its settings under $HOME; its update check is not wanted.
output=$(cd "$project" && HOME=${TEST_TMPDIR:-$project} CHECKLY_SKIP_NEW_VERSION_CHECK=true \
  "$node" node_modules/checkly/bin/run.cjs debug:parse-project 2>&1)
if ! CHECKS="$want_checks" "$node" -e '
  const text = require("fs").readFileSync(0, "utf8");
  let out;
  try { out = JSON.parse(text.slice(text.indexOf("{"))); } catch (e) {
    console.error("judge: the loader printed no JSON:\n" + text); process.exit(1);
  }
  const problems = [];
  for (const e of out.errors || []) problems.push(`${e.name}: ${e.message}`);
  const d = out.diagnostics || {};
  for (const o of d.observations || []) problems.push(`${o.fatal ? "fatal" : "warning"}: ${o.title}: ${o.message}`);
  if (d.fatal) problems.push("the diagnostics are fatal");
  if (!out.payload && !problems.length) problems.push("no payload");
  const checks = out.payload ? out.payload.resources.filter(r => r.type === "check").length : 0;
  if (process.env.CHECKS && checks !== Number(process.env.CHECKS)) {
    problems.push(`${checks} checks loaded, expected ${process.env.CHECKS}`);
  }
  if (problems.length) { console.error("judge: the Checkly loader rejects the project:\n  " + problems.join("\n  ")); process.exit(1); }
  console.log(`judge: the Checkly loader accepts ${checks} checks`);
' <<<"$output"; then
  status=1
fi
exit $status
