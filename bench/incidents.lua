-- wrk script for bench/incidents: every request records a new incident through the idempotent
-- ingest API, with a key of its own (thread prefix + counter), on the unit given in UNIT.
local counter = 0
local prefix
local unit = os.getenv("UNIT")
local token = os.getenv("TOKEN")

function init(args)
  prefix = string.format("bench-%d-%s-", os.time(), tostring({}):sub(8))
end

function request()
  counter = counter + 1
  local body = string.format('{"unitId":%s,"categoryCode":"CRIME_THEFT","severity":"LESS_SERIOUS",'
    .. '"occurredAt":"2026-01-05T21:30:00+07:00","source":"PATROL","summary":"bench %d"}', unit, counter)
  return wrk.format("POST", "/api/v1/order/incidents", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = prefix .. counter
  }, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local ok = summary.requests - summary.errors.status
  io.write(string.format("requests: %d in %.1f s, non-2xx: %d, socket errors: %d\n", summary.requests, seconds,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("incidents/s (2xx answers): %.0f\n", ok / seconds))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
