# The dashboard's first page (waiting-for-you first) of a heavy (200 conversations) or a
# regular user (1 to 21).
TITLE="dashboard, first 50"
TARGETS_SQL="select n, bench.user_id(n) as user_id from generate_series(16, $TOKENS) n"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", "/api/v1/dashboard?limit=50", headers(f))
end
LUA
)
# The service reads the rest only when fewer than 51 are waiting, and then only as many as
# the page still needs; pgbench always reads both parts in full (a little more work).
PGBENCH=$(cat <<'SQL'
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ last_speaker = 'them' order by | :user_id | 51 }};
{{ last_speaker is distinct from 'them' order by | :user_id | 51 }};
COMMIT;
SQL
)
