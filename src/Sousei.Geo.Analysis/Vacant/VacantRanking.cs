using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Analysis.Vacant;

/// <summary>
/// What the ranking, the what-if and the target reach share: the term weights, the service day of the transit
/// terms, and whether to leave transit out. Without GTFS the transit terms are left out (said in the notes).
/// </summary>
public sealed record RankingParameters
{
    public string? Weights { get; init; }

    public DateOnly? Date { get; init; }

    public bool NoTransit { get; init; }

    public static IReadOnlyList<ParameterSpec> Specs { get; } =
    [
        new("weights", "NAME=W,…", "term weights, e.g. inside=30,transit=20,hub_distance=10,frequent_stop=15,decay=10,likelihood=10,floor_area=5 (the defaults; unnamed terms keep theirs; 0 switches one off)"),
        new("date", "YYYY-MM-DD", "GTFS service day of the transit terms (default: the busiest weekday); without GTFS the transit terms are left out"),
        new("no_transit", null, "rank without the transit terms even when the data has GTFS feeds"),
    ];

    public static RankingParameters Parse(Parameters p) => new() { Weights = p.Text("weights"), Date = p.Date("date"), NoTransit = p.Switch("no_transit") };

    public void Validate(Parameters p)
    {
        if (NoTransit && Date is not null)
        {
            p.Add("date", RequestProblem.Conflict, "give either date or no_transit, not both");
        }

        if (!VacantRankingWeights.TryParse(Weights, out _, out var problem))
        {
            p.Add("weights", RequestProblem.Format, problem!);
        }
    }

    internal VacantRankingWeights ParsedWeights => VacantRankingWeights.Parse(Weights);
}

/// <summary>The ranking of every vacant house of a city, with its notes (terms left out, transit).</summary>
public sealed record RankedHouses(VacantRankingResult Ranking, IReadOnlyList<string> Notes);

/// <summary>Ranks a city's vacant houses once per distinct question (memoised on the city).</summary>
internal static class VacantRanking
{
    public const CityLayers Layers = CityLayers.VacantHouses | CityLayers.InducementArea | CityLayers.Zones | CityLayers.Hubs | CityLayers.Gtfs;

    public static RankedHouses Rank(City city, RankingParameters parameters)
    {
        if (!city.Has(CityLayers.VacantHouses) || city.Dataset.VacantHouses.Count == 0)
        {
            throw new RequestException("data", RequestProblem.MissingLayer, $"the data ({city.Description}) has no vacant houses to rank: vacant_houses.geojson is missing or has no features");
        }

        city.RequireLayer(CityLayers.InducementArea, "the vacant-house ranking");
        if (parameters.Date is not null && !parameters.NoTransit && !city.Has(CityLayers.Gtfs))
        {
            throw new RequestException("date", RequestProblem.Conflict, $"needs GTFS feeds, and the data ({city.Description}) has none (gtfs/)");
        }

        var weights = parameters.ParsedWeights;
        return city.Memo(("rank", weights, parameters.Date, parameters.NoTransit), () =>
        {
            var notes = new List<string>();
            VacantRankingInputs? inputs = null;
            if (parameters.NoTransit)
            {
                notes.Add("transit terms switched off (no_transit)");
            }
            else if (!city.Has(CityLayers.Gtfs))
            {
                notes.Add("ranked without transit terms: the data has no GTFS feeds (gtfs/)");
            }
            else
            {
                var day = city.Transit(parameters.Date);
                var (built, transitNotes) = city.Memo(("transit-inputs", day.Date), () =>
                {
                    var sites = VacantHouseSite.LocateAll(city.Study, city.Dataset.VacantHouses);
                    var (i, n) = VacantTransitInputs.Build(day.Network, city.Dataset.Hubs, sites);
                    return Tuple.Create(i, n);
                });
                inputs = built;
                notes.AddRange(transitNotes);
            }

            var ranking = VacantHouseRanking.Rank(city.Study, city.Dataset.VacantHouses, city.Dataset.Hubs, weights, inputs);
            notes.AddRange(ranking.TermsLeftOut.Select(t => "term left out: " + t));
            if (ranking.NotRankedIds.Count > 0)
            {
                notes.Add($"not ranked (demolished): {ranking.NotRankedIds.Count} houses");
            }

            // Loading notes (repairs, mesh tables) depend on which layers were loaded, not on the ranking: the CLI's text shows them.
            return new RankedHouses(ranking, notes);
        });
    }

    /// <summary>Parses the one filter language (<see cref="VacantHouseFilter"/>) against the city's zones; a problem names <paramref name="parameter"/>.</summary>
    public static VacantHouseFilter? Filter(City city, string? text, string parameter)
    {
        if (text is null)
        {
            return null;
        }

        return VacantHouseFilter.TryParse(text, city.ZoneKinds.Keys.ToList(), out var filter, out var problem)
            ? filter
            : throw new RequestException(parameter, RequestProblem.Format, problem!);
    }

    /// <summary>A filter on transit distances or times needs the ranking to have them.</summary>
    public static void CheckInputs(VacantHouseFilter? filter, VacantRankingResult ranking, string parameter)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.KeysUsed.Contains("max_frequent_stop_distance_m") && !ranking.TermsUsed.Contains("frequent_stop"))
        {
            throw new RequestException(parameter, RequestProblem.Conflict, "filter key max_frequent_stop_distance_m needs GTFS feeds (gtfs/) for the frequent stops, and this ranking has none");
        }

        if (filter.KeysUsed.Contains("max_minutes_to_central") && !ranking.TermsUsed.Contains("transit"))
        {
            throw new RequestException(parameter, RequestProblem.Conflict, "filter key max_minutes_to_central needs GTFS feeds (gtfs/) and a central hub, and this ranking has no travel times");
        }
    }
}
