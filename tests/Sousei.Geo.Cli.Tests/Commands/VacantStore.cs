using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// A hand-computable file store for the vacant-house commands (metres from 通町筋 in EPSG:6670):
/// inducement area 200 m × 100 m = 2 ha; zones west (x 0..100) and east (x 100..200), 1 ha each inside the area.
/// Households 2023: west 20 × 2 persons (40, average 2.0), east 20 × 3 (60, average 3.0) → 100 persons;
/// 2015: 16 × 2 in each zone → 64 persons. Hubs: regional r1 at (100, 50), central c at (3000, 50).
/// Vacant houses (every one with owner fields, which must never be output):
/// v-a (90, 50) west, decay low, likelihood high, 120 m²; v-b (150, 50) east, medium/medium, 60 m²;
/// v-d (20, 20) west, high/low, 80 m²; v-c (400, 50) outside, low/high, 240 m²; v-gone (50, 50) demolished.
/// </summary>
internal sealed class VacantStore : IDisposable
{
    public const string OwnerName = "熊本 花子";
    public const string OwnerContact = "096-123-4567";

    public VacantStore()
    {
        Directory.CreateDirectory(Dir);
        Write("inducement_area.geojson", Collection(Feature(Rect(0, 0, 200, 100), "{\"name\":\"area\"}")));
        Write("zones.geojson", Collection(
            Feature(Rect(0, -50, 100, 300), "{\"id\":\"west\",\"name\":\"West\",\"kind\":\"ward\"}"),
            Feature(Rect(100, -50, 100, 300), "{\"id\":\"east\",\"name\":\"East\",\"kind\":\"ward\"}")));
        var households = new List<string>();
        households.AddRange(Enumerable.Repeat(Feature(Pt(75, 50), "{\"persons\":2,\"year\":2023}"), 20));
        households.AddRange(Enumerable.Repeat(Feature(Pt(150, 50), "{\"persons\":3,\"year\":2023}"), 20));
        households.AddRange(Enumerable.Repeat(Feature(Pt(75, 50), "{\"persons\":2,\"year\":2015}"), 16));
        households.AddRange(Enumerable.Repeat(Feature(Pt(150, 50), "{\"persons\":2,\"year\":2015}"), 16));
        Write("households.geojson", Collection([.. households]));
        Write("hubs.geojson", Collection(
            Feature(Pt(100, 50), "{\"id\":\"r1\",\"name\":\"Regional\",\"kind\":\"regional\"}"),
            Feature(Pt(3000, 50), "{\"id\":\"c\",\"name\":\"Centre\",\"kind\":\"central\"}")));
        Write("vacant_houses.geojson", Collection(
            House("v-a", 90, 50, "low", "high", 120, "vacant"),
            House("v-b", 150, 50, "medium", "medium", 60, "listed"),
            House("v-d", 20, 20, "high", "low", 80, "vacant"),
            House("v-c", 400, 50, "low", "high", 240, "vacant"),
            House("v-gone", 50, 50, "high", "low", 90, "demolished")));
    }

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "sousei-vacant-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Dir, true);

    /// <summary>A tram line from (90, 60) to (3000, 60), every 10 minutes 07:00–09:00, 6 minutes a ride, weekdays of 2026.</summary>
    public void AddTram()
    {
        var feed = Path.Combine(Dir, "gtfs", "tram");
        Directory.CreateDirectory(feed);
        var (lon1, lat1) = LonLat(90, 60);
        var (lon2, lat2) = LonLat(3000, 60);
        File.WriteAllText(Path.Combine(feed, "agency.txt"), "agency_id,agency_name,agency_url,agency_timezone\nag,Tram,https://example.org,Asia/Tokyo\n");
        File.WriteAllText(Path.Combine(feed, "stops.txt"), string.Create(CultureInfo.InvariantCulture, $"stop_id,stop_name,stop_lat,stop_lon\nS1,One,{lat1:R},{lon1:R}\nS2,Two,{lat2:R},{lon2:R}\n"));
        File.WriteAllText(Path.Combine(feed, "routes.txt"), "route_id,agency_id,route_short_name,route_long_name,route_type\nT,ag,A,Tram A,0\n");
        File.WriteAllText(Path.Combine(feed, "calendar.txt"), "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20260101,20261231\n");
        var trips = new StringBuilder("route_id,service_id,trip_id,direction_id\n");
        var times = new StringBuilder("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        for (var k = 0; k <= 12; k++)
        {
            var start = 7 * 60 + 10 * k;
            trips.Append(CultureInfo.InvariantCulture, $"T,WD,t{k},0\n");
            times.Append(CultureInfo.InvariantCulture, $"t{k},{Clock(start)},{Clock(start)},S1,1\nt{k},{Clock(start + 6)},{Clock(start + 6)},S2,2\n");
        }

        File.WriteAllText(Path.Combine(feed, "trips.txt"), trips.ToString());
        File.WriteAllText(Path.Combine(feed, "stop_times.txt"), times.ToString());
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}:00";

    private static string House(string id, double x, double y, string decay, string likelihood, double floor, string status) => Feature(Pt(x, y),
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":\"{id}\",\"vacancy_likelihood\":\"{likelihood}\",\"decay_rank\":\"{decay}\",\"built_year\":1975,\"structure\":\"wood\",\"floor_area_m2\":{floor},\"land_area_m2\":200,\"frontage_road_width_m\":4,\"survey_date\":\"2024-04-01\",\"status\":\"{status}\",\"owner_name\":\"{OwnerName}\",\"owner_contact\":\"{OwnerContact}\"}}"));

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Dir, name), text, new UTF8Encoding(false));

    internal static string Collection(params string[] f) => "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", f) + "]}";

    internal static string Feature(string g, string p) => $"{{\"type\":\"Feature\",\"geometry\":{g},\"properties\":{p}}}";

    internal static (double Lon, double Lat) LonLat(double x, double y) => PlaneProjection.Kumamoto.Unproject(-27_000 + x, -21_800 + y);

    private static string Pos(double x, double y)
    {
        var (lon, lat) = LonLat(x, y);
        return string.Create(CultureInfo.InvariantCulture, $"[{lon:R},{lat:R}]");
    }

    internal static string Pt(double x, double y) => $"{{\"type\":\"Point\",\"coordinates\":{Pos(x, y)}}}";

    internal static string Rect(double x, double y, double w, double h) =>
        $"{{\"type\":\"Polygon\",\"coordinates\":[[{Pos(x, y)},{Pos(x + w, y)},{Pos(x + w, y + h)},{Pos(x, y + h)},{Pos(x, y)}]]}}";
}
