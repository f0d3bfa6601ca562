using System.Globalization;
using Sousei.Geo.Service.Data;

namespace Sousei.Geo.Cli.Commands;

/// <summary>Loads <see cref="CityData"/> (the service's view of a city) from <c>--data DIR</c> or <c>--db CONN --city CODE</c>.</summary>
internal static class ServiceData
{
    public static CityData Load(CommandArgs args, CliConsole console)
    {
        DateOnly? date = null;
        if (args.String("date") is { } text)
        {
            date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new UsageException($"--date '{text}' must be YYYY-MM-DD");
        }

        var source = DataSource.Load(args, console);
        console.Progress("preparing the city data");
        return CityData.FromDataset(source.Dataset, source.Projection, source.GtfsFeeds, date, source.Description, source.Notes);
    }
}
