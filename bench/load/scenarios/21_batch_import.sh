# An OCR import: 1,000 messages in one batch (all or nothing, in input order), with an
# Idempotency-Key as the mobile client sends it.
TITLE="batch import, 1,000 messages"
CONNS=2
TARGETS_SQL="select n, user_id, conversation_id from (
               select n, bench.user_id(n) as user_id, bench.conversation_id(n, j) as conversation_id
               from bench.conversations where n between 216 and $TOKENS and messages < 1000) q"
LUA=$(cat <<'LUA'
local body
function make_request(f)
  if body == nil then
    local items = {}
    for i = 1, 1000 do
      items[i] = string.format("{\"speaker\":\"%s\",\"content\":\"message %d of the import, haha what are you up to this weekend?\",\"source\":\"ocr\",\"ocrConfidence\":0.93}",
        (i % 3 == 0) and "user" or "them", i)
    end
    body = "{\"messages\":[" .. table.concat(items, ",") .. "]}"
  end
  return wrk.format("POST", "/api/v1/conversations/" .. f[3] .. "/messages/batch",
    headers(f, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idempotency_key() }), body)
end
LUA
)
# The service builds the batch's JSON document in Java and stores the response (about 250 kB)
# with the idempotency key; here SQL expressions in the statements build them.
PGBENCH=$(cat <<'SQL'
\set k random(1, 1000000000)
BEGIN;
{{ begin_tenant_transaction | :user_id }};
{{ ^insert into idempotency_keys | :user_id | 'pgbench-' || :client_id::text || '-' || :k::text | sha256(:k::text::bytea) }};
{{ ^update conversations set last_seq = last_seq \+ | 1000 | 1000 | NULL | true | NULL | true | NULL | 'them' | :conversation_id | :user_id }} \gset
{{ ^insert into messages | :user_id | :conversation_id | (select json_agg(json_build_object('id', gen_random_uuid(), 'seq', :last_seq::bigint - 1000 + i, 'speaker', case when i % 3 = 0 then 'user' else 'them' end, 'content', 'message ' || i || ' of the import, haha what are you up to this weekend?', 'source', 'ocr', 'ocr_confidence', 0.93, 'is_key_moment', false, 'effectiveness_score', null, 'message_timestamp', null))::text from generate_series(1, 1000) i) }};
{{ ^update idempotency_keys set response_status | 201 | NULL | repeat('x', 250000) | :user_id | 'pgbench-' || :client_id::text || '-' || :k::text }};
COMMIT;
SQL
)
