#!/usr/bin/env bash
# Two builds of the service on the same benchmark data, taking turns: how to tell whether a
# change makes requests cheaper on a machine where two separate runs of bench/run.sh differ
# by more than most changes do (and where the first scenario after a start runs on a cold
# JIT). Each round starts each build in turn (the order alternates), warms every scenario up,
# then measures each with wrk (closed loop); the table gives each build's median over the
# rounds and B's over A's. Service CPU per request (/proc) is the steadiest column.
#
#   bench/ab.sh REV_A REV_B SCENARIO...     # git revisions; "worktree" for uncommitted files
#   bench/ab.sh HEAD~1 HEAD 32_conversation_get 30_dashboard
#
# Settings (environment): USERS (2000), SCALE (0.05), TOKENS (300), CONNECTIONS (32),
# DURATION (15 s measured), WARMUP (10 s per scenario after each start), ROUNDS (3). The two
# revisions must have the same migrations (they share one database). Prints the table and
# keeps it in bench/results/ab/; loopback only, like bench/run.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -ge 3 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
REV_A=$1 REV_B=$2
shift 2
BENCH_COMMAND=bench/ab.sh
MAX_SECONDS=${MAX_SECONDS:-3600} bench_init ab
USERS=${USERS:-2000}
SCALE=${SCALE:-0.05}
TOKENS=${TOKENS:-300}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-3}
. "$BENCH_HERE/load/lib.sh"

revision() { [ "$1" = worktree ] && echo "" || echo "$1"; }
for rev in "$REV_A" "$REV_B"; do
  [ "$rev" = worktree ] || git rev-parse --verify -q "$rev^{commit}" >/dev/null || die "unknown revision $rev"
done
migrations() { # "path blob-hash" of every migration file of a revision or of the working tree
  if [ "$1" = worktree ]; then
    git ls-files -co --exclude-standard src/main/resources/db | while read -r f; do echo "$f $(git hash-object "$f")"; done
  else
    git ls-tree -r "$1" src/main/resources/db | awk '{print $4, $3}'
  fi | sort
}
[ "$(migrations "$REV_A")" = "$(migrations "$REV_B")" ] || die "$REV_A and $REV_B have different migrations"

bench_build_service "$(revision "$REV_A")"; JAR_A=$BENCH_JAR_DIR
bench_build_service "$(revision "$REV_B")"; JAR_B=$BENCH_JAR_DIR
BENCH_JAR_DIR=$JAR_A
bench_load_setup
collect_deep_cursors
bench_stop_service

for name in "$@"; do prepare_scenario "$name"; done
RAW=$BENCH_STATE/ab.raw  # build round scenario rps p50 p99 cpu
for round in $(seq 1 "$ROUNDS"); do
  order="A B"
  [ $((round % 2)) -eq 0 ] && order="B A"
  for build in $order; do
    [ "$build" = A ] && BENCH_JAR_DIR=$JAR_A || BENCH_JAR_DIR=$JAR_B
    bench_start_service "${RATE_LIMITS[@]}"
    # Every scenario warms up before any is measured: the first one would otherwise run on
    # code the JIT has not compiled yet.
    for name in "$@"; do load_scenario "$name"; wrk_run "$WARMUP" "$CONNS" "$SCENARIO_DIR/script.lua" >/dev/null; done
    for name in "$@"; do
      load_scenario "$name"
      out=$(measure_service "$DURATION" "$CONNS" "$SCENARIO_DIR/script.lua")
      [ "$(wrk_errors "$out")" -eq 0 ] || die "$name on $build: $(wrk_errors "$out") failed requests"
      echo "$build $round $name $(wrk_rps "$out") $(wrk_ms p50 "$out") $(wrk_ms p99 "$out") $(field cpu_ms "$out")" >> "$RAW"
      log "round $round, $build, $name: $(tail -1 "$RAW" | cut -d' ' -f4-)"
    done
    bench_stop_service
  done
done

table=$(
  echo "| scenario | A req/s | B req/s | B/A | A p50 ms | B p50 ms | A p99 ms | B p99 ms | A CPU ms/req | B CPU ms/req | B/A CPU |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for name in "$@"; do
    m() { awk -v b="$1" -v n="$name" -v c="$2" '$1 == b && $3 == n {print $c}' "$RAW" | median; }
    read -r ra rb pa pb qa qb ca cb <<< "$(m A 4) $(m B 4) $(m A 5) $(m B 5) $(m A 6) $(m B 6) $(m A 7) $(m B 7)"
    load_scenario "$name"
    printf '| %s | %.0f | %.0f | %.2f | %s | %s | %s | %s | %s | %s | %.2f |\n' "$TITLE" "$ra" "$rb" \
      "$(awk -v a="$ra" -v b="$rb" 'BEGIN {print b / a}')" "$pa" "$pb" "$qa" "$qb" "$ca" "$cb" \
      "$(awk -v a="$ca" -v b="$cb" 'BEGIN {print b / a}')"
  done
)
short() { if [ "$1" = worktree ]; then echo worktree; else git rev-parse --short "$1"; fi; }
body="A = $REV_A ($(short "$REV_A")), B = $REV_B ($(short "$REV_B")); medians of $ROUNDS rounds, $CONNECTIONS connections, ${DURATION}s after ${WARMUP}s of warm-up per scenario and start.
Machine: $(bench_machine). Database: $DATA_SUMMARY.
Command: \`$( [ "$SCALE" = 0.05 ] && [ "$USERS" = 2000 ] || printf 'SCALE=%s USERS=%s ' "$SCALE" "$USERS")bench/ab.sh $REV_A $REV_B $*\`

$table"
mkdir -p "$BENCH_HERE/results/ab"
printf '%s\n\nRaw (build round scenario req/s p50 p99 cpu_ms):\n%s\n' "$body" "$(cat "$RAW")" \
  > "$BENCH_HERE/results/ab/$(date -u +%Y%m%d-%H%M)-$(short "$REV_A")-$(short "$REV_B").md"
printf '%s\n' "$body"
