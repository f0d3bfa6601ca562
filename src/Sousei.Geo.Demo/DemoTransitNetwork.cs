using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// The trunk network of the demo city, built from <see cref="KumamotoDemoFacts.Lines"/>: paths run
/// straight between hubs for rail and tram and with one gentle bend per leg for buses (legs shared
/// by two bus lines bend the same way, so the lines share stops). Stops sit on the hubs (offset by
/// mode, always within 100 m of the hub point) and at regular spacing between them.
/// </summary>
internal sealed class DemoTransitNetwork
{
    private DemoTransitNetwork(List<DemoStop> stops, List<DemoRoutePattern> patterns)
    {
        Stops = stops;
        Patterns = patterns;
    }

    public IReadOnlyList<DemoStop> Stops { get; }

    public IReadOnlyList<DemoRoutePattern> Patterns { get; }

    public static DemoTransitNetwork Build(Random random)
    {
        var stops = new List<DemoStop>();
        var stopByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var bends = new List<(string Key, Coordinate Bend)>();
        var patterns = new List<DemoRoutePattern>();
        foreach (var line in KumamotoDemoFacts.Lines)
        {
            var waypoints = line.Waypoints.Select(w => Resolve(w, line.RouteType)).ToList();
            var path = new List<Coordinate> { waypoints[0].Position };
            var stopIndexes = new List<int>();
            var distances = new List<double>();
            var travelled = 0.0;
            AddStop(stops, stopByKey, stopIndexes, distances, line.RouteType, waypoints[0].Name, waypoints[0].Position, travelled);
            for (var w = 0; w + 1 < waypoints.Count; w++)
            {
                var a = waypoints[w];
                var b = waypoints[w + 1];
                var leg = new List<Coordinate> { a.Position };
                if (line.RouteType == 3)
                {
                    leg.Add(BendOf(bends, random, a, b));
                }

                leg.Add(b.Position);
                var legLength = Length(leg);
                var intermediate = line.StopSpacingMeters > 0 ? Math.Max(0, (int)Math.Round(legLength / line.StopSpacingMeters) - 1) : 0;
                for (var k = 1; k <= intermediate; k++)
                {
                    var along = legLength * k / (intermediate + 1);
                    var position = PointAlong(leg, along);
                    var name = $"{ShortName(a.Name)}・{ShortName(b.Name)}間{(string.CompareOrdinal(a.Id, b.Id) < 0 ? k : intermediate + 1 - k)}";
                    AddStop(stops, stopByKey, stopIndexes, distances, line.RouteType, name, position, travelled + along);
                }

                travelled += legLength;
                path.AddRange(leg.Skip(1));
                AddStop(stops, stopByKey, stopIndexes, distances, line.RouteType, b.Name, b.Position, travelled);
            }

            patterns.Add(new DemoRoutePattern(line, stopIndexes, distances, DemoGeometry.Plane.CreateLineString(path.ToArray())));
        }

        return new DemoTransitNetwork(stops, patterns);
    }

    private static (string Id, string Name, Coordinate Position) Resolve(string waypoint, int routeType)
    {
        var hub = KumamotoDemoFacts.Hubs.FirstOrDefault(h => h.Id == waypoint);
        if (hub is not null)
        {
            var p = DemoGeometry.ToPlane(hub.Longitude, hub.Latitude);
            // Different modes get different platforms at a hub; all stay well inside the 300 m the hubs need.
            var (dx, dy, name) = routeType switch
            {
                2 => (0.0, 0.0, hub.Name + "駅"),
                0 => (0.0, 40.0, hub.Id == "central" ? "通町筋" : hub.Name + "電停"),
                _ => (60.0, -40.0, hub.Name),
            };
            return (hub.Id, name, new Coordinate(p.X + dx, p.Y + dy));
        }

        foreach (var anchor in KumamotoDemoFacts.Anchors)
        {
            if (anchor.Id == waypoint)
            {
                return (anchor.Id, anchor.Name, DemoGeometry.ToPlane(anchor.Longitude, anchor.Latitude));
            }
        }

        throw new InvalidOperationException($"internal: unknown waypoint {waypoint}");
    }

    private static Coordinate BendOf(List<(string Key, Coordinate Bend)> bends, Random random, (string Id, string Name, Coordinate Position) a, (string Id, string Name, Coordinate Position) b)
    {
        var (first, second) = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a, b) : (b, a);
        var key = first.Id + "|" + second.Id;
        foreach (var (k, bend) in bends)
        {
            if (k == key)
            {
                return bend;
            }
        }

        var dx = second.Position.X - first.Position.X;
        var dy = second.Position.Y - first.Position.Y;
        var offset = (random.NextDouble() * 2 - 1) * 0.08;
        var created = new Coordinate(first.Position.X + dx / 2 - dy * offset, first.Position.Y + dy / 2 + dx * offset);
        bends.Add((key, created));
        return created;
    }

    private static void AddStop(List<DemoStop> stops, Dictionary<string, int> stopByKey, List<int> stopIndexes, List<double> distances, int routeType, string name, Coordinate position, double distance)
    {
        var key = FormattableString.Invariant($"{routeType}:{Math.Round(position.X)}:{Math.Round(position.Y)}");
        if (!stopByKey.TryGetValue(key, out var index))
        {
            index = stops.Count;
            var (lon, lat) = DemoGeometry.ToLonLat(position.X, position.Y);
            stops.Add(new DemoStop($"S{index + 1:D4}", name, lon, lat, position.X, position.Y));
            stopByKey[key] = index;
        }

        stopIndexes.Add(index);
        distances.Add(distance);
    }

    private static string ShortName(string name)
    {
        var cut = name.IndexOfAny(['・', '駅']);
        return cut > 0 ? name[..cut] : name.Replace("電停", "", StringComparison.Ordinal);
    }

    private static double Length(List<Coordinate> path)
    {
        var total = 0.0;
        for (var i = 1; i < path.Count; i++)
        {
            total += path[i - 1].Distance(path[i]);
        }

        return total;
    }

    private static Coordinate PointAlong(List<Coordinate> path, double along)
    {
        for (var i = 1; i < path.Count; i++)
        {
            var step = path[i - 1].Distance(path[i]);
            if (along <= step || i == path.Count - 1)
            {
                var t = step > 0 ? Math.Min(1, along / step) : 0;
                return new Coordinate(path[i - 1].X + t * (path[i].X - path[i - 1].X), path[i - 1].Y + t * (path[i].Y - path[i - 1].Y));
            }

            along -= step;
        }

        return path[^1].Copy();
    }
}
