#!/usr/bin/env bash
# Runs the CI recipe of docs/ci.md locally on the demo app: a baseline, an unchanged head (the gate must
# pass) and a head with the demo's deliberately regressed dashboard (the gate must fail). ~5 minutes.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { node bin/ecoscore.js run journeys/demo-health.yaml -q --no-history "$@"; }

run --out "$out/base" >/dev/null || { echo "baseline run failed"; exit 1; }
run --out "$out/head" >/dev/null || { echo "head run failed"; exit 1; }
run --out "$out/regressed" --var DEMO_HEAVY_HOME=true >/dev/null || { echo "regressed run failed"; exit 1; }

node bin/ecoscore.js compare "$out/base/result.json" "$out/head/result.json" --format markdown > "$out/unchanged.md"
unchanged=$?
node bin/ecoscore.js compare "$out/base/result.json" "$out/regressed/result.json" --format markdown > "$out/regressed.md"
regressed=$?
echo "--- unchanged head (expected exit 0): exit $unchanged"; cat "$out/unchanged.md"
echo; echo "--- regressed head (expected exit 1): exit $regressed"; cat "$out/regressed.md"
if [ "$unchanged" = 0 ] && [ "$regressed" = 1 ]; then echo; echo "recipe check: OK"; exit 0; fi
echo; echo "recipe check: FAILED"; exit 1
