namespace Sousei.Geo.Demo;

/// <summary>What <see cref="DemoDataGenerator.Generate"/> wrote: counts, the inducement area in hectares (EPSG:6670), each file and its size in bytes.</summary>
public sealed record DemoDataSummary(
    int Seed,
    double ScaleFactor,
    double InducementAreaHectares,
    int TownBlocks,
    int Buildings,
    int VacantHouses,
    int Stops,
    int Trips,
    IReadOnlyList<DemoYearSummary> Years,
    IReadOnlyList<(string RelativePath, long Bytes)> Files);
