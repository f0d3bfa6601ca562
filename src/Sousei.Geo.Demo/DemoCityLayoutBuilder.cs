using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Demo;

/// <summary>
/// Draws the city's plan geometry. The inducement area follows the project's rule: the union of
/// distance bands around the hubs (<see cref="KumamotoDemoFacts.CentralBandMeters"/> around the
/// central hub, <see cref="KumamotoDemoFacts.RegionalBandMeters"/> around each regional hub) and of
/// corridors along the trunk lines (rail and tram all along, buses within
/// <see cref="KumamotoDemoFacts.BusCorridorReachMeters"/> of the central hub), less open land,
/// clipped to the city. Town blocks are the Voronoi
/// cells of seeds drawn denser near hubs, clipped to the outline; a ward is the union of the blocks
/// whose seed lies nearest one of its ward seeds, so blocks nest in wards and wards tile the city.
/// </summary>
internal static class DemoCityLayoutBuilder
{
    private const int BlockCount = 1500;
    private const double MinimumSeedSpacingMeters = 120;

    public static DemoCityLayout Build(Random random, DemoTransitNetwork network)
    {
        var hubs = KumamotoDemoFacts.Hubs.Select(h => DemoGeometry.ToPlane(h.Longitude, h.Latitude)).ToList();
        var outlinePlane = Outline();
        var outlineLonLat = Polygonal(DemoGeometry.ToLonLat(outlinePlane));

        var (areaPlane, areaLonLat) = InducementArea(hubs, network, outlinePlane, outlineLonLat);
        var blocks = Blocks(random, hubs, outlinePlane, outlineLonLat);
        var wards = KumamotoDemoFacts.Wards
            .Select(w => new DemoZone(w.Code, w.Name, Kinds.Ward, Polygonal(DemoGeometry.Union(blocks.Where(b => b.WardCode == w.Code).Select(b => b.Geometry)))))
            .ToList();
        var hubAreas = KumamotoDemoFacts.Hubs.Select((h, i) =>
        {
            var disc = DemoGeometry.Plane.CreatePoint(hubs[i]).Buffer(h.HubAreaRadiusMeters, 16);
            return new DemoZone("hub-" + h.Id, h.Name, Kinds.HubArea, Polygonal(DemoGeometry.Intersection(DemoGeometry.ToLonLat(disc), outlineLonLat)));
        }).ToList();

        return new DemoCityLayout
        {
            OutlinePlane = outlinePlane,
            OutlineLonLat = outlineLonLat,
            InducementAreaPlane = areaPlane,
            InducementAreaLonLat = areaLonLat,
            InducementAreaHectares = DemoGeometry.Projection.AreaSquareMeters(areaLonLat) / 10_000,
            Blocks = blocks,
            Wards = wards,
            HubAreas = hubAreas,
            HubsPlane = hubs,
        };
    }

    /// <summary>The hand-drawn outline, scaled about its centroid to the official city area.</summary>
    private static Polygon Outline()
    {
        var ring = KumamotoDemoFacts.Outline.Select(p => DemoGeometry.ToPlane(p.Lon, p.Lat)).ToList();
        ring.Add(ring[0].Copy());
        var raw = DemoGeometry.Plane.CreatePolygon(ring.ToArray());
        var scale = Math.Sqrt(KumamotoDemoFacts.CityAreaSquareKilometers * 1e6 / raw.Area);
        var centre = raw.Centroid.Coordinate;
        var scaled = ring.Select(c => new Coordinate(centre.X + (c.X - centre.X) * scale, centre.Y + (c.Y - centre.Y) * scale)).ToArray();
        return DemoGeometry.Plane.CreatePolygon(scaled);
    }

    private static (Geometry Plane, Geometry LonLat) InducementArea(List<Coordinate> hubs, DemoTransitNetwork network, Geometry outlinePlane, Geometry outlineLonLat)
    {
        var parts = new List<Geometry>();
        for (var i = 0; i < hubs.Count; i++)
        {
            var band = KumamotoDemoFacts.Hubs[i].Kind == HubKind.Central ? KumamotoDemoFacts.CentralBandMeters : KumamotoDemoFacts.RegionalBandMeters;
            parts.Add(DemoGeometry.Plane.CreatePoint(hubs[i]).Buffer(band, 16));
        }

        var core = DemoGeometry.Plane.CreatePoint(hubs[0]).Buffer(KumamotoDemoFacts.BusCorridorReachMeters, 16);
        foreach (var pattern in network.Patterns)
        {
            var path = pattern.Line.RouteType == 3 ? pattern.PathPlane.Intersection(core) : pattern.PathPlane;
            parts.Add(path.Buffer(pattern.Line.CorridorHalfWidthMeters, 8));
        }

        var union = UnaryUnionOp.Union(DemoGeometry.Plane.BuildGeometry(parts));
        var holes = KumamotoDemoFacts.OpenLand.Where(o => o.HoleInInducementArea)
            .Select(o => DemoGeometry.Plane.CreatePoint(DemoGeometry.ToPlane(o.Lon, o.Lat)).Buffer(o.RadiusMeters, 8))
            .ToList();
        var area = union.Difference(UnaryUnionOp.Union(DemoGeometry.Plane.BuildGeometry(holes))).Intersection(outlinePlane);
        var lonLat = Polygonal(DemoGeometry.Intersection(DemoGeometry.ToLonLat(area), outlineLonLat));
        return (DemoGeometry.Projection.Project(lonLat), lonLat);
    }

    private static List<DemoBlock> Blocks(Random random, List<Coordinate> hubs, Polygon outlinePlane, Geometry outlineLonLat)
    {
        var seeds = BlockSeeds(random, hubs, outlinePlane);
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(seeds);
        var clip = outlinePlane.EnvelopeInternal.Copy();
        clip.ExpandBy(2000);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(DemoGeometry.Plane);
        var cellBySeed = new Dictionary<(double, double), Polygon>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            cellBySeed[(site.X, site.Y)] = cell;
        }

        var drafts = new List<(Geometry Geometry, Coordinate Seed, string Ward, int Hub, long Key, double Angle)>();
        foreach (var seed in seeds)
        {
            var cell = cellBySeed[(seed.X, seed.Y)];
            var clipped = Polygonal(DemoGeometry.Intersection(DemoGeometry.ConvexToLonLat(cell), outlineLonLat));
            var angle = random.NextDouble() * Math.PI / 2;
            if (clipped.IsEmpty)
            {
                continue;
            }

            var (lon, lat) = DemoGeometry.ToLonLat(seed.X, seed.Y);
            drafts.Add((clipped, seed, NearestWard(seed), Nearest(hubs, seed), DemoGeometry.HilbertKey(lon, lat), angle));
        }

        drafts.Sort((a, b) => string.CompareOrdinal(a.Ward, b.Ward) != 0 ? string.CompareOrdinal(a.Ward, b.Ward) : a.Key.CompareTo(b.Key));
        var serialByWard = new int[KumamotoDemoFacts.Wards.Count];
        var serialByHub = new int[hubs.Count];
        var blocks = new List<DemoBlock>(drafts.Count);
        foreach (var d in drafts)
        {
            var ward = IndexOfWard(d.Ward);
            var serial = ++serialByWard[ward];
            var place = ++serialByHub[d.Hub];
            var name = PlaceName(KumamotoDemoFacts.Hubs[d.Hub]) + place.ToString(System.Globalization.CultureInfo.InvariantCulture) + "丁目";
            blocks.Add(new DemoBlock(d.Ward + serial.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), name, d.Ward, d.Geometry, d.Seed, d.Angle));
        }

        return blocks;
    }

    private static List<Coordinate> BlockSeeds(Random random, List<Coordinate> hubs, Polygon outlinePlane)
    {
        var envelope = outlinePlane.EnvelopeInternal;
        var locator = new NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator(outlinePlane);
        var grid = new SpacingGrid(MinimumSeedSpacingMeters);
        var seeds = new List<Coordinate>(BlockCount);
        var central = hubs[0];
        while (seeds.Count < BlockCount)
        {
            var c = new Coordinate(envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height);
            var weight = 0.06 + 1.6 * Math.Exp(-c.Distance(central) / 2500);
            for (var h = 1; h < hubs.Count; h++)
            {
                weight += 0.5 * Math.Exp(-c.Distance(hubs[h]) / 1500);
            }

            if (random.NextDouble() * 2.2 > weight || locator.Locate(c) != Location.Interior || !grid.TryAdd(c.X, c.Y, MinimumSeedSpacingMeters / 2))
            {
                continue;
            }

            seeds.Add(c);
        }

        return seeds;
    }

    private static string NearestWard(Coordinate p)
    {
        var best = "";
        var bestDistance = double.MaxValue;
        foreach (var (code, _, wardSeeds) in KumamotoDemoFacts.Wards)
        {
            foreach (var (lon, lat) in wardSeeds)
            {
                var d = p.Distance(DemoGeometry.ToPlane(lon, lat));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = code;
                }
            }
        }

        return best;
    }

    private static int IndexOfWard(string code)
    {
        for (var i = 0; i < KumamotoDemoFacts.Wards.Count; i++)
        {
            if (KumamotoDemoFacts.Wards[i].Code == code)
            {
                return i;
            }
        }

        throw new InvalidOperationException("internal: unknown ward " + code);
    }

    internal static int Nearest(IReadOnlyList<Coordinate> points, Coordinate p)
    {
        var best = 0;
        for (var i = 1; i < points.Count; i++)
        {
            if (p.Distance(points[i]) < p.Distance(points[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static string PlaceName(DemoHubFact hub) => hub.Id == "central" ? "桜町" : hub.Name.Split('・')[0];

    /// <summary>Keeps the polygons of an overlay result as a Polygon or MultiPolygon.</summary>
    internal static Geometry Polygonal(Geometry g)
    {
        var polygons = PolygonExtracter.GetPolygons(g).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        return polygons.Length == 1 ? polygons[0] : g.Factory.CreateMultiPolygon(polygons);
    }
}
