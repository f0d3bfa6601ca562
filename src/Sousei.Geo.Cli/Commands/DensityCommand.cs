using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.Analysis;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei density</c>: the inducement area's density against the target, by one method, or per year with --trend.</summary>
internal sealed class DensityCommand : ICommand
{
    public string Name => "density";

    public string Summary => "population density of the residential inducement area against the target (60.7 persons/ha)";

    public string Usage => """
        sousei density --data DIR | --db CONN --city CODE [--engine memory|sql]
                       [--method households|blocks|buildings] [--year Y] [--target 60.7]
                       [--format text|json] [--trend] [--crs EPSG:6670] [--repair]
          --db       PostGIS connection string (or set SOUSEI_DB); --city the JIS municipality code
          --engine   sql: compute in the database (default with --db); memory: load the layers
          --method   households: geocoded household points; blocks: areal weighting of town blocks or
                     e-Stat mesh cells; buildings: dasymetric by residential floor area
                     (default: households when the data has them, else blocks)
          --year     a year of the resident data (default: the latest)
          --trend    density per year for every available method
          --crs      plane CRS for areas (EPSG:6669–6687; default EPSG:6670, Kumamoto)
          --repair   repair invalid polygons with MakeValid and report what changed
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "trend", "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var target = args.Double("target", DensityCalculator.DefaultTargetPerHectare, 0.0001, 100_000);
        var format = args.Choice("format", "text", ("text", "text"), ("json", "json"));
        var trend = args.Flag("trend");
        DensityMethod? asked = args.String("method") is null ? null : ParseMethod(args);
        var year = args.Int("year", 1800, 3000);
        var source = DataSource.Load(args, console);
        var engine = args.Choice("engine", source.Database is null ? "memory" : "sql", ("memory", "memory"), ("sql", "sql"));
        if (engine == "sql")
        {
            args.RejectUnknown();
            return DensitySql.Run(source, asked, year, target, format, trend, console);
        }

        args.RejectUnknown();
        var data = source.Dataset;
        var study = new StudyArea(data.InducementArea, data.Zones, source.Projection);
        var kinds = data.Zones.ToDictionary(z => z.Id, z => z.Kind);

        if (trend)
        {
            var methods = asked is { } m ? [m] : DensityAnalysis.AvailableMethods(data);
            foreach (var method in methods)
            {
                Require(data, method);
            }

            console.Progress("computing the trend");
            var series = methods.Select(method => (method, DensityAnalysis.Trend(study, data, method, target))).ToList();
            console.Out.WriteLine(format == "json" ? TrendJson(series, target, kinds) : TrendText(series, target));
            return CommandRunner.Ok;
        }

        var chosen = asked ?? DensityAnalysis.AvailableMethods(data).FirstOrDefault();
        Require(data, chosen);
        var chosenYear = ResolveYear(data, chosen, year);
        console.Progress($"computing density by {DensityOutput.MethodName(chosen)} for {chosenYear}");
        var result = DensityCalculator.Compute(study, data, chosen, chosenYear, target);
        if (format == "json")
        {
            console.Out.WriteLine(DensityOutput.Json(w => DensityJson.WriteResult(w, result, kinds)));
        }
        else
        {
            console.Out.WriteLine(DensityOutput.Text(result));
            foreach (var note in source.Notes)
            {
                console.Out.WriteLine("note: " + note);
            }
        }

        return CommandRunner.Ok;
    }

    internal static DensityMethod ParseMethod(CommandArgs args) => args.Choice("method", DensityMethod.Households,
        ("households", DensityMethod.Households), ("blocks", DensityMethod.Blocks), ("buildings", DensityMethod.Buildings));

    internal static void Require(CityDataset data, DensityMethod method)
    {
        if (DensityAnalysis.Unavailable(data, method) is { } why)
        {
            throw new UsageException(why);
        }
    }

    internal static int ResolveYear(CityDataset data, DensityMethod method, int? year)
    {
        var years = DensityAnalysis.Years(data, method);
        if (year is { } y)
        {
            return years.Contains(y)
                ? y
                : throw new UsageException($"year {y} is not in the data for the {DensityOutput.MethodName(method)} method (years: {string.Join(", ", years)})");
        }

        return years[^1];
    }

    internal static string TrendText(IReadOnlyList<(DensityMethod Method, IReadOnlyList<DensityResult> Results)> series, double target)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"居住誘導区域 density per year (target {target.ToString("0.0##", inv)} persons/ha)");
        sb.AppendLine();
        sb.AppendLine("method        year    population     area ha   persons/ha        gap  verdict");
        sb.AppendLine(new string('─', 80));
        foreach (var (method, results) in series)
        {
            foreach (var r in results)
            {
                var t = r.Total;
                sb.Append(DensityOutput.MethodName(method).PadRight(12))
                  .Append(r.Year.ToString(inv).PadLeft(6))
                  .Append(t.Population.ToString("N0", inv).PadLeft(14))
                  .Append(t.AreaHectares.ToString("N2", inv).PadLeft(12))
                  .Append((t.DensityPerHectare?.ToString("F2", inv) ?? "—").PadLeft(13))
                  .Append(t.GapPersons.ToString("N0", inv).PadLeft(11))
                  .Append("  ").AppendLine(t.MeetsTarget ? "meets" : "below");
            }
        }

        return sb.ToString().TrimEnd();
    }

    internal static string TrendJson(IReadOnlyList<(DensityMethod Method, IReadOnlyList<DensityResult> Results)> series, double target, IReadOnlyDictionary<string, string> kinds) =>
        DensityOutput.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("target_per_ha", target);
            w.WriteStartArray("trend");
            foreach (var (_, results) in series)
            {
                foreach (var r in results)
                {
                    DensityJson.WriteResult(w, r, kinds);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
