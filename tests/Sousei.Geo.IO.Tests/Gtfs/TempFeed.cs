namespace Sousei.Geo.IO.Tests.Gtfs;

/// <summary>A GTFS feed folder written to a temporary directory; deleted on dispose.</summary>
internal sealed class TempFeed : IDisposable
{
    public const string Stops = "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station\nA,Alpha,32.80,130.70,,\nB,Beta,32.81,130.71,,\nST,Station,32.82,130.72,1,\nP1,Platform,32.82,130.72,0,ST\n";
    public const string Routes = "route_id,agency_id,route_short_name,route_long_name,route_type\nR,ag,1,Line one,3\n";
    public const string Trips = "route_id,service_id,trip_id,direction_id\nR,WD,T1,0\nR,WD,T2,1\n";
    public const string Calendar = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20260101,20261231\n";

    public TempFeed(string name, Dictionary<string, string> files)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gtfs-test-" + Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, file), text);
        }
    }

    public string Path { get; }

    public static TempFeed Simple(string stopTimes, string name = "feed", string trips = Trips, string stops = Stops) => new(name, new()
    {
        ["stops.txt"] = stops,
        ["routes.txt"] = Routes,
        ["trips.txt"] = trips,
        ["calendar.txt"] = Calendar,
        ["stop_times.txt"] = stopTimes,
    });

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, true);
}
