namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>
/// Every use case as a command line and as an HTTP request with the same parameters (<c>--max-rides</c> is
/// <c>max_rides</c>): the parity suite runs each on both sides and compares the JSON key by key.
/// </summary>
internal static class ParityCases
{
    public static IEnumerable<(string[] Cli, string Api)> All()
    {
        var (lon, lat) = ParityStore.Inside;
        var lonText = lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var latText = lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            (["density"], "/api/density"),
            (["density", "--method", "blocks", "--year", "2010"], "/api/density?method=blocks&year=2010"),
            (["density", "--method", "blocks", "--target", "70"], "/api/density?method=blocks&target=70"),
            (["density", "--trend"], "/api/density?trend=true"),
            (["density", "--year", "2015"], "/api/density?year=2015"),
            (["trend"], "/api/trend"),
            (["trend", "--method", "blocks", "--horizon", "2060"], "/api/trend?method=blocks&horizon=2060"),
            (["report"], "/api/report"),
            (["hubs"], "/api/hubs/matrix"),
            (["hubs", "--date", "2026-05-12", "--window", "07:30-08:00", "--percentiles", "25,50,75", "--max-rides", "2"], "/api/hubs/matrix?date=2026-05-12&window=07:30-08:00&percentiles=25,50,75&max_rides=2"),
            (["hubs", "--arrive-by", "08:30"], "/api/hubs/matrix?arrive_by=08:30"),
            (["frequency"], "/api/frequency"),
            (["frequency", "--min-departures", "5"], "/api/frequency?min_departures=5"),
            (["coverage"], "/api/coverage"),
            (["coverage", "--year", "2015", "--rail-radius", "500"], "/api/coverage?year=2015&rail_radius=500"),
            (["accessibility"], "/api/accessibility"),
            (["accessibility", "--walk-speed", "1", "--access-radius", "400"], "/api/accessibility?walk_speed=1&access_radius=400"),
            (["accessibility", "--arrive-by", "08:10"], "/api/accessibility?arrive_by=08:10"),
            (["isochrone", "--hub", "c"], "/api/isochrones?hub=c"),
            (["isochrone", "--lon", lonText, "--lat", latText, "--shape", "bands", "--minutes", "10,20", "--cell", "250"], $"/api/isochrones?lon={lonText}&lat={latText}&shape=bands&minutes=10,20&cell=250"),
            (["vacant", "rank", "--top", "3"], "/api/vacant/ranking?top=3"),
            (["vacant", "rank", "--filter", "inside=true,decay_rank=low|high", "--format", "geojson"], "/api/vacant/ranking?format=geojson&filter=" + Uri.EscapeDataString("inside=true,decay_rank=low|high")),
            (["vacant", "rank", "--no-transit", "--weights", "inside=50"], "/api/vacant/ranking?no_transit=true&weights=" + Uri.EscapeDataString("inside=50")),
            (["whatif", "--occupy-top", "2"], "/api/vacant/whatif?occupy_top=2"),
            (["whatif", "--occupy-filter", "zone=east", "--persons-per-household", "2.5", "--method", "blocks"], "/api/vacant/whatif?occupy_filter=" + Uri.EscapeDataString("zone=east") + "&persons_per_household=2.5&method=blocks"),
        ];
    }

    /// <summary>Scenarios named from the store's scenarios/ folder (the file store only: PostGIS holds no scenarios).</summary>
    public static IEnumerable<(string[] Cli, string Api)> Scenarios() =>
    [
        (["hubs", "--scenario", "faster"], "/api/hubs/matrix?scenario=faster"),
        (["hubs", "--scenario", "faster", "--scenario", "shuttle"], "/api/hubs/matrix?scenario=faster,shuttle"),
        (["coverage", "--scenario", "shuttle"], "/api/coverage?scenario=shuttle"),
        (["frequency", "--scenario", "shuttle"], "/api/frequency?scenario=shuttle"),
        (["accessibility", "--scenario", "faster"], "/api/accessibility?scenario=faster"),
        (["isochrone", "--hub", "r1", "--scenario", "shuttle"], "/api/isochrones?hub=r1&scenario=shuttle"),
        (["report", "--scenario", "shuttle"], "/api/report?scenario=shuttle"),
        (["compare", "--scenario", "faster"], "/api/compare?scenario=faster"),
        (["compare", "--scenario", "faster", "--format", "geojson"], "/api/compare?scenario=faster&format=geojson"),
        (["compare", "--baseline", "faster", "--scenario", "faster", "--scenario", "shuttle"], "/api/compare?baseline=faster&scenario=faster,shuttle"),
    ];

    /// <summary>Bad requests: the same parameter and the same problem code from both sides.</summary>
    public static IEnumerable<(string[] Cli, string Api, string Parameter, string Code)> Bad() =>
    [
        (["hubs", "--max-rides", "0"], "/api/hubs/matrix?max_rides=0", "max_rides", "parameter.range"),
        (["hubs", "--window", "9-7"], "/api/hubs/matrix?window=9-7", "window", "parameter.format"),
        (["hubs", "--percentiles", "10,,90"], "/api/hubs/matrix?percentiles=10,,90", "percentiles", "parameter.format"),
        (["hubs", "--arrive-by", "8h30"], "/api/hubs/matrix?arrive_by=8h30", "arrive_by", "parameter.format"),
        (["accessibility", "--arrive-by", "49:00"], "/api/accessibility?arrive_by=49:00", "arrive_by", "parameter.format"),
        (["density", "--method", "pixels"], "/api/density?method=pixels", "method", "parameter.choice"),
        (["density", "--year", "1999"], "/api/density?year=1999", "year", "parameter.choice"),
        (["coverage", "--date", "2026-13-01"], "/api/coverage?date=2026-13-01", "date", "parameter.format"),
        (["coverage", "--date", "2025-05-12"], "/api/coverage?date=2025-05-12", "date", "parameter.choice"),
        (["isochrone", "--hub", "atlantis"], "/api/isochrones?hub=atlantis", "hub", "parameter.choice"),
        (["isochrone"], "/api/isochrones", "hub", "parameter.required"),
        (["vacant", "rank", "--filter", "colour=red"], "/api/vacant/ranking?filter=colour%3Dred", "filter", "parameter.format"),
        (["whatif"], "/api/vacant/whatif", "occupy_top", "parameter.required"),
        (["trend", "--from", "2023", "--to", "2015"], "/api/trend?from=2023&to=2015", "from", "parameter.conflict"),
    ];
}
