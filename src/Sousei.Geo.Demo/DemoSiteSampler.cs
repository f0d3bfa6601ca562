using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace Sousei.Geo.Demo;

/// <summary>
/// Accepts or refuses a candidate building site. A site must lie inside the city, off open land,
/// in exactly one block's interior and on the asked side of the inducement area — both tested on
/// the rounded longitude/latitude point that will be written — and its footprint disc must not
/// touch another building's.
/// </summary>
internal sealed class DemoSiteSampler
{
    private readonly DemoCityLayout _layout;
    private readonly DemoBlockIndex _blocks;
    private readonly IndexedPointInAreaLocator _outlinePlane;
    private readonly IndexedPointInAreaLocator _areaPlane;
    private readonly IndexedPointInAreaLocator _areaLonLat;
    private readonly IndexedFacetDistance _areaDistance;
    private readonly List<(Coordinate Centre, double Radius)> _openLand;
    private readonly SpacingGrid _footprints = new(40);

    public DemoSiteSampler(DemoCityLayout layout, DemoBlockIndex blocks)
    {
        _layout = layout;
        _blocks = blocks;
        _outlinePlane = new IndexedPointInAreaLocator(layout.OutlinePlane);
        _areaPlane = new IndexedPointInAreaLocator(layout.InducementAreaPlane);
        _areaLonLat = new IndexedPointInAreaLocator(layout.InducementAreaLonLat);
        _areaDistance = new IndexedFacetDistance(layout.InducementAreaPlane);
        _openLand = KumamotoDemoFacts.OpenLand.Select(o => (DemoGeometry.ToPlane(o.Lon, o.Lat), o.RadiusMeters)).ToList();
        AreaEnvelope = layout.InducementAreaPlane.EnvelopeInternal;
        CityEnvelope = layout.OutlinePlane.EnvelopeInternal;
    }

    public Envelope AreaEnvelope { get; }

    public Envelope CityEnvelope { get; }

    /// <summary>Quick plane test: is the candidate in the city, off open land, and on the asked side (null = either)?</summary>
    public bool RoughlyFits(Coordinate p, bool? inside)
    {
        if (_outlinePlane.Locate(p) != Location.Interior)
        {
            return false;
        }

        foreach (var (centre, radius) in _openLand)
        {
            if (p.Distance(centre) < radius)
            {
                return false;
            }
        }

        return inside is null || (_areaPlane.Locate(p) != Location.Exterior) == inside.Value;
    }

    /// <summary>Distance in metres from a plane point outside the inducement area to it.</summary>
    public double DistanceToArea(Coordinate p) => _areaDistance.Distance(DemoGeometry.Plane.CreatePoint(p));

    public double DistanceToNearestHub(Coordinate p) => p.Distance(_layout.HubsPlane[DemoCityLayoutBuilder.Nearest(_layout.HubsPlane, p)]);

    public double DistanceToCentre(Coordinate p) => p.Distance(_layout.HubsPlane[0]);

    /// <summary>Final test on the written coordinates; on success reserves the footprint.</summary>
    public bool TryAccept(Coordinate p, bool? inside, double footprintRadiusMeters, out (double Longitude, double Latitude, int Block, bool Inside) site)
    {
        site = default;
        var (lon, lat) = DemoGeometry.ToLonLat(p.X, p.Y);
        var isInside = _areaLonLat.Locate(new Coordinate(lon, lat)) != Location.Exterior;
        if (inside is not null && isInside != inside.Value)
        {
            return false;
        }

        var block = _blocks.Locate(lon, lat);
        if (block < 0 || !_footprints.TryAdd(p.X, p.Y, footprintRadiusMeters))
        {
            return false;
        }

        site = (lon, lat, block, isInside);
        return true;
    }
}
