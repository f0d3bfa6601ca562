using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Sousei.Geo.Demo;

/// <summary>
/// Finds the one block whose interior holds a rounded longitude/latitude point. Points on a block
/// boundary, or (after rounding) in two blocks or none, get -1, so the generator never places a
/// household whose block is ambiguous.
/// </summary>
internal sealed class DemoBlockIndex
{
    private readonly STRtree<int> _tree = new();
    private readonly IndexedPointInAreaLocator[] _locators;

    public DemoBlockIndex(IReadOnlyList<DemoBlock> blocks)
    {
        _locators = new IndexedPointInAreaLocator[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            _locators[i] = new IndexedPointInAreaLocator(blocks[i].Geometry);
            _tree.Insert(blocks[i].Geometry.EnvelopeInternal, i);
        }

        _tree.Build();
    }

    public int Locate(double longitude, double latitude)
    {
        var c = new Coordinate(longitude, latitude);
        var found = -1;
        foreach (var i in _tree.Query(new Envelope(c)))
        {
            switch (_locators[i].Locate(c))
            {
                case Location.Boundary:
                    return -1;
                case Location.Interior when found >= 0:
                    return -1;
                case Location.Interior:
                    found = i;
                    break;
            }
        }

        return found;
    }
}
