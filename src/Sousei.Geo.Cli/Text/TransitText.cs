using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Cli.Text;

/// <summary>Text of the transit analyses: the hub matrix, frequency, coverage, accessibility and isochrones.</summary>
internal static class TransitText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Minutes(double? minutes) => minutes is { } m ? m.ToString("F1", Inv) : "—";

    public static string Hubs(HubConnectivityResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Hub connectivity by public transport — {r.Date:yyyy-MM-dd}, departures every minute {r.Window} ({r.DepartureCount})");
        sb.AppendLine("median travel minutes, row = from, column = to (— = no journey at the median departure)");
        sb.AppendLine();
        var ids = r.Hubs.Select(h => h.Id).ToList();
        var names = r.Hubs.ToDictionary(h => h.Id, h => h.Name);
        string Label(string id) => names.TryGetValue(id, out var n) && n != id ? $"{n} ({id})" : id;
        var rowLabels = ids.Select((id, i) => $"{i + 1,2} {names[id]}").ToList();
        var width = rowLabels.Max(TerminalText.Width) + 1;
        const int cell = 6;
        var median = r.Pairs.ToDictionary(p => (p.From, p.To), p => p.MedianMinutes);
        sb.Append(TerminalText.PadRight("", width));
        for (var i = 0; i < ids.Count; i++)
        {
            sb.Append((i + 1).ToString(Inv).PadLeft(cell));
        }

        sb.AppendLine();
        for (var i = 0; i < ids.Count; i++)
        {
            sb.Append(TerminalText.PadRight(rowLabels[i], width));
            foreach (var to in ids)
            {
                sb.Append((ids[i] == to ? "·" : Minutes(median.GetValueOrDefault((ids[i], to)))).PadLeft(cell));
            }

            sb.AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("Slowest links (median):");
        foreach (var p in r.Pairs.OrderByDescending(p => p.MedianMinutes ?? double.PositiveInfinity).Take(5))
        {
            sb.AppendLine($"  {Label(p.From)} → {Label(p.To)}: {Minutes(p.MedianMinutes)} min, {p.ShareWithin60.ToString("P0", Inv)} of departures within 60 min, {p.DirectTripsPerDay} direct trips/day");
        }

        sb.AppendLine();
        var hubWidth = Math.Max(8, r.Hubs.Max(h => TerminalText.Width(h.Name)) + 2);
        sb.AppendLine(TerminalText.PadRight("  hub", hubWidth + 2) + " stops  trips/day  routes  minutes to central");
        foreach (var h in r.Hubs)
        {
            sb.AppendLine("  " + TerminalText.PadRight(h.Name, hubWidth) + $"{h.StopCount,6} {h.TripsPerDay,10} {h.Routes,7}  {Minutes(h.MinutesToCentral),8}");
        }

        if (r.ArriveBySeconds is { } deadline)
        {
            sb.AppendLine();
            sb.AppendLine($"To arrive by {TransitOptions.FormatClock(deadline)}, leave at the latest (travel minutes):");
            foreach (var p in r.ArriveByPairs.Where(p => p.To == r.Hubs.FirstOrDefault(h => h.Kind == Core.Model.HubKind.Central)?.Id || r.Hubs.Count <= 4))
            {
                sb.AppendLine($"  {names[p.From]} → {names[p.To]}: " + (p.LatestDepartureSeconds is { } t ? $"{TransitOptions.FormatClock(t)} ({Minutes(p.TravelSeconds / 60.0)})" : "no journey arrives in time"));
            }
        }

        var warnings = HubWarnings.Of(r);
        if (warnings.Count > 0)
        {
            sb.AppendLine();
            foreach (var w in warnings)
            {
                sb.AppendLine($"warning: {w.Name} ({w.Hub}): {w.Reason}");
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string Frequency(FrequencyResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Service frequency — {r.Date:yyyy-MM-dd}: {r.Stops.Count:N0} stop directions; frequent (≥ {r.MinDepartures} departures a day in one direction): {r.FrequentBusStops:N0} bus stops, {r.RailStops:N0} rail/tram stops");
        sb.AppendLine();
        sb.AppendLine("Busiest stops (departures per day, one direction):");
        foreach (var f in r.Stops.Take(20))
        {
            sb.AppendLine($"  {f.StopName} ({f.StopId}{(f.DirectionId >= 0 ? $", direction {f.DirectionId}" : "")}, {(f.IsRail ? "rail" : "bus")}): {f.DeparturesPerDay}");
        }

        return sb.ToString().TrimEnd();
    }

    public static string Coverage(CoverageReport r)
    {
        var c = r.Coverage;
        var sb = new StringBuilder();
        var from = r.Population.Source == PopulationSource.Households ? $"households {r.Population.Year}" : $"population units {r.Population.Year} (areal weighting)";
        sb.AppendLine($"Public transport coverage (MLIT walkable area) — {r.Date:yyyy-MM-dd}, {from}");
        sb.AppendLine($"catchments: {r.Request.RailRadiusMeters.ToString("0.#", Inv)} m around {c.RailStops} rail/tram stops, {r.Request.BusRadiusMeters.ToString("0.#", Inv)} m around {c.QualifyingBusStops} bus stops with ≥ {r.Request.MinDepartures} departures a day");
        sb.AppendLine($"city: {c.CoveredPersons.ToString("N0", Inv)} of {c.Persons.ToString("N0", Inv)} persons ({c.ShareOfCity.ToString("P1", Inv)})");
        if (c.ShareOfInducementArea is { } s)
        {
            sb.AppendLine($"inside the 居住誘導区域: {c.CoveredInducementPersons.ToString("N0", Inv)} of {c.InducementPersons.ToString("N0", Inv)} persons ({s.ToString("P1", Inv)})");
        }

        foreach (var (label, g) in new[] { ("aged 65+", c.Aged65Plus), ("aged 0–14", c.Aged0To14) })
        {
            if (g is not null)
            {
                var inside = g.ShareOfInducementArea is { } gs ? $"; inside the 居住誘導区域 {gs.ToString("P1", Inv)}" : "";
                sb.AppendLine($"{label}: {g.CoveredPersons.ToString("N0", Inv)} of {g.Persons.ToString("N0", Inv)} ({g.ShareOfCity.ToString("P1", Inv)}){inside}");
            }
        }

        if (c.Zones.Count > 0)
        {
            var width = Math.Max(24, c.Zones.Max(z => TerminalText.Width(z.ZoneName)) + 2);
            sb.AppendLine("  " + TerminalText.PadRight("zone", width) + "   persons   covered       65+");
            foreach (var z in c.Zones)
            {
                var old = z.Aged65Plus is { } o ? o.ShareOfCity.ToString("P1", Inv) : "–";
                sb.AppendLine("  " + TerminalText.PadRight(z.ZoneName, width) + $"{z.All.Persons.ToString("N0", Inv),10} {z.All.ShareOfCity.ToString("P1", Inv),9} {old,9}");
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string Accessibility(AccessibilityReport r)
    {
        var a = r.Result;
        var sb = new StringBuilder();
        sb.AppendLine($"Accessibility to {a.CentralHubId} — {r.Date:yyyy-MM-dd}, median over {r.Window}, {r.Population.SourceName} {r.Population.Year}");
        var rows = new[] { a.All }.Concat(a.Zones).ToList();
        var width = Math.Max(24, rows.Max(z => TerminalText.Width(z.ZoneName)) + 2);
        var header = "   persons   ≤30 min   ≤45 min    median";
        header += a.All.Aged65Plus is null ? "" : "  65+ ≤30";
        header += a.All.NearestHub is null ? "" : "  hub ≤15  hub med";
        header += a.ArriveBySeconds is { } deadline ? $"  by {TransitOptions.FormatClock(deadline)}  leave by" : "";
        sb.AppendLine("  " + TerminalText.PadRight("zone", width) + header);
        static string Minutes(double? m) => m is { } v ? v.ToString("0.0", Inv) : "–";
        foreach (var z in rows)
        {
            var line = $"{z.Persons.ToString("N0", Inv),10} {z.ShareWithin30.ToString("P1", Inv),9} {z.ShareWithin45.ToString("P1", Inv),9} {Minutes(z.MedianMinutes),9}";
            line += a.All.Aged65Plus is null ? "" : $" {(z.Aged65Plus is { } o ? o.ShareWithin30.ToString("P1", Inv) : "–"),8}";
            if (z.NearestHub is { } n)
            {
                line += $" {(z.Persons == 0 ? 0 : (double)n.PersonsWithin15 / z.Persons).ToString("P1", Inv),8} {Minutes(n.MedianMinutes),8}";
            }

            if (z.ArriveBy is { } by)
            {
                var leave = by.MedianLatestDepartureSeconds is { } t ? TransitOptions.FormatClock(t) : "–";
                line += $" {(z.Persons == 0 ? 0 : (double)by.PersonsArriving / z.Persons).ToString("P1", Inv),8} {leave,9}";
            }

            sb.AppendLine("  " + TerminalText.PadRight(z.ZoneName, width) + line);
        }

        sb.AppendLine("median: persons-weighted median of the residents' median minutes to the centre; hub: the nearest regional hub by travel time");
        if (a.ArriveBySeconds is not null)
        {
            sb.AppendLine("by: share who can arrive in time (departing at most 3 hours before); leave by: median of their latest departures");
        }

        return sb.ToString().TrimEnd();
    }

    public static string Isochrone(IsochroneReport r)
    {
        var sb = new StringBuilder();
        var origin = r.Hub ?? FormattableString.Invariant($"{r.Grid.OriginLongitude:0.######}, {r.Grid.OriginLatitude:0.######}");
        sb.AppendLine($"Isochrones from {origin} — {r.Date:yyyy-MM-dd}, median over {r.Window}; {r.Grid.Cells.Count:N0} cells of {r.Grid.CellMeters.ToString("0", Inv)} m reached within {r.Grid.MaxMinutes.ToString("0", Inv)} min");
        foreach (var b in r.Bands)
        {
            sb.AppendLine($"  ≤ {b.Minutes,3} min: {b.AreaHectares.ToString("N0", Inv),9} ha, {b.StopsReached,5} stops reached");
        }

        sb.AppendLine("(--format json gives the GeoJSON; --shape bands the band polygons)");
        return sb.ToString().TrimEnd();
    }
}
