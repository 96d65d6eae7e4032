#!/usr/bin/env bash
# Faults under load: while clients post messages (retrying failures with the same
# Idempotency-Key, as the mobile app does) and read pages, restart PostgreSQL, stop and start
# Redis, and kill the service with SIGKILL and start it again. For each: what the clients
# saw (failed requests, for how long, time to recover) and whether the database agrees with
# what they were told (every acknowledged message stored exactly once; message_count and
# last_seq equal to the rows). Writes the table into docs/BENCHMARKS.md.
#
#   bench/faults/run.sh        # about 5 minutes; CLIENTS=16 LOAD_SECONDS=40 FAULT_AT=10
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
bench_init faults
CLIENTS=${CLIENTS:-16}
LOAD_SECONDS=${LOAD_SECONDS:-40}
FAULT_AT=${FAULT_AT:-10}
REDIS_OUTAGE=${REDIS_OUTAGE:-5}
. "$BENCH_REPO/bench/load/lib.sh"

USERS=300 SCALE=0.02 TOKENS=300
BENCH_SERVICE_PORT=$(free_port)  # a restarted service keeps its address for the clients
bench_load_setup
PGDATA_DIR=$(cat "$BENCH_STATE/pg-location")
# One small conversation of a different regular user for each client.
psql_as super -At -F ' ' -c "select distinct on (n) n, bench.conversation_id(n, j) from bench.conversations
    where n between 216 and 300 and messages < 1000 order by n, j limit $CLIENTS" |
  awk 'NR == FNR {token[$1] = $2; next} {print token[$1], $2}' "$BENCH_STATE/tokens" - > "$BENCH_STATE/targets"
[ "$(wc -l < "$BENCH_STATE/targets")" -eq "$CLIENTS" ] || die "not enough conversations for $CLIENTS clients"
CONVERSATIONS=$(awk '{printf "%s\x27%s\x27", (NR > 1 ? "," : ""), $2}' "$BENCH_STATE/targets")
PG_CTL=$(pg_config --bindir)/pg_ctl

restart_postgres() { runuser -u postgres -- "$PG_CTL" -D "$PGDATA_DIR" -m fast -w restart >/dev/null; }
restart_redis() {
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --no-auth-warning -a "$REDIS_PASSWORD" shutdown nosave >/dev/null 2>&1 || true
  sleep "$REDIS_OUTAGE"
  redis-server "$BENCH_STATE/redis/redis.conf"
}
kill_service() {
  kill -KILL "$BENCH_SERVICE_PID"
  wait "$BENCH_SERVICE_PID" 2>/dev/null || true
  BENCH_SERVICE_PID=
  bench_start_service "${RATE_LIMITS[@]}"
}

ROWS=""
for fault in restart_postgres restart_redis kill_service; do
  marker="fault-$fault-$(date +%s)"
  log "$fault: $CLIENTS clients for ${LOAD_SECONDS}s, the fault at ${FAULT_AT}s"
  python3 "$BENCH_HERE/load.py" "$BENCH_HTTP" "$BENCH_STATE/targets" "$LOAD_SECONDS" "$BENCH_STATE/$fault.events" "$marker" &
  load=$!
  sleep "$FAULT_AT"
  t0=$(date +%s.%N)
  $fault
  log "$fault: injected and back in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')s"
  wait "$load"
  psql_as super -At -F ' ' -c "select split_part(content, ' ', 2), count(*) from messages
      where content like '$marker %' group by 1" > "$BENCH_STATE/$fault.stored"
  mismatches=$(psql_as super -At -c "select count(*) from conversations c
      cross join lateral (select count(*) as n, coalesce(max(seq), 0) as s from messages m
                          where m.conversation_id = c.id and m.user_id = c.user_id) r
      where c.id in ($CONVERSATIONS) and (c.message_count <> r.n or c.last_seq <> r.s)")
  ROWS+="| ${fault//_/ } $(python3 "$BENCH_HERE/analyze.py" "$BENCH_STATE/$fault.events" "$BENCH_STATE/$fault.stored" "$FAULT_AT" "$mismatches")"$'\n'
  mkdir -p "$BENCH_HERE/results"
  cp "$BENCH_STATE/$fault.events" "$BENCH_HERE/results/$fault.events.jsonl"
done

body=$(cat <<MD
Measured $(date -u '+%Y-%m-%d %H:%M') UTC: $(bench_machine); durability on (fsync, synchronous_commit).
Command: \`bench/faults/run.sh\` (CLIENTS=$CLIENTS, LOAD_SECONDS=$LOAD_SECONDS, FAULT_AT=$FAULT_AT, REDIS_OUTAGE=${REDIS_OUTAGE}s).
Each client posts a message (retrying a failure with the same Idempotency-Key every 0.5 s, up to 20 times), then reads
the newest page, in a loop. "Failed": no answer, or a 5xx (503: retry after Retry-After; any other 5xx is a bug). Times are seconds after the fault was injected. Raw events:
\`bench/faults/results/<fault>.events.jsonl\`.

| fault | requests | failed (no answer / 503 / other 5xx) | failures from .. to | recovered after | acknowledged writes | stored | lost | duplicated | counters wrong |
|---|---|---|---|---|---|---|---|---|---|
$ROWS
MD
)
bench_write_section "Faults under load" "$body"
printf '%s\n' "$body"
log "done: docs/BENCHMARKS.md updated"
