# Message-page latency by depth into a 50,000-message conversation: the newest page, then
# pages 1,000, 10,000 and 49,000 messages deep (through the cursor of the page before).
# Keyset pages by seq must cost the same at any depth.
TITLE="message page at depth"
VARIANTS="0 1000 10000 49000"
TARGETS_SQL="select d.n, d.conversation_id, coalesce(c.cursor, '-') from bench.deep_targets d
             left join bench.deep_cursors c on c.conversation_id = d.conversation_id and c.depth = $VARIANT
             where d.n <= $TOKENS"
LUA=$(cat <<'LUA'
function make_request(f)
  local path = "/api/v1/conversations/" .. f[2] .. "/messages?limit=50"
  if f[3] ~= "-" then path = path .. "&cursor=" .. f[3] end
  return wrk.format("GET", path, headers(f))
end
LUA
)
