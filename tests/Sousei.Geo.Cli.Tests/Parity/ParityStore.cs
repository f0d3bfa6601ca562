using System.Globalization;
using Sousei.Geo.Cli.Tests.Commands;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>
/// The store of the parity suite: <see cref="VacantStore"/> (2 ha inducement area, households of 2015 and 2023,
/// a central and a regional hub, five vacant houses) with its tram (<see cref="VacantStore.AddTram"/>), plus
/// town blocks of 2020, an e-Stat mesh table of 2010 (the 1 km cell holding the area) and zones of three kinds:
/// wards west/east, a hub area around the regional hub and a district along the south edge.
/// </summary>
internal sealed class ParityStore : IDisposable
{
    private readonly VacantStore _store = new();

    public ParityStore()
    {
        _store.AddTram();
        _store.WriteFile("zones.geojson", VacantStore.Collection(
            VacantStore.Feature(VacantStore.Rect(0, -50, 100, 300), "{\"id\":\"west\",\"name\":\"West\",\"kind\":\"ward\"}"),
            VacantStore.Feature(VacantStore.Rect(100, -50, 100, 300), "{\"id\":\"east\",\"name\":\"East\",\"kind\":\"ward\"}"),
            VacantStore.Feature(VacantStore.Rect(60, 0, 80, 100), "{\"id\":\"hub-r1\",\"name\":\"Regional hub area\",\"kind\":\"hub_area\"}"),
            VacantStore.Feature(VacantStore.Rect(0, 0, 200, 40), "{\"id\":\"south\",\"name\":\"南地区\",\"kind\":\"district\"}")));
        _store.WriteFile("town_blocks.geojson", VacantStore.Collection(
            VacantStore.Feature(VacantStore.Rect(0, 0, 100, 100), "{\"code\":\"b1\",\"name\":\"一丁目\",\"persons\":90,\"year\":2020}"),
            VacantStore.Feature(VacantStore.Rect(100, 0, 150, 100), "{\"code\":\"b2\",\"name\":\"二丁目\",\"persons\":60,\"year\":2020}")));
        var (lon, lat) = VacantStore.LonLat(100, 50);
        _store.WriteFile("mesh_population_2010.csv", $"KEY_CODE,HTKSYORI,HTKSAKI,GASSAN,T001101001\n{ThirdMesh(lon, lat)},0,,,500\n");
        Directory.CreateDirectory(Path.Combine(_store.Dir, "scenarios"));
        _store.WriteFile(Path.Combine("scenarios", "faster.json"), """{ "name": "faster tram", "modifications": [ { "type": "adjust_speed", "routes": ["tram:T"], "factor": 2 } ] }""");
        _store.WriteFile(Path.Combine("scenarios", "shuttle.json"), """
            { "name": "shuttle", "modifications": [ { "type": "add_line", "id": "s", "mode": "bus", "stops": [ {"stop_id": "tram:S1"}, {"name": "East end", "lon": EAST_LON, "lat": EAST_LAT} ],
              "minutes_between_stops": [2], "bidirectional": true, "service": [ {"from": "07:00", "to": "09:00", "headway_minutes": 5} ] } ] }
            """.Replace("EAST_LON", VacantStore.LonLat(300, 50).Lon.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal)
               .Replace("EAST_LAT", VacantStore.LonLat(300, 50).Lat.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    public string Dir => _store.Dir;

    /// <summary>A point inside the area (x 150, y 50), for isochrones from a point.</summary>
    public static (double Lon, double Lat) Inside => VacantStore.LonLat(150, 50);

    /// <summary>The JIS X 0410 third-level (1 km) mesh code of a point.</summary>
    public static string ThirdMesh(double lon, double lat)
    {
        var y = lat * 1.5;
        var x = lon - 100;
        var p = (int)Math.Floor(y);
        var u = (int)Math.Floor(x);
        var q = (int)Math.Floor((y - p) * 8);
        var v = (int)Math.Floor((x - u) * 8);
        var r = (int)Math.Floor(((y - p) * 8 - q) * 10);
        var w = (int)Math.Floor(((x - u) * 8 - v) * 10);
        return string.Create(CultureInfo.InvariantCulture, $"{p:00}{u:00}{q}{v}{r}{w}");
    }

    public void Dispose() => _store.Dispose();
}
