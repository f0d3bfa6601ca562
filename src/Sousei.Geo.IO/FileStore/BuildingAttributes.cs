using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The rules of the buildings layer (docs/data-model.md), shared by the file-store reader and the
/// Shapefile import: <c>floors</c> an integer ≥ 1, <c>use</c> any text (empty when absent).
/// Stateless, thread-safe.
/// </summary>
public static class BuildingAttributes
{
    /// <summary>Checks one building's properties and builds it.</summary>
    /// <param name="id">The feature's id, or its index in the layer when it has none (ids are optional here).</param>
    /// <param name="footprint">The checked polygon or multipolygon, longitude/latitude (EPSG:4326).</param>
    /// <param name="get">A property by name, null when absent (as for <see cref="VacantHouseAttributes.Read"/>).</param>
    /// <param name="problem">Receives every problem as (code, message): <c>attribute.floors</c>.</param>
    /// <returns>The building, or null when floors is bad.</returns>
    public static Building? Read(string id, Geometry footprint, Func<string, object?> get, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(problem);
        return AttributeValues.WholeNumber(get("floors"), "floors", 1, problem) is { } floors
            ? new Building(id, footprint, floors, AttributeValues.Text(get("use")) ?? "")
            : null;
    }
}
