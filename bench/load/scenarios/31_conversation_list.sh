# The conversation list's first page (archived=false) of a heavy or a regular user.
TITLE="conversation list, first 50"
TARGETS_SQL="select n, bench.user_id(n) as user_id from generate_series(16, $TOKENS) n"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", "/api/v1/conversations?limit=50", headers(f))
end
LUA
)
PGBENCH=$(cat <<'SQL'
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ archived_at is null order by last_activity_at | :user_id | 51 }};
COMMIT;
SQL
)
