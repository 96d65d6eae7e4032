-- Shared by every scenario (bench/load/run_scenario in lib.sh prepends it): reads the
-- targets file named by BENCH_TARGETS (one line each: an access token, then the scenario's
-- fields), picks one at random for each request, and prints one RESULT line at the end.
-- A scenario defines make_request(fields), fields[1] being the token.
--
-- Paced (open-loop) mode, when BENCH_THREAD_RATE is set (requests per second for each wrk
-- thread): the thread keeps a fixed schedule of send times, and a connection that has its
-- answer waits for the next free slot instead of sending at once. wrk's latency counts
-- from the send; a send that leaves later than its slot because every connection was busy
-- (what a closed-loop tool hides) is counted as late, with the worst lag, in the RESULT.
local targets = {}
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

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

local thread_rate = tonumber(os.getenv("BENCH_THREAD_RATE") or "")
if thread_rate then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local clock, monotonic = ffi.new("bench_timespec"), 1
  local function now_ms()
    ffi.C.clock_gettime(monotonic, clock)
    return tonumber(clock.tv_sec) * 1e3 + tonumber(clock.tv_nsec) / 1e6
  end
  local interval_ms, next_slot = 1000 / thread_rate, nil
  paced_sends, paced_late, paced_max_lag_ms = 0, 0, 0

  -- Called by wrk before a connection sends its next request: milliseconds to wait.
  function delay()
    local now = now_ms()
    local slot = next_slot or now
    next_slot = slot + interval_ms
    paced_sends = paced_sends + 1
    local lag = now - slot
    if lag > 1 then
      paced_late = paced_late + 1
      if lag > paced_max_lag_ms then paced_max_lag_ms = lag end
    end
    return math.max(0, math.floor(slot - now + 0.5))
  end
end

function request()
  return make_request(targets[math.random(#targets)])
end

function done(summary, latency, requests)
  local e = summary.errors
  local sends, late, max_lag = 0, 0, 0
  for _, thread in ipairs(threads) do
    sends = sends + (thread:get("paced_sends") or 0)
    late = late + (thread:get("paced_late") or 0)
    max_lag = math.max(max_lag, thread:get("paced_max_lag_ms") or 0)
  end
  io.write(string.format(
    "RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p90_us=%d p99_us=%d mean_us=%d"
      .. " paced_sends=%d paced_late=%d paced_max_lag_ms=%.1f\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), math.floor(latency.mean),
    sends, late, max_lag))
end
