#!/usr/bin/env bash
# Runs the CI recipe of docs/ci.md locally on the demo app, through the very steps of the GitHub Action
# (action.yml → scripts/ecoscore-action.sh run / compare / summary / gate): a baseline, an unchanged head
# (the gate must pass) and a head with the demo's deliberately regressed dashboard (the gate must fail).
# About five minutes.
set -uo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
step() { bash scripts/ecoscore-action.sh "$@"; }
export JOURNEY=journeys/demo-health.yaml ITERATIONS=3 GITHUB_OUTPUT
value() { sed -n "s/^$2=//p" "$1" | tail -1; }

measure() { # $1 folder, $2 extra arguments
  GITHUB_OUTPUT="$tmp/$1.run"; : > "$GITHUB_OUTPUT"
  OUT="$tmp/$1" ARGS="--no-history ${2:-}" step run >/dev/null
  [ "$(value "$GITHUB_OUTPUT" exit-code)" = 0 ] || { echo "$1 run failed (exit $(value "$GITHUB_OUTPUT" exit-code))"; exit 1; }
}
measure base
measure head
measure regressed "--var DEMO_HEAVY_HOME=true"

gate() { # $1 head folder → exit code of the action's gate
  GITHUB_OUTPUT="$tmp/$1.compare"; : > "$GITHUB_OUTPUT"
  OUT="$tmp/$1" BASELINE="$tmp/base" step compare >/dev/null
  OUT="$tmp/$1" step summary > "$tmp/$1-summary.md"
  RUN_CODE="$(value "$tmp/$1.run" exit-code)" COMPARE_CODE="$(value "$GITHUB_OUTPUT" exit-code)" step gate >/dev/null
  echo $?
}
unchanged=$(gate head)
regressed=$(gate regressed)
echo "--- unchanged head (expected gate exit 0): exit $unchanged"; cat "$tmp/head/compare.md"
echo; echo "--- regressed head (expected gate exit 1): exit $regressed"; cat "$tmp/regressed/compare.md"
grep -q "Compared with the baseline" "$tmp/regressed-summary.md" || { echo "the job summary lacks the comparison"; exit 1; }
if [ "$unchanged" = 0 ] && [ "$regressed" = 1 ]; then echo; echo "recipe check: OK"; exit 0; fi
echo; echo "recipe check: FAILED"; exit 1
