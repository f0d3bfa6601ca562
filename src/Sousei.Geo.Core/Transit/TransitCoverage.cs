using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// The MLIT public-transport walkable area over households: a household is covered when it lies within the
/// rail radius of a rail/tram stop or within the bus radius of a frequent bus stop (<see cref="FrequentStops"/>);
/// each is counted once however many catchments hold it. Distances are straight lines in the network's plane
/// CRS. The same counts are given for the residents aged 65+ and 0–14 where their numbers are known, and per zone
/// when zones are given. Thread-safe.
/// </summary>
public static class TransitCoverage
{
    /// <summary>
    /// Computes the covered persons. <paramref name="inducementArea"/> (longitude/latitude, may be null) gives the
    /// share inside the 居住誘導区域 too; <paramref name="zones"/> the counts per zone.
    /// </summary>
    public static CoverageResult Compute(TransitNetwork network, IReadOnlyList<Household> households, Geometry? inducementArea, CoverageOptions? options = null, IReadOnlyList<Zone>? zones = null)
    {
        options ??= new CoverageOptions();
        zones ??= [];
        var frequent = FrequentStops.Find(network, options);
        var rail = frequent.Where(s => s.IsRail).Select(s => s.Index).ToList();
        var bus = frequent.Where(s => !s.IsRail).Select(s => s.Index).ToList();
        var railGrid = new StopGrid(rail.Select(i => network.StopX[i]).ToArray(), rail.Select(i => network.StopY[i]).ToArray());
        var busGrid = new StopGrid(bus.Select(i => network.StopX[i]).ToArray(), bus.Select(i => network.StopY[i]).ToArray());
        var locator = inducementArea is null ? null : new IndexedPointInAreaLocator(inducementArea);

        // Per household: bit 0 covered, bit 1 inside the inducement area.
        var flags = new byte[households.Count];
        if (households.Count > 0)
        {
            // Partitioner.Create rejects an empty range.
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, households.Count, 8192), range =>
            {
                var near = new List<(int, double)>();
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var h = households[i];
                    var (x, y) = network.Projection.Project(h.Longitude, h.Latitude);
                    near.Clear();
                    railGrid.Near(x, y, options.RailRadiusMeters, near);
                    if (near.Count == 0)
                    {
                        busGrid.Near(x, y, options.BusRadiusMeters, near);
                    }

                    var inside = locator is not null && locator.Locate(new Coordinate(h.Longitude, h.Latitude)) != Location.Exterior;
                    flags[i] = (byte)((near.Count > 0 ? 1 : 0) | (inside ? 2 : 0));
                }
            });
        }

        var city = Tally(households, flags, null);
        var zoneRows = new ZoneCoverage[zones.Count];
        Parallel.For(0, zones.Count, z =>
        {
            var zoneLocator = new IndexedPointInAreaLocator(zones[z].Geometry);
            var envelope = zones[z].Geometry.EnvelopeInternal;
            var t = Tally(households, flags, h => envelope.Contains(h.Longitude, h.Latitude) && zoneLocator.Locate(new Coordinate(h.Longitude, h.Latitude)) != Location.Exterior);
            zoneRows[z] = new ZoneCoverage(zones[z].Id, zones[z].Name, t.All, t.Old, t.Young);
        });

        var all = city.All;
        return new CoverageResult(all.Persons, all.CoveredPersons, all.ShareOfCity, all.InducementPersons, all.CoveredInducementPersons,
            locator is null || all.InducementPersons == 0 ? null : all.CoveredInducementPersons / all.InducementPersons, rail.Count, bus.Count)
        {
            Aged65Plus = city.Old,
            Aged0To14 = city.Young,
            Zones = zoneRows,
        };
    }

    private static (CoverageCounts All, CoverageCounts? Old, CoverageCounts? Young) Tally(IReadOnlyList<Household> households, byte[] flags, Func<Household, bool>? member)
    {
        // all, 65+, 0–14 × (persons, covered, inside, covered inside)
        var sums = new long[12];
        bool anyOld = false, anyYoung = false;
        for (var i = 0; i < households.Count; i++)
        {
            var h = households[i];
            if (member is not null && !member(h))
            {
                continue;
            }

            var covered = (flags[i] & 1) != 0;
            var inside = (flags[i] & 2) != 0;
            Add(sums, 0, h.Persons, covered, inside);
            if (h.Persons65Plus is { } old)
            {
                Add(sums, 4, old, covered, inside);
                anyOld = true;
            }

            if (h.Persons0To14 is { } young)
            {
                Add(sums, 8, young, covered, inside);
                anyYoung = true;
            }
        }

        return (Counts(sums, 0), anyOld ? Counts(sums, 4) : null, anyYoung ? Counts(sums, 8) : null);
    }

    private static CoverageCounts Counts(long[] sums, int at) => new(sums[at], sums[at + 1], sums[at + 2], sums[at + 3]);

    private static void Add(long[] sums, int at, long persons, bool covered, bool inside)
    {
        sums[at] += persons;
        sums[at + 1] += covered ? persons : 0;
        sums[at + 2] += inside ? persons : 0;
        sums[at + 3] += inside && covered ? persons : 0;
    }

    /// <summary>
    /// Coverage of population units (town blocks, e-Stat mesh cells) by areal weighting: a unit's covered persons
    /// are persons × area(unit ∩ catchments) / area(unit), the catchments being the union of circles (8 segments
    /// per quarter, as PostGIS ST_Buffer draws them) of the rail radius around rail/tram stops and of the bus radius
    /// around frequent bus stops, in the plane CRS; inside the inducement area likewise with area(unit ∩ area), and
    /// in a zone with area(unit ∩ zone). What PostGIS <c>ST_Area(ST_Intersection(unit, ST_Union(ST_Buffer(stop, r))))</c>
    /// gives. The age groups are weighted by the same fractions, over the units that carry them.
    /// </summary>
    public static CoverageResult ComputeForUnits(TransitNetwork network, IReadOnlyList<TownBlock> units, Geometry? inducementArea, CoverageOptions? options = null, IReadOnlyList<Zone>? zones = null)
    {
        options ??= new CoverageOptions();
        zones ??= [];
        var frequent = FrequentStops.Find(network, options);
        var circles = Catchments(network, frequent, options).Select(c => c.Circle).ToList();
        var area = inducementArea is null || inducementArea.IsEmpty ? null : network.Projection.Project(inducementArea);
        var preparedArea = area is null ? null : PreparedGeometryFactory.Prepare(area);
        var projected = new Geometry[units.Count];
        Parallel.For(0, units.Count, i => projected[i] = network.Projection.Project(units[i].Geometry));

        // Per unit the union of the circles that touch it: area(unit ∩ ∪ all circles) = area(unit ∩ ∪ those), and
        // overlaying a unit with a handful of circles is far cheaper than with the city-wide union.
        var index = new NetTopologySuite.Index.Strtree.STRtree<Geometry>();
        foreach (var c in circles)
        {
            index.Insert(c.EnvelopeInternal, c);
        }

        var local = new (Geometry Catchments, IPreparedGeometry Prepared)?[units.Count];
        Parallel.For(0, units.Count, i =>
        {
            var near = circles.Count == 0 ? [] : index.Query(projected[i].EnvelopeInternal).Where(c => c.Intersects(projected[i])).ToList();
            if (near.Count > 0)
            {
                var union = near.Count == 1 ? near[0] : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(near);
                local[i] = (union, PreparedGeometryFactory.Prepare(union));
            }
        });

        // Per unit its part inside the inducement area, once (zones then cut that small part, not the whole area).
        var inside = new Geometry?[units.Count];
        if (area is not null)
        {
            Parallel.For(0, units.Count, i => inside[i] = projected[i].Area > 0 ? Part(projected[i], area, preparedArea!) : null);
        }

        // The city: every unit whole.
        var city = Fractions(projected, null, local, inside, area is not null);
        var cityCounts = WeighAll(units, city);
        var zoneRows = new ZoneCoverage[zones.Count];
        for (var z = 0; z < zones.Count; z++)
        {
            var zone = network.Projection.Project(zones[z].Geometry);
            var f = Fractions(projected, (zone, PreparedGeometryFactory.Prepare(zone)), local, inside, area is not null);
            var (all, old, young) = WeighAll(units, f);
            zoneRows[z] = new ZoneCoverage(zones[z].Id, zones[z].Name, all, old, young);
        }

        var a = cityCounts.All;
        return new CoverageResult(a.Persons, a.CoveredPersons, a.ShareOfCity, a.InducementPersons, a.CoveredInducementPersons,
            area is null || a.InducementPersons == 0 ? null : a.CoveredInducementPersons / a.InducementPersons, frequent.Count(s => s.IsRail), frequent.Count(s => !s.IsRail))
        {
            Aged65Plus = cityCounts.Old,
            Aged0To14 = cityCounts.Young,
            Zones = zoneRows,
        };
    }

    /// <summary>
    /// The catchment circle of every frequent stop (<see cref="FrequentStops"/>), in stop order: the rail radius around
    /// rail/tram stops, the bus radius around frequent bus stops, drawn with 8 segments per quarter (as PostGIS
    /// ST_Buffer) in the network's plane CRS (SRID = its EPSG code). A radius of 0 gives no circle. The one rule behind
    /// <see cref="ComputeForUnits"/> and the exported catchment polygons.
    /// </summary>
    public static IReadOnlyList<(TransitStop Stop, Geometry Circle)> Catchments(TransitNetwork network, CoverageOptions? options = null)
    {
        options ??= new CoverageOptions();
        return Catchments(network, FrequentStops.Find(network, options), options);
    }

    private static List<(TransitStop Stop, Geometry Circle)> Catchments(TransitNetwork network, IReadOnlyList<TransitStop> frequent, CoverageOptions options)
    {
        var factory = new GeometryFactory(new PrecisionModel(), network.Projection.Epsg);
        return frequent.Select(s => (Stop: s, Circle: factory.CreatePoint(new Coordinate(network.StopX[s.Index], network.StopY[s.Index])).Buffer(s.IsRail ? options.RailRadiusMeters : options.BusRadiusMeters, 8)))
            .Where(c => !c.Circle.IsEmpty).ToList();
    }

    /// <summary>
    /// Per unit the fractions of its area that are in the zone (the whole unit without a zone), covered, inside the
    /// inducement area, and covered inside — all within the zone; NaN for a unit of no area (it counts for nobody).
    /// </summary>
    private static double[,] Fractions(Geometry[] units, (Geometry Zone, IPreparedGeometry Prepared)? zone, (Geometry Catchments, IPreparedGeometry Prepared)?[] local, Geometry?[] inside, bool hasArea)
    {
        var fractions = new double[units.Length, 4];
        Parallel.For(0, units.Length, i =>
        {
            var unit = units[i];
            var unitArea = unit.Area;
            if (unitArea <= 0)
            {
                fractions[i, 0] = double.NaN;
                return;
            }

            var part = zone is { } z ? Part(unit, z.Zone, z.Prepared) : unit;
            if (part is null || part.IsEmpty)
            {
                return;
            }

            fractions[i, 0] = part.Area / unitArea;
            var coveredPart = local[i] is { } c ? Part(part, c.Catchments, c.Prepared) : null;
            fractions[i, 1] = (coveredPart?.Area ?? 0) / unitArea;
            if (hasArea)
            {
                var insidePart = inside[i] is not { } unitInside ? null : zone is { } zz ? Part(unitInside, zz.Zone, zz.Prepared) : unitInside;
                fractions[i, 2] = (insidePart?.Area ?? 0) / unitArea;
                fractions[i, 3] = insidePart is null || coveredPart is null ? 0 : insidePart.Intersection(local[i]!.Value.Catchments).Area / unitArea;
            }
        });
        return fractions;
    }

    private static (CoverageCounts All, CoverageCounts? Old, CoverageCounts? Young) WeighAll(IReadOnlyList<TownBlock> units, double[,] f) => (
        Weigh(units, f, u => u.Persons),
        units.Any(u => u.Persons65Plus is not null) ? Weigh(units, f, u => u.Persons65Plus) : null,
        units.Any(u => u.Persons0To14 is not null) ? Weigh(units, f, u => u.Persons0To14) : null);

    /// <summary>Persons (of a group, where known) weighted by each unit's fractions.</summary>
    private static CoverageCounts Weigh(IReadOnlyList<TownBlock> units, double[,] fractions, Func<TownBlock, int?> persons)
    {
        double total = 0, covered = 0, inside = 0, coveredInside = 0;
        for (var i = 0; i < units.Count; i++)
        {
            if (persons(units[i]) is not { } p || double.IsNaN(fractions[i, 0]))
            {
                continue;
            }

            total += p * fractions[i, 0];
            covered += p * fractions[i, 1];
            inside += p * fractions[i, 2];
            coveredInside += p * fractions[i, 3];
        }

        return new CoverageCounts(total, covered, inside, coveredInside);
    }

    /// <summary>The part of <paramref name="unit"/> inside <paramref name="other"/>: the unit itself, null (none) or the intersection.</summary>
    private static Geometry? Part(Geometry unit, Geometry other, IPreparedGeometry prepared)
    {
        if (!prepared.Intersects(unit))
        {
            return null;
        }

        return prepared.Covers(unit) ? unit : unit.Intersection(other);
    }
}
