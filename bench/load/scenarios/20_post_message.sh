# One message posted to a small conversation of a regular user (typing a reply), with an
# Idempotency-Key as the mobile client sends it.
TITLE="post message"
TARGETS_SQL="select n, user_id, conversation_id from (
               select n, bench.user_id(n) as user_id, bench.conversation_id(n, j) as conversation_id
               from bench.conversations where n between 216 and $TOKENS and messages < 1000) q"
LUA='
function make_request(f)
  return wrk.format("POST", "/api/v1/conversations/" .. f[3] .. "/messages",
    headers(f, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idempotency_key() }),
    "{\"speaker\":\"user\",\"content\":\"haha that sounds great, what time works for you? 😊\"}")
end'
# The service builds the one-message JSON document in Java; here an SQL expression in the
# statement builds it (fresh id, the seq just allocated).
PGBENCH='BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ ^update conversations set last_seq = last_seq \+ | 1 | NULL | false | NULL | true | NULL | '"'"'user'"'"' | :conversation_id | :user_id }} \gset
{{ ^insert into messages | :user_id | :conversation_id | format('"'"'[{"id":"%s","seq":%s,"speaker":"user","content":"haha that sounds great, what time works for you? 😊","source":"manual","ocr_confidence":null,"is_key_moment":false,"effectiveness_score":null,"message_timestamp":null}]'"'"', gen_random_uuid(), :last_seq) }};
COMMIT;'
