using System.Globalization;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// A small filter language over ranked vacant houses: conditions <c>key=value</c> separated by commas, all of
/// which must hold; a value may list alternatives separated by <c>|</c>. Example:
/// <c>inside=true,decay_rank=low|medium,max_hub_distance_m=800</c>. Keys:
/// <list type="bullet">
/// <item><c>inside</c> = true | false — inside the inducement area or not</item>
/// <item><c>zone</c> = ID[|ID…] — covered by one of these zones</item>
/// <item><c>decay_rank</c>, <c>vacancy_likelihood</c> = low | medium | high (低/中/高), alternatives with |</item>
/// <item><c>status</c> = vacant | listed | under_repair | specified, alternatives with |</item>
/// <item><c>max_hub_distance_m</c> — plane distance to the nearest hub of any kind, metres</item>
/// <item><c>max_regional_hub_distance_m</c> — to the nearest regional hub, metres</item>
/// <item><c>max_frequent_stop_distance_m</c> — to the nearest frequent stop (needs transit inputs)</item>
/// <item><c>max_minutes_to_central</c> — median transit minutes to the central hub (needs transit inputs)</item>
/// <item><c>min_floor_area_m2</c>, <c>max_floor_area_m2</c> — floor area, m²; <c>min_built_year</c>, <c>max_built_year</c> — year built, inclusive</item>
/// <item><c>min_score</c></item>
/// </list>
/// A house whose value for a condition is unknown does not match it. The one filter language of the project:
/// the ranking, the what-if, the export and the viewer's counts all use it; over houses that are not ranked
/// (<see cref="Matches(VacantHouseMeasures)"/>) <c>min_score</c> and <c>max_minutes_to_central</c> are unknown
/// (<see cref="NeedsRanking"/>). Immutable and thread-safe.
/// </summary>
public sealed class VacantHouseFilter
{
    /// <summary>The keys of the language.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "inside", "zone", "decay_rank", "vacancy_likelihood", "status", "max_hub_distance_m", "max_regional_hub_distance_m",
        "max_frequent_stop_distance_m", "max_minutes_to_central", "min_floor_area_m2", "max_floor_area_m2", "min_built_year",
        "max_built_year", "min_score",
    ];

    /// <summary>The survey statuses a vacant house may have (docs/data-model.md); readers reject any other.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["vacant", "listed", "under_repair", "specified", "demolished"];

    private const int ProblemCap = 20;

    private readonly List<Func<Facts, bool>> _conditions;

    private VacantHouseFilter(string text, List<Func<Facts, bool>> conditions, IReadOnlyList<string> keysUsed)
    {
        Text = text;
        _conditions = conditions;
        KeysUsed = keysUsed;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>Keys of the expression, in order.</summary>
    public IReadOnlyList<string> KeysUsed { get; }

    /// <summary>True when a condition needs transit inputs (frequent stops or travel times).</summary>
    public bool NeedsTransit => KeysUsed.Contains("max_frequent_stop_distance_m") || KeysUsed.Contains("max_minutes_to_central");

    /// <summary>True when a condition needs the ranking (a score or travel times to the central hub).</summary>
    public bool NeedsRanking => KeysUsed.Contains("min_score") || KeysUsed.Contains("max_minutes_to_central");

    /// <summary>True when every condition holds for the ranked house.</summary>
    public bool Matches(RankedVacantHouse house)
    {
        var facts = new Facts(house.Site, house.DistanceToNearestHubMeters, house.DistanceToRegionalHubMeters, house.DistanceToFrequentStopMeters, house.MinutesToCentralHub, house.Score);
        return _conditions.All(c => c(facts));
    }

    /// <summary>True when every condition holds for the measured (unranked) house.</summary>
    public bool Matches(VacantHouseMeasures house)
    {
        var facts = new Facts(house.Site, house.DistanceToNearestHubMeters, house.DistanceToRegionalHubMeters, house.DistanceToFrequentStopMeters, null, null);
        return _conditions.All(c => c(facts));
    }

    /// <summary>What a condition can look at.</summary>
    private readonly record struct Facts(VacantHouseSite Site, double? DistanceToNearestHubMeters, double? DistanceToRegionalHubMeters, double? DistanceToFrequentStopMeters, double? MinutesToCentralHub, double? Score);

    /// <summary>Parses an expression; every problem is reported in one message.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="zoneIds">Known zone ids; null: any zone id is accepted.</param>
    /// <exception cref="ArgumentException">Unknown key, bad value, repeated key, or an empty expression.</exception>
    public static VacantHouseFilter Parse(string text, IReadOnlyCollection<string>? zoneIds = null) =>
        TryParse(text, zoneIds, out var filter, out var problem) ? filter! : throw new ArgumentException(problem, nameof(text));

    /// <summary>As <see cref="Parse"/>, returning the problem as data: every problem once (at most 20) in one message.</summary>
    public static bool TryParse(string text, IReadOnlyCollection<string>? zoneIds, out VacantHouseFilter? filter, out string? problem)
    {
        filter = null;
        problem = null;
        var problems = new List<string>();
        var conditions = new List<Func<Facts, bool>>();
        var keys = new List<string>();
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            problem = "the filter is empty; write key=value conditions separated by commas, e.g. inside=true,decay_rank=low|medium";
            return false;
        }

        foreach (var part in parts)
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                problems.Add($"'{part}' is not key=value");
                continue;
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (!Keys.Contains(key))
            {
                problems.Add($"unknown filter key '{key}' (keys: {string.Join(", ", Keys)})");
                continue;
            }

            if (keys.Contains(key))
            {
                problems.Add($"filter key '{key}' is given twice; list alternatives with | instead");
                continue;
            }

            keys.Add(key);
            if (value.Length == 0 || Alternatives(value).Count == 0)
            {
                problems.Add($"filter key '{key}' has no value");
                continue;
            }

            var condition = Condition(key, value, zoneIds, problems);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        if (problems.Count > 0)
        {
            // Each problem once, at most ProblemCap of them (STYLE.md), so a long bad filter gives a readable message.
            var distinct = problems.Distinct(StringComparer.Ordinal).ToList();
            var listed = string.Join("; ", distinct.Take(ProblemCap));
            var more = distinct.Count > ProblemCap ? $"; and {distinct.Count - ProblemCap} more" : "";
            problem = "bad filter: " + listed + more;
            return false;
        }

        filter = new VacantHouseFilter(text, conditions, keys);
        return true;
    }

    private static Func<Facts, bool>? Condition(string key, string value, IReadOnlyCollection<string>? zoneIds, List<string> problems)
    {
        switch (key)
        {
            case "inside":
                if (value is not ("true" or "false"))
                {
                    problems.Add($"inside='{value}' must be true or false");
                    return null;
                }

                var inside = value == "true";
                return h => h.Site.InsideInducementArea == inside;
            case "zone":
                var zones = Alternatives(value);
                foreach (var z in zones.Where(z => zoneIds is not null && !zoneIds.Contains(z)))
                {
                    problems.Add($"no zone has id '{z}'");
                }

                return h => h.Site.ZoneIds.Any(zones.Contains);
            case "decay_rank":
            case "vacancy_likelihood":
                var ranks = new HashSet<string>(StringComparer.Ordinal);
                foreach (var r in Alternatives(value))
                {
                    var n = r switch { "low" or "低" => "low", "medium" or "中" => "medium", "high" or "高" => "high", _ => null };
                    if (n is null)
                    {
                        problems.Add($"{key}='{r}' must be low, medium or high (低/中/高)");
                    }
                    else
                    {
                        ranks.Add(n);
                    }
                }

                return key == "decay_rank"
                    ? h => h.Site.House.DecayRank is { } d && ranks.Contains(d)
                    : h => h.Site.House.VacancyLikelihood is { } l && ranks.Contains(l);
            case "status":
                var statuses = Alternatives(value);
                foreach (var s in statuses.Where(s => !Statuses.Contains(s)))
                {
                    problems.Add($"status='{s}' must be one of {string.Join(", ", Statuses)}");
                }

                return h => h.Site.House.Status is { } st && statuses.Contains(st);
            default:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) || !double.IsFinite(limit) || limit < 0)
                {
                    problems.Add($"{key}='{value}' must be a number ≥ 0");
                    return null;
                }

                return key switch
                {
                    "max_hub_distance_m" => h => h.DistanceToNearestHubMeters is { } d && d <= limit,
                    "max_regional_hub_distance_m" => h => h.DistanceToRegionalHubMeters is { } d && d <= limit,
                    "max_frequent_stop_distance_m" => h => h.DistanceToFrequentStopMeters is { } d && d <= limit,
                    "max_minutes_to_central" => h => h.MinutesToCentralHub is { } m && m <= limit,
                    "min_floor_area_m2" => h => h.Site.House.FloorAreaSquareMeters is { } a && a >= limit,
                    "max_floor_area_m2" => h => h.Site.House.FloorAreaSquareMeters is { } a && a <= limit,
                    "min_built_year" => h => h.Site.House.BuiltYear is { } y && y >= limit,
                    "max_built_year" => h => h.Site.House.BuiltYear is { } y && y <= limit,
                    _ => h => h.Score is { } score && score >= limit,
                };
        }
    }

    private static HashSet<string> Alternatives(string value) =>
        value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
