# Logins of random users (Argon2id at the production cost: 19 MiB, 2 passes).
TITLE="login"
CONNS=8
TARGETS_SQL="select n, bench.user_id(n) as user_id, 'user' || n || '@bench.tonehone.test' as email
             from generate_series(1, $TOKENS) n"
LUA=$(cat <<'LUA'
local password = os.getenv("BENCH_PASSWORD")
function make_request(f)
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" },
    "{\"email\":\"" .. f[3] .. "\",\"password\":\"" .. password .. "\"}")
end
LUA
)
# pgbench runs the login's statements only: the Argon2id verification, the service's main
# cost, has no SQL (so the ratio here says how far hashing is from the database's ceiling).
PGBENCH=$(cat <<'SQL'
{{ auth_login_candidate | :email }};
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ ^insert into refresh_tokens | gen_random_uuid() | :user_id | gen_random_uuid() | sha256(gen_random_uuid()::text::bytea) | 2592000 }};
COMMIT;
SQL
)
