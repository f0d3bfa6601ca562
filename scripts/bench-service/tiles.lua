-- Cycles through the tile URLs in tiles.txt; each wrk thread starts at a different offset.
local urls = {}
for line in io.lines("tiles.txt") do urls[#urls + 1] = line end
local i = 0
local counter = 0
function setup(thread)
  thread:set("offset", counter * 997)
  counter = counter + 1
end
function request()
  i = i + 1
  return wrk.format("GET", urls[((i + offset) % #urls) + 1])
end
