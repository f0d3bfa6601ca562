namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// The 0–1 term values behind one house's score (see <see cref="VacantRankingWeights"/>); null = the term was
/// left out for this data (no transit input, no regional hub, no frequent-stop list).
/// </summary>
public sealed record VacantScoreTerms(
    double Inside,
    double? Transit,
    double? HubDistance,
    double? FrequentStop,
    double Decay,
    double Likelihood,
    double FloorArea);
