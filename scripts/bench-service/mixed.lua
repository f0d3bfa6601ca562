-- Mixed workload: 85% tiles, 8% OGC items pages, 4% filtered vacant exports/counts, 3% density / hubs / status.
local tiles = {}
for line in io.lines("tiles.txt") do tiles[#tiles + 1] = line end
local others = {
  "/ogc/collections/buildings/items?limit=500&offset=2000",
  "/ogc/collections/town_blocks/items?limit=200",
  "/ogc/collections/vacant_houses/items?inside=true&decay_rank=high,medium&limit=1000",
  "/ogc/collections/vacant_houses/items?bbox=130.69,32.79,130.72,32.82",
  "/ogc/collections/zones/items",
}
local vacant = {
  "/api/export/vacant_houses.geojson?inside=true",
  "/api/export/vacant_houses.geojson?max_frequent_stop_distance_m=500&decay_rank=low",
  "/api/vacant_houses/count?max_hub_distance_m=1000",
}
local misc = { "/api/density", "/api/density?method=blocks", "/api/hubs", "/api/status", "/api/hubs/matrix" }
local i = 0
function request()
  i = i + 1
  local r = math.random(100)
  local path
  if r <= 85 then path = tiles[math.random(#tiles)]
  elseif r <= 93 then path = others[math.random(#others)]
  elseif r <= 97 then path = vacant[math.random(#vacant)]
  else path = misc[math.random(#misc)] end
  return wrk.format("GET", path)
end
function done(summary, latency, requests)
  io.write(string.format("errors: connect %d read %d write %d status %d timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
