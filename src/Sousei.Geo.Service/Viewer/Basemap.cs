namespace Sousei.Geo.Service.Viewer;

/// <summary>
/// The raster basemap the viewer draws under the data (<c>/api/status</c> → <c>basemap</c>): an XYZ tile template
/// (Web Mercator, <c>{z}/{x}/{y}</c>) and the attribution its terms require. None by default, so that the viewer makes
/// no request outside the service unless an operator configures one (<see cref="ServiceSettings.BasemapUrl"/>).
/// </summary>
/// <param name="Url">Absolute http(s) template, or one relative to the service (an offline basemap it serves itself).</param>
/// <param name="Attribution">Text shown in the map's attribution control.</param>
/// <param name="Format">png, jpg, webp (raster) or mvt.</param>
/// <param name="MinZoom">Lowest zoom level the tiles exist for.</param>
/// <param name="MaxZoom">Highest zoom level the tiles exist for (the viewer scales the last level up beyond it).</param>
public sealed record Basemap(string Url, string Attribution, string Format = "png", int MinZoom = 0, int MaxZoom = 18)
{
    /// <summary>The configured online basemap, or null when none is; a bad template fails the start.</summary>
    /// <exception cref="InvalidOperationException">The template is not http(s) or lacks {z}, {x} or {y}.</exception>
    public static Basemap? FromConfiguration(IConfiguration configuration)
    {
        var url = configuration[ServiceSettings.BasemapUrl];
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (TemplateProblem(url) is { } problem)
        {
            throw new InvalidOperationException($"{ServiceSettings.BasemapUrl}: {problem}");
        }

        return new Basemap(url, configuration[ServiceSettings.BasemapAttribution] ?? "");
    }

    /// <summary>Why an online tile template is not accepted, or null when it is.</summary>
    public static string? TemplateProblem(string url)
    {
        if (!Uri.TryCreate(url.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal),
                UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return $"'{Shorten(url)}' is not an http or https URL template";
        }

        var missing = new[] { "{z}", "{x}", "{y}" }.Where(p => !url.Contains(p, StringComparison.Ordinal)).ToArray();
        return missing.Length > 0 ? $"'{Shorten(url)}' lacks {string.Join(", ", missing)} (XYZ template, e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png)" : null;
    }

    /// <summary>The origin (scheme, host, port) of an absolute template, for the Content-Security-Policy; null for a relative one.</summary>
    public string? Origin => Uri.TryCreate(Url.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal),
        UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : null;

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
