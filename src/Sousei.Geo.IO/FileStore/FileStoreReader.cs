using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.Estat;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// Loads a file-store directory (docs/data-model.md) into a <see cref="CityDataset"/>, validating
/// every feature at the edge. Every problem of every layer is collected (capped) and thrown together
/// as one <see cref="DataException"/>; nothing is dropped silently.
/// </summary>
public static partial class FileStoreReader
{
    private static readonly string[] Areal = ["Polygon", "MultiPolygon"];
    internal static readonly string[] PointOnly = ["Point"];
    private static readonly string[] PointOrAreal = ["Point", "Polygon", "MultiPolygon"];

    /// <summary>
    /// Options: MakeValid repairs, the problem cap, the e-Stat population column, and the layers to read
    /// (others are not opened; a layer asked for but absent is a problem only for the inducement area).
    /// <see cref="AreaRead"/>, when given, receives the inducement area and the zones as the dataset will hold them, as
    /// soon as they are read without a problem and before the reader waits for the large layers (households, buildings),
    /// so that a caller can prepare them meanwhile; it runs on the loading thread and should hand the work off.
    /// </summary>
    public sealed record Options(bool Repair = false, int ProblemCap = 20, string MeshPopulationColumn = EstatMeshReader.DefaultPopulationColumn, CityLayers Layers = CityLayers.All, Action<Geometry, IReadOnlyList<Zone>>? AreaRead = null);

    /// <summary>
    /// Which layers the store holds, by their files alone (nothing is parsed): what a caller can ask of it.
    /// </summary>
    /// <exception cref="DataException">The directory is missing or is a file.</exception>
    public static CityLayers Inventory(string directory)
    {
        CheckDirectory(directory);
        var layers = CityLayers.None;
        if (LayerFiles.Find(directory, "inducement_area") is not null || LayerFiles.Find(directory, "cityplan_a55") is not null)
        {
            layers |= CityLayers.InducementArea;
        }

        if (LayerFiles.Find(directory, "zones") is not null || LayerFiles.Find(directory, "cityplan_a55") is not null)
        {
            layers |= CityLayers.Zones;
        }

        foreach (var (name, layer) in new[] { ("hubs", CityLayers.Hubs), ("households", CityLayers.Households), ("town_blocks", CityLayers.TownBlocks), ("buildings", CityLayers.Buildings), ("vacant_houses", CityLayers.VacantHouses), ("population_projection", CityLayers.PopulationProjection) })
        {
            if (LayerFiles.Find(directory, name) is not null)
            {
                layers |= layer;
            }
        }

        if (Directory.EnumerateFiles(directory, "mesh_population_*.csv").Any())
        {
            layers |= CityLayers.TownBlocks;
        }

        if (GtfsFeedPaths(directory).Count > 0)
        {
            layers |= CityLayers.Gtfs;
        }

        return layers;
    }

    /// <summary>The feeds of the store's <c>gtfs/</c> directory (zips and folders), sorted.</summary>
    public static IReadOnlyList<string> GtfsFeedPaths(string directory)
    {
        var gtfsDir = Path.Combine(directory, "gtfs");
        return Directory.Exists(gtfsDir)
            ? Directory.EnumerateFileSystemEntries(gtfsDir).Where(p => Directory.Exists(p) || p.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static void CheckDirectory(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new DataException(new DataProblem("store.missing", "--data", "the data directory is empty; give a file-store directory such as geodata/kumamoto"));
        }

        if (File.Exists(directory))
        {
            throw new DataException(new DataProblem("store.missing", directory, "is a file; the data is a file-store directory holding the layer files (such as geodata/kumamoto)"));
        }

        if (!Directory.Exists(directory))
        {
            var full = Path.GetFullPath(directory);
            var where = Path.IsPathRooted(directory) ? "" : $" (looked in {full}, relative to {Environment.CurrentDirectory})";
            throw new DataException(new DataProblem("store.missing", directory, "data directory does not exist" + where));
        }
    }

    /// <summary>The loaded data and notes (repairs, suppressed mesh values, which sources were used).</summary>
    public sealed record Result(CityDataset Dataset, IReadOnlyList<string> Notes, IReadOnlyList<string> GtfsFeeds);

    /// <exception cref="DataException">The store is missing, or any layer has problems.</exception>
    public static Result Load(string directory, PlaneProjection projection, Options? options = null)
    {
        options ??= new Options();
        var problems = new ProblemCollector(options.ProblemCap);
        var checks = new GeometryChecks(projection, options.Repair);
        var notes = new List<string>();
        CheckDirectory(directory);
        foreach (var layer in new[] { "inducement_area", "cityplan_a55", "zones", "hubs", "households", "town_blocks", "buildings", "vacant_houses", "population_projection" })
        {
            if (LayerFiles.Duplicates(directory, layer) is { Count: > 0 } both)
            {
                problems.Add(new DataProblem("layer.ambiguous", Path.Combine(directory, both[0]), $"the store holds the {layer} layer {both.Count} times ({string.Join(", ", both)}); keep one file per layer"));
            }
        }

        var want = options.Layers;
        bool Wants(CityLayers layer) => (want & layer) != 0;

        // Households and buildings are the largest layers: each is read on a core of its own while the other layers are
        // read, with its own problems and checks, merged where they would have come (the same order, capped the same).
        var householdProblems = new ProblemCollector(options.ProblemCap);
        var householdChecks = new GeometryChecks(projection, options.Repair);
        var householdsRead = Wants(CityLayers.Households)
            ? Task.Run(() => ReadOptionalHouseholds(directory, householdProblems, householdChecks))
            : Task.FromResult(new List<Household>());
        var buildingProblems = new ProblemCollector(options.ProblemCap);
        var buildingChecks = new GeometryChecks(projection, options.Repair);
        var buildingsRead = Wants(CityLayers.Buildings)
            ? Task.Run(() => ReadOptional(directory, "buildings", Areal, buildingProblems, buildingChecks, ToBuilding).OfType<Building>().ToList())
            : Task.FromResult(new List<Building>());

        Geometry? area = null;
        var zones = new List<Zone>();
        var areaPath = Wants(CityLayers.InducementArea) ? LayerFiles.Find(directory, "inducement_area") : null;
        var a55Path = Wants(CityLayers.InducementArea | CityLayers.Zones) ? LayerFiles.Find(directory, "cityplan_a55") : null;
        if (areaPath is not null)
        {
            var parts = ReadLayer(areaPath, Areal, problems, checks, (f, g, p) => g);
            area = UnionOrProblem(parts, areaPath, problems);
        }

        // Hub areas of an A55 layer are named after the nearest hubs, so zones read the hubs too.
        var hubWhere = new List<(int Index, long? Line, string? Place)>();
        var hubs = Wants(CityLayers.Hubs | CityLayers.Zones) ? ReadOptional(directory, "hubs", PointOnly, problems, checks, ToHub, hubWhere) : [];
        var zonePath = Wants(CityLayers.Zones) ? LayerFiles.Find(directory, "zones") : null;
        if (zonePath is not null)
        {
            var zoneWhere = new List<(int Index, long? Line, string? Place)>();
            zones.AddRange(ReadLayer(zonePath, Areal, problems, checks, ToZone, zoneWhere).OfType<Zone>());
            DuplicateIds(zones.Select(z => z.Id).ToList(), zoneWhere, Path.GetFileName(zonePath), problems);
        }

        if (a55Path is not null)
        {
            var a55 = ReadLayer(a55Path, Areal, problems, checks, (f, g, p) => (Code: AttributeValues.GetString(f, "AreaCode"), Geometry: g));
            if (area is null && Wants(CityLayers.InducementArea))
            {
                area = UnionOrProblem(a55.Where(x => x.Code == "31").Select(x => x.Geometry).ToList(), a55Path, problems, "no feature with AreaCode 31 (居住誘導区域)");
                notes.Add($"inducement area: AreaCode 31 of {Path.GetFileName(a55Path)} (national land information A55)");
            }

            if (Wants(CityLayers.Zones) && !zones.Any(z => z.Kind == Kinds.HubArea))
            {
                zones.AddRange(HubAreasFromA55(a55.Where(x => x.Code == "32").Select(x => x.Geometry).ToList(), hubs, projection));
            }
        }

        if (Wants(CityLayers.InducementArea) && areaPath is null && a55Path is null)
        {
            problems.Add(new DataProblem("layer.missing", Path.Combine(directory, "inducement_area.geojson"), "the inducement area layer is missing (inducement_area.geojson, or cityplan_a55.geojson with AreaCode 31)"));
        }

        if (options.AreaRead is { } areaRead && area is not null && !problems.HasProblems)
        {
            areaRead(area, zones);
        }

        var households = householdsRead.GetAwaiter().GetResult();
        problems.AddAll(householdProblems);
        var blocks = Wants(CityLayers.TownBlocks) ? ReadOptional(directory, "town_blocks", Areal, problems, checks, ToBlock).OfType<TownBlock>().ToList() : [];
        var blockYears = blocks.Select(b => b.Year).ToHashSet();
        IEnumerable<string> meshPaths = Wants(CityLayers.TownBlocks) ? Directory.EnumerateFiles(directory, "mesh_population_*.csv").Order(StringComparer.Ordinal) : [];
        foreach (var meshPath in meshPaths)
        {
            var match = MeshFileName().Match(Path.GetFileName(meshPath));
            if (!match.Success)
            {
                problems.Add(new DataProblem("mesh.file_name", meshPath, "name the e-Stat mesh table mesh_population_<year>.csv so that its year is known"));
                continue;
            }

            var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (blockYears.Contains(year))
            {
                problems.Add(new DataProblem("mesh.year_conflict", meshPath, $"year {year} is already in town_blocks; one population source per year"));
                continue;
            }

            var mesh = EstatMeshReader.Read(meshPath, year, problems, options.MeshPopulationColumn);
            blocks.AddRange(mesh.Units);
            notes.AddRange(mesh.Notes);
            notes.Add($"population units for {year}: {mesh.Units.Count} e-Stat mesh cells from {Path.GetFileName(meshPath)}");
        }

        var buildings = buildingsRead.GetAwaiter().GetResult();
        problems.AddAll(buildingProblems);
        var vacantWhere = new List<(int Index, long? Line, string? Place)>();
        var vacant = Wants(CityLayers.VacantHouses) ? ReadOptional(directory, "vacant_houses", PointOrAreal, problems, checks, ToVacantHouse, vacantWhere).OfType<VacantHouse>().ToList() : [];
        DuplicateIds(vacant.Select(v => v.Id).ToList(), vacantWhere, LayerFileName(directory, "vacant_houses"), problems);
        var projectionWhere = new List<(int Index, long? Line, string? Place)>();
        var projectionCells = Wants(CityLayers.PopulationProjection) ? ReadOptional(directory, "population_projection", Areal, problems, checks, ToProjectionCell, projectionWhere).OfType<ProjectionCell>().ToList() : [];
        DuplicateIds(projectionCells.Select(c => c.Code).ToList(), projectionWhere, LayerFileName(directory, "population_projection"), problems);
        DuplicateIds(hubs.Select(h => h?.Id).ToList(), hubWhere, LayerFileName(directory, "hubs"), problems);
        if (HubAttributes.CentralProblem(hubs.OfType<Hub>(), LayerFileName(directory, "hubs")) is { } central)
        {
            problems.Add(central);
        }

        problems.ThrowIfAny();
        notes.AddRange(checks.Notes);
        notes.AddRange(householdChecks.Notes);
        notes.AddRange(buildingChecks.Notes);
        var feeds = Wants(CityLayers.Gtfs) ? GtfsFeedPaths(directory) : [];
        var dataset = new CityDataset
        {
            InducementArea = area ?? CityDataset.NoArea,
            Households = households,
            TownBlocks = blocks,
            Buildings = buildings,
            Zones = zones,
            Hubs = Wants(CityLayers.Hubs) ? hubs.OfType<Hub>().ToList() : [],
            VacantHouses = vacant,
            PopulationProjection = projectionCells,
        };
        return new Result(dataset, notes, feeds);
    }

    [GeneratedRegex(@"^mesh_population_(\d{4})\.csv$")]
    private static partial Regex MeshFileName();

    private static Geometry? UnionOrProblem(IReadOnlyList<Geometry> parts, string path, ProblemCollector problems, string emptyMessage = "layer has no features")
    {
        if (parts.Count == 0)
        {
            if (!problems.HasProblems)
            {
                problems.Add(new DataProblem("layer.empty", path, emptyMessage));
            }

            return null;
        }

        var union = parts.Count == 1 ? parts[0] : Union(parts);
        union.SRID = 4326;
        return union;
    }

    /// <summary>
    /// The union of the parts of an areal layer. Parts whose envelopes touch no other part's are kept as they are (a
    /// plan of many separate pieces needs no overlay, where the unary union of all took 23 s for 20,000 small squares);
    /// only the rest are merged, by the unary union. The result is the same point set either way, and a union read back
    /// (an export) gives the same geometry again.
    /// </summary>
    private static Geometry Union(IReadOnlyList<Geometry> parts)
    {
        var index = new NetTopologySuite.Index.Strtree.STRtree<int>();
        for (var i = 0; i < parts.Count; i++)
        {
            index.Insert(parts[i].EnvelopeInternal, i);
        }

        var alone = new List<Geometry>();
        var merge = new List<Geometry>();
        for (var i = 0; i < parts.Count; i++)
        {
            var overlaps = index.Query(parts[i].EnvelopeInternal).Any(j => j != i);
            (overlaps ? merge : alone).Add(parts[i]);
        }

        var pieces = new List<Polygon>();
        foreach (var g in alone)
        {
            pieces.AddRange(Enumerable.Range(0, g.NumGeometries).Select(k => g.GetGeometryN(k)).OfType<Polygon>());
        }

        if (merge.Count > 0)
        {
            var merged = merge.Count == 1 ? merge[0] : UnaryUnionOp.Union(merge);
            pieces.AddRange(Enumerable.Range(0, merged.NumGeometries).Select(k => merged.GetGeometryN(k)).OfType<Polygon>());
        }

        return pieces.Count == 1 ? pieces[0] : parts[0].Factory.CreateMultiPolygon([.. pieces]);
    }

    private static string LayerFileName(string directory, string layer) => Path.GetFileName(LayerFiles.Find(directory, layer) ?? layer + ".geojson");

    /// <summary>Each id used more than once (at most 5), naming the features that use it by index and line.</summary>
    private static void DuplicateIds(IReadOnlyList<string?> ids, IReadOnlyList<(int Index, long? Line, string? Place)> where, string file, ProblemCollector problems)
    {
        var located = ids.Count == where.Count;
        foreach (var g in Enumerable.Range(0, ids.Count).Where(i => ids[i] is not null).GroupBy(i => ids[i]!, StringComparer.Ordinal).Where(g => g.Count() > 1).Take(5))
        {
            var uses = g.ToList();
            if (!located)
            {
                problems.Add(new DataProblem("feature.duplicate_id", file, $"id '{g.Key}' is used by {uses.Count} features"));
                continue;
            }

            var list = string.Join(", ", uses.Take(10).Select(i => $"{where[i].Index} ({(where[i].Line is { } l ? $"line {l}" : where[i].Place)})")) + (uses.Count > 10 ? ", …" : "");
            var second = where[uses[1]];
            problems.Add(new DataProblem("feature.duplicate_id", file, $"id '{g.Key}' is used by {uses.Count} features: {list}", second.Index, g.Key, second.Line, second.Line is null ? second.Place : null));
        }
    }

    private static List<T> ReadOptional<T>(string directory, string layer, string[] types, ProblemCollector problems, GeometryChecks checks, Func<IFeature, Geometry, FeatureContext, T?> convert, List<(int Index, long? Line, string? Place)>? where = null)
    {
        var path = LayerFiles.Find(directory, layer);
        return path is null ? [] : ReadLayer(path, types, problems, checks, convert, where);
    }

    /// <summary>Where a feature sits, for messages from converters.</summary>
    internal readonly record struct FeatureContext(string File, int Index, string? Id, long? Line, ProblemCollector Problems, string? Place = null)
    {
        public void Problem(string code, string message) => Problems.Add(new DataProblem(code, File, message, Index, Id, Line, Place));
    }

    // `where` receives, for each value returned, its feature's index and line (for messages about several features).
    private static List<T> ReadLayer<T>(string path, string[] types, ProblemCollector problems, GeometryChecks checks, Func<IFeature, Geometry, FeatureContext, T?> convert, List<(int Index, long? Line, string? Place)>? where = null)
    {
        var file = Path.GetFileName(path);
        IEnumerable<(int Index, long? Line, string? Place, IFeature Feature)> features;
        if (LayerFiles.IsParquet(path))
        {
            // GeoParquet: problems name the row group and row where a text file has a line.
            features = GeoParquet.GeoParquetReader.Read(path, problems).Select(r => (r.Index, (long?)null, (string?)r.Place, r.Feature));
        }
        else if (LayerFiles.TryReadAllBytes(path, problems) is { } bytes)
        {
            features = GeoJsonFeatureReader.Read(bytes, file, problems).Select(f => (f.Index, (long?)f.Line, (string?)null, f.Feature));
        }
        else
        {
            return [];
        }

        var result = new List<T>();
        foreach (var (index, line, place, feature) in features)
        {
            if (ConvertFeature(feature, file, index, line, place, types, problems, checks, convert) is { } value)
            {
                result.Add(value);
                where?.Add((index, line, place));
            }
        }

        return result;
    }

    /// <summary>One feature through the geometry checks and the layer's conversion (every reader and format); default after a problem.</summary>
    internal static T? ConvertFeature<T>(IFeature feature, string file, int index, long? line, string? place, string[] types, ProblemCollector problems, GeometryChecks checks, Func<IFeature, Geometry, FeatureContext, T?> convert)
    {
        var id = FeatureId(feature);
        var geometry = checks.Check(feature.Geometry, types, file, index, id, line, problems, place);
        if (geometry is null)
        {
            return default;
        }

        geometry.SRID = 4326;
        return convert(feature, geometry, new FeatureContext(file, index, id, line, problems, place));
    }

    private static string? FeatureId(IFeature feature)
    {
        var id = AttributeValues.GetString(feature, "id") ?? AttributeValues.GetString(feature, "code");
        if (id is null && feature is Feature f && f.Attributes is { } a)
        {
            try
            {
                id = a.GetOptionalValue("id")?.ToString();
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException)
            {
                id = null; // an id the table cannot convert (1e400): the feature is named by its index
            }
        }

        return id;
    }

    private static List<Household> ReadOptionalHouseholds(string directory, ProblemCollector problems, GeometryChecks checks)
    {
        var path = LayerFiles.Find(directory, "households");
        return path is null ? [] : HouseholdLayerReader.Read(path, problems, checks);
    }

    /// <summary>The households layer through the general reader and rules, row by row (any format).</summary>
    internal static List<Household> ReadHouseholdsGeneral(string path, ProblemCollector problems, GeometryChecks checks) =>
        ReadLayer(path, PointOnly, problems, checks, ToHousehold).OfType<Household>().ToList();

    /// <summary>Converts one household feature read by the general GeoJSON reader (the slow path).</summary>
    internal static Household? ToHousehold(IFeature f, Geometry g, FeatureContext ctx) =>
        HouseholdAttributes.Read((Point)g, name => AttributeValues.Get(f, name), ctx.Problem);

    /// <summary>Reads and converts one feature from its bytes with the general reader and checks.</summary>
    internal static T? ReadOne<T>(ReadOnlySpan<byte> slice, string file, int index, long line, string[] types, ProblemCollector problems, GeometryChecks checks, Func<IFeature, Geometry, FeatureContext, T?> convert)
    {
        if (GeoJsonFeatureReader.FeatureTypeProblem(slice) is { } typeProblem)
        {
            problems.Add(new DataProblem("geojson.feature", file, typeProblem, index, null, line));
            return default;
        }

        IFeature? feature;
        try
        {
            feature = System.Text.Json.JsonSerializer.Deserialize<IFeature>(slice, GeoJsonFeatureReader.Options);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            problems.Add(new DataProblem("geojson.feature", file, "cannot parse feature: " + e.Message.Split('\n')[0], index, null, line));
            return default;
        }

        if (feature is null)
        {
            problems.Add(new DataProblem("geojson.feature", file, "feature is null", index, null, line));
            return default;
        }

        return ConvertFeature(feature, file, index, line, null, types, problems, checks, convert);
    }

    private static Hub? ToHub(IFeature f, Geometry g, FeatureContext ctx) =>
        HubAttributes.Read((Point)g, name => AttributeValues.Get(f, name), ctx.Problem);

    private static Zone? ToZone(IFeature f, Geometry g, FeatureContext ctx) =>
        ZoneAttributes.Read(g, name => AttributeValues.Get(f, name), ctx.Problem);

    private static ProjectionCell? ToProjectionCell(IFeature f, Geometry g, FeatureContext ctx) =>
        ProjectionAttributes.Read(f, g, ctx.Problem);

    private static TownBlock? ToBlock(IFeature f, Geometry g, FeatureContext ctx) =>
        TownBlockAttributes.Read(g, name => AttributeValues.Get(f, name), ctx.Problem);

    private static Building? ToBuilding(IFeature f, Geometry g, FeatureContext ctx) =>
        BuildingAttributes.Read(ctx.Id ?? ctx.Index.ToString(CultureInfo.InvariantCulture), g, name => AttributeValues.Get(f, name), ctx.Problem);

    private static VacantHouse? ToVacantHouse(IFeature f, Geometry g, FeatureContext ctx) =>
        VacantHouseAttributes.Read(g, name => AttributeValues.Get(f, name), ctx.Problem);

    /// <summary>
    /// Names the A55 都市機能誘導区域 after hubs, one hub per area: pairs are taken in order of plane distance
    /// (0 for a hub inside its area), each area and each hub at most once; areas left over keep a numbered name.
    /// </summary>
    private static IEnumerable<Zone> HubAreasFromA55(IReadOnlyList<Geometry> areas, IReadOnlyList<Hub?> hubs, PlaneProjection projection)
    {
        var known = hubs.OfType<Hub>().ToList();
        var planes = areas.Select(projection.Project).ToList();
        var pairs = new List<(double Distance, int Area, int Hub)>();
        for (var a = 0; a < areas.Count; a++)
        {
            for (var h = 0; h < known.Count; h++)
            {
                var d = areas[a].Covers(known[h].Location) ? 0 : planes[a].Distance(projection.Project(known[h].Location));
                pairs.Add((d, a, h));
            }
        }

        var hubOf = new Hub?[areas.Count];
        var used = new bool[known.Count];
        foreach (var (_, a, h) in pairs.OrderBy(p => p.Distance).ThenBy(p => p.Area).ThenBy(p => p.Hub))
        {
            if (hubOf[a] is null && !used[h])
            {
                hubOf[a] = known[h];
                used[h] = true;
            }
        }

        for (var i = 0; i < areas.Count; i++)
        {
            var hub = hubOf[i];
            yield return new Zone(hub is null ? $"a55-32-{i + 1}" : "hub-" + hub.Id, hub is null ? $"都市機能誘導区域 {i + 1}" : hub.Name, Kinds.HubArea, areas[i]);
        }
    }
}
