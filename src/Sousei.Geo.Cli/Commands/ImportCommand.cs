using Sousei.Geo.IO.FileStore;
using Sousei.Geo.PostGis;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei import</c>: loads a file-store directory, a Shapefile layer or a lon/lat CSV into PostGIS, all or nothing.</summary>
internal sealed class ImportCommand : ICommand
{
    public string Name => "import";

    public string Summary => "load a file-store directory, a Shapefile or a lon/lat CSV into PostGIS (one transaction)";

    public string Usage => """
        sousei import --db CONN --city CODE DIR
        sousei import --db CONN --city CODE --shapefile FILE.shp --layer NAME [--year Y] [--encoding CP932]
        sousei import --db CONN --city CODE --csv FILE.csv --layer NAME --lon COL --lat COL [--year Y]
          DIR          a file store: every GeoJSON or GeoParquet layer, e-Stat mesh file and GTFS feed in it
          --layer      inducement_area, households, town_blocks, buildings, zones, hubs or vacant_houses
                       (CSV: households, hubs or vacant_houses)
          --year       the year of households / town_blocks rows lacking a year column
          --encoding   .dbf encoding when there is no .cpg (default CP932 / Shift_JIS)
          --crs        plane zone for the coordinate checks (default EPSG:6670)
          --repair     repair invalid polygons with MakeValid and report what changed
        A layer already in the database is replaced (households and town blocks: only the imported
        years). Any bad row stops the import and leaves the database as it was.
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var city = CliSource.ParseCity(args);
        var projection = CliSource.ParseCrs(args);
        var repair = args.Flag("repair");
        var shapefile = args.String("shapefile");
        var csv = args.String("csv");
        var layer = args.String("layer");
        var year = args.Int("year", 1800, 3000);
        var encoding = args.String("encoding");
        var lon = args.String("lon");
        var lat = args.String("lat");
        using var db = CliSource.OpenDatabase(args);
        args.RejectUnknown();
        if (layer is not null && !Identifiers.Layers.Contains(layer))
        {
            throw new UsageException($"--layer '{layer}' is not one of: {string.Join(", ", Identifiers.Layers)}");
        }

        if (year is not null && layer is not null && !Identifiers.YearLayers.Contains(layer))
        {
            throw new UsageException($"--year applies to {string.Join(" and ", Identifiers.YearLayers)} only");
        }

        ImportBatch batch;
        if (shapefile is not null)
        {
            Only(args.Positional.Count == 0 && csv is null && lon is null && lat is null, "--shapefile takes no DIR, --csv, --lon or --lat");
            batch = ShapefileLayer.Read(shapefile, layer ?? throw new UsageException("--shapefile needs --layer NAME"), year, projection, repair, encoding);
        }
        else if (csv is not null)
        {
            Only(args.Positional.Count == 0 && encoding is null, "--csv takes no DIR or --encoding");
            batch = CsvPointLayer.Read(csv, layer ?? throw new UsageException("--csv needs --layer NAME"),
                lon ?? throw new UsageException("--csv needs --lon COLUMN"), lat ?? throw new UsageException("--csv needs --lat COLUMN"), year, projection);
        }
        else
        {
            Only(args.Positional.Count == 1, "give one file-store directory, or --shapefile / --csv");
            Only(layer is null && year is null && encoding is null && lon is null && lat is null, "--layer, --year, --encoding, --lon and --lat go with --shapefile or --csv");
            console.Progress($"reading {args.Positional[0]}");
            batch = FileStoreBatch.Read(args.Positional[0], projection, new FileStoreReader.Options(Repair: repair));
        }

        console.Progress($"importing into {db.Description}");
        var report = PostGisImporter.Import(db, city, batch);
        foreach (var l in report.Layers)
        {
            console.Out.WriteLine($"{l.Layer}: {l.Rows:N0} rows (replaced: {l.Replaced})");
        }

        console.Out.WriteLine($"imported {batch.Source} into city {city} of {db.Description} in {report.Elapsed.TotalSeconds:F1} s");
        return CommandRunner.Ok;
    }

    private static void Only(bool ok, string message)
    {
        if (!ok)
        {
            throw new UsageException(message);
        }
    }
}
