# An OCR import: 1,000 messages in one batch (all or nothing, in input order), with an
# Idempotency-Key as the mobile client sends it.
TITLE="batch import, 1,000 messages"
CONNS=2
TARGETS_SQL="select n, user_id, conversation_id from (
               select n, bench.user_id(n) as user_id, bench.conversation_id(n, j) as conversation_id
               from bench.conversations where n between 216 and $TOKENS and messages < 1000) q"
LUA='
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
end'
PGBENCH=''
