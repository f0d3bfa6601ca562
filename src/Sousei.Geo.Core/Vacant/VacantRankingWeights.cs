using System.Globalization;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Weights and scales of <see cref="VacantHouseRanking"/>. Each term scores 0 (worst) to 1 (best); the house's
/// score is 100 × Σ weight × term / Σ weight over the terms that are available for the data (a term whose input
/// is missing, e.g. transit without GTFS, is left out of both sums, so scores stay on 0–100). The defaults put
/// the inducement area first (the strategy's lever is people living inside it), then access to the centre and
/// to frequent transit, then the house's own state. A weight of 0 switches a term off.
/// </summary>
public sealed record VacantRankingWeights
{
    /// <summary>Inside the inducement area: 1 inside, 0 outside. Default 30.</summary>
    public double Inside { get; init; } = 30;

    /// <summary>Median transit minutes to the central hub: 1 − minutes / <see cref="TransitMinutesScale"/>, clamped to 0–1; no journey scores 0. Default 20.</summary>
    public double Transit { get; init; } = 20;

    /// <summary>Plane distance to the nearest regional hub: 1 − metres / <see cref="HubDistanceScaleMeters"/>, clamped. Default 10.</summary>
    public double HubDistance { get; init; } = 10;

    /// <summary>A frequent stop within <see cref="FrequentStopRadiusMeters"/>: 1 yes, 0 no. Default 15.</summary>
    public double FrequentStop { get; init; } = 15;

    /// <summary>Decay rank (老朽度): low 1, medium 0.5, high 0; unknown 0.5. Default 10.</summary>
    public double Decay { get; init; } = 10;

    /// <summary>Vacancy likelihood (空家可能性): high 1, medium 0.5, low 0; unknown 0.5. Default 10.</summary>
    public double Likelihood { get; init; } = 10;

    /// <summary>Floor area: metres² / <see cref="FloorAreaScaleSquareMeters"/>, clamped to 0–1; unknown 0.5. Default 5.</summary>
    public double FloorArea { get; init; } = 5;

    /// <summary>Minutes at which the transit term reaches 0. Default 60.</summary>
    public double TransitMinutesScale { get; init; } = 60;

    /// <summary>Metres at which the hub-distance term reaches 0. Default 2,000 m.</summary>
    public double HubDistanceScaleMeters { get; init; } = 2_000;

    /// <summary>Radius of the frequent-stop term, metres (the MLIT bus walkable radius). Default 300 m.</summary>
    public double FrequentStopRadiusMeters { get; init; } = 300;

    /// <summary>Floor area at which the floor-area term reaches 1 (a family house). Default 120 m².</summary>
    public double FloorAreaScaleSquareMeters { get; init; } = 120;

    /// <summary>Names accepted by <see cref="With"/>, in the order of the terms.</summary>
    public static IReadOnlyList<string> Names { get; } = ["inside", "transit", "hub_distance", "frequent_stop", "decay", "likelihood", "floor_area"];

    /// <summary>
    /// Parses <c>name=number</c> pairs separated by commas (<c>--weights</c> of the command line, <c>weights</c> of the
    /// service), e.g. <c>inside=40,transit=0</c>; unnamed terms keep their defaults. Null or empty: the defaults.
    /// </summary>
    /// <exception cref="ArgumentException">A pair that is not name=number, an unknown name, or a bad weight; the message names it.</exception>
    public static VacantRankingWeights Parse(string? text) =>
        TryParse(text, out var weights, out var problem) ? weights : throw new ArgumentException(problem, nameof(text));

    /// <summary>As <see cref="Parse"/>, returning the problem as data: a message naming the bad pair or weight.</summary>
    public static bool TryParse(string? text, out VacantRankingWeights weights, out string? problem)
    {
        weights = new VacantRankingWeights();
        problem = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var shown = part.Length <= 40 ? part : part[..40] + "…";
                problem = $"'{shown}' is not name=number (names: {string.Join(", ", Names)})";
                return false;
            }

            var name = part[..eq].Trim();
            if (!double.IsFinite(value) || value < 0)
            {
                problem = $"weight {name} must be a finite number ≥ 0";
                return false;
            }

            if (!Names.Contains(name))
            {
                problem = $"unknown weight '{name}'; weights: {string.Join(", ", Names)}";
                return false;
            }

            if (!seen.Add(name))
            {
                problem = $"weight '{name}' given more than once";
                return false;
            }

            weights = weights.With(name, value);
        }

        problem = weights.Problem();
        return problem is null;
    }

    /// <summary>A copy with one weight set by its name in <see cref="Names"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name, or a weight that is negative or not finite.</exception>
    public VacantRankingWeights With(string name, double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentException($"weight {name} must be a finite number ≥ 0", nameof(weight));
        }

        return name switch
        {
            "inside" => this with { Inside = weight },
            "transit" => this with { Transit = weight },
            "hub_distance" => this with { HubDistance = weight },
            "frequent_stop" => this with { FrequentStop = weight },
            "decay" => this with { Decay = weight },
            "likelihood" => this with { Likelihood = weight },
            "floor_area" => this with { FloorArea = weight },
            _ => throw new ArgumentException($"unknown weight '{name}'; weights: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>Checks that weights are finite and ≥ 0 and scales are &gt; 0.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>What is out of range, or null.</summary>
    public string? Problem()
    {
        double[] weights = [Inside, Transit, HubDistance, FrequentStop, Decay, Likelihood, FloorArea];
        if (weights.Any(w => !double.IsFinite(w) || w < 0))
        {
            return "weights must be finite numbers ≥ 0";
        }

        // The score divides by the sum of the weights: finite weights whose sum overflows would make every score 0.
        if (!double.IsFinite(weights.Sum()))
        {
            return "the weights add up to more than a number can hold; use weights of ordinary size (the defaults add up to 100)";
        }

        double[] scales = [TransitMinutesScale, HubDistanceScaleMeters, FrequentStopRadiusMeters, FloorAreaScaleSquareMeters];
        return scales.Any(s => !double.IsFinite(s) || s <= 0) ? "scales and the frequent-stop radius must be finite numbers > 0" : null;
    }
}
