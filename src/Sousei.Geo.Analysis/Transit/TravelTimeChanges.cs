using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>How the median travel time to the centre changes in one area: before and after, and the class it falls in.</summary>
public sealed record TravelTimeChange(string Id, Geometry Geometry, long Persons, double? BeforeMinutes, double? AfterMinutes)
{
    /// <summary>After − before, minutes; null when either side has no journey.</summary>
    public double? ChangeMinutes => BeforeMinutes is { } b && AfterMinutes is { } a ? a - b : null;

    /// <summary>
    /// faster (by at least 1 minute), slower, same (less than a minute either way), reachable (no journey before),
    /// unreachable (no journey after), none (neither side).
    /// </summary>
    public string Status => (BeforeMinutes, AfterMinutes) switch
    {
        (null, null) => "none",
        (null, _) => "reachable",
        (_, null) => "unreachable",
        _ when ChangeMinutes <= -1 => "faster",
        _ when ChangeMinutes >= 1 => "slower",
        _ => "same",
    };
}

/// <summary>
/// Where travel time to the centre changed: population units each on their own polygon; households gathered on
/// square cells of <see cref="CellMeters"/> in the plane CRS (so that no household's point leaves), each cell with
/// the persons-weighted median of its residents' median minutes.
/// </summary>
public static class TravelTimeChanges
{
    /// <summary>Side of the household cells, metres.</summary>
    public const double CellMeters = 250;

    /// <summary>Below this many persons a household cell's persons are not given (small-area disclosure).</summary>
    public const long MinimumPersonsShown = 10;

    public static IReadOnlyList<TravelTimeChange> Of(Population population, float[] before, float[] after, PlaneProjection projection)
    {
        if (population.Source == PopulationSource.TownBlocks)
        {
            return population.Units.Select((u, i) => new TravelTimeChange(u.Code, u.Geometry, u.Persons, Finite(before[i]), Finite(after[i]))).ToList();
        }

        var cells = new Dictionary<(long, long), (List<(double, long)> Before, List<(double, long)> After, long Persons)>();
        for (var i = 0; i < population.Households.Count; i++)
        {
            var h = population.Households[i];
            var (x, y) = projection.Project(h.Longitude, h.Latitude);
            var key = ((long)Math.Floor(x / CellMeters), (long)Math.Floor(y / CellMeters));
            if (!cells.TryGetValue(key, out var cell))
            {
                cell = ([], [], 0);
            }

            cell.Before.Add((before[i], h.Persons));
            cell.After.Add((after[i], h.Persons));
            cells[key] = (cell.Before, cell.After, cell.Persons + h.Persons);
        }

        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        return cells.OrderBy(c => c.Key.Item2).ThenBy(c => c.Key.Item1).Select(c =>
        {
            var (x0, y0) = (c.Key.Item1 * CellMeters, c.Key.Item2 * CellMeters);
            var ring = new[] { (x0, y0), (x0 + CellMeters, y0), (x0 + CellMeters, y0 + CellMeters), (x0, y0 + CellMeters), (x0, y0) }
                .Select(p => projection.Unproject(p.Item1, p.Item2)).Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray();
            var id = FormattableString.Invariant($"{c.Key.Item1}_{c.Key.Item2}");
            return new TravelTimeChange(id, factory.CreatePolygon(ring), c.Value.Persons, CentreAccessibility.WeightedMedian(c.Value.Before), CentreAccessibility.WeightedMedian(c.Value.After));
        }).ToList();
    }

    private static double? Finite(float minutes) => float.IsFinite(minutes) ? minutes : null;
}
