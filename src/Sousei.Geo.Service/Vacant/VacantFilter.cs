using NetTopologySuite.Geometries;
using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Vacant;

/// <summary>
/// Which vacant houses to return: every set condition must hold. Parsed from query parameters or CLI
/// options of the same names (<see cref="ParameterNames"/>); bad values throw <see cref="BadParameterException"/>.
/// </summary>
public sealed record VacantFilter
{
    /// <summary>Names shared by the API and <c>sousei export vacant</c> (as <c>--name</c>).</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
        ["inside", "zone", "max_hub_distance_m", "max_frequent_stop_distance_m", "decay_rank", "vacancy_likelihood", "status"];

    /// <summary>True: inside the inducement area only; false: outside only.</summary>
    public bool? Inside { get; init; }

    /// <summary>Only houses covered by this zone.</summary>
    public string? Zone { get; init; }

    public double? MaxHubDistanceMeters { get; init; }

    public double? MaxFrequentStopDistanceMeters { get; init; }

    /// <summary>Accepted decay ranks (low/medium/high); null = any.</summary>
    public IReadOnlySet<string>? DecayRanks { get; init; }

    public IReadOnlySet<string>? VacancyLikelihoods { get; init; }

    public IReadOnlySet<string>? Statuses { get; init; }

    /// <summary>Only houses whose representative point lies in this longitude/latitude box.</summary>
    public Envelope? Bbox { get; init; }

    public bool IsEmpty => this == new VacantFilter();

    public bool Matches(VacantHouseRecord r) =>
        (Inside is not { } inside || r.InsideInducementArea == inside)
        && (Zone is null || r.ZoneIds.Contains(Zone))
        && (MaxHubDistanceMeters is not { } hub || (r.DistanceToNearestHubMeters is { } dh && dh <= hub))
        && (MaxFrequentStopDistanceMeters is not { } stop || (r.DistanceToFrequentStopMeters is { } ds && ds <= stop))
        && (DecayRanks is null || (r.House.DecayRank is { } rank && DecayRanks.Contains(rank)))
        && (VacancyLikelihoods is null || (r.House.VacancyLikelihood is { } l && VacancyLikelihoods.Contains(l)))
        && (Statuses is null || (r.House.Status is { } s && Statuses.Contains(s)))
        && (Bbox is null || Bbox.Covers(r.Longitude, r.Latitude));

    /// <summary>Parses the filter from <paramref name="get"/> (name → value or null), checking values against the data.</summary>
    public static VacantFilter Parse(Func<string, string?> get, CityData data)
    {
        var zone = get("zone");
        if (zone is not null && !data.ZoneKinds.ContainsKey(zone))
        {
            throw new BadParameterException("zone", $"no zone has id '{QueryReader.Shorten(zone)}' (zones: {string.Join(", ", data.ZoneKinds.Keys.Take(30))})");
        }

        var stop = QueryReader.ParseDouble("max_frequent_stop_distance_m", get("max_frequent_stop_distance_m"), 0, 1_000_000);
        if (stop is not null && data.Transit is null)
        {
            throw new BadParameterException("max_frequent_stop_distance_m", "the data has no GTFS feed (gtfs/ in the file store), so distances to frequent stops are unknown");
        }

        return new VacantFilter
        {
            Inside = QueryReader.ParseBool("inside", get("inside")),
            Zone = zone,
            MaxHubDistanceMeters = QueryReader.ParseDouble("max_hub_distance_m", get("max_hub_distance_m"), 0, 1_000_000),
            MaxFrequentStopDistanceMeters = stop,
            DecayRanks = Ranks("decay_rank", get("decay_rank")),
            VacancyLikelihoods = Ranks("vacancy_likelihood", get("vacancy_likelihood")),
            Statuses = ParseStatuses("status", get("status")),
        };
    }

    private static HashSet<string>? Ranks(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            set.Add(part switch
            {
                "low" or "低" => "low",
                "medium" or "中" => "medium",
                "high" or "高" => "high",
                _ => throw new BadParameterException(name, $"'{QueryReader.Shorten(part)}' is not low, medium or high (低/中/高); separate several with commas"),
            });
        }

        return set;
    }

    private static HashSet<string>? ParseStatuses(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part is not ("vacant" or "listed" or "under_repair" or "demolished" or "specified"))
            {
                throw new BadParameterException(name, $"'{QueryReader.Shorten(part)}' is not one of vacant, listed, under_repair, demolished, specified");
            }

            set.Add(part);
        }

        return set;
    }
}
