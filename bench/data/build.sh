# The benchmark database (source it after bench/lib.sh, with a migrated throwaway cluster):
#   register_seed_account      (the service running) the account whose password hash every
#                              generated user gets, so logins verify a real Argon2id hash
#   build_data USERS SCALE     runs generate.sql, then messages.sql on every core at once, then
#                              finish.sql, as the superuser; sets DATA_SECONDS and DATA_SUMMARY

# Every generated user's password (the wrk login scenario reads it from the environment).
export BENCH_PASSWORD="bench password 1"
SEED_EMAIL=seed@bench.tonehone.test

register_seed_account() {
  curl -sf -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$SEED_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" "$BENCH_HTTP/api/v1/auth/register" \
    || die "could not register the seed account"
}

build_data() {
  local users=$1 scale=$2 hash parts t0 pids=() part
  hash=$(psql_as owner -At -c "select password_hash from users where email = '$SEED_EMAIL'")
  [ -n "$hash" ] || die "register_seed_account first"
  parts=$(nproc)
  t0=$(date +%s)
  log "building the benchmark database: $users users, scale $scale"
  psql_as super -v users="$users" -v scale="$scale" -v password_hash="$hash" \
    -f "$BENCH_REPO/bench/data/generate.sql" >/dev/null
  log "conversations: $(psql_as super -At -c 'select count(*) from conversations'); messages in $parts parallel shares"
  for part in $(seq 0 $((parts - 1))); do
    psql_as super -v parts="$parts" -v part="$part" -f "$BENCH_REPO/bench/data/messages.sql" >/dev/null &
    pids+=($!)
  done
  for part in "${pids[@]}"; do wait "$part" || die "a share of the messages failed"; done
  log "messages loaded; counters, checks, VACUUM ANALYZE"
  DATA_SUMMARY=$(psql_as super -At -F ' ' -f "$BENCH_REPO/bench/data/finish.sql" | tail -1 |
    awk '{printf "%\047d users, %\047d conversations, %\047d messages (largest conversation %\047d), %d message partitions, %s %s", $1, $2, $3, $4, $5, $6, $7}')
  DATA_SECONDS=$(( $(date +%s) - t0 ))
  log "built in ${DATA_SECONDS}s: $DATA_SUMMARY"
}
