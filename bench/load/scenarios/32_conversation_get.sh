# One conversation by id.
TITLE="conversation get"
TARGETS_SQL="select n, bench.user_id(n) as user_id, bench.conversation_id(n, j) as conversation_id
             from bench.conversations where n between 16 and $TOKENS"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", "/api/v1/conversations/" .. f[3], headers(f))
end
LUA
)
PGBENCH=$(cat <<'SQL'
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ from conversations where id = \$1 and user_id = \$2 and deleted_at is null$ | :conversation_id | :user_id }};
COMMIT;
SQL
)
