-- wrk script: posts valid, distinct comments to POST /comments (each with its own email, text and
-- idempotency key). Needs the environment: ARTICLE (article id), TOKEN (a form token from that article's
-- form, at least BROADSHEET_COMMENTS_MIN_FILL_SECONDS old), ORIGIN (e.g. http://localhost:8089).
-- The server must run with BROADSHEET_COMMENTS_FLOOD_SECONDS=0 (flood control off: every post comes from
-- one address). See bench/README.md.
dofile("bench/report.lua") -- prints the RESULT line bench/run.sh reads

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  article = os.getenv("ARTICLE")
  token = os.getenv("TOKEN")
  run = tostring(os.time())
  counter = 0
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = os.getenv("ORIGIN")
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local n = run .. "-" .. tid .. "-" .. counter
  local body = "article=" .. article
    .. "&comment=" .. urlencode("Benchmark comment " .. n .. ": a few words about the story.")
    .. "&author=" .. urlencode("Bench " .. tid)
    .. "&email=" .. urlencode("bench-" .. n .. "@example.org")
    .. "&url=&homepage=&parent=0&js=1"
    .. "&token=" .. urlencode(token)
    .. "&key=" .. urlencode("bench-" .. n)
  return wrk.format("POST", "/comments", nil, body)
end

local bad = 0
response = function(status, headers, body)
  if status ~= 303 then
    bad = bad + 1
    if bad <= 3 then print("unexpected status " .. status) end
  end
end
