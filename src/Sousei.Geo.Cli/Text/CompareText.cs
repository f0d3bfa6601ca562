using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis.Transit;

namespace Sousei.Geo.Cli.Text;

/// <summary>Text of <c>sousei compare</c>: the pairs that change most, coverage and accessibility before → after.</summary>
internal static class CompareText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(CompareReport r)
    {
        var sb = new StringBuilder();
        string Side(IReadOnlyList<string> s) => s.Count == 0 ? "the published timetables" : string.Join(" + ", s);
        sb.AppendLine($"Compare: {Side(r.Request.Baseline)} → {Side(r.Request.Transit.Scenarios)}");
        if (r.HubsAfter is { } hubs)
        {
            var names = hubs.Hubs.ToDictionary(h => h.Id, h => h.Name);
            sb.AppendLine($"hub matrix {hubs.Date:yyyy-MM-dd} {hubs.Window}: {r.Pairs.Count(p => p.BecomesReachable)} pair(s) become reachable, {r.Pairs.Count(p => p.BecomesUnreachable)} unreachable, {r.Pairs.Count(p => p.ChangeMinutes is < 0)} faster, {r.Pairs.Count(p => p.ChangeMinutes is > 0)} slower (median minutes)");
            foreach (var p in r.Pairs.Where(p => p.BecomesReachable || p.BecomesUnreachable || p.ChangeMinutes is not (null or 0))
                .OrderBy(p => p.BecomesReachable ? 0 : p.BecomesUnreachable ? 1 : 2).ThenBy(p => p.ChangeMinutes ?? 0).Take(15))
            {
                var change = p.ChangeMinutes is { } c ? c.ToString("+0.0;-0.0", Inv) + " min" : p.BecomesReachable ? "now reachable" : "no longer reachable";
                sb.AppendLine($"  {names[p.From]} → {names[p.To]}: {TransitText.Minutes(p.BeforeMinutes)} → {TransitText.Minutes(p.AfterMinutes)} ({change})");
            }
        }

        if (r.CoverageBefore is { } cb && r.CoverageAfter is { } ca)
        {
            sb.AppendLine($"coverage (MLIT walkable area), {cb.Population.SourceName} {cb.Population.Year}: {cb.Coverage.CoveredPersons.ToString("N0", Inv)} → {ca.Coverage.CoveredPersons.ToString("N0", Inv)} persons ({cb.Coverage.ShareOfCity.ToString("P1", Inv)} → {ca.Coverage.ShareOfCity.ToString("P1", Inv)})"
                + (cb.Coverage.ShareOfInducementArea is { } sb0 && ca.Coverage.ShareOfInducementArea is { } sa ? $"; inside the 居住誘導区域 {sb0.ToString("P1", Inv)} → {sa.ToString("P1", Inv)}" : ""));
        }

        if (r.AccessibilityBefore is { } ab && r.AccessibilityAfter is { } aa)
        {
            sb.AppendLine($"accessibility to {ab.Result.CentralHubId} (share within 30 / 45 min; median minutes):");
            var after = new[] { aa.Result.All }.Concat(aa.Result.Zones).ToDictionary(z => z.ZoneId);
            var rows = new[] { ab.Result.All }.Concat(ab.Result.Zones).ToList();
            var width = Math.Max(20, rows.Max(z => TerminalText.Width(z.ZoneName)) + 2);
            foreach (var z in rows)
            {
                var a = after[z.ZoneId];
                static string M(double? m) => m is { } v ? v.ToString("0.0", Inv) : "–";
                sb.AppendLine("  " + TerminalText.PadRight(z.ZoneName, width) + $"{z.ShareWithin30.ToString("P1", Inv),8} → {a.ShareWithin30.ToString("P1", Inv),-8} {z.ShareWithin45.ToString("P1", Inv),8} → {a.ShareWithin45.ToString("P1", Inv),-8} {M(z.MedianMinutes),6} → {M(a.MedianMinutes)}");
            }

            var counts = r.Changes.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
            int N(string status) => counts.GetValueOrDefault(status);
            var areas = ab.Population.Source == PopulationSource.Households ? $"{TravelTimeChanges.CellMeters:0} m cells" : "population units";
            sb.AppendLine($"travel time to the centre by {areas}: {N("faster")} faster, {N("slower")} slower, {N("same")} within ±1 min, {N("reachable")} newly reachable, {N("unreachable")} no longer reachable (--format geojson or png --out FILE for the map)");
        }

        foreach (var left in r.LeftOut)
        {
            sb.AppendLine("left out: " + left);
        }

        return sb.ToString().TrimEnd();
    }
}
