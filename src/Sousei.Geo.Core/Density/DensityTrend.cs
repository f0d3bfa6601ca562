namespace Sousei.Geo.Core.Density;

/// <summary>
/// Projects density forward with a stated model: the compound annual growth rate (CAGR) of population between
/// the first and the last year of the history, r = (P_last / P_first)^(1 / (y_last − y_first)) − 1, with the
/// area held constant; P(y) = P_last × (1 + r)^(y − y_last). The year an area crosses the target is the first
/// whole year after y_last whose projected population meets it by the rule of <see cref="AreaDensity.MeetsTarget"/>,
/// searched up to a horizon. A trend line, not a forecast: it ignores births, deaths and migration
/// assumptions (cf. the cohort-component projections of 国立社会保障・人口問題研究所). Pure and thread-safe.
/// </summary>
public static class DensityTrend
{
    /// <summary>Default last year searched for a crossing.</summary>
    public const int DefaultHorizonYear = 2100;

    /// <summary>Projects from <paramref name="history"/> (one method, any order; zones in the same order every year).</summary>
    /// <exception cref="ArgumentException">The history is empty, mixes methods, or its years' zones differ.</exception>
    public static DensityTrendResult Project(IReadOnlyList<DensityResult> history, int horizonYear = DefaultHorizonYear)
    {
        if (history.Count == 0)
        {
            throw new ArgumentException("the history holds no year", nameof(history));
        }

        if (history.Select(h => h.Method).Distinct().Count() > 1)
        {
            throw new ArgumentException("the history mixes density methods", nameof(history));
        }

        var ordered = history.OrderBy(h => h.Year).ToList();
        var first = ordered[0];
        var last = ordered[^1];
        if (first.Zones.Count != last.Zones.Count || first.Zones.Where((z, i) => z.Id != last.Zones[i].Id).Any())
        {
            throw new ArgumentException("the years of the history have different zones", nameof(history));
        }

        var total = Row(first.Total, last.Total, first.Year, last.Year, horizonYear);
        var zones = last.Zones.Select((z, i) => Row(first.Zones[i], z, first.Year, last.Year, horizonYear)).ToList();
        return new DensityTrendResult(last.Method, first.Year, last.Year, horizonYear, total, zones);
    }

    /// <summary>CAGR between two populations <paramref name="years"/> apart; null when undefined.</summary>
    public static double? AnnualGrowthRate(double populationFirst, double populationLast, int years) =>
        years > 0 && populationFirst > 0 && populationLast >= 0 ? Math.Pow(populationLast / populationFirst, 1.0 / years) - 1 : null;

    private static TrendProjection Row(AreaDensity first, AreaDensity last, int firstYear, int lastYear, int horizonYear)
    {
        var rate = last.AreaHectares > 0 ? AnnualGrowthRate(first.Population, last.Population, lastYear - firstYear) : null;
        var row = new TrendProjection(last.Id, last.Name, firstYear, lastYear, first.Population, last.Population, last.AreaHectares,
            last.TargetPerHectare, rate, TrendStatus.NoModel, null, null);
        if (rate is not { } r)
        {
            return last.MeetsTarget ? row with { Status = TrendStatus.Meets } : row;
        }

        var meetsNow = last.MeetsTarget;
        for (var year = lastYear + 1; year <= horizonYear; year++)
        {
            var projected = last with { Population = last.Population * Math.Pow(1 + r, year - lastYear) };
            if (meetsNow && !projected.MeetsTarget)
            {
                return row with { Status = TrendStatus.Meets, FallsBelowYear = year };
            }

            if (!meetsNow && projected.MeetsTarget)
            {
                return row with { Status = TrendStatus.Crosses, CrossingYear = year };
            }
        }

        return row with { Status = meetsNow ? TrendStatus.Meets : TrendStatus.NotByHorizon };
    }
}
