using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// Reads a file-store directory into an <see cref="ImportBatch"/>: validated by
/// <see cref="FileStoreReader"/> exactly as an analysis would read it, then every layer the
/// directory holds (and every GTFS feed in <c>gtfs/</c>) becomes a layer to replace.
/// </summary>
public static class FileStoreBatch
{
    /// <exception cref="DataException">Any layer has problems (nothing is written).</exception>
    public static ImportBatch Read(string directory, PlaneProjection projection, FileStoreReader.Options? options = null)
    {
        options ??= new FileStoreReader.Options();
        var loaded = FileStoreReader.Load(directory, projection, options);
        var data = loaded.Dataset;
        var files = new Dictionary<string, string>();
        bool Has(string layer)
        {
            if (LayerFiles.Find(directory, layer) is { } path)
            {
                files[layer] = Path.GetFileName(path);
                return true;
            }

            return false;
        }

        var hasA55 = LayerFiles.Find(directory, "cityplan_a55") is not null;
        var hasMesh = Directory.EnumerateFiles(directory, "mesh_population_*.csv").Any();
        var gtfsDir = Path.Combine(directory, "gtfs");
        Has("inducement_area");
        List<GtfsFeedFiles>? feeds = null;
        if (Directory.Exists(gtfsDir))
        {
            // Validated by the GTFS reader the transit analyses use, so that what is stored can be analysed.
            var gtfs = IO.Gtfs.GtfsReader.ReadFeeds([gtfsDir], null, options.ProblemCap);
            if (gtfs.Problems.Count > 0)
            {
                throw new DataException(gtfs.Problems, gtfs.Truncated);
            }

            feeds = loaded.GtfsFeeds.Select(GtfsFeedFiles.Read).ToList();
        }

        return new ImportBatch
        {
            Source = directory,
            InducementArea = InducementParts(directory, data.InducementArea, options.Repair),
            Households = Has("households") ? data.Households : null,
            TownBlocks = Has("town_blocks") | hasMesh ? data.TownBlocks : null,
            Buildings = Has("buildings") ? data.Buildings : null,
            Zones = Has("zones") | hasA55 ? data.Zones : null,
            Hubs = Has("hubs") ? data.Hubs : null,
            VacantHouses = Has("vacant_houses") ? data.VacantHouses : null,
            GtfsFeeds = feeds,
            Metadata = File.Exists(Path.Combine(directory, StoreMetadataFile.FileName)) ? StoreMetadataFile.Read(directory) : null,
            Files = files,
        };
    }

    /// <summary>
    /// The inducement area's features as they are in the file (so that export gives them back),
    /// or the union the reader built when the area came from A55 or was repaired.
    /// </summary>
    private static List<(string? Name, Geometry Geometry)> InducementParts(string directory, Geometry union, bool repaired)
    {
        var path = LayerFiles.Find(directory, "inducement_area");
        if (path is null || repaired)
        {
            return [("居住誘導区域", union)];
        }

        var problems = new ProblemCollector();
        var parts = new List<(string?, Geometry)>();
        var features = LayerFiles.IsParquet(path)
            ? IO.GeoParquet.GeoParquetReader.Read(path, problems).Select(r => r.Feature)
            : GeoJsonFeatureReader.Read(LayerFiles.ReadAllBytes(path), Path.GetFileName(path), problems).Select(f => f.Feature);
        foreach (var feature in features)
        {
            if (feature.Geometry is not { } g)
            {
                continue;
            }

            g.SRID = 4326;
            parts.Add((AttributeValues.GetString(feature, "name"), g));
        }

        return problems.HasProblems || parts.Count == 0 ? [("居住誘導区域", union)] : parts;
    }
}
