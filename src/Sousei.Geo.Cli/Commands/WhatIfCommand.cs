using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.IO.Analysis;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei whatif</c>: the density of the inducement area and its zones after chosen vacant houses are lived
/// in again, and how many top-ranked houses it takes to reach the target.
/// </summary>
internal sealed class WhatIfCommand : ICommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "whatif";

    public string Summary => "density and gap after chosen vacant houses are lived in again; houses needed to reach the target";

    public string Usage => """
        sousei whatif --data DIR | --db CONN --city CODE (--occupy-top N | --occupy-filter EXPR | --occupy-ids FILE)
                      [--persons-per-household X] [--method households|blocks|buildings] [--year Y]
                      [--target 60.7] [--format text|json] [--weights ...] [--date YYYY-MM-DD] [--no-transit]
          --occupy-top N        the N best houses of the ranking (sousei vacant rank)
          --occupy-filter EXPR  every ranked house matching EXPR: key=value conditions separated by commas, all
                                must hold; alternatives with |. Keys: inside (true|false), zone (ids),
                                decay_rank, vacancy_likelihood (low|medium|high), status (vacant|listed|
                                under_repair|specified), max_hub_distance_m (any hub), max_regional_hub_distance_m,
                                max_frequent_stop_distance_m, max_minutes_to_central (need GTFS),
                                min_floor_area_m2, min_score. Example: inside=true,decay_rank=low|medium,max_hub_distance_m=800
          --occupy-ids FILE     one survey id per line (blank lines and lines starting with # are skipped)
          --persons-per-household X  persons moving into each house (default: the average household size of the
                                smallest zone covering the house, from the households of the density year or
                                else the latest year; else the inducement area's average)
          --method, --year      the density baseline (default: households when the data has them, latest year)
          Houses outside the inducement area add nothing to its density; a house inside counts toward each zone
          covering it. Persons are kept fractional (averages). See docs/analysis.md.
        """ + "\n" + VacantSetup.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair", "no-transit" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        }

        var format = args.Choice("format", "text", ("text", "text"), ("json", "json"));
        var target = args.Double("target", DensityCalculator.DefaultTargetPerHectare, 0.0001, 100_000);
        var top = args.Int("occupy-top", 0);
        var filterText = args.String("occupy-filter");
        var idsFile = args.String("occupy-ids");
        var chosen = (top is null ? 0 : 1) + (filterText is null ? 0 : 1) + (idsFile is null ? 0 : 1);
        if (chosen != 1)
        {
            throw new UsageException(chosen == 0
                ? "choose the houses with --occupy-top N, --occupy-filter EXPR or --occupy-ids FILE"
                : "give only one of --occupy-top, --occupy-filter and --occupy-ids");
        }

        double? fixedSize = null;
        if (args.String("persons-per-household") is { } sizeText)
        {
            if (!double.TryParse(sizeText, NumberStyles.Float, Inv, out var size) || !double.IsFinite(size) || size <= 0 || size > 100)
            {
                throw new UsageException($"--persons-per-household '{sizeText}' must be a number > 0 (and at most 100)");
            }

            fixedSize = size;
        }

        DensityMethod? method = args.String("method") is null ? null : DensityCommand.ParseMethod(args);
        var year = args.Int("year", 1800, 3000);
        var (weights, date, noTransit) = VacantSetup.ReadOptions(args);
        var ids = idsFile is null ? null : ReadIds(idsFile);
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var data = source.Dataset;
        var filter = filterText is null ? null : ParseFilter(filterText, data.Zones.Select(z => z.Id).ToList());

        var baselineMethod = method ?? DensityAnalysis.AvailableMethods(data).FirstOrDefault();
        DensityCommand.Require(data, baselineMethod);
        var baselineYear = DensityCommand.ResolveYear(data, baselineMethod, year);
        if (fixedSize is null && data.Households.All(h => h.Persons <= 0))
        {
            throw new UsageException("the data has no households to take an average household size from; give --persons-per-household X");
        }

        var setup = VacantSetup.Rank(source, weights, date, noTransit, console);
        CheckFilterInputs(filter, setup.Ranking);
        var ranked = setup.Ranking.Houses;
        IReadOnlyList<VacantHouseSite> occupy;
        if (ids is not null)
        {
            occupy = ById(ids, ranked, setup);
        }
        else if (filter is not null)
        {
            occupy = ranked.Where(filter.Matches).Select(h => h.Site).ToList();
        }
        else
        {
            occupy = ranked.Take(top!.Value).Select(h => h.Site).ToList();
        }

        console.Progress($"density by {DensityOutput.MethodName(baselineMethod)} for {baselineYear}");
        var baseline = DensityCalculator.Compute(setup.Study, data, baselineMethod, baselineYear, target);
        var sizes = fixedSize is { } f
            ? HouseholdSizes.Fixed(f)
            : HouseholdSizes.FromHouseholds(setup.Study, data.Households, data.HouseholdYears.Contains(baselineYear) ? baselineYear : null);
        var result = WhatIf.Compute(setup.Study, baseline, occupy, sizes);
        var reach = TargetReach.Compute(setup.Study, baseline, ranked.Select(h => h.Site).ToList(), sizes);
        var kinds = data.Zones.GroupBy(z => z.Id).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var notes = setup.Notes.Concat(source.Notes).ToList();
        console.Out.WriteLine(format == "json"
            ? DensityOutput.Json(w => VacantAnalysisJson.WriteWhatIf(w, result, reach, sizes, kinds, notes))
            : Text(result, reach, sizes, notes));
        return CommandRunner.Ok;
    }

    internal static VacantHouseFilter ParseFilter(string text, IReadOnlyCollection<string> zoneIds)
    {
        try
        {
            return VacantHouseFilter.Parse(text, zoneIds);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>A filter on transit distances or times needs the ranking to have them.</summary>
    internal static void CheckFilterInputs(VacantHouseFilter? filter, VacantRankingResult ranking)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.KeysUsed.Contains("max_frequent_stop_distance_m") && !ranking.TermsUsed.Contains("frequent_stop"))
        {
            throw new UsageException("filter key max_frequent_stop_distance_m needs GTFS feeds (gtfs/) for the frequent stops, and this ranking has none");
        }

        if (filter.KeysUsed.Contains("max_minutes_to_central") && !ranking.TermsUsed.Contains("transit"))
        {
            throw new UsageException("filter key max_minutes_to_central needs GTFS feeds (gtfs/) and a central hub, and this ranking has no travel times");
        }
    }

    private static List<string> ReadIds(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--occupy-ids: cannot read '{path}': {e.Message}");
        }

        var ids = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (ids.Count == 0)
        {
            throw new UsageException($"--occupy-ids: '{path}' lists no id");
        }

        var twice = ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new UsageException($"--occupy-ids: listed more than once: {string.Join(", ", twice.Take(10))}");
        }

        return ids;
    }

    private static List<VacantHouseSite> ById(IReadOnlyList<string> ids, IReadOnlyList<RankedVacantHouse> ranked, VacantSetup setup)
    {
        var byId = ranked.ToDictionary(h => h.Id, h => h.Site, StringComparer.Ordinal);
        var demolished = setup.Ranking.NotRankedIds.ToHashSet(StringComparer.Ordinal);
        var gone = ids.Where(demolished.Contains).ToList();
        var unknown = ids.Where(i => !byId.ContainsKey(i) && !demolished.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"--occupy-ids: no vacant house has id {string.Join(", ", unknown.Take(10).Select(u => $"'{u}'"))}{(unknown.Count > 10 ? $" (and {unknown.Count - 10} more)" : "")}");
        }

        if (gone.Count > 0)
        {
            throw new UsageException($"--occupy-ids: demolished, cannot be lived in again: {string.Join(", ", gone.Take(10))}");
        }

        return ids.Select(i => byId[i]).ToList();
    }

    internal static string Text(WhatIfResult r, TargetReachResult reach, HouseholdSizes sizes, IReadOnlyList<string> notes)
    {
        var sb = new StringBuilder();
        var b = r.Before.Total;
        var a = r.After.Total;
        var inside = r.Occupied.Count(o => o.InsideInducementArea);
        sb.AppendLine($"What if {r.Occupied.Count:N0} vacant houses are lived in again — method {DensityOutput.MethodName(r.Before.Method)}, year {r.Before.Year}");
        sb.AppendLine($"{inside:N0} inside the inducement area add {r.PersonsAddedInside.ToString("N1", Inv)} persons" +
            (r.Occupied.Count > inside ? $"; {r.Occupied.Count - inside:N0} outside add nothing" : "") +
            (sizes.FixedSize is { } f ? $" ({f.ToString("0.##", Inv)} persons per household, given)" : $" (zone average household sizes, {sizes.Year})"));
        sb.AppendLine($"density {Density(b)} → {Density(a)} persons/ha (target {b.TargetPerHectare.ToString("0.0##", Inv)}); gap {b.GapPersons.ToString("N0", Inv)} → {a.GapPersons.ToString("N0", Inv)} persons");
        sb.AppendLine();
        var rows = new List<(string Name, AreaDensity Before, AreaDensity After)> { ("居住誘導区域 (all)", b, a) };
        rows.AddRange(r.Before.Zones.Select((z, i) => (z.Name, z, r.After.Zones[i])));
        var width = Math.Max(20, rows.Max(x => Width(x.Name)) + 2);
        sb.AppendLine("area".PadRight(width) + "      added   persons/ha before → after      gap before → after");
        sb.AppendLine(new string('─', width + 62));
        foreach (var (name, before, after) in rows)
        {
            sb.Append(name).Append(new string(' ', Math.Max(1, width - Width(name))))
              .Append((after.Population - before.Population).ToString("N1", Inv).PadLeft(11))
              .Append(Density(before).PadLeft(21)).Append(" → ").Append(Density(after).PadRight(8))
              .Append(before.GapPersons.ToString("N0", Inv).PadLeft(14)).Append(" → ").AppendLine(after.GapPersons.ToString("N0", Inv));
        }

        sb.AppendLine();
        sb.AppendLine($"Top-ranked vacant houses inside the area needed to reach {reach.TargetPerHectare.ToString("0.0##", Inv)} persons/ha:");
        sb.AppendLine($"  {"居住誘導区域 (all)"}: {VacantAnalysisJson.Answer(reach.Total)}");
        foreach (var z in reach.Zones)
        {
            sb.AppendLine($"  {z.Name}: {VacantAnalysisJson.Answer(z)}");
        }

        foreach (var note in notes)
        {
            sb.AppendLine("note: " + note);
        }

        return sb.ToString().TrimEnd();
    }

    private static string Density(AreaDensity d) => d.DensityPerHectare?.ToString("F2", Inv) ?? "—";

    private static int Width(string s) => s.Sum(c => c >= 0x1100 ? 2 : 1);
}
