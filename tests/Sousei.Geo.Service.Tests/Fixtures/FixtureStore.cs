using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>
/// A small file store whose answers can be worked out by hand, drawn in EPSG:6670 metres around
/// O = (−27,000, −22,000) near 通町筋 and written as longitude/latitude:
/// <list type="bullet">
/// <item>inducement area: the 1,000 m square [O, O + (1000, 1000)] = 100 ha;</item>
/// <item>zones: <c>west</c> x ∈ [−500, 500], <c>east</c> x ∈ [500, 1500] (relative to O), y ∈ [−500, 1500];</item>
/// <item>hubs: <c>central</c> at O + (250, 500), <c>north</c> at O + (500, 2000);</item>
/// <item>town blocks B1–B4: the four 500 m quarters of the area (25 ha each), 1,500 persons each in 2024
/// (so 6,000 / 100 ha = 60 persons/ha), 1,400 each in 2020; B5 outside;</item>
/// <item>households (2024): 10 × 3 persons inside at O + (110 + 80 i, 300) (5 west, 5 east), 2 × 2 outside;</item>
/// <item>vacant houses V1–V6 (see <see cref="VacantHouses"/>); V1 carries owner fields, V4 is a
/// clockwise footprint (the export must write it counter-clockwise).</item>
/// </list>
/// With <c>withGtfs</c>, a tram line (route_type 0) from stop S1 at O + (250, 520) to S2 at O + (500, 1980):
/// 40 weekday trips each way in 2026 (06:00 every 10 minutes, 5 minutes' ride), so both stops are frequent.
/// </summary>
internal sealed class FixtureStore : IDisposable
{
    public const double OriginX = -27_000;
    public const double OriginY = -22_000;
    public const string OwnerName = "熊本 太郎";
    public const string OwnerContact = "096-000-0001";

    /// <summary>The store's title and one credit (its store.json).</summary>
    public const string Title = "テスト市（合成）";

    public const string Credit = "Sousei.Geo テスト用の手書きデータ";

    public FixtureStore(bool withGtfs = false)
    {
        Directory.CreateDirectory(Path);
        Write("store.json", $$"""{"title": "{{Title}}", "city_code": "43100", "synthetic": true, "sources": [{"layer": "households", "credit": "{{Credit}}", "licence": "CC0"}]}""");
        Write("inducement_area.geojson", Collection(Feature(Rect(0, 0, 1000, 1000), """{"name":"居住誘導区域"}""")));
        Write("zones.geojson", Collection(
            Feature(Rect(-500, -500, 500, 1500), """{"id":"west","name":"西区域","kind":"ward"}"""),
            Feature(Rect(500, -500, 1500, 1500), """{"id":"east","name":"東区域","kind":"ward"}""")));
        Write("hubs.geojson", Collection(
            Feature(Point(250, 500), """{"id":"central","name":"中心拠点","kind":"central"}"""),
            Feature(Point(500, 2000), """{"id":"north","name":"北部拠点","kind":"regional"}""")));
        var blocks = new List<string>();
        foreach (var year in new[] { 2020, 2024 })
        {
            var persons = year == 2024 ? 1500 : 1400;
            blocks.Add(Feature(Rect(0, 0, 500, 500), $$"""{"code":"B1","name":"一丁目","persons":{{persons}},"year":{{year}}}"""));
            blocks.Add(Feature(Rect(500, 0, 1000, 500), $$"""{"code":"B2","name":"二丁目","persons":{{persons}},"year":{{year}}}"""));
            blocks.Add(Feature(Rect(0, 500, 500, 1000), $$"""{"code":"B3","name":"三丁目","persons":{{persons}},"year":{{year}}}"""));
            blocks.Add(Feature(Rect(500, 500, 1000, 1000), $$"""{"code":"B4","name":"四丁目","persons":{{persons}},"year":{{year}}}"""));
            blocks.Add(Feature(Rect(1000, 0, 1500, 500), $$"""{"code":"B5","name":"五丁目","persons":200,"year":{{year}}}"""));
        }

        Write("town_blocks.geojson", Collection([.. blocks]));
        var households = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            households.Add(Feature(Point(110 + 80 * i, 300), """{"persons":3,"year":2024}"""));
        }

        households.Add(Feature(Point(1200, 300), """{"persons":2,"year":2024}"""));
        households.Add(Feature(Point(1210, 300), """{"persons":2,"year":2024}"""));
        Write("households.geojson", Collection([.. households]));
        Write("buildings.geojson", Collection(
            Feature(Rect(100, 100, 120, 120), """{"id":"bld-1","floors":2,"use":"residential"}"""),
            Feature(Rect(700, 700, 730, 730), """{"id":"bld-2","floors":5,"use":"mixed"}"""),
            Feature(Rect(300, 800, 340, 840), """{"id":"bld-3","floors":1,"use":"shop"}""")));
        Write("vacant_houses.geojson", Collection(VacantHouses));
        if (withGtfs)
        {
            WriteGtfs();
        }
    }

    /// <summary>
    /// V1 O+(100,100) inside/west, high/high, vacant, owner fields; V2 O+(900,900) inside/east, decay 低 → low;
    /// V3 O+(−300,500) outside/west, specified; V4 footprint O+(600..620, 200..220) inside/east, clockwise ring;
    /// V5 O+(2500,2500) outside, no zone; V6 O+(250,520) inside/west, 20 m from the central hub.
    /// </summary>
    public static string[] VacantHouses =>
    [
        Feature(Point(100, 100), $$"""{"id":"V1","vacancy_likelihood":"high","decay_rank":"high","built_year":1968,"structure":"wood","floor_area_m2":82.5,"land_area_m2":150,"frontage_road_width_m":4,"survey_date":"2024-06-01","status":"vacant","owner_name":"{{OwnerName}}","owner_contact":"{{OwnerContact}}"}"""),
        Feature(Point(900, 900), """{"id":"V2","vacancy_likelihood":"medium","decay_rank":"低","built_year":1985,"structure":"wood","floor_area_m2":95,"land_area_m2":180,"frontage_road_width_m":6,"survey_date":"2024-06-02","status":"listed","owner_name":"熊本 花子","owner_contact":"096-000-0002"}"""),
        Feature(Point(-300, 500), """{"id":"V3","vacancy_likelihood":"high","decay_rank":"medium","built_year":1975,"structure":"wood","floor_area_m2":70,"land_area_m2":120,"frontage_road_width_m":2.5,"survey_date":"2024-06-03","status":"specified"}"""),
        Feature(ClockwiseRect(600, 200, 620, 220), """{"id":"V4","vacancy_likelihood":"low","decay_rank":"medium","built_year":1990,"structure":"rc","floor_area_m2":240,"land_area_m2":400,"frontage_road_width_m":8,"survey_date":"2024-06-04","status":"under_repair"}"""),
        Feature(Point(2500, 2500), """{"id":"V5","vacancy_likelihood":"low","decay_rank":"low","built_year":2001,"structure":"steel","floor_area_m2":120,"land_area_m2":200,"frontage_road_width_m":5,"survey_date":"2024-06-05","status":"demolished"}"""),
        Feature(Point(250, 520), """{"id":"V6","vacancy_likelihood":"medium","decay_rank":"high","built_year":1960,"structure":"wood","floor_area_m2":60,"land_area_m2":90,"frontage_road_width_m":3,"survey_date":"2024-06-06","status":"vacant"}"""),
    ];

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sousei-svc-" + Guid.NewGuid().ToString("N"));

    /// <summary>Longitude/latitude of O + (dx, dy).</summary>
    public static (double Lon, double Lat) LonLat(double dx, double dy) => PlaneProjection.Kumamoto.Unproject(OriginX + dx, OriginY + dy);

    public void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(Path, file), text, new UTF8Encoding(false));

    private void WriteGtfs()
    {
        var dir = System.IO.Path.Combine(Path, "gtfs", "tram");
        Directory.CreateDirectory(dir);
        var (lon1, lat1) = LonLat(250, 520);
        var (lon2, lat2) = LonLat(500, 1980);
        var inv = CultureInfo.InvariantCulture;
        File.WriteAllText(System.IO.Path.Combine(dir, "agency.txt"), "agency_id,agency_name,agency_url,agency_timezone\nag,熊本市交通局,https://example.invalid,Asia/Tokyo\n");
        File.WriteAllText(System.IO.Path.Combine(dir, "stops.txt"), string.Create(inv, $"stop_id,stop_name,stop_lat,stop_lon\nS1,中心,{lat1:R},{lon1:R}\nS2,北部,{lat2:R},{lon2:R}\n"));
        File.WriteAllText(System.IO.Path.Combine(dir, "routes.txt"), "route_id,agency_id,route_short_name,route_long_name,route_type\nA,ag,A,A系統,0\n");
        File.WriteAllText(System.IO.Path.Combine(dir, "calendar.txt"), "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20260105,20261231\n");
        var trips = new StringBuilder("route_id,service_id,trip_id,direction_id\n");
        var times = new StringBuilder("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        for (var i = 0; i < 40; i++)
        {
            var start = 6 * 3600 + i * 10 * 60;
            trips.Append(inv, $"A,WD,T{i},0\n");
            times.Append(inv, $"T{i},{Clock(start)},{Clock(start)},S1,1\n");
            times.Append(inv, $"T{i},{Clock(start + 300)},{Clock(start + 300)},S2,2\n");
            trips.Append(inv, $"A,WD,R{i},1\n");
            times.Append(inv, $"R{i},{Clock(start + 120)},{Clock(start + 120)},S2,1\n");
            times.Append(inv, $"R{i},{Clock(start + 420)},{Clock(start + 420)},S1,2\n");
        }

        File.WriteAllText(System.IO.Path.Combine(dir, "trips.txt"), trips.ToString());
        File.WriteAllText(System.IO.Path.Combine(dir, "stop_times.txt"), times.ToString());
    }

    private static string Clock(int s) => string.Create(CultureInfo.InvariantCulture, $"{s / 3600:00}:{s % 3600 / 60:00}:{s % 60:00}");

    private static string Collection(params string[] features) => "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}";

    private static string Feature(string geometry, string properties) => $"{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{properties}}}";

    private static string Point(double dx, double dy)
    {
        var (lon, lat) = LonLat(dx, dy);
        return string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{lon:R},{lat:R}]}}");
    }

    private static string Rect(double x0, double y0, double x1, double y1) => Ring([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]);

    private static string ClockwiseRect(double x0, double y0, double x1, double y1) => Ring([(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)]);

    private static string Ring((double X, double Y)[] corners)
    {
        var pts = corners.Select(c => LonLat(c.X, c.Y)).Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Lon:R},{c.Lat:R}]"));
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", pts) + "]]}";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
        }
    }
}
