using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Bench;

/// <summary>Paths and seeded synthetic residents shared by the bench entry points.</summary>
internal static class BenchData
{
    /// <summary>The five real feeds of shared/realdata, as the transit figures use them.</summary>
    public static string[] Feeds(string realdata) =>
    [
        Path.Combine(realdata, "kumamoto-bus-gtfs", "toshibus.zip"), Path.Combine(realdata, "kumamoto-bus-gtfs", "kumabus.zip"),
        Path.Combine(realdata, "kumamoto-bus-gtfs", "dentetsu.zip"), Path.Combine(realdata, "kumamoto-tram-rail-gtfs", "kumamotoshiden.gtfs.zip"),
        Path.Combine(realdata, "kumamoto-tram-rail-gtfs", "kumamotodentetsu.gtfs.zip"),
    ];

    public static string FindRealData() => Path.Combine(RepoRoot(), "..", "shared", "realdata");

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }

    // Households scattered around the hubs (seeded normal distributions, 2.5 km spread for the centre, 1.5 km for the
    // others), 1–4 persons each, until the persons reach the target.
    public static List<Household> SynthesiseHouseholds(PlaneProjection projection, long persons, int seed)
    {
        var rng = new Random(seed);
        var centres = KumamotoHubs.All.Select(h => (Hub: h, Xy: projection.Project(h.Location.X, h.Location.Y))).ToList();
        var list = new List<Household>();
        long total = 0;
        while (total < persons)
        {
            var pick = rng.NextDouble() < 0.3 ? 0 : rng.Next(1, centres.Count);
            var sigma = pick == 0 ? 2500 : 1500;
            var u1 = 1 - rng.NextDouble();
            var u2 = rng.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u1)) * sigma;
            var x = centres[pick].Xy.X + r * Math.Cos(2 * Math.PI * u2);
            var y = centres[pick].Xy.Y + r * Math.Sin(2 * Math.PI * u2);
            var (lon, lat) = projection.Unproject(x, y);
            var n = rng.Next(100) switch { < 38 => 1, < 66 => 2, < 83 => 3, _ => 4 };
            list.Add(new Household(lon, lat, n, 2025));
            total += n;
        }

        return list;
    }
}
