using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.IO.Analysis;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei vacant rank</c>: vacant houses ranked for bringing them back into use (restricted owner fields never shown).</summary>
internal sealed class VacantCommand : ICommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "vacant";

    public string Summary => "vacant houses (空き家) ranked for bringing them back into use inside the inducement area";

    public string Usage => """
        sousei vacant rank --data DIR | --db CONN --city CODE [--date YYYY-MM-DD] [--format text|json|geojson]
                           [--weights NAME=W,...] [--top N] [--filter EXPR] [--no-transit] [--crs EPSG:6670]
          --top         show only the N best houses (default: all for json/geojson, 30 for text)
          --filter      only houses matching EXPR (see sousei help whatif), e.g. inside=true,decay_rank=low|medium
        """ + "\n" + VacantSetup.Usage + """
          The score (0–100) is documented in docs/analysis.md. Owner names and contacts are never output.
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair", "no-transit" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count != 1 || args.Positional[0] != "rank")
        {
            throw new UsageException(args.Positional.Count == 0 ? "give the sub-command: sousei vacant rank ..." : $"unknown sub-command '{string.Join(" ", args.Positional)}'; expected: rank");
        }

        var format = args.Choice("format", "text", ("text", "text"), ("json", "json"), ("geojson", "geojson"));
        var top = args.Int("top", 1);
        var filterText = args.String("filter");
        var (weights, date, noTransit) = VacantSetup.ReadOptions(args);
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var filter = filterText is null ? null : WhatIfCommand.ParseFilter(filterText, source.Dataset.Zones.Select(z => z.Id).ToList());
        var setup = VacantSetup.Rank(source, weights, date, noTransit, console);
        WhatIfCommand.CheckFilterInputs(filter, setup.Ranking);

        var rows = setup.Ranking.Houses.Where(h => filter is null || filter.Matches(h)).Take(top ?? (format == "text" ? 30 : int.MaxValue)).ToList();
        var notes = setup.Notes.Concat(source.Notes).ToList();
        console.Out.WriteLine(format switch
        {
            "json" => DensityOutput.Json(w => VacantAnalysisJson.WriteRanking(w, setup.Ranking, rows, notes)),
            "geojson" => DensityOutput.Json(w => VacantAnalysisJson.WriteRankingGeoJson(w, setup.Ranking, rows, notes)),
            _ => Text(setup.Ranking, rows, notes),
        });
        return CommandRunner.Ok;
    }

    internal static string Text(VacantRankingResult ranking, IReadOnlyList<RankedVacantHouse> rows, IReadOnlyList<string> notes)
    {
        var sb = new StringBuilder();
        var inside = ranking.Houses.Count(h => h.Site.InsideInducementArea);
        sb.AppendLine($"空き家 ranking — {ranking.Houses.Count:N0} houses ({inside:N0} inside the inducement area); showing {rows.Count:N0}");
        sb.AppendLine("terms: " + string.Join(", ", ranking.TermsUsed));
        sb.AppendLine();
        sb.AppendLine(" rank  id                 score  inside  min→centre  regional hub m  stop≤300m  decay   likely   floor m²  status");
        sb.AppendLine(new string('─', 112));
        foreach (var h in rows)
        {
            var house = h.Site.House;
            sb.Append(h.Rank.ToString(Inv).PadLeft(5)).Append("  ")
              .Append(Cut(h.Id, 17).PadRight(17))
              .Append(h.Score.ToString("F2", Inv).PadLeft(7))
              .Append((h.Site.InsideInducementArea ? "yes" : "no").PadLeft(8))
              .Append((h.MinutesToCentralHub?.ToString("F1", Inv) ?? "—").PadLeft(12))
              .Append((h.DistanceToRegionalHubMeters?.ToString("N0", Inv) ?? "—").PadLeft(16))
              .Append((h.FrequentStopNearby is { } f ? f ? "yes" : "no" : "—").PadLeft(11))
              .Append("  ").Append((house.DecayRank ?? "—").PadRight(8))
              .Append(house.VacancyLikelihood ?? "—").Append(new string(' ', Math.Max(1, 7 - (house.VacancyLikelihood ?? "—").Length)))
              .Append((house.FloorAreaSquareMeters?.ToString("N0", Inv) ?? "—").PadLeft(10))
              .Append("  ").AppendLine(house.Status ?? "—");
        }

        foreach (var note in notes)
        {
            sb.AppendLine("note: " + note);
        }

        return sb.ToString().TrimEnd();
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
