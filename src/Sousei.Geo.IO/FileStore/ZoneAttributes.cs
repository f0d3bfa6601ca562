using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The rules of the zones layer (docs/data-model.md), shared by the file-store reader and the
/// Shapefile import: an <c>id</c> (unique, checked over the layer), a <c>name</c> (the id when absent)
/// and a <c>kind</c> (<c>zone</c> when absent). Stateless, thread-safe.
/// </summary>
public static class ZoneAttributes
{
    /// <summary>Checks one zone's properties and builds it.</summary>
    /// <param name="area">The checked polygon or multipolygon, longitude/latitude (EPSG:4326).</param>
    /// <param name="get">A property by name, null when absent (as for <see cref="VacantHouseAttributes.Read"/>).</param>
    /// <param name="problem">Receives every problem as (code, message): <c>attribute.id</c>.</param>
    /// <returns>The zone, or null when it has no id.</returns>
    public static Zone? Read(Geometry area, Func<string, object?> get, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(problem);
        var id = AttributeValues.Text(get("id"));
        if (string.IsNullOrWhiteSpace(id))
        {
            problem("attribute.id", "property 'id' is missing");
            return null;
        }

        return new Zone(id, AttributeValues.Text(get("name")) ?? id, AttributeValues.Text(get("kind")) ?? Kinds.DefaultZone, area);
    }
}
