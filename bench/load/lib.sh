# The load runner's pieces (source after bench/lib.sh): the set-up (data, service, logins),
# and one scenario's measurement with wrk and with pgbench. Used by bench/run.sh and
# bench/ab.sh.
. "$BENCH_REPO/bench/data/build.sh"

RATE_LIMITS=(-Dtonehone.rate-limits.login-per-email=100000000 -Dtonehone.rate-limits.login-per-address=100000000
  -Dtonehone.rate-limits.register-per-address=100000000 -Dtonehone.rate-limits.requests-per-user=100000000
  -Dtonehone.auth.access-token-ttl=PT3H)

# bench_load_setup: a throwaway cluster with the benchmark data (USERS, SCALE), the service
# (BENCH_JAR_DIR, built if unset) started on it with RATE_LIMITS, and TOKENS users logged in.
bench_load_setup() {
  ensure_load_tools
  bench_start_cluster
  PG_LOG="$(cat "$BENCH_STATE/pg-location")/server.log"
  bench_start_service "${RATE_LIMITS[@]}"   # migrates the schema
  register_seed_account
  bench_stop_service
  build_data "$USERS" "$SCALE"
  make_durable
  bench_start_service "${RATE_LIMITS[@]}"
  log_in_users "$TOKENS"
}

ensure_load_tools() {
  command -v wrk >/dev/null || { log "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
  command -v pgbench >/dev/null || die "pgbench is missing (postgresql-client)"
}

# The data was loaded with fsync off (a throwaway cluster); the measurements are not.
make_durable() {
  psql_as super -c "alter system set fsync = on" -c "alter system set synchronous_commit = on" \
    -c "alter system set full_page_writes = on" -c "select pg_reload_conf()" -c "checkpoint" >/dev/null
}

# log_in_users N: logs in users 1..N through the API, 8 at a time; tokens in $BENCH_STATE/tokens ("n token").
log_in_users() {
  local n=$1 t0
  t0=$(date +%s)
  log "logging in $n users"
  seq 1 "$n" | xargs -P 8 -I{} sh -c '
    token=$(curl -sf -H "Content-Type: application/json" \
      -d "{\"email\":\"user{}@bench.tonehone.test\",\"password\":\"$1\"}" "$2/api/v1/auth/login" \
      | sed -n "s/.*\"accessToken\":\"\([^\"]*\)\".*/\1/p")
    [ -n "$token" ] && echo "{} $token"' _ "$BENCH_PASSWORD" "$BENCH_HTTP" > "$BENCH_STATE/tokens"
  [ "$(wc -l < "$BENCH_STATE/tokens")" -eq "$n" ] || die "only $(wc -l < "$BENCH_STATE/tokens") of $n logins worked"
  LOGIN_SECONDS=$(( $(date +%s) - t0 ))
}

# collect_deep_cursors: walks each 50,000-message conversation of a logged-in user newest
# first, 200 at a time (the conversations in parallel), and keeps the cursor at depths
# 1,000, 10,000 and 49,000 in bench.deep_cursors, with below: the seq its page starts under.
collect_deep_cursors() {
  local n user conversation token pids=() pid
  log "collecting cursors into the 50,000-message conversations"
  mkdir -p "$BENCH_STATE/cursors"
  while read -r n user conversation; do
    token=$(awk -v n="$n" '$1 == n {print $2}' "$BENCH_STATE/tokens")
    [ -n "$token" ] || continue
    walk_for_cursors "$token" "$conversation" > "$BENCH_STATE/cursors/$conversation" &
    pids+=($!)
  done < <(psql_as super -At -F ' ' -c "select n, user_id, conversation_id from bench.deep_targets order by t")
  for pid in "${pids[@]}"; do wait "$pid" || die "a cursor walk failed"; done
  cat "$BENCH_STATE"/cursors/* > "$BENCH_STATE/cursors.tsv"
  [ -s "$BENCH_STATE/cursors.tsv" ] || die "no 50,000-message conversation belongs to a logged-in user"
  psql_as super -c "create table bench.deep_cursors (conversation_id uuid, depth int, cursor text, below bigint)" \
    -c "\\copy bench.deep_cursors from '$BENCH_STATE/cursors.tsv'" \
    -c "grant select on bench.deep_cursors to $DB_APP_USER" >/dev/null
}

walk_for_cursors() { # token conversation: prints "conversation depth cursor below" lines (tab-separated)
  local cursor="" page depth
  for page in $(seq 1 245); do
    cursor=$(curl -sf -H "Authorization: Bearer $1" \
      "$BENCH_HTTP/api/v1/conversations/$2/messages?limit=200${cursor:+&cursor=$cursor}" |
      sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
    [ -n "$cursor" ] || { log "no cursor after page $page of $2"; return 1; }
    depth=$((page * 200))
    case $depth in 1000 | 10000 | 49000) printf '%s\t%s\t%s\t%s\n' "$2" "$depth" "$cursor" $((50000 - depth + 1));; esac
  done
}

# run_pgbench NAME DIR CONNECTIONS OUTPUT [pgbench options]: the scenario's rendered script
# as the request role for DURATION seconds, per-transaction log in DIR.
run_pgbench() {
  local name=$1 dir=$2 conns=$3 out=$4
  shift 4
  rm -f "$dir"/pgbench_log.*
  (cd "$dir" && PGPASSWORD=$DB_APP_PASSWORD pgbench -n -M "$PGBENCH_MODE" -c "$conns" -j 2 -T "$DURATION" -l "$@" \
      -h 127.0.0.1 -p "$PG_PORT" -U "$DB_APP_USER" -f "$RESULTS/$name.pgbench.sql" "$DB_NAME" > "$out" 2>&1) \
    || { tail -5 "$out" >&2; die "$name: pgbench failed"; }
}

# pgbench_latencies DIR: "p50_ms p99_ms" of the per-transaction logs pgbench -l wrote in DIR,
# without each connection's first 10 transactions: a new backend loads its catalog caches and
# plans every statement afresh (on the page, over 10 ms for each of the first five or so),
# which the service's long-lived pooled connections did long before; kept in, those 32 × 5
# made pgbench's paced p99 on the page SQL 21 ms instead of 6. Paced (-R) logs count from the
# scheduled start and add the lag as a 7th field: taken out, so that both tools count from the send.
pgbench_latencies() {
  cat "$1"/pgbench_log.* | awk '$2 >= 10 {print (NF >= 7 ? $3 - $7 : $3) / 1000}' | sort -g |
    awk '{a[NR]=$1} END {printf "%.2f %.2f\n", a[int(NR*0.5 + 0.5)], a[int(NR*0.99 + 0.5)]}'
}

# wrk_run SECONDS CONNECTIONS SCRIPT [RATE]: prints the RESULT line of common.lua. With RATE
# (requests/s in all), paced: the connections send on a fixed schedule (common.lua).
wrk_run() {
  local threads=2
  [ "$2" -lt 2 ] && threads=1
  BENCH_THREAD_RATE=${4:+$(awk -v r="$4" -v t="$threads" 'BEGIN {print r / t}')} \
    wrk -t"$threads" -c"$2" -d"$1"s --timeout 10s -s "$3" "$BENCH_HTTP" | grep '^RESULT' || die "wrk printed no result"
}

# measure_service SECONDS CONNECTIONS SCRIPT [RATE]: wrk_run's RESULT line with the service
# process's CPU time (user + system, from /proc) per request appended as cpu_ms.
measure_service() {
  local before out
  before=$(service_cpu_ticks)
  out=$(wrk_run "$@") || exit 1  # command substitutions do not inherit set -e
  [ "$(field requests "$out")" -gt 0 ] || die "wrk completed no request"
  echo "$out $(awk -v t="$(( $(service_cpu_ticks) - before ))" -v n="$(field requests "$out")" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "cpu_ms=%.2f", t * 1000 / hz / n}')"
}
service_cpu_ticks() { awk '{print $14 + $15}' "/proc/$BENCH_SERVICE_PID/stat"; }

field() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# Of a RESULT line: requests per second, a latency in ms (wrk_ms p50 LINE), failed requests.
wrk_rps() { awk -v r="$(field requests "$1")" -v d="$(field duration_us "$1")" 'BEGIN {printf "%.0f", r / (d / 1e6)}'; }
wrk_ms() { awk -v v="$(field "$1_us" "$2")" 'BEGIN {printf "%.2f", v / 1000}'; }
wrk_errors() { echo $(( $(field non2xx "$1") + $(field socket_errors "$1") )); }
# Of a paced RESULT line: the share of sends later than their slot (percent), the worst lag in ms.
wrk_late() { awk -v l="$(field paced_late "$1")" -v n="$(field paced_sends "$1")" 'BEGIN {printf "%.1f", n ? 100 * l / n : 0}'; }
wrk_max_lag() { field paced_max_lag_ms "$1"; }

# make_targets NAME DIR: the rows of TARGETS_SQL as table bench.t_NAME (for pgbench) and as
# DIR/targets (for wrk: the user's token first, then the columns after n); DIR/script.lua.
make_targets() {
  local name=$1 dir=$2
  psql_as super -v ON_ERROR_STOP=1 -c "drop table if exists bench.t_$name" \
    -c "create table bench.t_$name as select row_number() over () as t, q.* from ($TARGETS_SQL) q" \
    -c "alter table bench.t_$name add primary key (t)" -c "grant select on bench.t_$name to $DB_APP_USER" \
    -c "analyze bench.t_$name" >/dev/null
  psql_as super -At -F ' ' -c "select * from bench.t_$name order by t" |
    awk 'NR == FNR {token[$1] = $2; next} ($2 in token) {line = token[$2]; for (i = 3; i <= NF; i++) line = line " " $i; print line}' \
      "$BENCH_STATE/tokens" - > "$dir/targets"
  [ -s "$dir/targets" ] || die "$name: no target belongs to a logged-in user"
  export BENCH_TARGETS=$dir/targets
  { cat "$BENCH_HERE/load/common.lua"; printf '%s\n' "$LUA"; } > "$dir/script.lua"
}

# run_growth NAME: bench/load/growth/NAME.sh sets TITLE, VARIANTS, and TARGETS_SQL and LUA as
# a scenario does, using $VARIANT; each variant is measured with wrk alone (GROWTH_CONNS
# connections, GROWTH_SECONDS). Prints a table row a variant; the last column is its p50
# over the first variant's.
run_growth() {
  local name=$1 dir out first="" p50
  for VARIANT in $(VARIANT=; . "$BENCH_HERE/load/growth/$name.sh"; echo "$VARIANTS"); do
    # shellcheck disable=SC1090
    . "$BENCH_HERE/load/growth/$name.sh"
    dir=$BENCH_STATE/growth-$name-$VARIANT
    mkdir -p "$dir"
    log "$name: $TITLE $VARIANT"
    make_targets "g_${name}_$VARIANT" "$dir"
    wrk_run 2 "$GROWTH_CONNS" "$dir/script.lua" >/dev/null
    out=$(wrk_run "$GROWTH_SECONDS" "$GROWTH_CONNS" "$dir/script.lua")
    echo "$out" > "$RESULTS/growth-$name-$VARIANT.wrk.txt"
    p50=$(wrk_ms p50 "$out")
    first=${first:-$p50}
    printf '| %s %s | %s | %s | %s | %s | %s | %.2f |\n' "$TITLE" "$VARIANT" "$(wc -l < "$dir/targets")" "$(wrk_rps "$out")" \
      "$p50" "$(wrk_ms p99 "$out")" "$(wrk_errors "$out")" "$(awk -v a="$p50" -v b="$first" 'BEGIN {print a / b}')"
  done
}

# partition_curve: the page and post-message statements of scenarios 10 and 20 (their
# rendered pgbench scripts) against copies of the newest 5 months of those conversations'
# messages in tables of 6, 24 and 60 monthly partitions (schemas parts_N, picked by
# search_path; the statements name their tables unqualified). Same rows every time: only the
# number of partitions changes. Prints a table row per count.
partition_curve() {
  local n since page post p
  since=$(psql_as super -At -c "select to_char(date_trunc('month', now() at time zone 'utc') - interval '4 months', 'YYYY-MM-DD')")
  for n in 6 24 60; do
    log "partitions: $n"
    psql_as super -v ON_ERROR_STOP=1 >/dev/null <<SQL
drop schema if exists parts_$n cascade;
create schema parts_$n;
create table parts_$n.messages (like public.messages including defaults including constraints including generated)
    partition by range (created_at);
select format('create table parts_$n.messages_%s partition of parts_$n.messages for values from (%L) to (%L)',
              to_char(m, 'YYYY_MM'), m, m + interval '1 month')
from generate_series(date_trunc('month', now() at time zone 'utc') + interval '1 month' - interval '$((n - 1)) months',
                     date_trunc('month', now() at time zone 'utc') + interval '1 month', interval '1 month') m \gexec
alter table parts_$n.messages add primary key (id, user_id, created_at);
create index on parts_$n.messages (conversation_id, user_id, seq);
insert into parts_$n.messages (id, user_id, conversation_id, seq, speaker, content, source, ocr_confidence,
                               is_key_moment, effectiveness_score, message_timestamp, created_at)
select id, user_id, conversation_id, seq, speaker, content, source, ocr_confidence, is_key_moment,
       effectiveness_score, message_timestamp, created_at
from public.messages where created_at >= '$since'
  and conversation_id in (select conversation_id from bench.t_10_message_page_first);
vacuum analyze parts_$n.messages;
SQL
    for p in 10_message_page_first 20_post_message; do
      PGOPTIONS="-c search_path=parts_$n,public" PGPASSWORD=$PG_SUPERUSER_PASSWORD pgbench -n -M prepared -c 8 -j 2 \
        -T "$GROWTH_SECONDS" -h 127.0.0.1 -p "$PG_PORT" -U postgres -f "$RESULTS/$p.pgbench.sql" "$DB_NAME" \
        > "$RESULTS/partitions-$n-$p.pgbench.txt" 2>&1 || { tail -3 "$RESULTS/partitions-$n-$p.pgbench.txt" >&2; die "partitions $n: pgbench failed"; }
    done
    page=$RESULTS/partitions-$n-10_message_page_first.pgbench.txt post=$RESULTS/partitions-$n-20_post_message.pgbench.txt
    printf '| %s | %.0f | %s | %.0f | %s |\n' "$n" "$(tps_of "$page")" "$(lat_of "$page")" "$(tps_of "$post")" "$(lat_of "$post")"
    psql_as super -c "drop schema parts_$n cascade" >/dev/null
  done
}

# load_scenario NAME: sources bench/load/scenarios/NAME.sh (see run_scenario) over the
# defaults; sets SCENARIO_DIR (its state: targets, script.lua) and points BENCH_TARGETS there.
load_scenario() {
  TITLE=""; TARGETS_SQL=""; LUA=""; PGBENCH=""; CONNS=$CONNECTIONS; PGBENCH_MODE=prepared
  # shellcheck disable=SC1090
  . "$BENCH_HERE/load/scenarios/$1.sh"
  SCENARIO_DIR=$BENCH_STATE/$1
  export BENCH_TARGETS=$SCENARIO_DIR/targets
}

# prepare_scenario NAME: load_scenario, then its targets and script made.
prepare_scenario() {
  load_scenario "$1"
  mkdir -p "$SCENARIO_DIR"
  log "$1: $TITLE"
  make_targets "$1" "$SCENARIO_DIR"
}

# run_scenario NAME: sources bench/load/scenarios/NAME.sh, which sets
#   TITLE        what the table calls it
#   TARGETS_SQL  a query whose rows are the targets: first column n (the user), then the
#                columns the Lua and the pgbench template use (named, e.g. user_id)
#   LUA          defines make_request(fields): fields[1] is the user's token, then the
#                TARGETS_SQL columns after n, in order
#   PGBENCH      the pgbench template (see load/statements.py); :t picks a target row
#   CONNS        optional: connections for this scenario (default CONNECTIONS)
#   PGBENCH_MODE optional: pgbench -M (default prepared, as the service's driver does)
# and prints its table row.
run_scenario() {
  local name=$1 dir count offset wrk_out conns rps pg_tps pg50 pg99 rate paced_out paced_pg50 paced_pg99
  prepare_scenario "$name"
  dir=$SCENARIO_DIR conns=$CONNS
  rm -f "$RESULTS/$name".*  # this scenario's results of an earlier run
  count=$(psql_as super -At -c "select count(*) from bench.t_$name")

  # The statements: one second of requests with every statement logged (texts only: the
  # cluster never logs parameter values).
  psql_as super -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  offset=$(stat -c %s "$PG_LOG")
  wrk_run 1 1 "$dir/script.lua" >/dev/null
  psql_as super -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  python3 "$BENCH_HERE/load/statements.py" capture "$PG_LOG" "$offset" "$RESULTS/$name.statements.txt"
  { printf '\\set t random(1, %s)\nselect * from bench.t_%s where t = :t \\gset\n' "$count" "$name"; printf '%s\n' "$PGBENCH"; } \
    > "$dir/template.sql"
  python3 "$BENCH_HERE/load/statements.py" render "$dir/template.sql" "$RESULTS/$name.statements.txt" \
    > "$RESULTS/$name.pgbench.sql" || die "$name: the pgbench template does not match the captured statements"

  # The service: warm-up, then measured, with statement counts from pg_stat_statements and
  # the service's CPU time.
  wrk_run "$WARMUP" "$conns" "$dir/script.lua" >/dev/null
  psql_as super -c "select pg_stat_statements_reset()" >/dev/null
  wrk_out=$(measure_service "$DURATION" "$conns" "$dir/script.lua") || exit 1
  rps=$(wrk_rps "$wrk_out")
  echo "$wrk_out" > "$RESULTS/$name.wrk.txt"
  psql_as super -At -F ' | ' -c "select round(calls::numeric / $(field requests "$wrk_out"), 2), query
      from pg_stat_statements where userid = '$DB_APP_USER'::regrole and calls > 0 order by calls desc, query" \
    > "$RESULTS/$name.calls.txt"

  # The database's ceiling: the same statements through pgbench, as the request role.
  run_pgbench "$name" "$dir" "$conns" "$RESULTS/$name.pgbench.txt"
  pg_tps=$(tps_of "$RESULTS/$name.pgbench.txt")
  read -r pg50 pg99 < <(pgbench_latencies "$dir")

  # Below saturation: the service and pgbench paced at PACED_SHARE of the service's
  # closed-loop rate, same connections (a row of $BENCH_STATE/paced.rows).
  if awk -v s="$PACED_SHARE" 'BEGIN {exit !(s > 0)}'; then
    rate=$(awk -v r="$rps" -v s="$PACED_SHARE" 'BEGIN {printf "%.0f", r * s}')
    paced_out=$(measure_service "$DURATION" "$conns" "$dir/script.lua" "$rate") || exit 1
    echo "$paced_out" > "$RESULTS/$name.paced.wrk.txt"
    run_pgbench "$name" "$dir" "$conns" "$RESULTS/$name.paced.pgbench.txt" -R "$rate"
    read -r paced_pg50 paced_pg99 < <(pgbench_latencies "$dir")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s%% | %s | %s | %s | %s | %s |\n' "$TITLE" "$conns" "$rate" "$(wrk_rps "$paced_out")" \
      "$(wrk_ms p50 "$paced_out")" "$(wrk_ms p99 "$paced_out")" "$(wrk_errors "$paced_out")" "$(wrk_late "$paced_out")" "$(wrk_max_lag "$paced_out")" \
      "$(field cpu_ms "$paced_out")" "$paced_pg50" "$paced_pg99" \
      "$(sed -n 's/^rate limit schedule lag: avg \([0-9.]*\) (max \([0-9.]*\)) ms/\1 (\2)/p' "$RESULTS/$name.paced.pgbench.txt")" \
      >> "$BENCH_STATE/paced.rows"
  fi

  printf '| %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %s | %.2f |' "$TITLE" "$conns" "$rps" \
    "$(wrk_ms p50 "$wrk_out")" "$(wrk_ms p99 "$wrk_out")" "$(wrk_errors "$wrk_out")" "$(field cpu_ms "$wrk_out")" "$pg_tps" "$pg50" "$pg99" \
    "$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN {print a / b}')"
}
