using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Cli.Text;

/// <summary>Text tables of density results: the verdict, then the whole area and each zone with its kind.</summary>
internal static class DensityText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(DensityReport r) => r.Trend ? Trend(r) : Single(r);

    public static string Verdict(AreaDensity d) => d.DensityPerHectare is not { } density
        ? "NO AREA: the inducement area is empty"
        : d.MeetsTarget
            ? $"MEETS the target: {density.ToString("F2", Inv)} ≥ {d.TargetPerHectare.ToString("0.0##", Inv)} persons/ha (headroom {(-d.GapPersons).ToString("N0", Inv)} persons)"
            : $"BELOW the target: {density.ToString("F2", Inv)} < {d.TargetPerHectare.ToString("0.0##", Inv)} persons/ha ({d.GapPersons.ToString("N0", Inv)} persons short)";

    private static string Single(DensityReport report)
    {
        var r = report.Result;
        var sb = new StringBuilder();
        sb.AppendLine($"居住誘導区域 population density — method {DensityMethods.Name(r.Method)}, year {r.Year}");
        sb.AppendLine(Verdict(r.Total));
        if (report.Bases.TryGetValue(r.Method, out var basis))
        {
            sb.AppendLine(Basis(basis, report.StrategyIndicators.Contains(r.Method)));
        }

        if (Share(r) is { } share)
        {
            sb.AppendLine(share);
        }

        sb.AppendLine();
        sb.AppendLine(Table(r, report.ZoneKinds));
        if (report.Projection is { } projection)
        {
            sb.AppendLine();
            sb.AppendLine(Projection(projection));
        }

        foreach (var note in report.Notes)
        {
            sb.AppendLine("note: " + note);
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Whose count the population is, and whether this figure is the strategy's indicator.</summary>
    public static string Basis(Core.Model.PopulationBasis basis, bool indicator) =>
        $"population basis: {PopulationBases.Japanese(basis)} ({PopulationBases.Key(basis).Replace('_', ' ')})"
        + (indicator ? " — the strategy's indicator (居住誘導区域の人口密度, resident registry)" : " — a check; the strategy's indicator is resident-registry based");

    /// <summary>IF107: projected persons and density of the covered part, per year.</summary>
    public static string Projection(ProjectedDensityResult p)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"IF107 居住誘導区域内の将来人口密度 (future population, {p.Cells} projection cells covering {p.CoveredHectares.ToString("N1", Inv)} ha = {(p.CoveredShare * 100).ToString("F1", Inv)} % of the area)");
        if (p.CoveredShare < 0.999)
        {
            sb.AppendLine("  the projection covers part of the area: the density is that of the covered part");
        }

        sb.AppendLine("  year   population   persons/ha     gap  verdict");
        foreach (var (year, d) in p.Years)
        {
            var density = d.DensityPerHectare is { } x ? x.ToString("F2", Inv) : "—";
            sb.AppendLine($"  {year}{d.Population.ToString("N0", Inv),13}{density,13}{d.GapPersons.ToString("N0", Inv),8}  {(d.AreaHectares <= 0 ? "no area" : d.MeetsTarget ? "meets" : "below")}");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>IF101 居住誘導区域内人口割合, when the city population is known.</summary>
    public static string? Share(DensityResult r) => r.ShareOfCityPopulation is { } share
        ? $"IF101 居住誘導区域内人口割合 (share of the city's population inside): {(share * 100).ToString("F1", Inv)} % of {r.CityPopulation!.Value.ToString("N0", Inv)}"
        : null;

    /// <summary>The whole area, then the zones grouped by kind (wards, hub areas, …) in data order, with a kind column.</summary>
    public static string Table(DensityResult r, IReadOnlyDictionary<string, string> kinds)
    {
        var rows = new List<(AreaDensity Row, string Kind)> { (r.Total, "") };
        var zoneRows = r.Zones.Select((z, i) => (z, i, Kind: kinds.GetValueOrDefault(z.Id, "zone"))).ToList();
        var kindOrder = zoneRows.Select(z => z.Kind).Distinct().ToList();
        rows.AddRange(zoneRows.OrderBy(z => kindOrder.IndexOf(z.Kind)).ThenBy(z => z.i).Select(z => (z.z, z.Kind)));
        var nameWidth = Math.Max(16, rows.Max(x => TerminalText.Width(x.Row.Name)) + 2);
        var kindWidth = Math.Max(6, rows.Max(x => x.Kind.Length) + 2);

        // Every number column is at least as wide as its header and always one blank wider than its widest value, so
        // that a 10-digit population or gap never runs into the next column.
        static string Density(AreaDensity a) => a.DensityPerHectare is { } d ? d.ToString("F2", Inv) : "—";
        var cells = rows.Select(x => (Pop: x.Row.Population.ToString("N0", Inv), Area: x.Row.AreaHectares.ToString("N2", Inv), Den: Density(x.Row),
            Target: x.Row.TargetPerHectare.ToString("0.0##", Inv), Gap: x.Row.GapPersons.ToString("N0", Inv))).ToList();
        int W(int header, Func<(string Pop, string Area, string Den, string Target, string Gap), string> pick) => Math.Max(header, cells.Max(c => pick(c).Length) + 1);
        var (popW, areaW, denW, targetW, gapW) = (W(12, c => c.Pop), W(12, c => c.Area), W(13, c => c.Den), W(8, c => c.Target), W(11, c => c.Gap));
        var rule = new string('─', nameWidth + kindWidth + popW + areaW + denW + targetW + gapW + 12);
        var sb = new StringBuilder();
        sb.Append(TerminalText.PadRight("area", nameWidth)).Append("kind".PadRight(kindWidth))
          .Append("population".PadLeft(popW)).Append("area ha".PadLeft(areaW)).Append("persons/ha".PadLeft(denW))
          .Append("target".PadLeft(targetW)).Append("gap".PadLeft(gapW)).AppendLine("  verdict");
        sb.AppendLine(rule);
        string? lastKind = null;
        foreach (var (row, i) in rows.Select((x, i) => (x, i)))
        {
            if (i > 0 && row.Kind != lastKind)
            {
                sb.AppendLine(rule);
            }

            lastKind = row.Kind;
            var c = cells[i];
            var verdict = row.Row.AreaHectares <= 0 ? "no area" : row.Row.MeetsTarget ? "meets" : "below";
            sb.Append(TerminalText.PadRight(row.Row.Name, nameWidth))
              .Append(row.Kind.PadRight(kindWidth))
              .Append(c.Pop.PadLeft(popW))
              .Append(c.Area.PadLeft(areaW))
              .Append(c.Den.PadLeft(denW))
              .Append(c.Target.PadLeft(targetW))
              .Append(c.Gap.PadLeft(gapW))
              .Append("  ").AppendLine(verdict);
        }

        return sb.ToString().TrimEnd();
    }

    private static string Trend(DensityReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"居住誘導区域 density per year (target {report.TargetPerHectare.ToString("0.0##", Inv)} persons/ha)");
        sb.AppendLine();
        sb.AppendLine("method        year    population     area ha   persons/ha        gap  verdict");
        sb.AppendLine(new string('─', 80));
        foreach (var r in report.Results)
        {
            var t = r.Total;
            sb.Append(DensityMethods.Name(r.Method).PadRight(12))
              .Append(r.Year.ToString(Inv).PadLeft(6))
              .Append(t.Population.ToString("N0", Inv).PadLeft(14))
              .Append(t.AreaHectares.ToString("N2", Inv).PadLeft(12))
              .Append((t.DensityPerHectare?.ToString("F2", Inv) ?? "—").PadLeft(13))
              .Append(t.GapPersons.ToString("N0", Inv).PadLeft(11))
              .Append("  ").AppendLine(t.MeetsTarget ? "meets" : "below");
        }

        return sb.ToString().TrimEnd();
    }
}
