using System.Collections.Concurrent;
using System.Security.Cryptography;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;
using Sousei.Geo.Analysis;

namespace Sousei.Geo.Service.Tiles;

/// <summary>
/// Mapbox Vector Tiles (spec 2.1, extent 4096) in the XYZ scheme of Web Mercator for the large layers:
/// <c>households</c> (aggregated cells only, see <see cref="HouseholdGrid"/>), <c>buildings</c>,
/// <c>town_blocks</c> (latest year, with density), <c>vacant_houses</c> (public attributes only, for
/// everyone) and <c>transit_stops</c> when the data has GTFS. Polygons are clipped to the tile plus a margin
/// and simplified (Douglas–Peucker, two extent units) below zoom 16. Rendered tiles are cached in memory
/// with a strong ETag. Thread-safe.
/// </summary>
public sealed class TileService
{
    public const int MaxZoom = 22;
    private const uint Extent = 4096;
    private const int CacheCapacity = 50_000;

    private readonly Dictionary<string, TileLayerSource> _layers = new(StringComparer.Ordinal);
    private readonly TileLayerSource[] _households;
    private readonly ConcurrentDictionary<(string, int, int, int), Lazy<Tile>> _cache = new();
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public TileService(City data)
    {
        var d = data.Dataset;
        var buildings = new TileLayerSource("buildings", 14, simplify: true);
        foreach (var b in d.Buildings)
        {
            buildings.Add(b.Geometry, new AttributesTable { { "id", b.Id }, { "floors", b.Floors }, { "use", b.Use } });
        }

        var blocks = new TileLayerSource("town_blocks", 8, simplify: true);
        foreach (var b in d.TownBlocks.Where(b => b.Year == data.LatestBlockYear))
        {
            var areaHectares = data.Projection.AreaSquareMeters(b.Geometry) / 10_000;
            blocks.Add(b.Geometry, new AttributesTable
            {
                { "code", b.Code }, { "name", b.Name }, { "year", b.Year }, { "persons", b.Persons },
                { "area_ha", Math.Round(areaHectares, 4) },
                { "density_per_ha", areaHectares > 0 ? Math.Round(b.Persons / areaHectares, 2) : 0.0 },
            });
        }

        var vacant = new TileLayerSource("vacant_houses", 8, simplify: true);
        foreach (var r in data.VacantHouses)
        {
            var h = r.House;
            vacant.Add(h.Geometry, new AttributesTable
            {
                { "id", h.Id }, { "decay_rank", h.DecayRank ?? "" }, { "vacancy_likelihood", h.VacancyLikelihood ?? "" },
                { "status", h.Status ?? "" }, { "inside_inducement_area", r.InsideInducementArea },
            });
        }

        foreach (var layer in new[] { buildings, blocks, vacant })
        {
            layer.Build();
            _layers[layer.Name] = layer;
        }

        if (data.DefaultTransit is { } transit)
        {
            var stops = new TileLayerSource("transit_stops", 10, simplify: false);
            foreach (var s in transit.Network.Stops)
            {
                stops.Add(_factory.CreatePoint(new Coordinate(s.Longitude, s.Latitude)), new AttributesTable
                {
                    { "id", s.Id }, { "name", s.Name }, { "is_rail", s.IsRail }, { "departures_per_day", transit.MaxDeparturesPerDay.GetValueOrDefault(s.Id) },
                });
            }

            stops.Build();
            _layers[stops.Name] = stops;
        }

        _households = HouseholdGrid.Build(d.Households, data.Projection, _factory);
        _layers["households"] = _households[0];
    }

    /// <summary>Renders one tile so that the MVT writer (protobuf-net) and NTS are initialised before the first request.</summary>
    public void WarmUp() => Render("vacant_houses", 0, 0, 0);

    /// <summary>Every layer a city can offer, in the order a tile package stacks them; <c>transit_stops</c> only with GTFS.</summary>
    public static IReadOnlyList<string> AllLayerNames { get; } = ["households", "town_blocks", "buildings", "vacant_houses", "transit_stops"];

    /// <summary>Names of the layers offered.</summary>
    public IReadOnlyCollection<string> LayerNames => _layers.Keys;

    /// <summary>The lowest zoom at which <paramref name="layer"/> has features (empty tiles below it).</summary>
    public int MinZoomOf(string layer) => _layers[layer].MinZoom;

    /// <summary>The attribute names of <paramref name="layer"/> and their TileJSON types (<c>String</c>, <c>Number</c>, <c>Boolean</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldsOf(string layer) => _layers[layer].Fields();

    /// <summary>A rendered tile: protobuf bytes and its strong ETag.</summary>
    public sealed record Tile(byte[] Body, string ETag, int FeatureCount);

    public bool HasLayer(string name) => _layers.ContainsKey(name);

    /// <summary>Tiles rendered so far (cached).</summary>
    public int CachedTiles => _cache.Count;

    /// <summary>Returns the tile, rendering and caching it on first use. Arguments must be valid (checked by the endpoint).</summary>
    public Tile Get(string layer, int z, int x, int y)
    {
        var key = (layer, z, x, y);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached.Value;
        }

        if (_cache.Count >= CacheCapacity)
        {
            // Crude but bounded: the working set of a city is far smaller than the cap.
            _cache.Clear();
        }

        // Lazy: concurrent first requests for one tile render it once instead of each rendering a copy.
        return _cache.GetOrAdd(key, k => new Lazy<Tile>(() => Render(k.Item1, k.Item2, k.Item3, k.Item4), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Longitude/latitude bounds of an XYZ tile (Web Mercator, y = 0 at the north).</summary>
    public static Envelope TileEnvelope(int z, int x, int y)
    {
        var n = Math.Pow(2, z);
        static double Lat(double yy, double nn) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * yy / nn))) * 180 / Math.PI;
        return new Envelope(x / n * 360 - 180, (x + 1) / n * 360 - 180, Lat(y + 1, n), Lat(y, n));
    }

    /// <summary>
    /// Renders one tile without the cache: what <see cref="Get"/> serves, and what <c>sousei tiles</c> packages.
    /// Arguments must be valid: a layer of <see cref="LayerNames"/>, z from 0 to <see cref="MaxZoom"/>, x and y inside the zoom.
    /// </summary>
    public Tile Render(string layerName, int z, int x, int y)
    {
        var source = layerName == "households" ? _households[HouseholdGrid.LevelForZoom(z)] : _layers[layerName];
        var encoder = new MvtEncoder(layerName, z, x, y, Extent);
        if (z >= source.MinZoom)
        {
            var envelope = TileEnvelope(z, x, y);
            var margin = envelope.Width / 16;
            var clip = new Envelope(envelope.MinX - margin, envelope.MaxX + margin, envelope.MinY - margin, envelope.MaxY + margin);
            var clipBox = _factory.ToGeometry(clip);
            var tolerance = 2 * envelope.Width / Extent;
            var unitArea = envelope.Width / Extent * (envelope.Height / Extent);
            foreach (var (geometry, attributes) in source.Query(clip))
            {
                if (Prepare(geometry, clip, clipBox, source.Simplify && z < 16 ? tolerance : 0, unitArea) is { } g)
                {
                    encoder.Add(g, attributes);
                }
            }
        }

        var body = encoder.ToTile();
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 12).ToLowerInvariant() + "\"";
        return new Tile(body, etag, encoder.Count);
    }

    private Geometry? Prepare(Geometry geometry, Envelope clip, Geometry clipBox, double tolerance, double unitArea)
    {
        if (geometry is Point p)
        {
            return clip.Covers(p.Coordinate) ? geometry : null;
        }

        // Smaller than the encoder keeps (its area in tile units below the minimum): skipped before any work.
        var envelope = geometry.EnvelopeInternal;
        if (geometry is Polygon or MultiPolygon && envelope.Width * envelope.Height < MvtEncoder.MinPolygonArea * unitArea)
        {
            return null;
        }

        var g = geometry;
        if (tolerance > 0 && g.NumPoints > 12)
        {
            var simplifier = new DouglasPeuckerSimplifier(g) { DistanceTolerance = tolerance, EnsureValidTopology = false };
            g = simplifier.GetResultGeometry();
        }

        if (!clip.Contains(g.EnvelopeInternal))
        {
            g = g is Polygon or MultiPolygon ? ClipPolygons(g, clip) : Intersect(g, clipBox);
        }

        return g is null || g.IsEmpty ? null : g;
    }

    /// <summary>
    /// Polygons cut to the clip rectangle ring by ring (Sutherland–Hodgman, NTS's <see cref="RingClipper"/>), as
    /// PostGIS's ST_AsMVTGeom clips: linear in the vertices, where a full overlay costs milliseconds a shape. A cut ring
    /// may run along the rectangle's edge, which lies in the tile's margin, outside what a map draws.
    /// </summary>
    private Geometry? ClipPolygons(Geometry geometry, Envelope clip)
    {
        var clipper = new RingClipper(clip);
        var parts = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(i);
            if (!clip.Intersects(polygon.EnvelopeInternal))
            {
                continue;
            }

            var shell = Ring(clipper, polygon.Shell);
            if (shell is null)
            {
                continue;
            }

            var holes = new List<LinearRing>();
            for (var h = 0; h < polygon.NumInteriorRings; h++)
            {
                if (Ring(clipper, polygon.GetInteriorRingN(h)) is { } hole)
                {
                    holes.Add(hole);
                }
            }

            parts.Add(_factory.CreatePolygon(shell, [.. holes]));
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => _factory.CreateMultiPolygon([.. parts]),
        };
    }

    private LinearRing? Ring(RingClipper clipper, LineString ring)
    {
        var clipped = clipper.Clip(ring.Coordinates);
        if (clipped.Length < 4)
        {
            return null;
        }

        if (!clipped[0].Equals2D(clipped[^1]))
        {
            clipped = [.. clipped, clipped[0].Copy()];
        }

        return clipped.Length < 4 ? null : _factory.CreateLinearRing(clipped);
    }

    private static Geometry? Intersect(Geometry geometry, Geometry clipBox)
    {
        try
        {
            return geometry.Intersection(clipBox);
        }
        catch (TopologyException)
        {
            // A simplified shape may self-touch; the unclipped shape still renders correctly.
            return geometry;
        }
    }
}
