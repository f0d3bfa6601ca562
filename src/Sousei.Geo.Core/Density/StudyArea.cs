using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Density;

/// <summary>
/// The inducement area and the zones, prepared once for repeated analysis: point location in
/// longitude/latitude (the stored CRS, so results match PostGIS <c>ST_Covers</c> on SRID 4326
/// exactly) and planar geometry in the plane zone for areas. Immutable after construction and safe
/// for concurrent readers.
/// </summary>
public sealed class StudyArea
{
    public StudyArea(Geometry inducementAreaLonLat, IReadOnlyList<Zone> zones, PlaneProjection projection)
    {
        Projection = projection;
        Area = new Region("inducement_area", "居住誘導区域", inducementAreaLonLat, projection, null);
        Zones = zones.Select(z => new Region(z.Id, z.Name, z.Geometry, projection, Area)).ToList();
    }

    public PlaneProjection Projection { get; }

    /// <summary>The whole inducement area.</summary>
    public Region Area { get; }

    /// <summary>Each zone, clipped to the inducement area.</summary>
    public IReadOnlyList<Region> Zones { get; }

    /// <summary>One prepared region: a point locator in lon/lat and its planar shape (clipped to the area for zones).</summary>
    public sealed class Region
    {
        private readonly GridPointLocator _locator;
        private readonly Envelope _envelope;
        private readonly Region? _clip;

        internal Region(string id, string name, Geometry lonLat, PlaneProjection projection, Region? clip)
        {
            Id = id;
            Name = name;
            LonLat = lonLat;
            _clip = clip;
            _envelope = lonLat.EnvelopeInternal;
            // Building the grid also builds the exact locator's lazy index, so later concurrent calls only read.
            _locator = new GridPointLocator(lonLat);
            var plane = projection.Project(lonLat);
            Plane = clip is null ? plane : OverlayNGRobust.Overlay(plane, clip.Plane, SpatialFunction.Intersection);
            PreparedPlane = PreparedGeometryFactory.Prepare(Plane);
            AreaSquareMeters = Plane.Area;
        }

        public string Id { get; }

        public string Name { get; }

        /// <summary>The region's own geometry in lon/lat (not clipped).</summary>
        public Geometry LonLat { get; }

        /// <summary>Planar geometry, clipped to the inducement area for zones.</summary>
        public Geometry Plane { get; }

        public IPreparedGeometry PreparedPlane { get; }

        public double AreaSquareMeters { get; }

        public double AreaHectares => AreaSquareMeters / 10_000.0;

        /// <summary>True when the lon/lat point lies inside the region or on its boundary (and inside the inducement area, for zones).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Covers(double longitude, double latitude)
        {
            if (!_envelope.Covers(longitude, latitude))
            {
                return false;
            }

            if (_locator.Locate(longitude, latitude) == Location.Exterior)
            {
                return false;
            }

            return _clip is null || _clip.Covers(longitude, latitude);
        }

        /// <summary>Like <see cref="Covers"/> but ignores the clip to the inducement area (for callers that tested it already).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal bool CoversUnclipped(double longitude, double latitude) =>
            _locator.Locate(longitude, latitude) != Location.Exterior;

        /// <summary>Area in m² of (a planar geometry ∩ this region's planar shape).</summary>
        public double IntersectionAreaSquareMeters(Geometry plane)
        {
            if (!PreparedPlane.Intersects(plane))
            {
                return 0;
            }

            if (PreparedPlane.Covers(plane))
            {
                return plane.Area;
            }

            // OverlayNG clips this (large) region to the small input's envelope first, which keeps block-by-block overlay fast.
            return OverlayNGRobust.Overlay(plane, Plane, SpatialFunction.Intersection).Area;
        }
    }
}
