# One message posted to a small conversation of a regular user (typing a reply), with an
# Idempotency-Key as the mobile client sends it.
TITLE="post message"
TARGETS_SQL="select n, user_id, conversation_id from (
               select n, bench.user_id(n) as user_id, bench.conversation_id(n, j) as conversation_id
               from bench.conversations where n between 216 and $TOKENS and messages < 1000) q"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("POST", "/api/v1/conversations/" .. f[3] .. "/messages",
    headers(f, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idempotency_key() }),
    "{\"speaker\":\"user\",\"content\":\"haha that sounds great, what time works for you? 😊\"}")
end
LUA
)
# The service builds the one-message JSON document in Java and stores the response with the
# idempotency key; here SQL expressions in the statements build them (a fresh id, the seq
# just allocated, a key of this client's). A space follows each colon of the JSON: pgbench
# would read ":null" as a variable, even inside a string.
PGBENCH=$(cat <<'SQL'
\set k random(1, 1000000000)
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ ^insert into idempotency_keys | :user_id | 'pgbench-' || :client_id::text || '-' || :k::text | sha256(:k::text::bytea) }};
{{ ^update conversations set last_seq = last_seq \+ | 1 | 1 | NULL | false | NULL | true | NULL | 'user' | :conversation_id | :user_id }} \gset
{{ ^insert into messages | :user_id | :conversation_id | format('[{"id": "%s","seq": %s,"speaker": "user","content": "haha that sounds great, what time works for you? 😊","source": "manual","ocr_confidence": null,"is_key_moment": false,"effectiveness_score": null,"message_timestamp": null}]', gen_random_uuid(), :last_seq::bigint) }};
{{ ^update idempotency_keys set response_status | 201 | '/api/v1/conversations/' || :conversation_id::text || '/messages/' || gen_random_uuid() | repeat('x', 330) | :user_id | 'pgbench-' || :client_id::text || '-' || :k::text }};
COMMIT;
SQL
)
