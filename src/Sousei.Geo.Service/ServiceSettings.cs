namespace Sousei.Geo.Service;

/// <summary>
/// Configuration keys of the service (section <c>Sousei</c>; environment variables <c>Sousei__Data</c> …,
/// or command-line <c>--Sousei:Data=DIR</c>). The staff API key is read from configuration only and never
/// committed: set <c>Sousei__StaffApiKey</c> in the environment of the process.
/// </summary>
public static class ServiceSettings
{
    /// <summary>File-store directory (docs/data-model.md) to load at start.</summary>
    public const string Data = "Sousei:Data";

    /// <summary>Plane CRS for areas and distances, <c>EPSG:6669</c>–<c>EPSG:6687</c> (default EPSG:6670).</summary>
    public const string Crs = "Sousei:Crs";

    /// <summary>Staff API key; callers sending it in <c>X-Api-Key</c> may read restricted vacant-house fields.</summary>
    public const string StaffApiKey = "Sousei:StaffApiKey";

    /// <summary>Requests a minute one client may make to the computing endpoints (default 300).</summary>
    public const string RateLimitPerMinute = "Sousei:RateLimitPerMinute";

    /// <summary>GTFS service day (<c>YYYY-MM-DD</c>); default: <see cref="Core.Transit.GtfsServiceDays.BusiestWeekday"/>.</summary>
    public const string ServiceDate = "Sousei:ServiceDate";

    /// <summary>Apply MakeValid repairs when loading (<c>true</c>/<c>false</c>).</summary>
    public const string Repair = "Sousei:Repair";

    /// <summary>Online basemap: an XYZ tile template, http(s) with <c>{z}</c>, <c>{x}</c>, <c>{y}</c> (default none: no external request).</summary>
    public const string BasemapUrl = "Sousei:Basemap:Url";

    /// <summary>The attribution the basemap's terms require, shown in the viewer's attribution control.</summary>
    public const string BasemapAttribution = "Sousei:Basemap:Attribution";

    /// <summary>Offline basemap file (<c>.mbtiles</c> or <c>.pmtiles</c>) served at <c>/basemap/{z}/{x}/{y}</c>.</summary>
    public const string BasemapFile = "Sousei:Basemap:File";
}
