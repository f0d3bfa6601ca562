using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>A throwaway file-store directory with helpers to write small GeoJSON layers.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sousei-test-" + Guid.NewGuid().ToString("N"));

    public void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(Path, file), text, new UTF8Encoding(false));

    public static string Collection(params string[] features) => "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}";

    public static string Feature(string geometry, string properties) => $"{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{properties}}}";

    public static string PointGeometry(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}");

    /// <summary>A square polygon in lon/lat drawn in EPSG:6670 metres around (x, y).</summary>
    public static string SquareGeometry(double x, double y, double size)
    {
        var p = PlaneProjection.Kumamoto;
        var pts = new[] { (x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y) }
            .Select(c => p.Unproject(c.Item1, c.Item2))
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Longitude},{c.Latitude}]"));
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", pts) + "]]}";
    }

    /// <summary>The smallest valid store: a 100 m square inducement area near 通町筋.</summary>
    public void WriteMinimalArea() => Write("inducement_area.geojson", Collection(Feature(SquareGeometry(-27_000, -21_800, 100), "{\"name\":\"area\"}")));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
        }
    }
}
