using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>
/// Every layer of one city, geometries in longitude/latitude (SRID 4326, RFC 7946 axis order).
/// Layers that the data does not hold are empty. <see cref="InducementArea"/> is the union of the
/// 居住誘導区域 features.
/// </summary>
public sealed class CityDataset
{
    /// <summary>An empty inducement area (SRID 4326), for data loaded without that layer.</summary>
    public static Geometry NoArea => new GeometryFactory(new PrecisionModel(), 4326).CreateMultiPolygon();

    public required Geometry InducementArea { get; init; }

    public IReadOnlyList<Household> Households { get; init; } = [];

    public IReadOnlyList<TownBlock> TownBlocks { get; init; } = [];

    public IReadOnlyList<Building> Buildings { get; init; } = [];

    public IReadOnlyList<Zone> Zones { get; init; } = [];

    public IReadOnlyList<Hub> Hubs { get; init; } = [];

    public IReadOnlyList<VacantHouse> VacantHouses { get; init; } = [];

    /// <summary>Future-population projection cells (IF107); empty when the store has none.</summary>
    public IReadOnlyList<ProjectionCell> PopulationProjection { get; init; } = [];

    private IReadOnlyList<int>? _householdYears;
    private IReadOnlyList<int>? _townBlockYears;

    /// <summary>Years present in households, ascending (found once: a scan of millions of households; thread-safe).</summary>
    public IReadOnlyList<int> HouseholdYears => _householdYears ??= YearsOf(Households);

    /// <summary>Years present in town blocks, ascending (found once; thread-safe).</summary>
    public IReadOnlyList<int> TownBlockYears => _townBlockYears ??= Years(TownBlocks, b => b.Year);

    /// <summary>The years of households: one pass over the list, a set lookup only where the year changes (millions of rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<int> YearsOf(IReadOnlyList<Household> households)
    {
        var years = new HashSet<int>();
        var last = 0;
        foreach (ref readonly var h in Household.Span(households))
        {
            if (h.Year != last || years.Count == 0)
            {
                years.Add(h.Year);
                last = h.Year;
            }
        }

        return [.. years.Order()];
    }

    private static List<int> Years<T>(IReadOnlyList<T> items, Func<T, int> year)
    {
        var years = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            years.Add(year(items[i]));
        }

        return [.. years.Order()];
    }
}
