using System.Globalization;
using System.Net;
using System.Text;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Report;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Rendering;

/// <summary>
/// The report for a council committee as one self-contained HTML file (styles, charts and maps inline; no script and no
/// external request), Japanese by default: the cover with the data's sources and credits, the KPI and its checks, the
/// national indicators, density per ward and hub area, the trend, a density map, transit and vacant houses. It renders
/// <see cref="ReportResult"/> (every figure comes from the use cases) and computes nothing itself; the maps are drawn by
/// <see cref="MapRenderer"/>. Printed to A4 PDF by <see cref="ReportPdf"/>.
/// </summary>
public static class ReportDocument
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Renders the report; <paramref name="english"/> for the English edition.</summary>
    public static string Html(City city, ReportResult r, bool english = false)
    {
        var t = new Words(english);
        var sb = new StringBuilder();
        var title = r.Metadata.Title ?? city.Source.ShortName;
        sb.Append("<!DOCTYPE html><html lang=\"").Append(english ? "en" : "ja").Append("\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(t.Title)).Append(" — ").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        Cover(sb, r, t, title);
        Kpi(sb, r, t);
        Indicators(sb, r, t);
        Zones(sb, city, r, t, english);
        Trend(sb, r, t);
        Transit(sb, city, r, t);
        Vacant(sb, city, r, t, english);
        LeftOut(sb, r, t);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Pop(double v) => v.ToString("N0", Inv);

    private static string Den(double? v) => v is { } d ? d.ToString("F2", Inv) : "—";

    private static string Pct(double? v) => v is { } d ? (d * 100).ToString("F1", Inv) + " %" : "—";

    private static void Cover(StringBuilder sb, ReportResult r, Words t, string title)
    {
        sb.Append("<header class=\"cover\"><h1>").Append(E(title)).Append("</h1><p class=\"subtitle\">").Append(E(t.Title)).Append("</p>");
        if (r.Metadata.Synthetic == true)
        {
            sb.Append("<p class=\"synthetic\" role=\"note\">").Append(E(t.Synthetic)).Append("</p>");
        }

        sb.Append("<table class=\"facts\"><tbody>");
        Row(sb, t.City, r.Metadata.CityCode is { } code ? $"{title} ({code})" : title);
        Row(sb, t.Source, r.Source);
        foreach (var (layer, years) in r.LayerYears)
        {
            Row(sb, $"{t.Layer} {layer}", string.Join(", ", years));
        }

        Row(sb, t.Inventory, string.Format(Inv, t.InventoryFormat, r.Inventory.Households, r.Inventory.PopulationUnits, r.Inventory.Buildings, r.Inventory.Zones, r.Inventory.Hubs, r.Inventory.VacantHouses, r.Inventory.GtfsFeeds));
        Row(sb, t.InducementArea, r.Inventory.InducementAreaHectares.ToString("N1", Inv) + " ha");
        Row(sb, t.ServiceDay, r.ServiceDate?.ToString("yyyy-MM-dd", Inv) ?? "—");
        Row(sb, t.RunDate, r.RunDate.ToString("yyyy-MM-dd", Inv));
        Row(sb, t.Version, "Sousei.Geo " + r.Version);
        Row(sb, t.Crs, $"EPSG:{r.Epsg}");
        sb.Append("</tbody></table>");
        sb.Append("<h2 class=\"small\">").Append(E(t.Credits)).Append("</h2>");
        if (r.Metadata.Sources.Count == 0)
        {
            sb.Append("<p>").Append(E(t.NoCredits)).Append("</p>");
        }
        else
        {
            sb.Append("<ul class=\"credits\">");
            foreach (var c in r.Metadata.Sources)
            {
                sb.Append("<li><b>").Append(E(c.Layer)).Append("</b>: ").Append(E(c.Credit));
                if (c.Licence is not null)
                {
                    sb.Append(" (").Append(E(c.Licence)).Append(')');
                }

                if (c.Year is { } y)
                {
                    sb.Append(", ").Append(y);
                }

                if (c.Url is not null)
                {
                    sb.Append(" — ").Append(E(c.Url));
                }

                sb.Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</header>");
    }

    private static void Row(StringBuilder sb, string key, string value) => sb.Append("<tr><th scope=\"row\">").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static void Kpi(StringBuilder sb, ReportResult r, Words t)
    {
        sb.Append("<section id=\"kpi\"><h2>").Append(E(t.KpiTitle)).Append("</h2>");
        if (r.Kpi is not { } kpi || r.Density.FirstOrDefault(d => d.Method == kpi.Method) is not { } figure)
        {
            sb.Append("<p>").Append(E(t.NoDensity)).Append("</p></section>");
            return;
        }

        var total = figure.Total;
        var verdict = total.MeetsTarget ? t.Meets : t.Below;
        sb.Append("<div class=\"kpi ").Append(total.MeetsTarget ? "ok" : "short").Append("\" data-key=\"kpi\">");
        sb.Append("<div class=\"big\"><span data-key=\"kpi-density\">").Append(Den(total.DensityPerHectare)).Append("</span> <small>").Append(E(t.PerHa)).Append("</small></div>");
        sb.Append("<div>").Append(E(t.Target)).Append(' ').Append(total.TargetPerHectare.ToString("0.0##", Inv)).Append(' ').Append(E(t.PerHa)).Append(" — <b data-key=\"kpi-verdict\">").Append(E(verdict)).Append("</b></div>");
        sb.Append("<div>").Append(E(total.GapPersons > 0 ? t.Short : t.Headroom)).Append(": <b data-key=\"kpi-gap\">").Append(Pop(Math.Abs(total.GapPersons))).Append("</b> ").Append(E(t.Persons)).Append("</div>");
        sb.Append("<div class=\"basis\">").Append(E(string.Format(Inv, t.KpiBasis, figure.Year, Pop(total.Population), total.AreaHectares.ToString("N1", Inv), t.BasisName(kpi.Basis), DensityMethods.Name(kpi.Method)))).Append("</div>");
        sb.Append("<div class=\"basis\">").Append(E(kpi.IsStrategyIndicator ? t.IsIndicator : t.NotIndicator)).Append("</div></div>");
        if (kpi.WhyMethodsDiffer.Count > 0)
        {
            sb.Append("<h3>").Append(E(t.Checks)).Append("</h3><table class=\"checks\"><thead><tr><th>").Append(E(t.Method)).Append("</th><th>").Append(E(t.Basis)).Append("</th><th class=\"n\">").Append(E(t.Density)).Append("</th><th class=\"n\">").Append(E(t.Gap)).Append("</th><th>").Append(E(t.WhyDiffer)).Append("</th></tr></thead><tbody>");
            foreach (var (method, basis, ja, en) in kpi.WhyMethodsDiffer)
            {
                var d = r.Density.First(x => x.Method == method).Total;
                sb.Append("<tr data-method=\"").Append(DensityMethods.Name(method)).Append("\"><td>").Append(E(DensityMethods.Name(method))).Append("</td><td>").Append(E(t.BasisName(basis)))
                  .Append("</td><td class=\"n\">").Append(Den(d.DensityPerHectare)).Append("</td><td class=\"n\">").Append(Pop(d.GapPersons)).Append("</td><td>").Append(E(t.English ? en : ja)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section>");
    }

    private static void Indicators(StringBuilder sb, ReportResult r, Words t)
    {
        sb.Append("<section id=\"indicators\"><h2>").Append(E(t.Indicators)).Append("</h2>");
        sb.Append("<h3>IF101 居住誘導区域内人口割合</h3>");
        if (r.ShareOfCity.Count == 0)
        {
            sb.Append("<p>—</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th>").Append(E(t.Year)).Append("</th><th class=\"n\">").Append(E(t.Inside)).Append("</th><th class=\"n\">").Append(E(t.CityPopulation)).Append("</th><th class=\"n\">").Append(E(t.Share)).Append("</th><th class=\"n\">").Append(E(t.Change)).Append("</th></tr></thead><tbody>");
            foreach (var y in r.ShareOfCity)
            {
                sb.Append("<tr><td>").Append(y.Year).Append("</td><td class=\"n\">").Append(Pop(y.Inside)).Append("</td><td class=\"n\">").Append(Pop(y.City)).Append("</td><td class=\"n\">").Append(Pct(y.Share))
                  .Append("</td><td class=\"n\">").Append(y.ChangePoints is { } c ? c.ToString("+0.00;-0.00;0.00", Inv) + " pt" : "—").Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("<h3>IF104 公共交通徒歩圏人口カバー率</h3>");
        if (r.Coverage is { } c2)
        {
            sb.Append("<p data-key=\"if104\">").Append(E(string.Format(Inv, t.CoverageSentence, Pct(c2.Coverage.ShareOfCity), Pop(c2.Coverage.CoveredPersons), Pop(c2.Coverage.Persons), c2.Request.RailRadiusMeters, c2.Request.BusRadiusMeters, c2.Request.MinDepartures))).Append("</p>");
        }
        else
        {
            sb.Append("<p>—</p>");
        }

        sb.Append("<h3>IF107 居住誘導区域内の将来人口密度</h3>");
        if (r.Future is { } f)
        {
            sb.Append("<p>").Append(E(string.Format(Inv, t.FutureSentence, f.Cells, f.CoveredHectares.ToString("N1", Inv), Pct(f.CoveredShare)))).Append("</p>");
            sb.Append("<table><thead><tr><th>").Append(E(t.Year)).Append("</th><th class=\"n\">").Append(E(t.Population)).Append("</th><th class=\"n\">").Append(E(t.Density)).Append("</th><th class=\"n\">").Append(E(t.Gap)).Append("</th><th>").Append(E(t.Verdict)).Append("</th></tr></thead><tbody>");
            foreach (var (year, d) in f.Years)
            {
                sb.Append("<tr><td>").Append(year).Append("</td><td class=\"n\">").Append(Pop(d.Population)).Append("</td><td class=\"n\">").Append(Den(d.DensityPerHectare)).Append("</td><td class=\"n\">").Append(Pop(d.GapPersons)).Append("</td><td>").Append(E(d.MeetsTarget ? t.Meets : t.Below)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }
        else
        {
            sb.Append("<p>").Append(E(t.NoProjection)).Append("</p>");
        }

        sb.Append("<p class=\"note\">").Append(E(t.PlateauNote)).Append("</p></section>");
    }

    private static void Zones(StringBuilder sb, City city, ReportResult r, Words t, bool english)
    {
        if (r.Kpi is not { } kpi || r.Density.FirstOrDefault(d => d.Method == kpi.Method) is not { } figure)
        {
            return;
        }

        foreach (var (kind, heading) in new[] { (Kinds.Ward, t.Wards), (Kinds.HubArea, t.HubAreas) })
        {
            var zones = figure.Zones.Where(z => r.ZoneKinds.GetValueOrDefault(z.Id) == kind).ToList();
            if (zones.Count == 0)
            {
                continue;
            }

            sb.Append("<section id=\"zones-").Append(kind).Append("\"><h2>").Append(E(heading)).Append("</h2>");
            sb.Append("<table><thead><tr><th>").Append(E(t.Zone)).Append("</th><th class=\"n\">").Append(E(t.Population)).Append("</th><th class=\"n\">").Append(E(t.AreaHa)).Append("</th><th class=\"n\">").Append(E(t.Density)).Append("</th><th class=\"n\">").Append(E(t.Gap)).Append("</th><th>").Append(E(t.Verdict)).Append("</th></tr></thead><tbody>");
            foreach (var z in zones)
            {
                sb.Append("<tr data-zone=\"").Append(E(z.Id)).Append("\"><td>").Append(E(z.Name)).Append("</td><td class=\"n\">").Append(Pop(z.Population)).Append("</td><td class=\"n\">").Append(z.AreaHectares.ToString("N1", Inv))
                  .Append("</td><td class=\"n\">").Append(Den(z.DensityPerHectare)).Append("</td><td class=\"n\">").Append(Pop(z.GapPersons)).Append("</td><td>").Append(E(z.AreaHectares <= 0 ? t.NoArea : z.MeetsTarget ? t.Meets : t.Below)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
            sb.Append(ReportCharts.Bars(heading, zones.Select(z => (z.Name, z.DensityPerHectare)).ToList(), r.TargetPerHectare, t.PerHa));
            sb.Append("</section>");
        }

        sb.Append("<section id=\"map-density\" class=\"page\"><h2>").Append(E(t.DensityMap)).Append("</h2>");
        Map(sb, city, new MapRequest(new HashSet<string> { "town_blocks", "zones", "inducement_area", "hubs" }, null, 1100, 820, english), t.DensityMap);
        sb.Append("</section>");
    }

    private static void Map(StringBuilder sb, City city, MapRequest request, string alt)
    {
        var png = MapRenderer.RenderPng(city, request);
        sb.Append("<img class=\"map\" alt=\"").Append(E(alt)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
    }

    private static void Trend(StringBuilder sb, ReportResult r, Words t)
    {
        if (r.Trend is not { } trend || trend.SingleYear)
        {
            return;
        }

        var p = trend.Projection;
        sb.Append("<section id=\"trend\"><h2>").Append(E(t.TrendTitle)).Append("</h2><p>").Append(E(string.Format(Inv, t.TrendSentence, DensityMethods.Name(p.Method), p.FirstYear, p.LastYear, p.HorizonYear))).Append("</p>");
        sb.Append("<table><thead><tr><th>").Append(E(t.Zone)).Append("</th><th class=\"n\">").Append(p.FirstYear).Append("</th><th class=\"n\">").Append(p.LastYear).Append("</th><th class=\"n\">").Append(E(t.Growth)).Append("</th><th>").Append(E(t.Crossing)).Append("</th></tr></thead><tbody>");
        var rows = new[] { p.Total }.Concat(p.Zones).ToList();
        foreach (var z in rows)
        {
            var first = z.AreaHectares > 0 ? z.PopulationFirst / z.AreaHectares : (double?)null;
            var crossing = z.CrossingYear?.ToString(Inv) ?? (z.FallsBelowYear is { } fb ? string.Format(Inv, t.FallsBelow, fb) : (z.DensityLast >= z.TargetPerHectare ? t.Meets : "—"));
            sb.Append("<tr><td>").Append(E(z.Name)).Append("</td><td class=\"n\">").Append(Den(first)).Append("</td><td class=\"n\">").Append(Den(z.DensityLast)).Append("</td><td class=\"n\">")
              .Append(z.AnnualGrowthRate is { } g ? (g * 100).ToString("+0.00;-0.00", Inv) + " %" : "—").Append("</td><td>").Append(E(crossing)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        var series = rows.Where(z => z == p.Total || r.ZoneKinds.GetValueOrDefault(z.Id) == Kinds.Ward).Where(z => z.AreaHectares > 0).Select(z =>
        {
            IReadOnlyList<(int, double)> observed = [(z.FirstYear, z.PopulationFirst / z.AreaHectares), (z.LastYear, z.PopulationLast / z.AreaHectares)];
            IReadOnlyList<(int, double)> projected = z.DensityIn(p.HorizonYear) is { } h ? [(p.HorizonYear, h)] : [];
            return (z.Name, observed, projected, z.CrossingYear);
        }).ToList();
        sb.Append(ReportCharts.Trend(t.TrendTitle, series, r.TargetPerHectare, t.PerHa)).Append("</section>");
    }

    private static void Transit(StringBuilder sb, City city, ReportResult r, Words t)
    {
        if (r.Hubs is null && r.Coverage is null)
        {
            return;
        }

        sb.Append("<section id=\"transit\" class=\"page\"><h2>").Append(E(t.TransitTitle)).Append("</h2>");
        if (r.Hubs is { } hubs)
        {
            var names = hubs.Hubs.ToDictionary(h => h.Id, h => h.Name, StringComparer.Ordinal);
            var pairs = hubs.Pairs.ToDictionary(p => (p.From, p.To));
            sb.Append("<h3>").Append(E(t.Matrix)).Append("</h3><p>").Append(E(string.Format(Inv, t.MatrixSentence, hubs.Date.ToString("yyyy-MM-dd", Inv), TimeSpan.FromSeconds(hubs.WindowStartSeconds).ToString(@"hh\:mm", Inv), TimeSpan.FromSeconds(hubs.WindowEndSeconds).ToString(@"hh\:mm", Inv)))).Append("</p>");
            sb.Append("<table class=\"heat\"><thead><tr><th>").Append(E(t.FromTo)).Append("</th>");
            foreach (var h in hubs.Hubs)
            {
                sb.Append("<th class=\"v\"><span>").Append(E(h.Name)).Append("</span></th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var from in hubs.Hubs)
            {
                sb.Append("<tr><th scope=\"row\">").Append(E(from.Name)).Append("</th>");
                foreach (var to in hubs.Hubs)
                {
                    var m = from.Id == to.Id ? null : pairs.GetValueOrDefault((from.Id, to.Id))?.MedianMinutes;
                    sb.Append("<td style=\"background:").Append(from.Id == to.Id ? "#ffffff" : ReportCharts.MinutesColour(m)).Append("\">").Append(from.Id == to.Id ? "" : m is { } x ? x.ToString("F0", Inv) : "×").Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</tbody></table><p class=\"note\">").Append(E(t.MatrixNote)).Append("</p>");
            var warnings = HubWarnings.Of(hubs);
            if (warnings.Count > 0)
            {
                sb.Append("<h3>").Append(E(t.Warnings)).Append("</h3><ul class=\"warn\">");
                foreach (var w in warnings)
                {
                    sb.Append("<li><b>").Append(E(w.Name)).Append("</b>: ").Append(E(w.Reason)).Append("</li>");
                }

                sb.Append("</ul>");
            }

            _ = names;
        }

        if (r.Coverage is { } c)
        {
            var cv = c.Coverage;
            sb.Append("<h3>").Append(E(t.Coverage)).Append("</h3><table><tbody>");
            Row(sb, t.CoveredCity, $"{Pop(cv.CoveredPersons)} / {Pop(cv.Persons)} ({Pct(cv.ShareOfCity)})");
            Row(sb, t.CoveredInside, $"{Pop(cv.CoveredInducementPersons)} / {Pop(cv.InducementPersons)} ({Pct(cv.ShareOfInducementArea)})");
            Row(sb, t.Stops, string.Format(Inv, t.StopsFormat, cv.RailStops, cv.QualifyingBusStops));
            sb.Append("</tbody></table>");
        }

        if (r.Accessibility is { } a)
        {
            sb.Append("<h3>").Append(E(t.Accessibility)).Append("</h3><table><thead><tr><th>").Append(E(t.Zone)).Append("</th><th class=\"n\">").Append(E(t.Persons)).Append("</th><th class=\"n\">").Append(E(t.Within30)).Append("</th><th class=\"n\">").Append(E(t.Within45)).Append("</th><th class=\"n\">").Append(E(t.Median)).Append("</th></tr></thead><tbody>");
            foreach (var z in new[] { a.Result.All }.Concat(a.Result.Zones))
            {
                sb.Append("<tr><td>").Append(E(z.ZoneName)).Append("</td><td class=\"n\">").Append(Pop(z.Persons)).Append("</td><td class=\"n\">").Append(Pct(z.ShareWithin30)).Append("</td><td class=\"n\">").Append(Pct(z.ShareWithin45))
                  .Append("</td><td class=\"n\">").Append(z.MedianMinutes is { } m ? m.ToString("F0", Inv) : "—").Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section>");
    }

    private static void Vacant(StringBuilder sb, City city, ReportResult r, Words t, bool english)
    {
        if (r.VacantByZone.Count == 0 && r.WhatIfTop100 is null)
        {
            return;
        }

        sb.Append("<section id=\"vacant\" class=\"page\"><h2>").Append(E(t.VacantTitle)).Append("</h2>");
        if (r.VacantHousesInside is { } inside)
        {
            sb.Append("<p>").Append(E(string.Format(Inv, t.VacantInside, r.Inventory.VacantHouses, inside))).Append("</p>");
        }

        var statuses = r.VacantByZone.SelectMany(z => z.ByStatus.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (statuses.Count > 0)
        {
            sb.Append("<table><thead><tr><th>").Append(E(t.Zone)).Append("</th>");
            foreach (var s in statuses)
            {
                sb.Append("<th class=\"n\">").Append(E(t.Status(s))).Append("</th>");
            }

            sb.Append("<th class=\"n\">").Append(E(t.Total)).Append("</th></tr></thead><tbody>");
            foreach (var z in r.VacantByZone)
            {
                sb.Append("<tr><td>").Append(E(z.ZoneName)).Append("</td>");
                foreach (var s in statuses)
                {
                    sb.Append("<td class=\"n\">").Append(z.ByStatus.GetValueOrDefault(s).ToString("N0", Inv)).Append("</td>");
                }

                sb.Append("<td class=\"n\">").Append(z.Total.ToString("N0", Inv)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (r.WhatIfTop100 is { } w)
        {
            var before = w.Result.Before.Total;
            var after = w.Result.After.Total;
            sb.Append("<h3>").Append(E(t.WhatIf)).Append("</h3><p data-key=\"whatif\">").Append(E(string.Format(Inv, t.WhatIfSentence, w.Result.Occupied.Count, Pop(w.Result.PersonsAddedInside), Den(before.DensityPerHectare), Den(after.DensityPerHectare), Pop(after.GapPersons)))).Append("</p>");
            if (w.Reach.Total.HousesNeeded is { } needed)
            {
                sb.Append("<p>").Append(E(string.Format(Inv, t.HousesNeeded, needed))).Append("</p>");
            }
        }

        Map(sb, city, new MapRequest(new HashSet<string> { "zones", "inducement_area", "vacant_houses", "hubs" }, null, 1100, 820, english), t.VacantTitle);
        sb.Append("</section>");
    }

    private static void LeftOut(StringBuilder sb, ReportResult r, Words t)
    {
        if (r.LeftOut.Count == 0 && r.Notes.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"notes\"><h2>").Append(E(t.NotesTitle)).Append("</h2><ul>");
        foreach (var o in r.LeftOut)
        {
            sb.Append("<li>").Append(E(t.LeftOut)).Append(": <b>").Append(E(o.Section)).Append("</b> — ").Append(E(o.Reason)).Append("</li>");
        }

        foreach (var n in r.Notes)
        {
            sb.Append("<li>").Append(E(n)).Append("</li>");
        }

        sb.Append("</ul></section>");
    }

    private const string Style = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt sans-serif; color: #555; } }
        body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "DejaVu Sans", sans-serif; color: #1a1a1a; max-width: 190mm; margin: 0 auto; line-height: 1.5; font-size: 10.5pt; }
        h1 { font-size: 22pt; margin: 0 0 4pt; } h2 { font-size: 14pt; border-bottom: 2px solid #2b7bb9; padding-bottom: 2pt; margin-top: 18pt; break-after: avoid; }
        h2.small { font-size: 11pt; border: none; } h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
        .subtitle { font-size: 13pt; color: #333; margin: 0 0 8pt; } .synthetic { background: #fff3cd; border: 1px solid #e0b000; padding: 4pt 8pt; font-weight: bold; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; } thead { display: table-header-group; }
        th, td { border: 1px solid #c8c8c8; padding: 2pt 5pt; text-align: left; vertical-align: top; } thead th { background: #eef3f8; }
        tr { break-inside: avoid; page-break-inside: avoid; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        table.facts th { width: 32%; background: #f6f6f6; } table.checks td:not(:last-child), table.checks th:not(:last-child) { white-space: nowrap; } .credits { font-size: 9pt; }
        .kpi { border: 2px solid #2b7bb9; border-radius: 6pt; padding: 8pt 12pt; break-inside: avoid; } .kpi.short { border-color: #d9822b; }
        .kpi .big { font-size: 28pt; font-weight: bold; } .kpi .big small { font-size: 12pt; font-weight: normal; } .basis { color: #333; font-size: 9.5pt; }
        .chart { max-width: 100%; height: auto; break-inside: avoid; } .chart .lbl { font-size: 11px; } .chart .val, .chart .axis { font-size: 10px; fill: #333; } .chart .tgt { font-size: 10px; fill: #c0392b; }
        img.map { width: 100%; height: auto; border: 1px solid #ccc; break-inside: avoid; }
        table.heat { font-size: 7.5pt; table-layout: fixed; } table.heat td { text-align: center; padding: 1pt; } table.heat th.v { height: 70pt; vertical-align: bottom; }
        table.heat th.v span { writing-mode: vertical-rl; white-space: nowrap; } .note { font-size: 8.5pt; color: #444; } .warn li { color: #8a3b00; }
        section.page { break-before: page; } header.cover { break-after: page; }
        @media screen { body { padding: 12px; } }
        """;

    /// <summary>The document's words in Japanese or English.</summary>
    private sealed class Words(bool english)
    {
        public bool English => english;

        private string L(string ja, string en) => english ? en : ja;

        public string Title => L("居住誘導区域の人口密度と多核連携の報告書", "Report on the density of the residential inducement area and the multi-core connected city");

        public string Synthetic => L("このデータは合成データです（実在の人・建物・時刻表ではありません）。数値から実際の市について結論を出さないでください。", "This data is synthetic (no real person, building or timetable): draw no conclusion about the real city from it.");

        public string City => L("都市", "City");

        public string Source => L("データの場所", "Data source");

        public string Layer => L("レイヤーの年:", "Years of layer");

        public string Inventory => L("データの件数", "What the data holds");

        public string InventoryFormat => L("世帯 {0:N0}、人口単位 {1:N0}、建物 {2:N0}、区域 {3:N0}、拠点 {4:N0}、空き家 {5:N0}、GTFS {6}", "{0:N0} households, {1:N0} population units, {2:N0} buildings, {3:N0} zones, {4:N0} hubs, {5:N0} vacant houses, {6} GTFS feeds");

        public string InducementArea => L("居住誘導区域の面積", "Residential inducement area");

        public string ServiceDay => L("公共交通の運行日", "Transit service day");

        public string RunDate => L("作成日", "Date of the run");

        public string Version => L("作成ツール", "Made with");

        public string Crs => L("面積・距離の座標系", "CRS of areas and distances");

        public string Credits => L("出典・クレジット", "Sources and credits");

        public string NoCredits => L("このデータは出典を記していません（store.json がありません）。", "The store names no sources (no store.json).");

        public string KpiTitle => L("KPI: 居住誘導区域の人口密度", "KPI: population density of the residential inducement area");

        public string NoDensity => L("人口のレイヤーがないため密度を計算できません。", "No population layer: the density cannot be computed.");

        public string PerHa => L("人/ha", "persons/ha");

        public string Target => L("目標", "Target");

        public string Meets => L("達成", "meets the target");

        public string Below => L("未達", "below the target");

        public string NoArea => L("面積なし", "no area");

        public string Short => L("目標まで不足", "Short of the target by");

        public string Headroom => L("目標を上回る人数", "Above the target by");

        public string Persons => L("人", "persons");

        public string KpiBasis => L("{0}年、区域内人口 {1} 人 ÷ {2} ha。人口の基: {3}（方法 {4}）。", "{0}: {1} persons inside ÷ {2} ha. Population basis: {3} (method {4}).");

        public string IsIndicator => L("この値が総合戦略の指標（住民基本台帳に基づく居住誘導区域の人口密度）です。", "This is the strategy's indicator (resident-registry based density of the inducement area).");

        public string NotIndicator => L("住民基本台帳の世帯データがないため、これは戦略の指標そのものではなく、最も近い代替値です。", "The data has no resident-registry households: this is the closest substitute, not the strategy's indicator itself.");

        public string Checks => L("他の方法による検算", "Checks by the other methods");

        public string Method => L("方法", "Method");

        public string Basis => L("人口の基", "Basis");

        public string Density => L("人口密度（人/ha）", "Density (persons/ha)");

        public string Gap => L("目標との差（人）", "Gap (persons)");

        public string WhyDiffer => L("値が異なる理由", "Why it differs");

        public string Indicators => L("国の指標（都市構造評価・都市モニタリングシート）", "National indicators (urban-structure evaluation, MLIT monitoring sheet)");

        public string Year => L("年", "Year");

        public string Inside => L("区域内人口", "Inside");

        public string CityPopulation => L("市の人口", "City population");

        public string Share => L("割合", "Share");

        public string Change => L("前回からの変化", "Change");

        public string Population => L("人口", "Population");

        public string Verdict => L("判定", "Verdict");

        public string CoverageSentence => L("公共交通徒歩圏の人口カバー率 {0}（{1} 人 / {2} 人）。鉄軌道駅 {3} m、運行本数 1 日 {5} 本以上のバス停 {4} m の圏域の和集合。", "Walkable public transport coverage {0} ({1} of {2} persons): the union of {3} m around rail and tram stops and {4} m around bus stops with at least {5} departures a day.");

        public string FutureSentence => L("将来推計人口メッシュ {0} 個が区域の {1} ha（{2}）を覆う。密度は覆われた部分のもの。", "{0} projection cells cover {1} ha ({2}) of the area; the density is that of the covered part.");

        public string NoProjection => L("将来推計人口のレイヤー（population_projection.geojson）がありません。", "No future-population layer (population_projection.geojson).");

        public string PlateauNote => L("PLATEAU の都市構造評価は EPSG:3857 で圏域と面積を測るため、熊本の緯度では「300 m」圏が地上で約 252 m になる。本報告は平面直角座標系（EPSG:6670）で測っている（docs/analysis.md）。", "PLATEAU's evaluation buffers and measures in EPSG:3857, where a \"300 m\" buffer is about 252 m on the ground at Kumamoto's latitude; this report measures in the plane CRS (EPSG:6670) (docs/analysis.md).");

        public string Wards => L("区別の人口密度", "Density by ward");

        public string HubAreas => L("拠点区域別の人口密度", "Density by hub area");

        public string Zone => L("区域", "Zone");

        public string AreaHa => L("面積（ha）", "Area (ha)");

        public string DensityMap => L("人口密度の地図", "Map of population density");

        public string TrendTitle => L("人口密度の推移と目標達成年", "Density over the years and the year each zone reaches the target");

        public string TrendSentence => L("方法 {0}、{1}年から{2}年の変化率で{3}年まで延ばした見通し（破線）。", "Method {0}: the rate of change from {1} to {2}, extended to {3} (dashed).");

        public string Growth => L("年変化率", "Annual change");

        public string Crossing => L("目標到達年", "Reaches the target");

        public string FallsBelow => L("{0}年に下回る", "falls below in {0}");

        public string TransitTitle => L("公共交通: 拠点間の結びつき", "Transit: connecting the hubs");

        public string Matrix => L("拠点間の所要時間（分、中央値）", "Travel time between hubs (median minutes)");

        public string MatrixSentence => L("{0}、{1}–{2} の毎分出発の中央値（R5 と同じ考え方）。", "{0}, median over every minute departing {1}–{2} (as Conveyal R5).");

        public string FromTo => L("出発＼到着", "From \\ to");

        public string MatrixNote => L("× は時間帯内に到達できないことを示す。色は緑（短い）から赤（長い）。", "× : not reachable in the window. Colours from green (short) to red (long).");

        public string Warnings => L("公共交通の空白の警告", "Coverage-gap warnings");

        public string Coverage => L("公共交通徒歩圏", "Walkable public transport");

        public string CoveredCity => L("市全体", "Whole city");

        public string CoveredInside => L("居住誘導区域内", "Inside the inducement area");

        public string Stops => L("停留所", "Stops");

        public string StopsFormat => L("鉄軌道 {0}、高頻度バス停 {1}", "{0} rail/tram, {1} frequent bus stops");

        public string Accessibility => L("中心市街地への到達性（区域別）", "Accessibility to the central hub by zone");

        public string Within30 => L("30 分以内", "Within 30 min");

        public string Within45 => L("45 分以内", "Within 45 min");

        public string Median => L("中央値（分）", "Median (min)");

        public string VacantTitle => L("空き家", "Vacant houses");

        public string VacantInside => L("調査対象 {0:N0} 戸のうち居住誘導区域内 {1:N0} 戸。", "{0:N0} surveyed, {1:N0} inside the inducement area.");

        public string Total => L("計", "Total");

        public string WhatIf => L("上位 100 戸を再生した場合", "Bringing the top 100 back into use");

        public string WhatIfSentence => L("順位上位 {0} 戸に入居すると区域内人口は {1} 人増え、密度は {2} → {3} 人/ha（目標との差 {4} 人）。", "Occupying the top {0} adds {1} persons inside; density {2} → {3} persons/ha (gap {4} persons).");

        public string HousesNeeded => L("区域全体で目標に届くには {0:N0} 戸が必要。", "{0:N0} houses would be needed to reach the target over the whole area.");

        public string NotesTitle => L("注記", "Notes");

        public string LeftOut => L("省略した章", "Section left out");

        public string BasisName(PopulationBasis basis) => english ? PopulationBases.Key(basis).Replace('_', ' ') : PopulationBases.Japanese(basis);

        public string Status(string status) => (status, english) switch
        {
            ("vacant", false) => "空き家",
            ("listed", false) => "空き家バンク登録",
            ("under_repair", false) => "改修中",
            ("specified", false) => "特定空家",
            ("demolished", false) => "除却済",
            ("unknown", false) => "不明",
            _ => status.Replace('_', ' '),
        };
    }
}
