using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Ranks vacant houses (空き家) by how much bringing each back into use serves the compact-city goal: living
/// inside the residential inducement area, close to the centre and to frequent transit, in a house in good
/// repair, certainly vacant and large enough for a household. The score is a weighted mean of 0–1 terms
/// (<see cref="VacantRankingWeights"/>, documented in docs/analysis.md), scaled to 0–100 and rounded to 1e-6;
/// ties are broken by id (ordinal), so the order is deterministic. Houses with status <c>demolished</c> are not
/// ranked. Pure and thread-safe.
/// </summary>
public static class VacantHouseRanking
{
    /// <summary>Statuses of houses that cannot be lived in again and are left out of the ranking.</summary>
    public static IReadOnlySet<string> NotRankedStatuses { get; } = new HashSet<string>(StringComparer.Ordinal) { "demolished" };

    /// <summary>Scores and orders the houses.</summary>
    /// <param name="study">Inducement area and zones (point tests in lon/lat, distances in its plane CRS).</param>
    /// <param name="houses">The survey.</param>
    /// <param name="hubs">Hubs; the hub-distance term uses those of kind <c>regional</c>.</param>
    /// <param name="weights">Null: the defaults.</param>
    /// <param name="inputs">Optional transit inputs; missing ones leave their terms out.</param>
    /// <exception cref="ArgumentException">Weights out of range.</exception>
    public static VacantRankingResult Rank(StudyArea study, IReadOnlyList<VacantHouse> houses, IReadOnlyList<Hub> hubs, VacantRankingWeights? weights = null, VacantRankingInputs? inputs = null)
    {
        weights ??= new VacantRankingWeights();
        weights.Validate();
        inputs ??= new VacantRankingInputs();
        var measurer = new VacantHouseMeasurer(study, hubs, inputs.FrequentStops);
        var transit = inputs.MinutesToCentralHub;

        var used = new List<string> { "inside" };
        var leftOut = new List<string>();
        if (transit is not null)
        {
            used.Add("transit");
        }
        else
        {
            leftOut.Add("transit: no median travel time to the central hub was given (needs GTFS feeds and a central hub)");
        }

        if (measurer.HasRegionalHubs)
        {
            used.Add("hub_distance");
        }
        else
        {
            leftOut.Add("hub_distance: the data has no hub of kind 'regional'");
        }

        if (measurer.HasFrequentStops)
        {
            used.Add("frequent_stop");
        }
        else
        {
            leftOut.Add("frequent_stop: no list of frequent stops was given (needs GTFS feeds)");
        }

        used.AddRange(["decay", "likelihood", "floor_area"]);

        var candidates = houses.Where(h => h.Status is null || !NotRankedStatuses.Contains(h.Status)).ToList();
        var notRanked = houses.Where(h => h.Status is not null && NotRankedStatuses.Contains(h.Status)).Select(h => h.Id).Order(StringComparer.Ordinal).ToList();
        var scored = new RankedVacantHouse[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var m = measurer.Measure(candidates[i]);
            var site = m.Site;
            var minutes = transit?.Invoke(site.Longitude, site.Latitude);
            if (minutes is { } value && (!double.IsFinite(value) || value < 0))
            {
                minutes = null;
            }

            var terms = Terms(site, weights, transit is not null, minutes, m.DistanceToRegionalHubMeters, measurer.HasFrequentStops, m.DistanceToFrequentStopMeters);
            scored[i] = new RankedVacantHouse(0, site, Score(terms, weights), terms, minutes,
                m.NearestRegionalHubId, m.DistanceToRegionalHubMeters, m.NearestHubId, m.DistanceToNearestHubMeters, m.DistanceToFrequentStopMeters);
        });

        var ordered = scored
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        return new VacantRankingResult(ordered, weights, used, leftOut, notRanked);
    }

    internal static VacantScoreTerms Terms(VacantHouseSite site, VacantRankingWeights w, bool hasTransit, double? minutes, double? regionalDistance, bool hasStops, double? stopDistance)
    {
        var h = site.House;
        return new VacantScoreTerms(
            Inside: site.InsideInducementArea ? 1 : 0,
            Transit: !hasTransit ? null : minutes is { } m ? Clamp01(1 - m / w.TransitMinutesScale) : 0,
            HubDistance: regionalDistance is { } d ? Clamp01(1 - d / w.HubDistanceScaleMeters) : null,
            FrequentStop: !hasStops ? null : stopDistance is { } s && s <= w.FrequentStopRadiusMeters ? 1 : 0,
            Decay: h.DecayRank switch { "low" => 1, "medium" => 0.5, "high" => 0, _ => 0.5 },
            Likelihood: h.VacancyLikelihood switch { "high" => 1, "medium" => 0.5, "low" => 0, _ => 0.5 },
            FloorArea: h.FloorAreaSquareMeters is { } a && double.IsFinite(a) ? Clamp01(a / w.FloorAreaScaleSquareMeters) : 0.5);
    }

    /// <summary>100 × Σ weight × term / Σ weight over the available terms, rounded to 1e-6; 0 when every weight is 0.</summary>
    internal static double Score(VacantScoreTerms t, VacantRankingWeights w)
    {
        double sum = 0, total = 0;
        void Add(double? term, double weight)
        {
            if (term is { } v)
            {
                sum += weight * v;
                total += weight;
            }
        }

        Add(t.Inside, w.Inside);
        Add(t.Transit, w.Transit);
        Add(t.HubDistance, w.HubDistance);
        Add(t.FrequentStop, w.FrequentStop);
        Add(t.Decay, w.Decay);
        Add(t.Likelihood, w.Likelihood);
        Add(t.FloorArea, w.FloorArea);
        return total > 0 ? Math.Round(100 * sum / total, 6) : 0;
    }

    private static double Clamp01(double v) => Math.Clamp(v, 0, 1);
}
