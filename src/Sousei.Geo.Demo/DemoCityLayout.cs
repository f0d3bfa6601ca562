using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// The drawn city: outline, inducement area, town blocks, wards and hub areas. Longitude/latitude
/// geometries are rounded to the output grid; plane geometries (EPSG:6670) serve distances.
/// </summary>
internal sealed class DemoCityLayout
{
    public required Geometry OutlinePlane { get; init; }

    public required Geometry OutlineLonLat { get; init; }

    public required Geometry InducementAreaPlane { get; init; }

    public required Geometry InducementAreaLonLat { get; init; }

    /// <summary>Planar area of <see cref="InducementAreaLonLat"/> in EPSG:6670, hectares.</summary>
    public required double InducementAreaHectares { get; init; }

    public required IReadOnlyList<DemoBlock> Blocks { get; init; }

    public required IReadOnlyList<DemoZone> Wards { get; init; }

    public required IReadOnlyList<DemoZone> HubAreas { get; init; }

    /// <summary>Hub positions in the plane, in the order of <see cref="KumamotoDemoFacts.Hubs"/>.</summary>
    public required IReadOnlyList<Coordinate> HubsPlane { get; init; }
}
