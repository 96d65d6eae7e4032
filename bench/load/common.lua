-- Shared by every scenario (bench/load/run_scenario in lib.sh prepends it): reads the
-- targets file named by BENCH_TARGETS (one line each: an access token, then the scenario's
-- fields), picks one at random for each request, and prints one RESULT line at the end.
-- A scenario defines make_request(fields), fields[1] being the token.
local targets = {}

function init(args)
  for line in io.lines(os.getenv("BENCH_TARGETS")) do
    local fields = {}
    for field in line:gmatch("%S+") do fields[#fields + 1] = field end
    targets[#targets + 1] = fields
  end
  math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6) + #tostring({}))
end

function headers(fields, extra)
  local h = { ["Authorization"] = "Bearer " .. fields[1], ["Accept"] = "application/json" }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

-- A key no other request of the run uses (a mobile client makes one per user action).
local keys_made, key_prefix = 0, nil
function idempotency_key()
  key_prefix = key_prefix or string.format("bench-%08x", math.random(0, 0x7fffffff))
  keys_made = keys_made + 1
  return key_prefix .. "-" .. keys_made
end

function request()
  return make_request(targets[math.random(#targets)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p90_us=%d p99_us=%d mean_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), math.floor(latency.mean)))
end
