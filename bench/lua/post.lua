-- One wrk script for every system and scenario: POSTs BENCH_BODY to BENCH_PATH, with a bearer token when
-- BENCH_TOKEN is set and a unique Idempotency-Key per request when BENCH_IDEMPOTENCY=1. At the end it prints one JSON
-- line (prefixed BENCH_RESULT) with throughput, latency percentiles (p99.9 is not in wrk's own report) and errors.
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY") or "{}"
local token = os.getenv("BENCH_TOKEN")
local idempotency = os.getenv("BENCH_IDEMPOTENCY") == "1"
local run = os.getenv("BENCH_RUN_ID") or tostring(os.time())

local threads = {}
local counter = 0
-- set per thread by setup() (a global: thread:set writes the thread's globals)
thread_id = 0
statuses = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  if idempotency then
    headers["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. counter
  end
  return wrk.format("POST", path, headers, body)
end

-- answers other than 2xx/3xx, by status, so a report says what the errors were
function response(status, headers, body)
  if status >= 400 then
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local by_status = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do
      by_status[code] = (by_status[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(by_status) do
    table.insert(parts, string.format('"%s":%d', code, n))
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format(
      'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,'
      .. '"max_ms":%.3f,"errors":%d,"non2xx":%d,"timeouts":%d,"statuses":{%s}}\n',
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, errors,
      summary.errors.status, summary.errors.timeout, table.concat(parts, ",")))
end
