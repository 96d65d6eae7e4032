# The dashboard's first page (waiting-for-you first) of a heavy (200 conversations) or a
# regular user (1 to 21).
TITLE="dashboard, first 50"
TARGETS_SQL="select n, bench.user_id(n) as user_id from generate_series(16, $TOKENS) n"
LUA='
function make_request(f)
  return wrk.format("GET", "/api/v1/dashboard?limit=50", headers(f))
end'
PGBENCH=''
