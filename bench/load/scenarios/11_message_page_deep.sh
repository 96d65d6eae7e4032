# 50 messages 49,000 deep into a 50,000-message conversation, through the cursor of the
# page before (scrolling back through a very long history).
TITLE="message page, 49,000 deep"
TARGETS_SQL="select d.n, d.user_id, d.conversation_id, c.cursor, c.below from bench.deep_targets d
             join bench.deep_cursors c using (conversation_id) where c.depth = 49000 and d.n <= $TOKENS"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", "/api/v1/conversations/" .. f[3] .. "/messages?limit=50&cursor=" .. f[4], headers(f))
end
LUA
)
PGBENCH=$(cat <<'SQL'
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ from conversations where id = \$1 and user_id = \$2 and deleted_at is null$ | :conversation_id | :user_id }} \gset
\set above greatest(:below - 1 - 102, 0)
{{ from messages .* order by seq desc limit | :conversation_id | :user_id | :created_at | :above | :below | 51 }};
COMMIT;
SQL
)
