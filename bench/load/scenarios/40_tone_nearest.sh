# The 5 tone profiles (own and presets) nearest a random point of the 4-axis space.
TITLE="tone profiles, nearest 5"
TARGETS_SQL="select n, bench.user_id(n) as user_id, 1 + n % 10 as p, 1 + (n * 3) % 10 as f, 1 + (n * 7) % 10 as w,
                    1 + (n * 9) % 10 as e
             from generate_series(16, $TOKENS) n"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", string.format("/api/v1/tone-profiles/nearest?playfulness=%s&formality=%s&forwardness=%s&expressiveness=%s&limit=5",
    f[3], f[4], f[5], f[6]), headers(f))
end
LUA
)
PGBENCH=$(cat <<'SQL'
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ tone_vector <-> cube | :p | :f | :w | :e | :user_id | 5 | :p | :f | :w | :e | 5 | 5 }};
COMMIT;
SQL
)
