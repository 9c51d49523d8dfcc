-- wrk script: requests the paths listed in the file named by PATHS (one per line), each thread from its own
-- random starting point and in a random order, so that no single page or query is measured alone: archive
-- articles with the page cache off (the cost of a real miss), or a mix of search queries.
dofile("bench/report.lua") -- prints the RESULT line bench/run.sh reads

local next_id = 1
function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() * 1000 + tid)
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
