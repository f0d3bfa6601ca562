using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Density;

/// <summary>
/// Population density of the residential inducement area (居住誘導区域) by three methods
/// (see <see cref="DensityMethod"/>). Topological tests run on longitude/latitude as stored;
/// areas are planar in the study area's plane zone. Thread-safe: holds no mutable state.
/// </summary>
public static class DensityCalculator
{
    /// <summary>The strategy's target, persons per hectare (熊本市 第2期 総合戦略).</summary>
    public const double DefaultTargetPerHectare = 60.7;

    /// <summary>Computes the density by <paramref name="method"/> for <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentException">The layers the method needs hold nothing for that year.</exception>
    public static DensityResult Compute(StudyArea study, CityDataset data, DensityMethod method, int year, double targetPerHectare = DefaultTargetPerHectare)
    {
        var regionCount = study.Zones.Count + 1;
        double[] population = method switch
        {
            DensityMethod.Households => HouseholdPopulation(study, data.Households, year),
            DensityMethod.Blocks => BlockPopulation(study, BlocksOf(data, year), null),
            DensityMethod.Buildings => BlockPopulation(study, BlocksOf(data, year), data.Buildings),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        if (population.Length != regionCount)
        {
            throw new InvalidOperationException("internal: region count mismatch");
        }

        var total = new AreaDensity(study.Area.Id, study.Area.Name, population[0], study.Area.AreaHectares, targetPerHectare);
        var zones = study.Zones.Select((z, i) => new AreaDensity(z.Id, z.Name, population[i + 1], z.AreaHectares, targetPerHectare)).ToList();
        return new DensityResult(method, year, total, zones) { CityPopulation = CityPopulation(study, data, method, year) };
    }

    /// <summary>
    /// The city's population for IF101: every household of the year; for population units, areal weighting against the
    /// union of the wards when the data has ward zones (mesh cells straddle the city boundary), else every unit's total.
    /// </summary>
    public static double CityPopulation(StudyArea study, CityDataset data, DensityMethod method, int year)
    {
        if (method == DensityMethod.Households)
        {
            return HouseholdPersons(data.Households, year);
        }

        var units = data.TownBlocks.Where(b => b.Year == year && b.Persons > 0).ToList();
        var wards = data.Zones.Where(z => z.Kind == Kinds.Ward).Select(z => study.Projection.Project(z.Geometry)).ToList();
        if (wards.Count == 0)
        {
            return units.Sum(b => (long)b.Persons);
        }

        var city = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(wards);
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(city);
        double total = 0;
        foreach (var unit in units)
        {
            var plane = study.Projection.Project(unit.Geometry);
            if (prepared.Covers(plane))
            {
                total += unit.Persons;
            }
            else if (prepared.Intersects(plane) && plane.Area > 0)
            {
                total += unit.Persons * NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Overlay(plane, city, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection).Area / plane.Area;
            }
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long HouseholdPersons(IReadOnlyList<Household> households, int year)
    {
        long persons = 0;
        foreach (ref readonly var h in Household.Span(households))
        {
            persons += h.Year == year ? h.Persons : 0;
        }

        return persons;
    }

    private static List<TownBlock> BlocksOf(CityDataset data, int year) => data.TownBlocks.Where(b => b.Year == year).ToList();

    /// <summary>Index 0 is the whole area, index i + 1 zone i.</summary>
    internal static double[] HouseholdPopulation(StudyArea study, IReadOnlyList<Household> households, int year)
    {
        var zoneCount = study.Zones.Count;
        var totals = new long[zoneCount + 1];
        var gate = new object();
        var all = households as List<Household> ?? [.. households];
        var count = all.Count;
        var chunk = Math.Max(16_384, count / (Environment.ProcessorCount * 8) + 1);
        var ranges = Enumerable.Range(0, (count + chunk - 1) / chunk).Select(i => (Start: i * chunk, End: Math.Min(count, (i + 1) * chunk)));
        Parallel.ForEach(ranges, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (range) =>
        {
            var local = new long[zoneCount + 1];
            var span = CollectionsMarshal.AsSpan(all);
            for (var i = range.Start; i < range.End; i++)
            {
                ref readonly var h = ref span[i];
                if (h.Year != year || h.Persons == 0 || !study.Area.Covers(h.Longitude, h.Latitude))
                {
                    continue;
                }

                local[0] += h.Persons;
                for (var z = 0; z < zoneCount; z++)
                {
                    // Zones were clipped to the area already for areas; for points the area test above suffices.
                    if (study.Zones[z].CoversUnclipped(h.Longitude, h.Latitude))
                    {
                        local[z + 1] += h.Persons;
                    }
                }
            }

            lock (gate)
            {
                for (var z = 0; z <= zoneCount; z++)
                {
                    totals[z] += local[z];
                }
            }
        });
        return totals.Select(t => (double)t).ToArray();
    }

    /// <summary>Areal weighting, or the building-weighted dasymetric method when <paramref name="buildings"/> is given.</summary>
    internal static double[] BlockPopulation(StudyArea study, IReadOnlyList<TownBlock> blocks, IReadOnlyList<Building>? buildings)
    {
        var zoneCount = study.Zones.Count;
        var result = new double[zoneCount + 1];
        var projection = study.Projection;

        // Dasymetric: assign each residential building to the first block (input order) covering its centroid.
        var buildingsByBlock = new List<(Point CentroidLonLat, double FloorAreaSquareMeters)>?[blocks.Count];
        if (buildings is not null)
        {
            var index = new STRtree<int>();
            for (var i = 0; i < blocks.Count; i++)
            {
                index.Insert(blocks[i].Geometry.EnvelopeInternal, i);
            }

            index.Build();

            // Each building's owner and floor area on every core (the index and the blocks are only read), then the
            // lists in building order, so that the sums are the same as one pass in order.
            var owners = new int[buildings.Count];
            var centroids = new Point?[buildings.Count];
            var floorAreas = new double[buildings.Count];
            Parallel.For(0, buildings.Count, i =>
            {
                owners[i] = -1;
                var building = buildings[i];
                if (!building.IsResidential)
                {
                    return;
                }

                var centroid = building.Geometry.Centroid;
                var owner = -1;
                foreach (var c in index.Query(centroid.EnvelopeInternal))
                {
                    if ((owner < 0 || c < owner) && blocks[c].Geometry.Covers(centroid))
                    {
                        owner = c;
                    }
                }

                if (owner >= 0)
                {
                    owners[i] = owner;
                    centroids[i] = centroid;
                    floorAreas[i] = projection.Project(building.Geometry).Area * building.Floors;
                }
            });
            for (var i = 0; i < buildings.Count; i++)
            {
                if (owners[i] >= 0)
                {
                    (buildingsByBlock[owners[i]] ??= []).Add((centroids[i]!, floorAreas[i]));
                }
            }
        }

        var partials = new double[blocks.Count][];
        Parallel.For(0, blocks.Count, b =>
        {
            var block = blocks[b];
            var share = new double[zoneCount + 1];
            var inBlock = buildingsByBlock[b];
            var totalFloor = inBlock?.Sum(x => x.FloorAreaSquareMeters) ?? 0;
            if (inBlock is not null && totalFloor > 0)
            {
                foreach (var (centroid, floorArea) in inBlock)
                {
                    var persons = block.Persons * floorArea / totalFloor;
                    if (!study.Area.Covers(centroid.X, centroid.Y))
                    {
                        continue;
                    }

                    share[0] += persons;
                    for (var z = 0; z < zoneCount; z++)
                    {
                        if (study.Zones[z].CoversUnclipped(centroid.X, centroid.Y))
                        {
                            share[z + 1] += persons;
                        }
                    }
                }
            }
            else if (block.Persons > 0)
            {
                var plane = projection.Project(block.Geometry);
                var blockArea = plane.Area;
                if (blockArea > 0)
                {
                    share[0] = block.Persons * study.Area.IntersectionAreaSquareMeters(plane) / blockArea;
                    if (share[0] > 0)
                    {
                        for (var z = 0; z < zoneCount; z++)
                        {
                            share[z + 1] = block.Persons * study.Zones[z].IntersectionAreaSquareMeters(plane) / blockArea;
                        }
                    }
                }
            }

            partials[b] = share;
        });

        // Sum in input order so that results do not depend on thread scheduling.
        foreach (var share in partials)
        {
            for (var z = 0; z <= zoneCount; z++)
            {
                result[z] += share[z];
            }
        }

        return result;
    }
}
