using System.Globalization;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// What <c>vacant rank</c> and <c>whatif</c> share: the options <c>--weights</c>, <c>--date</c> and <c>--no-transit</c>,
/// and the ranking with transit terms when the data has GTFS feeds (otherwise ranked without them, said in the notes).
/// </summary>
internal sealed class VacantSetup
{
    public const string Usage = """
          --weights     term weights, e.g. inside=30,transit=20,hub_distance=10,frequent_stop=15,decay=10,
                        likelihood=10,floor_area=5 (the defaults; unnamed terms keep theirs; 0 switches one off)
          --date        GTFS service day YYYY-MM-DD for the transit terms (default: the weekday on which the
                        most feeds run, then the most trips); without gtfs/ feeds the transit terms are left out
          --no-transit  rank without the transit terms even when the data has GTFS feeds
        """;

    private VacantSetup(DataSource source, StudyArea study, VacantRankingResult ranking, IReadOnlyList<string> notes)
    {
        Source = source;
        Study = study;
        Ranking = ranking;
        Notes = notes;
    }

    public DataSource Source { get; }

    public StudyArea Study { get; }

    public VacantRankingResult Ranking { get; }

    /// <summary>Transit notes, terms left out and data notes, for the output.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads the shared options; call before <see cref="CommandArgs.RejectUnknown"/>.</summary>
    public static (VacantRankingWeights Weights, DateOnly? Date, bool NoTransit) ReadOptions(CommandArgs args)
    {
        var weights = ParseWeights(args.String("weights"));
        DateOnly? date = null;
        if (args.String("date") is { } text)
        {
            date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new UsageException($"--date '{text}' must be YYYY-MM-DD");
        }

        var noTransit = args.Flag("no-transit");
        if (noTransit && date is not null)
        {
            throw new UsageException("give either --date or --no-transit, not both");
        }

        return (weights, date, noTransit);
    }

    public static VacantRankingWeights ParseWeights(string? text)
    {
        try
        {
            return VacantRankingWeights.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--weights: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>Ranks every vacant house of the source.</summary>
    public static VacantSetup Rank(DataSource source, VacantRankingWeights weights, DateOnly? date, bool noTransit, CliConsole console)
    {
        var data = source.Dataset;
        if (data.VacantHouses.Count == 0)
        {
            throw new UsageException($"the data ({source.Description}) has no vacant houses to rank: vacant_houses.geojson is missing or has no features");
        }

        var study = new StudyArea(data.InducementArea, data.Zones, source.Projection);
        var notes = new List<string>();
        VacantRankingInputs? inputs = null;
        if (noTransit)
        {
            notes.Add("transit terms switched off (--no-transit)");
        }
        else if (source.GtfsFeeds.Count == 0)
        {
            if (date is not null)
            {
                throw new UsageException($"--date needs GTFS feeds, and the data ({source.Description}) has no gtfs/ directory");
            }

            notes.Add("ranked without transit terms: the data has no GTFS feeds (gtfs/)");
        }
        else
        {
            console.Progress($"reading {source.GtfsFeeds.Count} GTFS feed(s)");
            var read = GtfsReader.ReadFeeds(source.GtfsFeeds, date);
            read.ThrowIfProblems();
            var day = date ?? GtfsServiceDays.BusiestWeekday(read.Feeds);
            console.Progress($"building the transit network of {day:yyyy-MM-dd}");
            var network = TransitNetwork.Build(read.Feeds, day, source.Projection);
            var sites = VacantHouseSite.LocateAll(study, data.VacantHouses);
            console.Progress("travel times from every vacant house to the central hub");
            var (built, transitNotes) = VacantTransitInputs.Build(network, data.Hubs, sites);
            inputs = built;
            notes.AddRange(transitNotes);
        }

        console.Progress("ranking vacant houses");
        var ranking = VacantHouseRanking.Rank(study, data.VacantHouses, data.Hubs, weights, inputs);
        notes.AddRange(ranking.TermsLeftOut.Select(t => "term left out: " + t));
        if (ranking.NotRankedIds.Count > 0)
        {
            notes.Add($"not ranked (demolished): {ranking.NotRankedIds.Count} houses");
        }

        return new VacantSetup(source, study, ranking, notes);
    }
}
