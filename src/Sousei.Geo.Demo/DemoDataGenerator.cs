using System.IO.Compression;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Demo;

/// <summary>
/// Writes a complete synthetic file store for Kumamoto (docs/data-model.md): hubs, wards and hub
/// areas, the inducement area, town blocks and households for <see cref="KumamotoDemoFacts.BaseYear"/>
/// and <see cref="KumamotoDemoFacts.LatestYear"/>, buildings, vacant houses and a GTFS feed of the
/// trunk lines. The city's structure comes from public facts (<see cref="KumamotoDemoFacts"/>);
/// everything else is drawn from <c>new Random(seed)</c>, so the same options give the same bytes.
/// Output is RFC 7946, written by IO's GeoJSON writer: longitude/latitude on a 10⁻⁶ degree grid (at most
/// 6 decimals), right-hand rings, no <c>crs</c> member, one feature per line.
/// Block persons equal the persons of the households inside each block, year by year.
/// Not thread-safe; single-threaded by design, for determinism.
/// </summary>
public sealed class DemoDataGenerator
{
    /// <summary>Layer files the generator owns; stale copies (either extension) are removed first.</summary>
    private static readonly string[] Layers = ["hubs", "zones", "inducement_area", "town_blocks", "households", "buildings", "vacant_houses"];

    private readonly DemoDataOptions _options;

    public DemoDataGenerator(DemoDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("an output directory is required", nameof(options));
        }

        if (!(options.ScaleFactor > 0 && options.ScaleFactor <= 10))
        {
            throw new ArgumentException($"scale factor {options.ScaleFactor} is outside (0, 10]", nameof(options));
        }

        _options = options;
    }

    /// <summary>Generates and writes the store; <paramref name="progress"/> receives one line per stage.</summary>
    public DemoDataSummary Generate(IProgress<string>? progress = null)
    {
        var scale = _options.ScaleFactor;
        var master = new Random(_options.Seed);
        var transitRandom = new Random(master.Next());
        var layoutRandom = new Random(master.Next());
        var populationRandom = new Random(master.Next());
        var otherRandom = new Random(master.Next());
        var vacantRandom = new Random(master.Next());

        progress?.Report("drawing the transit network");
        var network = DemoTransitNetwork.Build(transitRandom);
        progress?.Report("drawing the city: outline, inducement area, town blocks, wards, hub areas");
        var layout = DemoCityLayoutBuilder.Build(layoutRandom, network);
        var sampler = new DemoSiteSampler(layout, new DemoBlockIndex(layout.Blocks));
        progress?.Report($"placing households (inducement area {layout.InducementAreaHectares:F0} ha)");
        var dwellings = DemoPopulationBuilder.Build(populationRandom, layout, sampler, scale);
        progress?.Report("placing shops, public buildings and industry");
        var others = DemoNonResidentialBuilder.Build(otherRandom, layout, sampler, dwellings, scale);
        progress?.Report("drawing the vacant-house survey");
        var vacant = DemoVacantHouseBuilder.Build(vacantRandom, layout, sampler, scale);

        var buildings = dwellings.Concat(others).Concat(vacant.Select(v => v.Building))
            .Select((b, i) => (Building: b, Key: DemoGeometry.HilbertKey(b.Longitude, b.Latitude), Index: i))
            .OrderBy(t => t.Key).ThenBy(t => t.Index)
            .Select(t => t.Building)
            .ToList();

        var output = _options.OutputDirectory;
        Directory.CreateDirectory(output);
        foreach (var layer in Layers)
        {
            File.Delete(Path.Combine(output, layer + ".geojson"));
            File.Delete(Path.Combine(output, layer + ".geojson.gz"));
        }

        var gtfsDirectory = Path.Combine(output, "gtfs", "demo-trunk");
        if (Directory.Exists(gtfsDirectory))
        {
            Directory.Delete(gtfsDirectory, recursive: true);
        }

        progress?.Report("writing " + output);
        DemoLayerWriter.WriteHubs(Path.Combine(output, "hubs.geojson"));
        DemoLayerWriter.WriteZones(Path.Combine(output, "zones.geojson"), layout);
        DemoLayerWriter.WriteInducementArea(Path.Combine(output, "inducement_area.geojson"), layout);
        DemoLayerWriter.WriteTownBlocks(Path.Combine(output, "town_blocks.geojson"), layout, buildings);
        DemoLayerWriter.WriteHouseholds(Path.Combine(output, "households.geojson.gz"), buildings);
        DemoLayerWriter.WriteBuildings(Path.Combine(output, "buildings.geojson.gz"), buildings);
        DemoLayerWriter.WriteVacantHouses(Path.Combine(output, "vacant_houses.geojson"), vacant);
        var trips = DemoGtfsWriter.Write(network, gtfsDirectory, _options.Seed);
        Directory.CreateDirectory(Path.Combine(output, "scenarios"));
        DemoLayerWriter.WriteExpressScenario(Path.Combine(output, "scenarios", "jonan-express.json"), network);
        DemoLayerWriter.WriteStoreMetadata(Path.Combine(output, IO.FileStore.StoreMetadataFile.FileName), _options.Seed);

        var years = new List<DemoYearSummary>
        {
            Year(KumamotoDemoFacts.BaseYear, buildings, b => b.BaseYearHouseholds, layout.InducementAreaHectares),
            Year(KumamotoDemoFacts.LatestYear, buildings, b => b.LatestYearHouseholds, layout.InducementAreaHectares),
        };
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(output, f).Replace('\\', '/'), new FileInfo(f).Length))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
        return new DemoDataSummary(_options.Seed, scale, layout.InducementAreaHectares, layout.Blocks.Count, buildings.Count, vacant.Count,
            network.Stops.Count, trips, years, files);
    }

    private static DemoYearSummary Year(int year, List<DemoBuilding> buildings, Func<DemoBuilding, List<int>> households, double hectares)
    {
        var count = buildings.Sum(b => households(b).Count);
        var persons = buildings.Sum(b => households(b).Sum());
        var inside = buildings.Where(b => b.InsideInducementArea).Sum(b => households(b).Sum());
        return new DemoYearSummary(year, count, persons, inside, inside / hectares);
    }

    /// <summary>Opens a layer file for writing, gzip-compressed when its name ends in <c>.gz</c>.</summary>
    internal static Stream Create(string path)
    {
        var file = File.Create(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.SmallestSize) : file;
    }

    /// <summary>The hubs as the engine's model (longitude/latitude, SRID 4326).</summary>
    internal static IReadOnlyList<Hub> Hubs() =>
        KumamotoDemoFacts.Hubs.Select(h => new Hub(h.Id, h.Name, h.Kind,
            DemoGeometry.LonLat.CreatePoint(new NetTopologySuite.Geometries.Coordinate(DemoGeometry.Round6(h.Longitude), DemoGeometry.Round6(h.Latitude))))).ToList();
}
