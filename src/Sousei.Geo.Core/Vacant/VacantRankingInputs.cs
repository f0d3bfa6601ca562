namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Optional transit inputs of <see cref="VacantHouseRanking"/>, so that ranking does not depend on the transit
/// engine: whoever has a network supplies them, whoever has none leaves them null and the terms drop out.
/// </summary>
public sealed record VacantRankingInputs
{
    /// <summary>
    /// Median transit minutes from a longitude/latitude point to the central hub, or null when no journey reaches
    /// it. Called once per house, possibly from several threads. Null: the transit term is left out.
    /// </summary>
    public Func<double, double, double?>? MinutesToCentralHub { get; init; }

    /// <summary>Frequent stops, longitude/latitude. Null: the frequent-stop term is left out.</summary>
    public IReadOnlyList<(double Longitude, double Latitude)>? FrequentStops { get; init; }
}
