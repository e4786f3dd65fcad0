-- wrk script: one new activity event per request (unique eventId), POST /api/v1/events.
local ts = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
local headers = { ["Content-Type"] = "application/json" }
if os.getenv("FOODFAST_API_KEY") then headers["X-Api-Key"] = os.getenv("FOODFAST_API_KEY") end
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

local function hex(n) local s = "" for _ = 1, n do s = s .. string.format("%x", math.random(0, 15)) end return s end

request = function()
  local id = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-8" .. hex(3) .. "-" .. hex(12)
  local body = '{"shopId":"bench-1","eventId":"' .. id .. '","occurredAt":"' .. ts ..
    '","type":"page_view","userId":"u-1","sessionId":"s-1","url":"/category/dairy"}'
  return wrk.format("POST", "/api/v1/events", headers, body)
end

done = function(summary, latency, requests)
  local non202 = summary.errors.status
  io.write(string.format("single: %d requests in %.2f s = %.0f requests/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, socket errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non202,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
