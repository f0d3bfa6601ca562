using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Builds <see cref="VacantRankingInputs"/> from a transit network: each house's median travel minutes to the
/// central hub over the departure window (<see cref="CentreAccessibility"/>: houses grouped on its default 50 m
/// cells), and the frequent stops of <see cref="FrequentStops"/> (the MLIT public-transport walkable-area
/// definition). Thread-safe.
/// </summary>
public static class VacantTransitInputs
{
    /// <summary>The inputs, and a note for the output when a term could not be computed (e.g. no central hub).</summary>
    public static (VacantRankingInputs Inputs, IReadOnlyList<string> Notes) Build(TransitNetwork network, IReadOnlyList<Hub> hubs, IReadOnlyList<VacantHouseSite> sites, TransitOptions? options = null, CoverageOptions? coverage = null)
    {
        options ??= new TransitOptions();
        coverage ??= new CoverageOptions();
        var notes = new List<string>();
        var frequent = FrequentStops.Find(network, coverage).Select(s => (s.Longitude, s.Latitude)).ToList();
        Func<double, double, double?>? minutes = null;
        var central = hubs.FirstOrDefault(h => h.IsCentral);
        if (central is null)
        {
            notes.Add("transit: the data has no hub of kind 'central', so travel times to the centre are not scored");
        }
        else
        {
            var points = sites.Select(s => new Household(s.Longitude, s.Latitude, 1, 0)).ToList();
            var result = CentreAccessibility.Compute(network, central, points, [], options);
            var byPoint = new Dictionary<(double, double), double?>();
            for (var i = 0; i < points.Count; i++)
            {
                var m = result.HouseholdMedianMinutes[i];
                byPoint[(points[i].Longitude, points[i].Latitude)] = float.IsFinite(m) ? m : null;
            }

            var window = $"{TransitOptions.FormatClock(options.WindowStartSeconds)}-{TransitOptions.FormatClock(options.WindowEndSeconds)}";
            notes.Add($"transit: median minutes to {central.Name} over departures {window} on {network.ServiceDate:yyyy-MM-dd}; {frequent.Count} frequent stops");
            minutes = (lon, lat) => byPoint.TryGetValue((lon, lat), out var v) ? v : null;
        }

        return (new VacantRankingInputs { MinutesToCentralHub = minutes, FrequentStops = frequent }, notes);
    }
}
