-- wrk script for bench/queries.sh: GET one analytics endpoint (PATH) for 10 shops in turn, with the API key.
--   MODE=warm  the same 30-day window per shop every time: after one priming pass, every answer is a cache hit;
--   MODE=cold  a window whose start moves by one second per request: every request is a new question (a miss).
-- TO is the window's end (epoch seconds, a past midnight so results count as settled and are cached long).
local path = os.getenv("PATH_UNDER_TEST") or "/health/live"
local mode = os.getenv("MODE") or "warm"
local label = os.getenv("LABEL") or path
local to = tonumber(os.getenv("TO") or os.time())
local headers = { ["X-Api-Key"] = os.getenv("FOODFAST_API_KEY") }
local iso = function(epoch) return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch) end

-- globals, so that done() can read each thread's counts with thread:get
counter, hits, misses, thread_id = 0, 0, 0, 0
local threads = {}
local next_id = 0

setup = function(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local shop = string.format("bench-shop-%02d", 1 + counter % 10)
  local from = to - 30 * 86400
  if mode == "cold" then from = from + counter * 2 + thread_id end
  local sep = path:find("?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. sep .. "shopId=" .. shop .. "&from=" .. iso(from) .. "&to=" .. iso(to), headers)
end

response = function(status, response_headers)
  local cache = response_headers["X-Cache"]
  if cache == "hit" then hits = hits + 1 elseif cache == "miss" then misses = misses + 1 end
end

done = function(summary, latency)
  local h, m = 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses") end
  io.write(string.format("%s|%s|%d|%.1f|%.2f|%.2f|%d|%d|%d|%.2f\n", label, mode, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, h, m,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(99.9) / 1000))
end
