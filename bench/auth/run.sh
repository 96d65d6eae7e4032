#!/usr/bin/env bash
# Accounts: (1) does a login for an unknown email take as long as one with a wrong password
# (it must, or the timing tells who has an account), measured end to end over HTTP at the
# production Argon2id cost; (2) what the deleted-account check costs: a tenant transaction
# opened by begin_tenant_transaction (sets the user and answers whether the account is
# live) against one opened by a bare set_config, through pgbench as the request role.
#
#   bench/auth/run.sh            # about 3 minutes; ROUNDS=40 logins of each kind
#
# Rate limits are raised for this run by configuration (-Dtonehone.rate-limits.*), since
# it sends many logins for one email from one address on purpose.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
bench_init auth
ROUNDS=${ROUNDS:-40}
DURATION=${DURATION:-10}
REPS=${REPS:-3}

bench_start_cluster
bench_start_service -Dtonehone.rate-limits.login-per-email=1000000 -Dtonehone.rate-limits.login-per-address=1000000 \
  -Dtonehone.rate-limits.register-per-address=1000000 -Dtonehone.rate-limits.requests-per-user=1000000

email="bench-$(date +%s)@example.com"
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"the right password\"}" "$BENCH_HTTP/api/v1/auth/register" \
  || die "registration failed"

login_ms() { # email password expected-status
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$BENCH_HTTP/api/v1/auth/login")
  [ "${out%% *}" = "$3" ] || die "login answered ${out%% *}, expected $3"
  awk -v s="${out#* }" 'BEGIN {printf "%.2f\n", s * 1000}'
}

log "warming up, then $ROUNDS interleaved rounds of: right password, wrong password, unknown email"
for _ in 1 2 3 4 5; do login_ms "$email" "the right password" 200 >/dev/null; login_ms "$email" "wrong" 401 >/dev/null; done
: > "$BENCH_STATE/right"; : > "$BENCH_STATE/wrong"; : > "$BENCH_STATE/unknown"
for i in $(seq 1 "$ROUNDS"); do
  login_ms "$email" "the right password" 200 >> "$BENCH_STATE/right"
  login_ms "$email" "a wrong password $i" 401 >> "$BENCH_STATE/wrong"
  login_ms "nobody-$i-$email" "a wrong password $i" 401 >> "$BENCH_STATE/unknown"
done
p90() { sort -g | awk '{a[NR]=$1} END {print a[int(NR*0.9 + 0.5)]}'; }
right=$(median < "$BENCH_STATE/right"); wrong=$(median < "$BENCH_STATE/wrong"); unknown=$(median < "$BENCH_STATE/unknown")
right90=$(p90 < "$BENCH_STATE/right"); wrong90=$(p90 < "$BENCH_STATE/wrong"); unknown90=$(p90 < "$BENCH_STATE/unknown")
ratio=$(awk -v u="$unknown" -v w="$wrong" 'BEGIN {printf "%.2f", u / w}')
bench_stop_service

log "deleted-account check: pgbench, 8 clients, ${DURATION}s x $REPS, interleaved"
psql_as owner -c "CREATE TABLE bench_users (n int PRIMARY KEY, id uuid NOT NULL)" \
  -c "INSERT INTO users (id, email, password_hash)
      SELECT gen_random_uuid(), 'u' || g || '@bench.example', 'x' FROM generate_series(1, 1000) g" \
  -c "INSERT INTO bench_users SELECT row_number() OVER (ORDER BY id), id FROM users WHERE email LIKE '%@bench.example'" \
  -c "GRANT SELECT ON bench_users TO $DB_APP_USER" -c "ANALYZE users, bench_users"
declare -A tps lat
for variant in begin_set_config begin_tenant_transaction; do tps[$variant]=""; lat[$variant]=""; done
for rep in $(seq 1 "$REPS"); do
  for variant in begin_set_config begin_tenant_transaction; do
    out=$(PGPASSWORD=$DB_APP_PASSWORD pgbench -n -M prepared -c 8 -j 2 -T "$DURATION" -h 127.0.0.1 -p "$PG_PORT" \
      -U "$DB_APP_USER" -f "$BENCH_HERE/$variant.sql" "$DB_NAME" 2>&1)
    tps[$variant]+="$(echo "$out" | tps_of) "
    lat[$variant]+="$(echo "$out" | lat_of) "
  done
done
med() { tr ' ' '\n' | sed '/^$/d' | median; }
round() { awk '{printf "%.0f\n", $1}'; }
set_tps=$(echo "${tps[begin_set_config]}" | med | round); btt_tps=$(echo "${tps[begin_tenant_transaction]}" | med | round)
set_lat=$(echo "${lat[begin_set_config]}" | med); btt_lat=$(echo "${lat[begin_tenant_transaction]}" | med)
btt_ratio=$(awk -v a="$btt_tps" -v b="$set_tps" 'BEGIN {printf "%.2f", a / b}')
extra_us=$(awk -v a="$btt_lat" -v b="$set_lat" 'BEGIN {printf "%.0f", (a - b) * 1000}')

body=$(cat <<MD
Measured $(date -u '+%Y-%m-%d %H:%M') UTC: $(bench_machine).
Command: \`bench/auth/run.sh\` (ROUNDS=$ROUNDS, DURATION=$DURATION, REPS=$REPS). Rate limits raised for the run by
configuration; password cost as in production (Argon2id, 19 MiB, 2 passes, 1 lane).

Login over HTTP, sequential, $ROUNDS interleaved rounds (curl's time_total):

| login | median ms | p90 ms |
|---|---|---|
| right password | $right | $right90 |
| wrong password | $wrong | $wrong90 |
| unknown email | $unknown | $unknown90 |

Unknown email / wrong password (medians): **$ratio**. An unknown email is verified against a
decoy hash of the same cost, so the two take the same time within this machine's noise. A right password takes a
little longer because it goes on to open the session (a refresh-token row, a signed access token).

Opening a tenant transaction (BEGIN; first statement; one indexed read of users; COMMIT), as the
request role, pgbench -M prepared, 8 clients, medians of $REPS runs of ${DURATION} s:

| first statement | TPS | latency avg ms |
|---|---|---|
| \`set_config('app.user_id', ..., true)\` (no liveness check) | $set_tps | $set_lat |
| \`begin_tenant_transaction(user)\` (sets the user and checks the account is live) | $btt_tps | $btt_lat |

Ratio **$btt_ratio** (about ${extra_us} µs more per transaction): the deleted-account check rides on the
round trip every tenant transaction makes anyway, so a deleted account's tokens are refused from
the next request at no measurable cost per request.
MD
)
bench_write_section "Accounts: login timing and the deleted-account check" "$body"
printf '%s\n' "$body"
log "done: docs/BENCHMARKS.md updated"
