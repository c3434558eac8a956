-- wrk script: every request carries "Authorization: Bearer $ENVMON_TOKEN", and each connection waits
-- PACE_MS (default 20) between its requests, so -c 10 offers about 500 requests/s (wrk's latency excludes the wait).
-- ENVMON_TOKEN=none sends no Authorization header (the anonymous public, for comparison).
--   ENVMON_TOKEN=envmon_... wrk -t2 -c10 -d60s --latency -s token-paced.lua http://127.0.0.1:8080/api/v1/aqi/cities/latest
local token = os.getenv("ENVMON_TOKEN")
local pace = tonumber(os.getenv("PACE_MS") or "20")

function init(args)
  if token == nil or token == "" then
    error("set ENVMON_TOKEN to an API token, or to none")
  end
  if token ~= "none" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function delay()
  return pace
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.1f, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status))
end
