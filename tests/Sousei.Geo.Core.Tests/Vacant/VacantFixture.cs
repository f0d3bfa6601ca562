using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Tests.Fixtures;

namespace Sousei.Geo.Core.Tests.Vacant;

/// <summary>
/// A hand-computable city: the inducement area is 200 m × 100 m = 2 ha; zone west = x 0..100 (1 ha), zone
/// east = x 100..200 (1 ha). Households in 2023: 20 of 2 persons in the west (40 persons, average 2.0) and
/// 20 of 3 persons in the east (60 persons, average 3.0): 100 persons in 40 households, average 2.5.
/// Three empty households (0 persons) do not count toward averages.
/// </summary>
internal static class VacantFixture
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    public static Geometry Area { get; } = PlaneFixture.Rectangle(0, 0, 200, 100);

    public static Zone West { get; } = new("west", "West", "ward", PlaneFixture.Rectangle(0, -50, 100, 300));

    public static Zone East { get; } = new("east", "East", "ward", PlaneFixture.Rectangle(100, -50, 100, 300));

    public static IReadOnlyList<Household> Households { get; } =
    [
        .. Enumerable.Repeat(H(75, 50, 2), 20),
        .. Enumerable.Repeat(H(150, 50, 3), 20),
        .. Enumerable.Repeat(H(150, 60, 0), 3),
        H(75, 50, 9, 2015),
    ];

    public static StudyArea Study(params Zone[] zones) => new(Area, zones, PlaneFixture.Projection);

    public static CityDataset Data(params Zone[] zones) => new() { InducementArea = Area, Households = Households, Zones = zones };

    public static DensityResult Baseline(StudyArea study, params Zone[] zones) =>
        DensityCalculator.Compute(study, Data(zones), DensityMethod.Households, 2023);

    public static Household H(double x, double y, int persons, int year = 2023)
    {
        var (lon, lat) = PlaneFixture.Point(x, y);
        return new Household(lon, lat, persons, year);
    }

    public static Point At(double x, double y)
    {
        var (lon, lat) = PlaneFixture.Point(x, y);
        return LonLat.CreatePoint(new Coordinate(lon, lat));
    }

    public static VacantHouse House(string id, double x, double y, string? decay = "low", string? likelihood = "high", double? floorArea = 120, string? status = "vacant") =>
        new(id, At(x, y), likelihood, decay, 1980, "wood", floorArea, 200, 4, "2024-04-01", status, "山田 太郎", "096-000-0000");
}
