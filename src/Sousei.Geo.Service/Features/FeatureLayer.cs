using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Features;

/// <summary>
/// One OGC API – Features collection over an in-memory list: ids, geometries (longitude/latitude), a
/// bounding-box index and the properties each feature shows. Immutable; thread-safe.
/// </summary>
internal abstract class FeatureLayer
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private STRtree<int>? _index;
    private Dictionary<string, int>? _byId;
    private Envelope? _extent;

    public abstract string Id { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public abstract int Count { get; }

    public abstract string FeatureId(int index);

    public abstract Geometry Geometry(int index);

    public abstract void WriteProperties(Utf8JsonWriter w, int index, bool staff);

    /// <summary>Query parameters of the items endpoint beyond the OGC ones.</summary>
    public virtual IReadOnlyList<string> ExtraParameters => [];

    /// <summary>Parses the extra parameters into a predicate, or null for no filtering.</summary>
    public virtual Func<int, bool>? ParseFilter(QueryReader query) => null;

    /// <summary>True when the collection holds restricted fields that a staff key unlocks.</summary>
    public virtual bool HasRestrictedFields => false;

    public Envelope Extent => _extent ??= BuildExtent();

    /// <summary>Indices of features whose geometry intersects <paramref name="bbox"/>, ascending; all when null.</summary>
    public IEnumerable<int> Candidates(Envelope? bbox)
    {
        if (bbox is null)
        {
            return Enumerable.Range(0, Count);
        }

        var index = _index ??= BuildIndex();
        var box = Factory.ToGeometry(bbox);
        var hits = index.Query(bbox).ToArray();
        Array.Sort(hits);
        return hits.Where(i => Geometry(i) is Point p ? bbox.Covers(p.Coordinate) : Geometry(i).Intersects(box));
    }

    public int? IndexOf(string featureId)
    {
        var byId = _byId ??= BuildIds();
        return byId.TryGetValue(featureId, out var i) ? i : null;
    }

    private STRtree<int> BuildIndex()
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < Count; i++)
        {
            tree.Insert(Geometry(i).EnvelopeInternal, i);
        }

        tree.Build();
        return tree;
    }

    private Dictionary<string, int> BuildIds()
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            ids.TryAdd(FeatureId(i), i);
        }

        return ids;
    }

    private Envelope BuildExtent()
    {
        var e = new Envelope();
        for (var i = 0; i < Count; i++)
        {
            e.ExpandToInclude(Geometry(i).EnvelopeInternal);
        }

        return e;
    }
}
