using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Sousei.Geo.Service.Tiles;

/// <summary>
/// Features of one tile layer in longitude/latitude with their tile attributes, indexed by envelope.
/// <see cref="MinZoom"/> keeps low-zoom tiles of dense layers small (an empty tile below it).
/// </summary>
internal sealed class TileLayerSource
{
    private readonly STRtree<int> _index = new();
    private readonly List<(Geometry Geometry, AttributesTable Attributes)> _features = [];

    public TileLayerSource(string name, int minZoom, bool simplify)
    {
        Name = name;
        MinZoom = minZoom;
        Simplify = simplify;
    }

    public string Name { get; }

    public int MinZoom { get; }

    public bool Simplify { get; }

    public int Count => _features.Count;

    public void Add(Geometry geometry, AttributesTable attributes)
    {
        _index.Insert(geometry.EnvelopeInternal, _features.Count);
        _features.Add((geometry, attributes));
    }

    public void Build() => _index.Build();

    /// <summary>Features whose envelope meets <paramref name="envelope"/>, in insertion order.</summary>
    public IEnumerable<(Geometry Geometry, AttributesTable Attributes)> Query(Envelope envelope)
    {
        var hits = _index.Query(envelope).ToArray();
        Array.Sort(hits);
        return hits.Select(i => _features[i]);
    }
}
