using Sousei.Geo.Analysis.Sources;

namespace Sousei.Geo.Analysis;

/// <summary>What every analysis can do with a source: open the city with just the layers it needs.</summary>
public static class Analyses
{
    /// <summary>
    /// Opens the city with the layers <paramref name="request"/> needs (of those the source holds, asked with
    /// <see cref="ICitySource.Inventory"/> first, nothing parsed).
    /// </summary>
    public static City Open<TRequest, TResult>(this IAnalysis<TRequest, TResult> analysis, ICitySource source, TRequest request)
        where TRequest : class => City.Open(source, analysis.Layers(request, source.Inventory()));
}
