namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// The ranking: houses best first, the weights used, which terms were scored and which were left out (with the
/// reason), and the ids of houses not ranked because they can no longer be lived in (status <c>demolished</c>).
/// </summary>
public sealed record VacantRankingResult(
    IReadOnlyList<RankedVacantHouse> Houses,
    VacantRankingWeights Weights,
    IReadOnlyList<string> TermsUsed,
    IReadOnlyList<string> TermsLeftOut,
    IReadOnlyList<string> NotRankedIds);
