#!/usr/bin/env bash
# The steps of the ecoscore GitHub Action (action.yml), one sub-command each, so that the action and
# scripts/ci-recipe-check.sh run the same code:
#   run      ecoscore run $JOURNEY --out $OUT -n $ITERATIONS [--budget $BUDGET] $ARGS   (exit code kept, not raised)
#   compare  ecoscore compare of every result.json of $OUT with the same path under $BASELINE → $OUT/compare.md
#   summary  report.md (or the campaign's index.md) and compare.md, for the job summary (standard output)
#   gate     fails when RUN_CODE or COMPARE_CODE is not 0
# Outputs go to $GITHUB_OUTPUT when set. Journey and argument lists are split on spaces.
set -uo pipefail
root="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
ecoscore() { node "$root/bin/ecoscore.js" "$@"; }
output() { if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >> "$GITHUB_OUTPUT"; fi; }
OUT="${OUT:-ecoscore-report}"

case "${1:-}" in
  run)
    read -r -a journeys <<< "${JOURNEY:?journey is required}"
    read -r -a extra <<< "${ARGS:-}"
    budget=()
    [ -n "${BUDGET:-}" ] && budget=(--budget "$BUDGET")
    ecoscore run "${journeys[@]}" --out "$OUT" -n "${ITERATIONS:-3}" -q "${budget[@]}" "${extra[@]}"
    code=$?
    result="$OUT/result.json"
    [ -f "$result" ] || result="$OUT/campaign.json"
    output exit-code "$code"
    output result "$result"
    echo "ecoscore run: exit $code ($result)"
    exit 0
    ;;
  compare)
    rm -f "$OUT/compare.md"
    base="${BASELINE:-}"
    [ -f "$base" ] && base="$(dirname "$base")"
    if [ -z "$base" ] || [ ! -d "$base" ]; then
      echo "No baseline to compare with${base:+ ($base not found)}." > "$OUT/compare.md"
      output exit-code ""
      cat "$OUT/compare.md"
      exit 0
    fi
    worst=0
    compared=0
    budget=()
    [ -n "${BUDGET:-}" ] && budget=(--budget "$BUDGET")
    while IFS= read -r head; do
      rel="${head#"$OUT"/}"
      [ -f "$base/$rel" ] || { echo "- $rel: not in the baseline" >> "$OUT/compare.md"; continue; }
      [ "$rel" = result.json ] || { echo "### ${rel%/result.json}"; echo; } >> "$OUT/compare.md"
      ecoscore compare "$base/$rel" "$head" --max-drop "${MAX_DROP:-2}" --format markdown "${budget[@]}" >> "$OUT/compare.md"
      code=$?
      echo >> "$OUT/compare.md"
      compared=$((compared + 1))
      [ "$code" -gt "$worst" ] && worst=$code
    done < <(find "$OUT" -name result.json -not -path "*/evidence/*" | sort)
    [ "$compared" = 0 ] && echo "Nothing to compare: no result of $OUT has a counterpart in $base." >> "$OUT/compare.md"
    output exit-code "$worst"
    cat "$OUT/compare.md"
    echo "ecoscore compare: exit $worst ($compared result(s) compared)"
    exit 0
    ;;
  summary)
    if [ -f "$OUT/report.md" ]; then cat "$OUT/report.md"; elif [ -f "$OUT/index.md" ]; then cat "$OUT/index.md"; else echo "ecoscore wrote no report in $OUT."; fi
    if [ -f "$OUT/compare.md" ]; then printf '\n## Compared with the baseline\n\n'; cat "$OUT/compare.md"; fi
    ;;
  gate)
    status=0
    if [ "${RUN_CODE:-0}" != 0 ]; then echo "ecoscore run failed (exit ${RUN_CODE}): a step failed, a budget broke or the input is invalid"; status=1; fi
    if [ -n "${COMPARE_CODE:-}" ] && [ "${COMPARE_CODE}" != 0 ]; then echo "ecoscore compare failed (exit ${COMPARE_CODE}): a regression beyond the measured noise"; status=1; fi
    exit $status
    ;;
  *)
    echo "usage: $0 run|compare|summary|gate" >&2
    exit 2
    ;;
esac
