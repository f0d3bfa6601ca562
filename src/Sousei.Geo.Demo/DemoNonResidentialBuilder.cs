using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// Places the buildings nobody lives in: shops and offices clustered around the hubs (the central
/// hub weighing most, by <see cref="DemoHubFact.Pull"/>), public buildings (schools, offices,
/// halls) among the dwellings, and industry in a few estates away from the centre.
/// </summary>
internal static class DemoNonResidentialBuilder
{
    private const int CommercialCount = 5000;
    private const int PublicCount = 1800;
    private const int IndustrialCount = 2000;

    // Industrial estates: longitude, latitude, spread (σ) in metres.
    private static readonly (double Lon, double Lat, double SigmaMeters)[] Estates =
    [
        (130.672, 32.728, 900), (130.800, 32.812, 700), (130.792, 32.862, 700), (130.695, 32.700, 600), (130.650, 32.760, 700),
    ];

    public static List<DemoBuilding> Build(Random random, DemoCityLayout layout, DemoSiteSampler sampler, IReadOnlyList<DemoBuilding> dwellings, double scale)
    {
        var result = new List<DemoBuilding>();
        var totalPull = KumamotoDemoFacts.Hubs.Sum(h => h.Pull);
        Add(result, (int)Math.Round(CommercialCount * scale), () =>
        {
            var hub = PickHub(random, totalPull);
            var central = hub == 0;
            var p = Gaussian(random, layout.HubsPlane[hub], central ? 650 : 350);
            var near = p.Distance(layout.HubsPlane[hub]) < 800;
            var floors = central && near ? 2 + (int)(9 * Math.Pow(random.NextDouble(), 1.5)) : 1 + random.Next(near ? 5 : 3);
            return (p, DemoBuildingKind.Commercial, 10 + random.NextDouble() * 15, 10 + random.NextDouble() * 10, floors);
        }, random, layout, sampler);
        Add(result, (int)Math.Round(PublicCount * scale), () =>
        {
            var home = dwellings[random.Next(dwellings.Count)];
            var angle = random.NextDouble() * 2 * Math.PI;
            var distance = 150 + random.NextDouble() * 250;
            var p = new Coordinate(home.X + distance * Math.Cos(angle), home.Y + distance * Math.Sin(angle));
            return (p, DemoBuildingKind.Public, 15 + random.NextDouble() * 15, 12 + random.NextDouble() * 8, 1 + random.Next(5));
        }, random, layout, sampler);
        Add(result, (int)Math.Round(IndustrialCount * scale), () =>
        {
            var (lon, lat, sigma) = Estates[random.Next(Estates.Length)];
            var p = Gaussian(random, DemoGeometry.ToPlane(lon, lat), sigma);
            return (p, DemoBuildingKind.Industrial, 20 + random.NextDouble() * 20, 15 + random.NextDouble() * 15, 1 + random.Next(3));
        }, random, layout, sampler);
        return result;
    }

    private static void Add(List<DemoBuilding> result, int count, Func<(Coordinate P, DemoBuildingKind Kind, double Width, double Depth, int Floors)> draw,
        Random random, DemoCityLayout layout, DemoSiteSampler sampler)
    {
        var placed = 0;
        for (var attempt = 0; placed < count && attempt < count * 50; attempt++)
        {
            var (p, kind, width, depth, floors) = draw();
            if (!sampler.RoughlyFits(p, null))
            {
                continue;
            }

            var building = DemoPopulationBuilder.Place(sampler, layout, random, kind, p, null, width, depth, floors, 0);
            if (building is not null)
            {
                result.Add(building);
                placed++;
            }
        }
    }

    private static int PickHub(Random random, double totalPull)
    {
        var r = random.NextDouble() * totalPull;
        for (var i = 0; i < KumamotoDemoFacts.Hubs.Count; i++)
        {
            r -= KumamotoDemoFacts.Hubs[i].Pull;
            if (r < 0)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>A normally distributed offset (Box–Muller) around <paramref name="centre"/>.</summary>
    private static Coordinate Gaussian(Random random, Coordinate centre, double sigmaMeters)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = sigmaMeters * Math.Sqrt(-2 * Math.Log(u1));
        return new Coordinate(centre.X + radius * Math.Cos(2 * Math.PI * u2), centre.Y + radius * Math.Sin(2 * Math.PI * u2));
    }
}
