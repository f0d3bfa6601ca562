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

    /// <summary>Attribute names over all features, with TileJSON types: <c>String</c>, <c>Boolean</c> or <c>Number</c>.</summary>
    public IReadOnlyDictionary<string, string> Fields()
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, attributes) in _features)
        {
            foreach (var name in attributes.GetNames())
            {
                if (!fields.ContainsKey(name))
                {
                    fields[name] = attributes[name] switch
                    {
                        string => "String",
                        bool => "Boolean",
                        _ => "Number",
                    };
                }
            }
        }

        return fields;
    }

    /// <summary>Features whose envelope meets <paramref name="envelope"/>, in insertion order.</summary>
    public IEnumerable<(Geometry Geometry, AttributesTable Attributes)> Query(Envelope envelope)
    {
        var hits = _index.Query(envelope).ToArray();
        Array.Sort(hits);
        return hits.Select(i => _features[i]);
    }
}
