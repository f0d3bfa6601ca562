using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Transit;

/// <summary>The area reachable within <see cref="Minutes"/> by median travel time: a (Multi)Polygon in longitude/latitude, SRID 4326; area measured in the plane CRS.</summary>
public sealed record IsochroneBand(int Minutes, Geometry Area, double AreaHectares, int StopsReached);
