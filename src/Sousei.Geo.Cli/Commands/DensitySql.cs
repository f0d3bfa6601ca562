using Sousei.Geo.Core.Density;
using Sousei.Geo.IO.Analysis;
using Sousei.Geo.PostGis.Density;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei density --engine sql</c>: the same output as the in-memory path, computed in PostGIS.</summary>
internal static class DensitySql
{
    public static int Run(DataSource source, DensityMethod? asked, int? year, double target, string format, bool trend, CliConsole console)
    {
        if (source.Database is not { } database)
        {
            throw new UsageException("--engine sql needs the data in PostGIS: --db CONN --city CODE");
        }

        var engine = new SqlDensityEngine(database.Db, database.City, source.Projection);
        var kinds = engine.Zones.ToDictionary(z => z.Id, z => z.Kind);
        if (trend)
        {
            var methods = asked is { } m ? [m] : engine.AvailableMethods();
            foreach (var method in methods)
            {
                Require(engine, method);
            }

            console.Progress("computing the trend in the database");
            var series = methods.Select(method => (method, engine.Trend(method, target))).ToList();
            console.Out.WriteLine(format == "json" ? DensityCommand.TrendJson(series, target, kinds) : DensityCommand.TrendText(series, target));
            return CommandRunner.Ok;
        }

        var chosen = asked ?? engine.AvailableMethods().FirstOrDefault();
        Require(engine, chosen);
        var years = engine.Years(chosen);
        int chosenYear;
        if (year is { } y)
        {
            chosenYear = years.Contains(y)
                ? y
                : throw new UsageException($"year {y} is not in the data for the {DensityOutput.MethodName(chosen)} method (years: {string.Join(", ", years)})");
        }
        else
        {
            chosenYear = years[^1];
        }

        console.Progress($"computing density by {DensityOutput.MethodName(chosen)} for {chosenYear} in the database");
        var result = engine.Compute(chosen, chosenYear, target);
        console.Out.WriteLine(format == "json"
            ? DensityOutput.Json(w => DensityJson.WriteResult(w, result, kinds))
            : DensityOutput.Text(result));
        return CommandRunner.Ok;
    }

    private static void Require(SqlDensityEngine engine, DensityMethod method)
    {
        if (engine.Unavailable(method) is { } why)
        {
            throw new UsageException(why);
        }
    }
}
