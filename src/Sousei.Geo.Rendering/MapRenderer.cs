using NetTopologySuite.Geometries;
using SkiaSharp;
using Sousei.Geo.Analysis;

namespace Sousei.Geo.Rendering;

/// <summary>
/// Renders a PNG map of the chosen layers with SkiaSharp, drawn in the plane CRS (EPSG:6670 for Kumamoto,
/// so distances on the image are true to scale): a legend, a scale bar in metres and a north arrow (grid
/// north; within a fraction of a degree of true north in the zone). Japanese labels need a CJK font
/// (Debian fonts-noto-cjk); fontconfig picks one. Thread-safe (no shared mutable state).
/// </summary>
public static class MapRenderer
{
    /// <summary>Density classes of the town-block choropleth, persons per hectare (60.7 = the target).</summary>
    public static IReadOnlyList<(double Upper, SKColor Color)> DensityClasses { get; } =
    [
        (20, new SKColor(0xff, 0xf5, 0xeb)), (40, new SKColor(0xfd, 0xd0, 0xa2)), (60.7, new SKColor(0xfd, 0x8d, 0x3c)),
        (100, new SKColor(0xd9, 0x48, 0x01)), (double.PositiveInfinity, new SKColor(0x7f, 0x27, 0x04)),
    ];

    /// <summary>Renders the layers of <paramref name="request"/>, under them the areas of <paramref name="theme"/> (with its title and classes in the legend).</summary>
    public static byte[] RenderPng(City data, MapRequest request, MapTheme? theme = null)
    {
        var bbox = request.Bbox ?? data.Extent;
        var p = data.Projection;
        var (x0, y0) = p.Project(bbox.MinX, bbox.MinY);
        var (x1, y1) = p.Project(bbox.MaxX, bbox.MaxY);
        var (x2, y2) = p.Project(bbox.MinX, bbox.MaxY);
        var (x3, y3) = p.Project(bbox.MaxX, bbox.MinY);
        var minX = Math.Min(Math.Min(x0, x1), Math.Min(x2, x3));
        var maxX = Math.Max(Math.Max(x0, x1), Math.Max(x2, x3));
        var minY = Math.Min(Math.Min(y0, y1), Math.Min(y2, y3));
        var maxY = Math.Max(Math.Max(y0, y1), Math.Max(y2, y3));
        const float margin = 16;
        var scale = Math.Min((request.Width - 2 * margin) / Math.Max(1, maxX - minX), (request.Height - 2 * margin) / Math.Max(1, maxY - minY));
        var offsetX = (request.Width - (maxX - minX) * scale) / 2;
        var offsetY = (request.Height - (maxY - minY) * scale) / 2;
        SKPoint ToPixel(double lon, double lat)
        {
            var (x, y) = p.Project(lon, lat);
            return new SKPoint((float)(offsetX + (x - minX) * scale), (float)(request.Height - offsetY - (y - minY) * scale));
        }

        var view = new Envelope(bbox);
        using var surface = SKSurface.Create(new SKImageInfo(request.Width, request.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xf4, 0xf6, 0xf8));
        var legend = new List<(string Label, SKColor Fill, bool Point)>();
        var t = new Labels(request.English);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        var d = data.Dataset;
        if (theme is not null)
        {
            var colors = theme.Classes.Select(c => SKColor.Parse(c.Color)).ToArray();
            stroke.Color = new SKColor(255, 255, 255, 120);
            foreach (var (area, k) in theme.Areas.Where(a => a.Area.EnvelopeInternal.Intersects(view)))
            {
                fill.Color = colors[k];
                DrawArea(canvas, area, ToPixel, fill, stroke);
            }

            legend.AddRange(theme.Classes.Select((c, k) => (request.English ? c.LabelEnglish : c.Label, colors[k], false)));
        }

        foreach (var layer in MapRequest.LayerOrder.Where(request.Layers.Contains))
        {
            switch (layer)
            {
                case "town_blocks":
                    stroke.Color = new SKColor(255, 255, 255, 160);
                    foreach (var b in d.TownBlocks.Where(b => b.Year == data.LatestBlockYear && b.Geometry.EnvelopeInternal.Intersects(view)))
                    {
                        var ha = p.AreaSquareMeters(b.Geometry) / 10_000;
                        fill.Color = DensityClasses.First(c => (ha > 0 ? b.Persons / ha : 0) < c.Upper).Color;
                        DrawArea(canvas, b.Geometry, ToPixel, fill, stroke);
                    }

                    string previous = "0";
                    foreach (var (upper, color) in DensityClasses)
                    {
                        var label = double.IsPositiveInfinity(upper) ? $"≥ {previous}" : $"{previous}–{upper:0.#}";
                        legend.Add(($"{label} {t.PersonsPerHa}", color, false));
                        previous = upper.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
                case "zones":
                    stroke.Color = new SKColor(0x55, 0x55, 0x77);
                    stroke.StrokeWidth = 1.5f;
                    foreach (var z in d.Zones.Where(z => z.Geometry.EnvelopeInternal.Intersects(view)))
                    {
                        DrawArea(canvas, z.Geometry, ToPixel, null, stroke);
                    }

                    stroke.StrokeWidth = 1;
                    legend.Add((t.Zones, new SKColor(0x55, 0x55, 0x77), false));
                    break;
                case "inducement_area":
                    fill.Color = new SKColor(0x1f, 0x78, 0xb4, 40);
                    stroke.Color = new SKColor(0x1f, 0x78, 0xb4);
                    stroke.StrokeWidth = 2.5f;
                    DrawArea(canvas, d.InducementArea, ToPixel, fill, stroke);
                    stroke.StrokeWidth = 1;
                    legend.Add((t.InducementArea, new SKColor(0x1f, 0x78, 0xb4), false));
                    break;
                case "buildings":
                    fill.Color = new SKColor(0x88, 0x88, 0x88);
                    foreach (var b in d.Buildings.Where(b => b.Geometry.EnvelopeInternal.Intersects(view)))
                    {
                        DrawArea(canvas, b.Geometry, ToPixel, fill, null);
                    }

                    legend.Add((t.Buildings, fill.Color, false));
                    break;
                case "transit_stops" when data.DefaultTransit is { } transit:
                    fill.Color = new SKColor(0x33, 0xa0, 0x2c);
                    foreach (var s in transit.FrequentStops.Where(s => view.Covers(s.Longitude, s.Latitude)))
                    {
                        canvas.DrawCircle(ToPixel(s.Longitude, s.Latitude), 2.5f, fill);
                    }

                    legend.Add((t.FrequentStops, fill.Color, true));
                    break;
                case "vacant_houses":
                    fill.Color = new SKColor(0xe3, 0x1a, 0x1c);
                    foreach (var v in data.VacantHouses.Where(v => view.Covers(v.Longitude, v.Latitude)))
                    {
                        canvas.DrawCircle(ToPixel(v.Longitude, v.Latitude), 2f, fill);
                    }

                    legend.Add((t.VacantHouses, fill.Color, true));
                    break;
                case "hubs":
                    using (var font = Font(13))
                    {
                        foreach (var h in d.Hubs.Where(h => view.Covers(h.Location.Coordinate)))
                        {
                            var pt = ToPixel(h.Location.X, h.Location.Y);
                            fill.Color = h.IsCentral ? new SKColor(0x6a, 0x3d, 0x9a) : new SKColor(0x9e, 0x7b, 0xc8);
                            canvas.DrawCircle(pt, h.IsCentral ? 8 : 5.5f, fill);
                            stroke.Color = SKColors.White;
                            canvas.DrawCircle(pt, h.IsCentral ? 8 : 5.5f, stroke);
                            fill.Color = new SKColor(0x22, 0x22, 0x22);
                            canvas.DrawText(h.Name, pt.X + 9, pt.Y + 4, SKTextAlign.Left, font, fill);
                        }
                    }

                    legend.Add((t.Hubs, new SKColor(0x6a, 0x3d, 0x9a), true));
                    break;
            }
        }

        DrawLegend(canvas, legend, t);
        var storeTitle = data.Metadata.Title ?? data.Source.ShortName;
        DrawTitle(canvas, theme is null ? $"{storeTitle} — {t.Map}" : $"{(request.English ? theme.TitleEnglish : theme.Title)} — {storeTitle}", request.Width);
        DrawCredits(canvas, CreditLines(data, request), request.Width, request.Height);

        DrawScaleBar(canvas, scale, request.Height);
        DrawNorthArrow(canvas, request.Width);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }

    private static void DrawArea(SKCanvas canvas, Geometry g, Func<double, double, SKPoint> toPixel, SKPaint? fill, SKPaint? stroke)
    {
        using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }

            AddRing(builder, polygon.ExteriorRing, toPixel);
            foreach (var hole in polygon.InteriorRings)
            {
                AddRing(builder, hole, toPixel);
            }
        }

        using var path = builder.Detach();

        if (fill is not null)
        {
            canvas.DrawPath(path, fill);
        }

        if (stroke is not null)
        {
            canvas.DrawPath(path, stroke);
        }
    }

    private static void AddRing(SKPathBuilder path, LineString ring, Func<double, double, SKPoint> toPixel)
    {
        var seq = ring.CoordinateSequence;
        for (var i = 0; i < seq.Count; i++)
        {
            var pt = toPixel(seq.GetX(i), seq.GetY(i));
            if (i == 0)
            {
                path.MoveTo(pt);
            }
            else
            {
                path.LineTo(pt);
            }
        }

        path.Close();
    }

    private static SKFont Font(float size)
    {
        // Prefer a CJK face so that 日本語 labels render; fall back to whatever fontconfig matches.
        var typeface = SKFontManager.Default.MatchCharacter("Noto Sans CJK JP", '熊') ?? SKTypeface.Default;
        return new SKFont(typeface, size);
    }

    private static void DrawLegend(SKCanvas canvas, List<(string Label, SKColor Fill, bool Point)> items, Labels t)
    {
        if (items.Count == 0)
        {
            return;
        }

        using var font = Font(13);
        using var paint = new SKPaint { IsAntialias = true };
        var width = items.Max(i => font.MeasureText(i.Label)) + 44;
        var height = items.Count * 20 + 30;
        var rect = new SKRect(12, 12, 12 + width, 12 + height);
        paint.Color = new SKColor(255, 255, 255, 230);
        canvas.DrawRoundRect(rect, 6, 6, paint);
        paint.Color = new SKColor(0x22, 0x22, 0x22);
        canvas.DrawText(t.Legend, rect.Left + 10, rect.Top + 18, SKTextAlign.Left, font, paint);
        for (var i = 0; i < items.Count; i++)
        {
            var y = rect.Top + 30 + i * 20;
            paint.Color = items[i].Fill;
            if (items[i].Point)
            {
                canvas.DrawCircle(rect.Left + 18, y + 7, 5, paint);
            }
            else
            {
                canvas.DrawRect(rect.Left + 10, y, 16, 14, paint);
            }

            paint.Color = new SKColor(0x22, 0x22, 0x22);
            canvas.DrawText(items[i].Label, rect.Left + 34, y + 12, SKTextAlign.Left, font, paint);
        }
    }

    private static void DrawTitle(SKCanvas canvas, string title, int width)
    {
        using var font = Font(18);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 230) };
        var w = font.MeasureText(title) + 24;
        var rect = new SKRect((width - w) / 2, 10, (width + w) / 2, 40);
        canvas.DrawRoundRect(rect, 6, 6, paint);
        paint.Color = new SKColor(0x22, 0x22, 0x22);
        canvas.DrawText(title, width / 2f, 31, SKTextAlign.Center, font, paint);
    }

    /// <summary>
    /// The lines at the foot of a map: the data's credits (store metadata) for the layers drawn, whether the data is
    /// synthetic, and who drew it on which day.
    /// </summary>
    public static IReadOnlyList<string> CreditLines(City data, MapRequest request)
    {
        var t = new Labels(request.English);
        var lines = new List<string>();
        var credits = data.Metadata.Sources.Select(c => c.Credit).Distinct(StringComparer.Ordinal).ToList();
        if (credits.Count > 0)
        {
            lines.Add(t.Source + string.Join(" / ", credits));
        }

        if (data.Metadata.Synthetic == true)
        {
            lines.Add(t.Synthetic);
        }

        lines.Add($"{t.MadeWith} {DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        return lines;
    }

    private static void DrawCredits(SKCanvas canvas, IReadOnlyList<string> lines, int width, int height)
    {
        using var font = Font(10);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 210) };
        var max = width * 0.62f;
        var fitted = lines.Select(l => Fit(l, font, max)).ToList();
        var w = fitted.Max(l => font.MeasureText(l)) + 12;
        var h = fitted.Count * 13 + 6;
        var rect = new SKRect(width - w - 6, height - h - 6, width - 6, height - 6);
        canvas.DrawRect(rect, paint);
        paint.Color = new SKColor(0x33, 0x33, 0x33);
        for (var i = 0; i < fitted.Count; i++)
        {
            canvas.DrawText(fitted[i], width - 12, rect.Top + 14 + i * 13, SKTextAlign.Right, font, paint);
        }
    }

    /// <summary>The text, cut with an ellipsis to fit <paramref name="maxWidth"/> pixels.</summary>
    private static string Fit(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }

        var n = text.Length;
        while (n > 1 && font.MeasureText(text[..n] + "…") > maxWidth)
        {
            n--;
        }

        return text[..n] + "…";
    }

    private static void DrawScaleBar(SKCanvas canvas, double pixelsPerMeter, int height)
    {
        var target = 150 / pixelsPerMeter;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var meters = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).Last(m => m <= target || m == magnitude);
        var length = (float)(meters * pixelsPerMeter);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x22, 0x22, 0x22), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        var y = height - 20f;
        canvas.DrawLine(20, y, 20 + length, y, paint);
        canvas.DrawLine(20, y - 6, 20, y + 1, paint);
        canvas.DrawLine(20 + length, y - 6, 20 + length, y + 1, paint);
        using var font = Font(12);
        paint.Style = SKPaintStyle.Fill;
        var label = meters >= 1000 ? $"{meters / 1000:0.#} km" : $"{meters:0} m";
        canvas.DrawText(label, 20 + length / 2, y - 8, SKTextAlign.Center, font, paint);
    }

    private static void DrawNorthArrow(SKCanvas canvas, int width)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x22, 0x22, 0x22), Style = SKPaintStyle.Fill };
        var cx = width - 30f;
        using var builder = new SKPathBuilder();
        builder.MoveTo(cx, 14);
        builder.LineTo(cx + 9, 44);
        builder.LineTo(cx, 37);
        builder.LineTo(cx - 9, 44);
        builder.Close();
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
        using var font = Font(13);
        canvas.DrawText("N", cx, 60, SKTextAlign.Center, font, paint);
    }

    private sealed class Labels(bool english)
    {
        public string Legend => english ? "Legend" : "凡例";

        public string PersonsPerHa => english ? "persons/ha" : "人/ha";

        public string Zones => english ? "Zones" : "区域";

        public string InducementArea => english ? "Residential inducement area" : "居住誘導区域";

        public string Buildings => english ? "Buildings" : "建物";

        public string FrequentStops => english ? "Frequent stops" : "高頻度停留所";

        public string VacantHouses => english ? "Vacant houses" : "空き家";

        public string Hubs => english ? "Hubs" : "拠点";

        public string Map => english ? "map" : "地図";

        public string Source => english ? "Data: " : "出典: ";

        public string Synthetic => english ? "Synthetic data (not the real city)" : "合成データ（実在の人・建物ではありません）";

        public string MadeWith => english ? "Made with Sousei.Geo," : "Sousei.Geo で作成";
    }
}
