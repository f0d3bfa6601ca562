using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.Analysis;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei trend</c>: density per zone projected by the compound annual growth rate of population between two
/// years of the resident data (area constant), and the year each zone and the whole area cross the target.
/// </summary>
internal sealed class TrendCommand : ICommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "trend";

    public string Summary => "density projected per zone (compound annual growth) and the year each crosses the target";

    public string Usage => """
        sousei trend --data DIR | --db CONN --city CODE [--method households|blocks|buildings]
                     [--from Y] [--to Y] [--horizon 2100] [--target 60.7] [--format text|json] [--crs EPSG:6670]
          model      r = (P_to / P_from)^(1 / (to − from)) − 1 per area, area constant; P(y) = P_to × (1 + r)^(y − to).
                     A trend line, not a demographic forecast. See docs/analysis.md.
          --from     first year of the model (default: the first year of the data for the method)
          --to       last year (default: the latest year)
          --horizon  last year searched for a crossing (default 2100)
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var format = args.Choice("format", "text", ("text", "text"), ("json", "json"));
        var target = args.Double("target", DensityCalculator.DefaultTargetPerHectare, 0.0001, 100_000);
        DensityMethod? asked = args.String("method") is null ? null : DensityCommand.ParseMethod(args);
        var from = args.Int("from", 1800, 3000);
        var to = args.Int("to", 1800, 3000);
        var horizon = args.Int("horizon", 1800, 3000) ?? DensityTrend.DefaultHorizonYear;
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var data = source.Dataset;
        var method = asked ?? DensityAnalysis.AvailableMethods(data).FirstOrDefault();
        DensityCommand.Require(data, method);
        var years = DensityAnalysis.Years(data, method);
        var first = from is { } f ? DensityCommand.ResolveYear(data, method, f) : years[0];
        var last = to is { } t ? DensityCommand.ResolveYear(data, method, t) : years[^1];
        if (first > last)
        {
            throw new UsageException($"--from {first} is after --to {last}");
        }

        if (horizon < last)
        {
            throw new UsageException($"--horizon {horizon} is before the last year of the model ({last})");
        }

        var study = new StudyArea(data.InducementArea, data.Zones, source.Projection);
        console.Progress($"density by {DensityOutput.MethodName(method)} for {first} and {last}");
        var history = first == last
            ? [DensityCalculator.Compute(study, data, method, last, target)]
            : new[] { first, last }.Select(y => DensityCalculator.Compute(study, data, method, y, target)).ToList();
        var result = DensityTrend.Project(history, horizon);
        var kinds = data.Zones.GroupBy(z => z.Id).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        console.Out.WriteLine(format == "json" ? DensityOutput.Json(w => DensityTrendJson.Write(w, result, kinds)) : Text(result));
        return CommandRunner.Ok;
    }

    /// <summary>The projection of the first method with at least two years, for <c>sousei report</c>; null when none has.</summary>
    internal static DensityTrendResult? ForReport(StudyArea study, CityDataset data, double target)
    {
        foreach (var method in DensityAnalysis.AvailableMethods(data))
        {
            var years = DensityAnalysis.Years(data, method);
            if (years.Count >= 2)
            {
                return DensityTrend.Project([DensityCalculator.Compute(study, data, method, years[0], target), DensityCalculator.Compute(study, data, method, years[^1], target)]);
            }
        }

        return null;
    }

    /// <summary>What a row says, in words: "meets", "crosses in 2031", "not by 2100", "no model".</summary>
    internal static string Verdict(TrendProjection p, int horizon) => p.Status switch
    {
        TrendStatus.Meets when p.FallsBelowYear is { } y => $"meets now; falls below in {y}",
        TrendStatus.Meets => "meets now",
        TrendStatus.Crosses => $"crosses in {p.CrossingYear}",
        TrendStatus.NotByHorizon => $"below; not by {horizon}",
        _ => "no model (needs two years with population)",
    };

    internal static string Text(DensityTrendResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"居住誘導区域 density trend — method {DensityOutput.MethodName(r.Method)}, {r.FirstYear}→{r.LastYear}, target {r.Total.TargetPerHectare.ToString("0.0##", Inv)} persons/ha");
        sb.AppendLine($"model: {DensityTrendJson.Model}");
        sb.AppendLine();
        var rows = new List<TrendProjection> { r.Total };
        rows.AddRange(r.Zones);
        var width = Math.Max(20, rows.Max(x => Width(x.Name)) + 2);
        sb.AppendLine("area".PadRight(width) + $"{r.FirstYear,8}/ha {r.LastYear,8}/ha  growth/yr  {r.LastYear + 10,8}/ha  verdict");
        sb.AppendLine(new string('─', width + 72));
        foreach (var p in rows)
        {
            var firstDensity = p.AreaHectares > 0 ? (p.PopulationFirst / p.AreaHectares).ToString("F2", Inv) : "—";
            sb.Append(p.Name).Append(new string(' ', Math.Max(1, width - Width(p.Name))))
              .Append(firstDensity.PadLeft(11))
              .Append((p.DensityLast?.ToString("F2", Inv) ?? "—").PadLeft(12))
              .Append((p.AnnualGrowthRate is { } g ? (g * 100).ToString("+0.00;-0.00", Inv) + " %" : "—").PadLeft(11))
              .Append((p.DensityIn(r.LastYear + 10)?.ToString("F2", Inv) ?? "—").PadLeft(13))
              .Append("  ").AppendLine(Verdict(p, r.HorizonYear));
        }

        return sb.ToString().TrimEnd();
    }

    private static int Width(string s) => s.Sum(c => c >= 0x1100 ? 2 : 1);
}
