#!/usr/bin/env bash
# What row-level security and the per-transaction user setting cost on a message page and
# a per-user full-text search, as the request role (tonehone_app, under RLS), against the
# same queries as the table owner (policies skipped). One command, about 14 minutes:
#
#   bench/rls/run.sh
#
# It starts a throwaway PostgreSQL 15 + Redis on free loopback ports (db/local/services.sh,
# removed on exit), applies the real migrations by starting the service once (Flyway
# migrates at start-up), generates about a million messages with generate_series, runs
# pgbench (-n -M prepared, 8 clients, 2 threads, DURATION s, REPS repetitions interleaved,
# medians reported) for each variant script in this folder, saves plans and raw outputs
# in bench/rls/results/, and rewrites the generated part of the "Row-level security cost"
# section of docs/BENCHMARKS.md.
#
# Knobs (environment): DURATION (15 s per run), REPS (3), USERS (2000), CONVS (20000),
# AVG_MSGS (49, mean messages per ordinary conversation), HEAVY_CONV_MSGS (20000),
# HEAVY_OTHER_MSGS (10000), JAVA_HOME (a JDK 25; default Temurin 25), PIPELINE=1 (adds the
# pipelined variant b_pipeline), MAX_SECONDS (1800: hard stop). The set-up (cluster,
# build, migrations, clean-up, the docs section) is bench/lib.sh's, as for every bench.
set -euo pipefail

. "$(dirname "$0")/../lib.sh"
bench_init rls
here=$BENCH_HERE
state=$BENCH_STATE

DURATION=${DURATION:-15}
REPS=${REPS:-3}
CLIENTS=8
THREADS=2
USERS=${USERS:-2000}
CONVS=${CONVS:-20000}
AVG_MSGS=${AVG_MSGS:-49}
HEAVY_CONV_MSGS=${HEAVY_CONV_MSGS:-20000}
HEAVY_OTHER_MSGS=${HEAVY_OTHER_MSGS:-10000}
VOCAB=5000
FRAGS=100000

command_line="bench/rls/run.sh"
for knob in DURATION REPS USERS CONVS AVG_MSGS HEAVY_CONV_MSGS HEAVY_OTHER_MSGS PIPELINE; do
  # Record the knobs that were set from outside, so the command can be repeated exactly.
  if printenv "$knob" >/dev/null; then command_line="$knob=${!knob} $command_line"; fi
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Results are staged here and replace bench/rls/results/ only when the run completes.
results=$state/results
raw=$results/raw
mkdir -p "$raw"
monitor_pid=
stop_monitor() {
  if [ -n "$monitor_pid" ]; then kill "$monitor_pid" 2>/dev/null || true; wait "$monitor_pid" 2>/dev/null || true; fi
  monitor_pid=
}
trap 'rc=$?; set +e; stop_monitor; (exit "$rc"); bench_cleanup' EXIT  # set +e: (exit rc) must not end the trap

# --- 1. Throwaway cluster, the real migrations applied by the service at start-up -------
bench_start_cluster
bench_start_service
bench_stop_service
if [ -f "$BENCH_JAR_DIR/pom.xml" ]; then
  service_build="built from a private copy of the working tree"
else
  service_build="from a copy of the existing target/quarkus-app build, newer than every source file"
fi
schema_version=$(psql_as owner -At -c "SELECT max(version::int) FROM flyway_schema_history WHERE success")
log "schema at migration V$schema_version ($service_build)"

# --- 3. Data -----------------------------------------------------------------------------
log "generating data ($USERS users, $CONVS conversations, ~$(( (CONVS - 20) * AVG_MSGS + HEAVY_CONV_MSGS + HEAVY_OTHER_MSGS )) messages)"
psql_as super -v users="$USERS" -v convs="$CONVS" -v avg_msgs="$AVG_MSGS" \
  -v heavy_conv_msgs="$HEAVY_CONV_MSGS" -v heavy_other_msgs="$HEAVY_OTHER_MSGS" \
  -v vocab="$VOCAB" -v frags="$FRAGS" -f "$here/data.sql" >/dev/null
log "parameter tables, search function, VACUUM ANALYZE"
psql_as super -v owner="$DB_OWNER" -v app="$DB_APP_USER" -f "$here/params.sql" >/dev/null

read -r n_users n_convs n_msgs n_parts heavy_msgs max_conv db_size pg_version < <(psql_as super -At -F ' ' -c "
  SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM conversations),
         (SELECT count(*) FROM messages),
         (SELECT count(DISTINCT tableoid) FROM messages),
         (SELECT count(*) FROM messages WHERE user_id = (SELECT id FROM bench.u WHERE idx = 1)),
         (SELECT max(message_count) FROM conversations),
         replace(pg_size_pretty(pg_database_size(current_database())), ' ', ''),
         split_part(current_setting('server_version'), ' ', 1)")
n_partitions_total=$(psql_as super -At -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'messages'::regclass")
npage=$(psql_as super -At -c "SELECT count(*) FROM bench.page_params")
# Which page index did the migrations create? Phase 2 measures the other layout.
page_index=$(psql_as super -At -c "
  SELECT string_agg(regexp_replace(indexdef, '^.* USING btree ', ''), ' ')
    FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'messages'
     AND indexdef ~ 'USING btree \\(conversation_id, (user_id, )?seq\\)$'")
case $page_index in
  "(conversation_id, seq)") layout=old ;;
  "(conversation_id, user_id, seq)") layout=new ;;
  *) die "unexpected page index(es) on messages: '$page_index'" ;;
esac
page_index_name=$(psql_as super -At -c "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
  AND tablename = 'messages' AND indexdef ~ 'USING btree \\(conversation_id, (user_id, )?seq\\)$'")
log "data: $n_msgs messages in $n_parts partitions with rows ($n_partitions_total attached), heavy user $heavy_msgs, largest conversation $max_conv, database $db_size"

# --- Checks: the policy isolates, and whether one statement can set the user and query ---
checks=$results/checks.txt
read -r tu tc tcc tls hu hc hcc hls < <(psql_as super -At -F ' ' -c "
  SELECT t.u, t.c, replace(t.conv_created::text, ' ', 'T'), t.last_seq, h.u, h.c,
         replace(h.conv_created::text, ' ', 'T'), h.last_seq
    FROM (SELECT * FROM bench.page_params WHERE last_seq BETWEEN 60 AND 200 ORDER BY id LIMIT 1) t,
         (SELECT * FROM bench.page_params ORDER BY last_seq DESC LIMIT 1) h")
page_where="conversation_id = '$tc' AND created_at >= '$tcc' AND seq < $tls + 1"
count_sql="SELECT count(*) FROM (SELECT id FROM messages WHERE $page_where AND user_id = '$tu' ORDER BY seq DESC LIMIT 50) x"
owner_rows=$(psql_as owner -At -c "$count_sql")
# The bounded page (seq >= before - 50) must return the same rows: seq is dense per conversation.
window_same=$(psql_as owner -At -c "SELECT (SELECT array_agg(id ORDER BY seq DESC) FROM (SELECT id, seq FROM messages
    WHERE conversation_id = '$hc' AND user_id = '$hu' AND created_at >= '$hcc' AND seq < $hls + 1 ORDER BY seq DESC LIMIT 50) x)
  IS NOT DISTINCT FROM (SELECT array_agg(id ORDER BY seq DESC) FROM (SELECT id, seq FROM messages
    WHERE conversation_id = '$hc' AND user_id = '$hu' AND created_at >= '$hcc' AND seq < $hls + 1 AND seq >= $hls + 1 - 50
    ORDER BY seq DESC LIMIT 50) y)")
app_no_setting=$(psql_as app -At -c "$count_sql")
app_tx=$(psql_as app -At -c "BEGIN" -c "SELECT set_config('app.user_id', '$tu', true)" \
  -c "SELECT count(*) FROM (SELECT id FROM messages WHERE $page_where AND user_id = '$tu' ORDER BY seq DESC LIMIT 50) x" -c "COMMIT" | sed -n 2p)
other_user=$(psql_as super -At -c "SELECT id FROM bench.u WHERE id <> '$tu' ORDER BY idx LIMIT 1")
app_other=$(psql_as app -At -c "BEGIN" -c "SELECT set_config('app.user_id', '$other_user', true)" \
  -c "SELECT count(*) FROM (SELECT id FROM messages WHERE $page_where ORDER BY seq DESC LIMIT 50) x" -c "COMMIT" | sed -n 2p)
cte_with_filter=$(psql_as app -At -c "WITH s AS MATERIALIZED (SELECT set_config('app.user_id', '$tu', true) AS v)
  SELECT count(*) FROM (SELECT m.id FROM s, messages m WHERE m.$page_where AND m.user_id = '$tu' ORDER BY m.seq DESC LIMIT 50) x")
cte_without_filter=$(psql_as app -At -c "WITH s AS MATERIALIZED (SELECT set_config('app.user_id', '$tu', true) AS v)
  SELECT count(*) FROM (SELECT m.id FROM s, messages m WHERE m.$page_where ORDER BY m.seq DESC LIMIT 50) x")
subselect_form=$(psql_as app -At -c "SELECT count(*) FROM (SELECT m.id FROM messages m
  WHERE (SELECT set_config('app.user_id', '$tu', true)) IS NOT NULL AND m.$page_where AND m.user_id = '$tu'
  ORDER BY m.seq DESC LIMIT 50) x")
cte_plan=$(psql_as app -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  WITH s AS MATERIALIZED (SELECT set_config('app.user_id', '$tu', true) AS v)
  SELECT m.id FROM s, messages m WHERE m.$page_where AND m.user_id = '$tu' ORDER BY m.seq DESC LIMIT 50" | sed -n 1,14p)
c_ok=no
# The service's own first statement since V8, if this schema has it.
btt=no btt_rows=n/a
if [ "$(psql_as app -At -c "SELECT to_regprocedure('begin_tenant_transaction(uuid)') IS NOT NULL")" = t ]; then
  btt=yes
  btt_rows=$(psql_as app -At -c "BEGIN" -c "SELECT begin_tenant_transaction('$tu')" -c "$count_sql" -c "COMMIT" | sed -n 2p)
fi
if [ "$cte_with_filter" = "$owner_rows" ] && [ "$cte_without_filter" = "$owner_rows" ] && [ "$subselect_form" = "$owner_rows" ]; then c_ok=yes; fi
{
  echo "Row-level security checks ($(date -u +%FT%TZ)); one conversation of the request's user, newest page of 50."
  echo "owner (no policy), query with user filter:                        $owner_rows rows"
  echo "request role, no transaction, no app.user_id:                     $app_no_setting rows (must be 0)"
  echo "request role, BEGIN; set_config(own user); query; COMMIT:        $app_tx rows (must equal owner)"
  echo "request role, set_config(another user); query without user filter: $app_other rows (must be 0)"
  echo "request role, BEGIN; begin_tenant_transaction(own user); query; COMMIT: $btt_rows rows (must equal owner)"
  echo "page bounded to seq >= before - 50 returns the same 50 rows as the unbounded page (largest conversation): $window_same"
  echo
  echo "Variant c: set the user and query in ONE statement (autocommit)"
  echo "WITH s AS MATERIALIZED (SELECT set_config(...)) ... FROM s, messages WHERE ... AND user_id = u: $cte_with_filter rows"
  echo "same, without the explicit user_id filter:                                             $cte_without_filter rows"
  echo "WHERE (SELECT set_config(...)) IS NOT NULL AND ... AND user_id = u:                     $subselect_form rows"
  echo "correct in every form: $c_ok"
  echo "The policy's InitPlan (SELECT app_current_user_id()) is evaluated whenever the executor"
  echo "first needs it; nothing orders it after the CTE or sub-select that calls set_config."
  echo "With the explicit filter the planner turns the policy into a One-Time Filter evaluated"
  echo "before the CTE is ever scanned, so it sees no user and returns nothing:"
  echo "$cte_plan"
} > "$checks"
[ "$owner_rows" -gt 0 ] && [ "$app_no_setting" = 0 ] && [ "$app_tx" = "$owner_rows" ] && [ "$app_other" = 0 ] \
  && { [ "$btt" = no ] || [ "$btt_rows" = "$owner_rows" ]; } && [ "$window_same" = t ] \
  || { cat "$checks" >&2; die "row-level security checks failed"; }
log "checks: policy isolates; single-statement set_config variant correct: $c_ok (results/checks.txt)"

# --- Plans (as the role the service uses, inside a transaction with the setting) ---------
# Each statement is PREPAREd and first executed 40 times with random parameters from the
# parameter tables, as in a pgbench connection, so that EXPLAIN shows the plan the plan
# cache really picks under pgbench -M prepared (custom or generic; the counts are printed).
page_cols="id, seq, speaker, content, source, ocr_confidence, is_key_moment, effectiveness_score, message_timestamp, created_at"
page_sql_filter="SELECT $page_cols FROM messages WHERE conversation_id = \$1 AND user_id = \$2 AND created_at >= \$3 AND seq < \$4 ORDER BY seq DESC LIMIT 50"
page_sql_window="SELECT $page_cols FROM messages WHERE conversation_id = \$1 AND user_id = \$2 AND created_at >= \$3 AND seq < \$4 AND seq >= \$4 - 50 ORDER BY seq DESC LIMIT 50"
page_sql_nofilter="SELECT $page_cols FROM messages WHERE conversation_id = \$1 AND created_at >= \$2 AND seq < \$3 ORDER BY seq DESC LIMIT 50"
search_sql="SELECT m.id, m.conversation_id, m.seq, m.speaker, m.content, m.created_at, ts_rank(m.content_tsv, plainto_tsquery('public.tonehone', \$2)) AS rank FROM messages m WHERE m.user_id = \$1 AND m.content_tsv @@ plainto_tsquery('public.tonehone', \$2) ORDER BY rank DESC, m.id LIMIT 20"
page_before="CASE WHEN random() < 0.7 THEN last_seq + 1 ELSE 2 + floor(random() * last_seq)::int END"
warm_page="SELECT format('%L, %L, %L, %s', c, u, conv_created, $page_before) FROM bench.page_params ORDER BY random() LIMIT 40"
warm_page_nf="SELECT format('%L, %L, %s', c, conv_created, $page_before) FROM bench.page_params ORDER BY random() LIMIT 40"
warm_search_typ="SELECT format('%L, %L', u, q) FROM bench.search_params WHERE id <= 5000 ORDER BY random() LIMIT 40"
warm_search_heavy="SELECT format('%L, %L', u, q) FROM bench.search_params WHERE id > 5000 ORDER BY random() LIMIT 40"
# Example search terms that match something: a one-word query among the 10..40 most frequent words.
read -r su sq_typ < <(psql_as super -At -F ' ' -c "SELECT u, q FROM bench.search_params
  WHERE id <= 5000 AND q IN (SELECT word FROM bench.vocab WHERE rank BETWEEN 10 AND 40) ORDER BY id LIMIT 1")
read -r shu sq_heavy < <(psql_as super -At -F ' ' -c "SELECT u, q FROM bench.search_params
  WHERE id > 5000 AND q IN (SELECT word FROM bench.vocab WHERE rank BETWEEN 10 AND 40) ORDER BY id LIMIT 1")

explain_prepared() { # role, user for set_config ('' = no transaction), title, param types, sql, args, warm-up query, [plan_cache_mode]
  local role=$1 user=$2 title=$3 types=$4 sql=$5 args=$6 warm=$7 mode=${8:-auto} rolename script
  read -r rolename _ < <(role_creds "$role")
  script=$state/explain.sql
  {
    echo "SET plan_cache_mode = $mode;"
    [ -z "$user" ] || printf "BEGIN;\nSELECT set_config('app.user_id', '%s', true) \\\\g /dev/null\n" "$user"
    echo "PREPARE q($types) AS $sql;"
    psql_as super -At -c "$warm" | sed 's/^\(.*\)$/EXECUTE q(\1) \\g \/dev\/null/'
    echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE q($args);"
    echo "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'q';"
    [ -z "$user" ] || echo "COMMIT;"
  } > "$script"
  echo "=== $title"
  if [ -n "$user" ]; then
    echo "role: $rolename, inside BEGIN; SELECT set_config('app.user_id', <user>, true); ...; COMMIT; plan_cache_mode = $mode"
  else
    echo "role: $rolename, no transaction; plan_cache_mode = $mode"
  fi
  echo "PREPARE q($types) AS $sql"
  echo "EXPLAIN (ANALYZE, BUFFERS) of EXECUTE q($args), after 40 executions with random parameters"
  psql_as "$role" -f "$script" | awk '/QUERY PLAN/{p=1} p' | sed '/^$/d'
  echo
}
capture_plans() { # suffix, with generic plans (yes/no)
  local sfx=$1 generic=$2 types="uuid, uuid, timestamptz, bigint" types_nf="uuid, timestamptz, bigint"
  local typ_args="'$tc', '$tu', '$tcc', $tls + 1" heavy_args="'$hc', '$hu', '$hcc', $hls + 1"
  local typ_nf="'$tc', '$tcc', $tls + 1" heavy_nf="'$hc', '$hcc', $hls + 1"
  {
    explain_prepared owner "" "a: page as owner, typical conversation ($tls messages), newest page" "$types" "$page_sql_filter" "$typ_args" "$warm_page"
    explain_prepared owner "" "a: page as owner, largest conversation ($hls messages), newest page" "$types" "$page_sql_filter" "$heavy_args" "$warm_page"
  } > "$results/plans_page_a$sfx.txt"
  {
    explain_prepared app "$tu" "b: page as request role, with user_id filter, typical conversation ($tls messages)" "$types" "$page_sql_filter" "$typ_args" "$warm_page"
    explain_prepared app "$hu" "b: page as request role, with user_id filter, largest conversation ($hls messages)" "$types" "$page_sql_filter" "$heavy_args" "$warm_page"
    explain_prepared app "$tu" "b_nofilter: page as request role, policy only (no user_id filter), typical conversation" "$types_nf" "$page_sql_nofilter" "$typ_nf" "$warm_page_nf"
    explain_prepared app "$hu" "b_nofilter: page as request role, policy only (no user_id filter), largest conversation" "$types_nf" "$page_sql_nofilter" "$heavy_nf" "$warm_page_nf"
    if [ "$generic" = yes ]; then
      explain_prepared app "$tu" "b generic: page as request role, with user_id filter, typical conversation" "$types" "$page_sql_filter" "$typ_args" "$warm_page" force_generic_plan
      explain_prepared app "$hu" "b generic: page as request role, with user_id filter, largest conversation" "$types" "$page_sql_filter" "$heavy_args" "$warm_page" force_generic_plan
      explain_prepared app "$hu" "b_window generic: as b generic, page bounded to seq >= before - 50, largest conversation" "$types" "$page_sql_window" "$heavy_args" "$warm_page" force_generic_plan
    fi
  } > "$results/plans_page_b$sfx.txt"
}
log "capturing plans"
capture_plans "" "$( [ "$layout" = new ] && echo yes || echo no )"
{
  explain_prepared owner "" "d: search as owner, typical user, query '$sq_typ'" "uuid, text" "$search_sql" "'$su', '$sq_typ'" "$warm_search_typ"
  explain_prepared owner "" "d: search as owner, heavy user ($heavy_msgs messages), query '$sq_heavy'" "uuid, text" "$search_sql" "'$shu', '$sq_heavy'" "$warm_search_heavy"
} > "$results/plans_search_d.txt"
{
  explain_prepared app "$su" "e: search as request role under RLS, typical user, query '$sq_typ'" "uuid, text" "$search_sql" "'$su', '$sq_typ'" "$warm_search_typ"
  explain_prepared app "$shu" "e: search as request role under RLS, heavy user ($heavy_msgs messages), query '$sq_heavy'" "uuid, text" "$search_sql" "'$shu', '$sq_heavy'" "$warm_search_heavy"
  explain_prepared app "$shu" "e with a custom plan forced: same heavy-user search" "uuid, text" "$search_sql" "'$shu', '$sq_heavy'" "$warm_search_heavy" force_custom_plan
} > "$results/plans_search_e.txt"
{
  echo "f: bench.search_messages(user, query, 20) is a LANGUAGE sql SECURITY DEFINER function: PostgreSQL"
  echo "cannot inline it and plans its body at every call, with the arguments as parameters (a generic"
  echo "plan), as the owner. f2 (PL/pgSQL) runs the same body through the plan cache, like d."
  echo "Shown: the body prepared by the owner with plan_cache_mode = force_generic_plan."
  echo
  explain_prepared owner "" "f body: heavy user ($heavy_msgs messages), query '$sq_heavy'" "uuid, text" "$search_sql" "'$shu', '$sq_heavy'" "$warm_search_heavy" force_generic_plan
  echo "=== f and f2 as called by the request role (the function scan hides the inner plan; second call of the session)"
  psql_as app -c "SELECT count(*) FROM bench.search_messages('$shu', '$sq_heavy', 20)" \
    -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM bench.search_messages('$shu', '$sq_heavy', 20)" | awk '/QUERY PLAN/{p=1} p' | sed '/^$/d'
  psql_as app -c "SELECT count(*) FROM bench.search_messages_plpgsql('$shu', '$sq_heavy', 20)" \
    -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM bench.search_messages_plpgsql('$shu', '$sq_heavy', 20)" | awk '/QUERY PLAN/{p=1} p' | sed '/^$/d'
} > "$results/plans_search_f.txt"

# --- 4. pgbench -------------------------------------------------------------------------
# name|script|role|lo|hi|PGOPTIONS|round trips per request (excluding the parameter lookup)
phase1=(
  "a|page_a_owner|owner|1|1||1"
  "a2|page_a2_owner_tx|owner|1|1||4"
  "b|page_b_app|app|1|1||4"
)
[ "$btt" = yes ] && phase1+=("b_btt|page_b_app_btt|app|1|1||4")
phase1+=(
  "b_nofilter|page_b_app_nofilter|app|1|1||4"
)
# Opt-in (PIPELINE=1): the four statements of b pipelined in one network round trip.
[ "${PIPELINE:-0}" = 1 ] && phase1+=("b_pipeline|page_b_app_pipeline|app|1|1||1 (pipelined)")
[ "$c_ok" = yes ] && phase1+=("c|page_c_app_cte|app|1|1||1")
phase1+=(
  "d_typical|search_d_owner|owner|1|5000||1"
  "e_typical|search_e_app|app|1|5000||4"
  "f_typical|search_f_definer|app|1|5000||1"
  "f2_typical|search_f2_definer_plpgsql|app|1|5000||1"
  "d_heavy|search_d_owner|owner|5001|10000||1"
  "e_heavy|search_e_app|app|5001|10000||4"
  "f_heavy|search_f_definer|app|5001|10000||1"
  "f2_heavy|search_f2_definer_plpgsql|app|5001|10000||1"
)
if [ "$layout" = old ]; then
  # Migrated with (conversation_id, seq): phase 2 adds the layout with user_id.
  phase2=(
    "a_idx|page_a_owner|owner|1|1||1"
    "b_idx|page_b_app|app|1|1||4"
    "b_idx_window_generic|page_b_app_window|app|1|1|-c plan_cache_mode=force_generic_plan|4"
  )
  phase2_sql="CREATE INDEX messages_conversation_user_seq_idx ON messages (conversation_id, user_id, seq)"
  phase2_what="replacing the page index (conversation_id, seq) by (conversation_id, user_id, seq)"
else
  # Migrated with (conversation_id, user_id, seq): generic plans belong to phase 1, and
  # phase 2 measures the former layout for comparison.
  phase1+=("b_window_generic|page_b_app_window|app|1|1|-c plan_cache_mode=force_generic_plan|4")
  phase2=(
    "a_convseq|page_a_owner|owner|1|1||1"
    "b_convseq|page_b_app|app|1|1||4"
  )
  phase2_sql="CREATE INDEX messages_conversation_seq_idx ON messages (conversation_id, seq)"
  phase2_what="replacing the page index (conversation_id, user_id, seq) by the former (conversation_id, seq)"
fi

run_pgbench() { # name script role lo hi pgoptions duration outfile
  local user pass
  read -r user pass < <(role_creds "$3")
  if ! PGPASSWORD=$pass PGOPTIONS="$6" pgbench -n -M prepared -c "$CLIENTS" -j "$THREADS" -T "$7" -r \
        -h 127.0.0.1 -p "$PG_PORT" -U "$user" -D npage="$npage" -D lo="$4" -D hi="$5" \
        -f "$here/$2.sql" "$DB_NAME" > "$8" 2>&1; then
    cat "$8" >&2
    die "pgbench failed for $1"
  fi
  grep -q '^number of failed transactions: 0 ' "$8" || { cat "$8" >&2; die "failed transactions in $1"; }
}
run_phase() { # label, variants...
  local label=$1 rep v name script role lo hi opts rt
  shift
  log "$label: warm-up, 1 s per variant"
  for v in "$@"; do
    IFS='|' read -r name script role lo hi opts rt <<< "$v"
    run_pgbench "$name" "$script" "$role" "$lo" "$hi" "$opts" 1 "$state/warmup.txt"
  done
  for rep in $(seq 1 "$REPS"); do
    for v in "$@"; do
      IFS='|' read -r name script role lo hi opts rt <<< "$v"
      log "$label: repetition $rep/$REPS, $name (${DURATION} s)"
      run_pgbench "$name" "$script" "$role" "$lo" "$hi" "$opts" "$DURATION" "$raw/$name.rep$rep.txt"
    done
  done
}

est=$(( ( (${#phase1[@]} + ${#phase2[@]}) * (REPS * (DURATION + 1) + 2) ) / 60 ))
log "pgbench: $(( ${#phase1[@]} + ${#phase2[@]} )) variants x $REPS x ${DURATION} s (about $est min)"
# The machine may be shared: record the CPU that other processes use during the measurements.
python3 "$here/cpu_monitor.py" "$$" "$(cat "$state/pg-location")/postmaster.pid" "$results/interference.txt" 5 &
monitor_pid=$!
run_phase "phase 1 (schema as migrated + search GIN index)" "${phase1[@]}"

log "phase 2: $phase2_what"
psql_as owner -c "$phase2_sql" -c "DROP INDEX $page_index_name" -c "ANALYZE messages" >/dev/null
capture_plans "_phase2" "$( [ "$layout" = old ] && echo yes || echo no )"
run_phase "phase 2 ($phase2_what)" "${phase2[@]}"
stop_monitor
foreign_cpu=$(sed -n 's/^TOTAL foreign CPU .* = \(.*\) of one core on average$/\1/p' "$results/interference.txt")
steal_cpu=$(sed -n 's/^TOTAL steal .* = \(.*\) of one core on average$/\1/p' "$results/interference.txt")
log "other processes used ${foreign_cpu:-?} of one core on average during the measurements, hypervisor steal ${steal_cpu:-?}"

# --- 5. Report ----------------------------------------------------------------------------
# Per-statement latency (-r) of the measured statement (for the pipeline: \endpipeline).
stmt_of() {
  if grep -q 'endpipeline' "$1"; then
    awk '/statement latencies/{p=1; next} p && /\\endpipeline/ {print $1; exit}' "$1"
  else
    awk '/statement latencies/{p=1; next} p && /SELECT (m\.)?id, |search_messages(_plpgsql)?\(|WITH s AS/ {print $1; exit}' "$1"
  fi
}
declare -A TPS LAT STMT RANGE
for v in "${phase1[@]}" "${phase2[@]}"; do
  IFS='|' read -r name _ <<< "$v"
  TPS[$name]=$(for f in "$raw/$name".rep*.txt; do tps_of "$f"; done | median)
  RANGE[$name]=$(for f in "$raw/$name".rep*.txt; do tps_of "$f"; done | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.0f–%.0f", lo, hi}')
  LAT[$name]=$(for f in "$raw/$name".rep*.txt; do lat_of "$f"; done | median)
  STMT[$name]=$(for f in "$raw/$name".rep*.txt; do stmt_of "$f"; done | median)
done
lookup_ms=$(for f in "$raw"/a.rep*.txt; do awk '/statement latencies/{p=1; next} p && /bench\.page_params/ {print $1; exit}' "$f"; done | median)

describe() {
  case $1 in
    a) echo "page, owner, no transaction, user_id filter (baseline)" ;;
    a2) echo "page, owner, BEGIN; set_config; query; COMMIT (no policy)" ;;
    b) echo "page, request role under RLS, BEGIN; set_config; query with user_id filter; COMMIT" ;;
    b_btt) echo "page, request role under RLS, as b with SELECT begin_tenant_transaction(u) (V8) instead of set_config" ;;
    b_nofilter) echo "page, request role under RLS, as b but no user_id filter (policy only)" ;;
    b_pipeline) echo "page, request role under RLS, as b with the 4 statements pipelined" ;;
    c) echo "page, request role, set_config in a CTE of the query (one statement)" ;;
    d_typical) echo "search, owner, typical user (baseline)" ;;
    e_typical) echo "search, request role under RLS, BEGIN; set_config; query; COMMIT, typical user" ;;
    f_typical) echo "search, request role calls owner's SECURITY DEFINER LANGUAGE sql function, typical user" ;;
    f2_typical) echo "search, as f with the function in PL/pgSQL (plan cached), typical user" ;;
    d_heavy) echo "search, owner, heavy user (baseline)" ;;
    e_heavy) echo "search, request role under RLS, BEGIN; set_config; query; COMMIT, heavy user" ;;
    f_heavy) echo "search, request role calls owner's SECURITY DEFINER LANGUAGE sql function, heavy user" ;;
    f2_heavy) echo "search, as f with the function in PL/pgSQL (plan cached), heavy user" ;;
    a_idx) echo "page, owner, as a, with index (conversation_id, user_id, seq)" ;;
    b_idx) echo "page, request role under RLS, as b, with index (conversation_id, user_id, seq)" ;;
    b_idx_window_generic) echo "as b_idx, page bounded to seq >= before - 50, plan_cache_mode = force_generic_plan" ;;
    b_window_generic) echo "as b, page bounded to seq >= before - 50, plan_cache_mode = force_generic_plan" ;;
    a_convseq) echo "page, owner, as a, with the former index (conversation_id, seq) instead" ;;
    b_convseq) echo "page, request role under RLS, as b, with the former index (conversation_id, seq) instead" ;;
  esac
}
baseline_of() { case $1 in a*|b*|c) echo a ;; *_typical) echo d_typical ;; *_heavy) echo d_heavy ;; esac; }

table=$(
  echo "| variant | what | round trips | TPS (median) | TPS range | latency avg ms | × baseline TPS | measured statement ms (-r) |"
  echo "|---|---|---|---|---|---|---|---|"
  for v in "${phase1[@]}" "${phase2[@]}"; do
    IFS='|' read -r name script role lo hi opts rt <<< "$v"
    base=$(baseline_of "$name")
    ratio=$(awk -v a="${TPS[$name]}" -v b="${TPS[$base]}" 'BEGIN {printf "%.2f", a / b}')
    printf '| %s | %s | %s | %.0f | %s | %.2f | %s | %s |\n' "$name" "$(describe "$name")" "$rt" \
      "${TPS[$name]}" "${RANGE[$name]}" "${LAT[$name]}" "$ratio" "${STMT[$name]}"
  done
  [ "$c_ok" = yes ] || echo "| c | page, request role, set_config in a CTE of the query (one statement) | 1 | dropped | | | | not correct: see results/checks.txt |"
)
phase2_names=$(for v in "${phase2[@]}"; do printf '`%s`, ' "${v%%|*}"; done | sed 's/, $//')
generated=$(cat <<MD
Measured $(date -u '+%Y-%m-%d %H:%M UTC'): $(bench_machine); load average before the run: $load_before.
Command: \`$command_line\` (pgbench -n -M prepared, $CLIENTS clients, $THREADS threads, $DURATION s per run,
$REPS repetitions interleaved, medians; pgbench runs on the same $(nproc) cores as the server;
processes outside the benchmark used ${foreign_cpu:-?} of one core on average during the measurements and
hypervisor steal was ${steal_cpu:-?}, see \`bench/rls/results/interference.txt\`).
Schema: migrations up to V$schema_version applied by the service's Flyway at start-up ($service_build), plus the search
index \`gin (user_id, content_tsv)\` (btree_gin) created by the benchmark.
Data: $n_users users, $n_convs conversations, $n_msgs messages in $n_parts monthly partitions
($n_partitions_total attached), database $db_size; heavy user $heavy_msgs messages, largest conversation $max_conv.
Message text from a 5,000-word vocabulary drawn with probability ~1/rank; search terms of 1–2 words
drawn the same way from ranks 10 and up. Pages: a random conversation per request, 7 in 10 the
newest page, the rest a random depth. Every transaction first reads its parameters from a
parameter table (one extra round trip, $lookup_ms ms in the -r report of run a), identical in every variant.
Round trips count the statements of the request itself. "× baseline" is the ratio of median TPS
against \`a\` (pages) or \`d_typical\` / \`d_heavy\` (searches) of the same run; "TPS range" is the
lowest and highest of the repetitions; the per-statement latency of the measured query is from
\`pgbench -r\` under load, so it includes waiting for a CPU. The migrations created the page index
\`$page_index\`; phase 2 (rows $phase2_names) ran after $phase2_what in the bench database.

$table

Plans (each statement PREPAREd and executed 40 times with random parameters first, so the plan cache
chooses as under pgbench; as the role and inside the transaction the service uses):
\`bench/rls/results/plans_*.txt\` (\`*_phase2\`: after the index change); checks and the single-statement test: \`bench/rls/results/checks.txt\`;
raw pgbench output: \`bench/rls/results/raw/\`.
MD
)
# Publish: replace the files of the previous run (other files in results/ are left alone).
mkdir -p "$here/results/raw"
rm -f "$here/results/raw/"*.txt "$here/results/"plans_*.txt "$here/results/checks.txt" "$here/results/interference.txt"
cp "$results"/*.txt "$here/results/"
cp "$raw"/*.txt "$here/results/raw/"

bench_write_section "Row-level security cost" "$generated"
echo
printf '%s\n' "$table"
echo
log "done: docs/BENCHMARKS.md updated, details in bench/rls/results/"
