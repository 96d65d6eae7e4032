# The newest 50 messages of an imported 1,000-message history (the conversation screen).
TITLE="message page, newest 50"
TARGETS_SQL="select n, user_id, conversation_id from bench.page_targets where n <= $TOKENS"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", "/api/v1/conversations/" .. f[3] .. "/messages?limit=50", headers(f))
end
LUA
)
PGBENCH=$(cat <<'SQL'
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ from conversations where id = \$1 and user_id = \$2 and deleted_at is null$ | :conversation_id | :user_id }} \gset
\set below :last_seq + 1
\set above greatest(:below - 1 - 102, 0)
{{ from messages .* order by seq desc limit | :conversation_id | :user_id | :created_at | :above | :below | 51 }};
COMMIT;
SQL
)
