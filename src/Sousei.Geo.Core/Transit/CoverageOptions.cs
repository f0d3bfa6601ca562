namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Thresholds of the MLIT public-transport walkable area (公共交通徒歩圏, 都市構造の評価に関するハンドブック):
/// 800 m around rail and tram stops, 300 m around bus stops with at least 30 departures a day in one direction.
/// </summary>
public sealed record CoverageOptions
{
    public double RailRadiusMeters { get; init; } = 800;

    public double BusRadiusMeters { get; init; } = 300;

    public int MinBusDeparturesPerDay { get; init; } = 30;
}
