#!/usr/bin/env bash
# Installs every Debian package monc needs to build and test, skipping what is
# already present. Idempotent: a second run installs nothing.
set -euo pipefail

packages=(
  bazel-bootstrap          # Bazel 4.2.3, offline (see WORKSPACE)
  g++
  antlr4                   # grammar -> C++ generator (Java tool)
  libantlr4-runtime-dev
  libyaml-cpp-dev
  nlohmann-json3-dev
  libvalijson-dev
  libgtest-dev libgmock-dev
  libbenchmark-dev
  libre2-dev
  libcli11-dev
  libfmt-dev
  libxxhash-dev            # label-set hashing in the runtime
  libkainjow-mustache-dev  # Mustache templates for the text outputs (templates/)
  prometheus               # promtool: the reference for rule files
  prometheus-alertmanager  # amtool: the reference for Alertmanager configs
  python3 python3-yaml    # test scripts: JUnit summary, YAML extraction
)
# npm installs the judges below; any Node distribution's npm will do (a
# machine with NodeSource's node cannot take Debian's npm package).
command -v npm > /dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The real consumers of Grafana and Checkly outputs (tsc with Grafana's and
# Checkly's types, the Checkly CLI on Node 22), pinned by package-lock.json.
npm_dir=$(cd "$(dirname "$0")/npm" && pwd)
if [ ! -f "$npm_dir/node_modules/.package-lock.json" ] ||
   ! cmp -s "$npm_dir/package-lock.json" "$npm_dir/.installed-lock.json"; then
  echo "setup: installing npm test tools" >&2
  (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error >&2) &&
    cp "$npm_dir/package-lock.json" "$npm_dir/.installed-lock.json"
fi
echo "setup: all packages present" >&2
