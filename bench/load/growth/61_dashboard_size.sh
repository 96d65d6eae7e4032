# Dashboard latency for users with 10, 100 and 1,000 active conversations.
TITLE="dashboard, conversations"
VARIANTS="10 100 1000"
TARGETS_SQL="select n from bench.conversations where n <= $TOKENS group by n having count(*) = $VARIANT"
LUA=$(cat <<'LUA'
function make_request(f)
  return wrk.format("GET", "/api/v1/dashboard?limit=50", headers(f))
end
LUA
)
