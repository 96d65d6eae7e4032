#!/usr/bin/env bash
# The load benchmark, one command: builds the benchmark database (bench/data), starts the
# service on it, logs in many users, then for every scenario of bench/load/scenarios
# (one file each, in name order) measures the service with wrk and the same SQL through
# pgbench, and writes the tables into docs/BENCHMARKS.md.
#
#   bench/run.sh                          # full size: about 10M messages; see docs/BENCHMARKS.md for time
#   SCALE=0.05 USERS=2000 bench/run.sh    # a quick run on a small database
#   bench/run.sh 10_message_page_first 60_page_depth   # only these (file names without .sh)
#
# Settings (environment): USERS (20000), SCALE (1: the conversation and message counts of
# every population but the fixed ones), TOKENS (600: users logged in for the load),
# CONNECTIONS (32), DURATION (20 s measured per scenario and per pgbench run), WARMUP (5 s),
# GROWTH_CONNS (4) and GROWTH_SECONDS (10) for the growth curves (bench/load/growth) and
# the partition curve, PACED_SHARE (0.5: each scenario again at this share of the rate it
# reached, paced, service and pgbench alike; 0 skips it). Arguments name scenarios, growth curves or "partitions" to run only those.
# BENCH_PAUSE=N keeps everything up for N seconds after the set-up, to look around.
# Everything listens on and talks to 127.0.0.1. Rate limits and the access-token lifetime
# are raised for the run by configuration (RATE_LIMITS in load/lib.sh): the benchmark sends
# far more requests per user than a person can.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BENCH_COMMAND=bench/run.sh BENCH_SUMMARY=load/summary.md
MAX_SECONDS=${MAX_SECONDS:-3600} bench_init load
USERS=${USERS:-20000}
SCALE=${SCALE:-1}
TOKENS=${TOKENS:-600}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
GROWTH_CONNS=${GROWTH_CONNS:-4}
GROWTH_SECONDS=${GROWTH_SECONDS:-10}
PACED_SHARE=${PACED_SHARE:-0.5}
RESULTS=$BENCH_HERE/results/load
mkdir -p "$RESULTS"
. "$BENCH_HERE/load/lib.sh"

bench_load_setup
collect_deep_cursors
if [ -n "${BENCH_PAUSE:-}" ]; then  # to look around: the service, the cluster and the tokens stay up this long
  log "pausing ${BENCH_PAUSE}s: service $BENCH_HTTP, state $BENCH_STATE (secrets.env, tokens)"
  sleep "$BENCH_PAUSE" & wait $!
fi

SCENARIOS=("$@")
if [ ${#SCENARIOS[@]} -eq 0 ]; then
  for f in "$BENCH_HERE"/load/scenarios/*.sh "$BENCH_HERE"/load/growth/*.sh; do SCENARIOS+=("$(basename "$f" .sh)"); done
  SCENARIOS+=(partitions)
fi
ROWS="" GROWTH="" PARTITIONS=""
: > "$BENCH_STATE/paced.rows"
for name in "${SCENARIOS[@]}"; do
  if [ "$name" = partitions ]; then
    PARTITIONS=$(partition_curve)
  elif [ -f "$BENCH_HERE/load/growth/$name.sh" ]; then
    GROWTH+="$(run_growth "$name")"$'\n'
  else
    ROWS+="$(run_scenario "$name")"$'\n'
  fi
done

body=$(cat <<MD
Measured $(date -u '+%Y-%m-%d %H:%M') UTC: $(bench_machine); wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}'), durability on for the measurements (fsync, synchronous_commit, full_page_writes).
Command: \`$( [ "$SCALE" = 1 ] && [ "$USERS" = 20000 ] || printf 'SCALE=%s USERS=%s ' "$SCALE" "$USERS")bench/run.sh$( [ $# -eq 0 ] || printf ' %s' "$@")\` (TOKENS=$TOKENS, CONNECTIONS=$CONNECTIONS, DURATION=${DURATION}s after ${WARMUP}s of warm-up).
Database: $DATA_SUMMARY; built in ${DATA_SECONDS}s.
Logins for the load: $TOKENS users in ${LOGIN_SECONDS}s. Rate limits and the access-token lifetime raised by configuration for the run.

Each scenario: wrk against the service (one random target per request), then pgbench (-j 2, same connections) running the
statements the service sent for those requests, captured from the PostgreSQL log (\`results/load/<scenario>.statements.txt\`;
the pgbench scripts are \`results/load/<scenario>.pgbench.sql\`; calls per request from pg_stat_statements in
\`results/load/<scenario>.calls.txt\`). Ratio = service requests/s ÷ pgbench transactions/s: the share of the database's
ceiling on this machine that the service delivers. pgbench picks its target with one primary-key read of a small table
before each transaction (counted in its time). Service CPU: the service process's CPU time (user + system, /proc) over
the measured run ÷ its requests.

| scenario | conns | service req/s | p50 ms | p99 ms | errors | service CPU ms/req | pgbench TPS | pgbench p50 ms | pgbench p99 ms | ratio |
|---|---|---|---|---|---|---|---|---|---|---|
$ROWS
Below saturation (PACED_SHARE=$PACED_SHARE): each scenario again for ${DURATION}s at $PACED_SHARE × the service's rate above,
same connections, paced on a fixed schedule (open loop: wrk with \`load/common.lua\`'s delay, pgbench -R at the same rate,
with random (Poisson) arrivals). Both count latency from the send; "late" is the share of the service's sends that left more
than 1 ms after their slot because every connection was busy (0% means the p99 hides no queueing), with the worst such lag;
pgbench's schedule lag is the same measure for its transactions.

| scenario | conns | offered req/s | service req/s | p50 ms | p99 ms | errors | late | worst lag ms | service CPU ms/req | pgbench p50 ms | pgbench p99 ms | pgbench lag avg (max) ms |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$BENCH_STATE/paced.rows")

Growth curves: wrk alone, $GROWTH_CONNS connections, ${GROWTH_SECONDS}s after 2s of warm-up; "targets" is how many
conversations or users the requests were spread over; the last column is the p50 over the first row of its group.

| curve | targets | req/s | p50 ms | p99 ms | errors | p50 / first |
|---|---|---|---|---|---|---|
$GROWTH
Partitions: the page and post-message statements above (their pgbench scripts, as the superuser, 8 clients,
${GROWTH_SECONDS}s each) against the same rows (the newest 5 months of the page scenario's conversations) in a copy of
\`messages\` with 6, 24 and 60 monthly partitions.

| partitions | page TPS | page latency avg ms | post TPS | post latency avg ms |
|---|---|---|---|---|
$PARTITIONS
MD
)
bench_write_section "Load: every endpoint against the database's ceiling" "$body"
printf '%s\n' "$body"
log "done: docs/BENCHMARKS.md updated"
