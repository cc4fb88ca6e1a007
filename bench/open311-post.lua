-- wrk script: POST /open311/v2/requests.json form-encoded, as FixMyStreet sends a report (a point, a description,
-- the reporter's e-mail and name). The API key comes from BEACON_BENCH_API_KEY; each request has its own point and
-- text. Responses other than 200 are counted and reported at the end, so a refused request never passes for
-- throughput.
local key = os.getenv("BEACON_BENCH_API_KEY")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  failures = 0
  counter = id * 1000000
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  local lat = 38.55 + (counter % 997) * 0.00017
  local lon = -90.32 + (counter % 991) * 0.00019
  local body = "api_key=" .. encode(key) .. "&service_code=other&lat=" .. string.format("%.6f", lat) ..
    "&long=" .. string.format("%.6f", lon) .. "&description=" .. encode("Broken bench by the bus stop, report " .. counter) ..
    "&email=" .. encode("resident" .. counter .. "@example.org") .. "&first_name=Ada&last_name=Lovelace"
  return wrk.format("POST", "/open311/v2/requests.json",
    { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do
    failed = failed + (t:get("failures") or 0)
  end
  io.write(string.format("non-200 responses: %d\n", failed))
end
