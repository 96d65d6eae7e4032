# Logins of random users (Argon2id at the production cost: 19 MiB, 2 passes).
TITLE="login"
CONNS=8
TARGETS_SQL="select n, bench.user_id(n) as user_id, 'user' || n || '@bench.tonehone.test' as email
             from generate_series(1, $TOKENS) n"
LUA='
function make_request(f)
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" },
    "{\"email\":\"" .. f[3] .. "\",\"password\":\"bench password 1\"}")
end'
PGBENCH=''
