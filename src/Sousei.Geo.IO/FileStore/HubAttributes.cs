using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The rules of the hubs layer (docs/data-model.md), shared by the file-store reader and the
/// Shapefile and CSV imports: an id, a kind <c>central</c> or <c>regional</c>, and at most one
/// central hub. Stateless, thread-safe.
/// </summary>
public static class HubAttributes
{
    /// <summary>Checks one hub's properties and builds it.</summary>
    /// <param name="location">The checked point, longitude/latitude (EPSG:4326).</param>
    /// <param name="get">A property by name, null when absent (as for <see cref="VacantHouseAttributes.Read"/>).</param>
    /// <param name="problem">Receives every problem as (code, message).</param>
    /// <returns>The hub, or null when its id or kind is bad.</returns>
    public static Hub? Read(Point location, Func<string, object?> get, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(problem);
        var id = AttributeValues.Text(get("id"));
        var kind = AttributeValues.Text(get("kind"));
        if (string.IsNullOrWhiteSpace(id))
        {
            problem("attribute.id", "property 'id' is missing");
        }

        if (!Kinds.TryParseHubKind(kind, out var hubKind))
        {
            problem("attribute.kind", $"property 'kind' is '{kind}'; expected 'central' or 'regional'");
            return null;
        }

        return string.IsNullOrWhiteSpace(id) ? null : new Hub(id, AttributeValues.Text(get("name")) ?? id, hubKind, location);
    }

    /// <summary>The problem (code <c>hubs.central</c>) when more than one of <paramref name="hubs"/> is central, else null.</summary>
    /// <param name="hubs">Every hub of the layer.</param>
    /// <param name="file">The layer's file name, for the problem.</param>
    public static DataProblem? CentralProblem(IEnumerable<Hub> hubs, string file)
    {
        var centrals = hubs.Where(h => h.IsCentral).Select(h => h.Id).ToList();
        // Travel times "to the centre" would silently use whichever central hub comes first.
        return centrals.Count <= 1 ? null
            : new DataProblem("hubs.central", file, $"{centrals.Count} hubs have kind 'central' ({string.Join(", ", centrals.Take(5).Select(c => $"'{c}'"))}{(centrals.Count > 5 ? ", …" : "")}); exactly one hub is the central hub");
    }
}
