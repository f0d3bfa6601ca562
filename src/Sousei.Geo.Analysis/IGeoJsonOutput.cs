using System.Text.Json;

namespace Sousei.Geo.Analysis;

/// <summary>
/// An analysis whose result can also be written as an RFC 7946 FeatureCollection (<c>--format geojson</c>,
/// <c>format=geojson</c>), besides its JSON.
/// </summary>
public interface IGeoJsonOutput<in TResult>
{
    void WriteGeoJson(Utf8JsonWriter writer, TResult result);
}
