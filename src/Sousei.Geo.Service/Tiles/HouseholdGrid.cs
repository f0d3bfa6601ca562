using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Service.Tiles;

/// <summary>
/// Households aggregated for publication: square cells of the plane CRS (100 m to 1,600 m) with the number of
/// households and persons of the latest year; cells with fewer than <see cref="MinHouseholdsPerCell"/>
/// households are left out so that no cell points at one family. Points themselves are never published.
/// </summary>
internal static class HouseholdGrid
{
    /// <summary>Smallest published cell count (small-cell suppression).</summary>
    public const int MinHouseholdsPerCell = 5;

    /// <summary>Cell edges, metres, finest first.</summary>
    public static IReadOnlyList<double> CellSizesMeters { get; } = [100, 200, 400, 800, 1600];

    /// <summary>Which cell size a zoom level shows: 100 m from zoom 15, doubling per zoom out, 1,600 m at most.</summary>
    public static int LevelForZoom(int zoom) => Math.Clamp(15 - zoom, 0, CellSizesMeters.Count - 1);

    public static TileLayerSource[] Build(IReadOnlyList<Household> households, PlaneProjection projection, GeometryFactory factory)
    {
        var levels = new TileLayerSource[CellSizesMeters.Count];
        var year = households.Count == 0 ? 0 : households.Max(h => h.Year);
        var latest = households.Where(h => h.Year == year).ToList();
        var xy = new (double X, double Y)[latest.Count];
        Parallel.For(0, latest.Count, i => xy[i] = projection.Project(latest[i].Longitude, latest[i].Latitude));
        for (var level = 0; level < levels.Length; level++)
        {
            var size = CellSizesMeters[level];
            var cells = new Dictionary<(long, long), (int Households, long Persons)>();
            for (var i = 0; i < latest.Count; i++)
            {
                var key = ((long)Math.Floor(xy[i].X / size), (long)Math.Floor(xy[i].Y / size));
                var c = cells.GetValueOrDefault(key);
                cells[key] = (c.Households + 1, c.Persons + latest[i].Persons);
            }

            var source = new TileLayerSource("households", 0, simplify: false);
            foreach (var ((cx, cy), (count, persons)) in cells.OrderBy(c => c.Key))
            {
                if (count < MinHouseholdsPerCell)
                {
                    continue;
                }

                var corners = new[] { (cx, cy), (cx + 1, cy), (cx + 1, cy + 1), (cx, cy + 1), (cx, cy) }
                    .Select(c => projection.Unproject(c.Item1 * size, c.Item2 * size))
                    .Select(c => new Coordinate(c.Longitude, c.Latitude)).ToArray();
                var attributes = new AttributesTable
                {
                    { "households", count },
                    { "persons", persons },
                    { "year", year },
                    { "cell_m", size },
                    { "density_per_ha", Math.Round(persons / (size * size / 10_000), 2) },
                };
                source.Add(factory.CreatePolygon(corners), attributes);
            }

            source.Build();
            levels[level] = source;
        }

        return levels;
    }
}
