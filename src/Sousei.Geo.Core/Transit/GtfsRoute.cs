namespace Sousei.Geo.Core.Transit;

/// <summary>A row of GTFS <c>routes.txt</c>, id namespaced by feed. <see cref="RouteType"/> is the GTFS (or extended) route type.</summary>
public sealed record GtfsRoute(string Id, string AgencyId, string ShortName, string LongName, int RouteType)
{
    /// <summary>
    /// True for rail and tram modes (GTFS 0 tram, 1 subway, 2 rail, 5 cable tram, 7 funicular, 12 monorail;
    /// extended 100–199 railway, 400–499 urban rail, 900–999 tram): the modes MLIT counts with an 800 m catchment.
    /// </summary>
    public bool IsRail => RouteType is 0 or 1 or 2 or 5 or 7 or 12 or (>= 100 and <= 199) or (>= 400 and <= 499) or (>= 900 and <= 999);

    /// <summary>A label for people: short name, else long name, else id.</summary>
    public string Label => ShortName.Length > 0 ? ShortName : LongName.Length > 0 ? LongName : Id;
}
