namespace Sousei.Geo.Demo;

/// <summary>A stop of the demo transit network: longitude/latitude rounded to 6 decimals, plane position in EPSG:6670 metres.</summary>
internal sealed record DemoStop(string Id, string Name, double Longitude, double Latitude, double X, double Y);
