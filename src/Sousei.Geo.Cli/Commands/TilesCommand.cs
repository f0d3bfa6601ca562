using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.Tiles;
using Sousei.Geo.Service.Tiles;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei tiles</c>: the public vector tile layers — the tiles the service serves at <c>/tiles/…</c>, from the same
/// <see cref="TileService"/> — packaged into one PMTiles v3 or MBTiles file for offline use (<see cref="TilePackage"/>).
/// </summary>
internal sealed class TilesCommand : ICommand
{
    private const int MaxZoomOption = 20;

    public string Name => "tiles";

    public string Summary => "package the public vector tile layers into one PMTiles or MBTiles file";

    public string Usage => $$"""
        sousei tiles --data DIR | --db CONN --city CODE --out FILE.pmtiles|FILE.mbtiles [--minzoom 8] [--maxzoom 16] [--layers L,L] [--bbox minLon,minLat,maxLon,maxLat]
          --out      the file; .pmtiles (PMTiles v3, clustered, gzip) or .mbtiles (MBTiles 1.3, TMS rows, gzip tiles)
          --minzoom  lowest zoom, 0–{{MaxZoomOption}} (default 8); --maxzoom highest zoom (default 16)
          --layers   {{string.Join(", ", TileService.AllLayerNames)}} (default: every layer the data has); the tiles of /tiles/{layer}/{z}/{x}/{y}.mvt
          --bbox     only tiles meeting this box as well as the data's extent (CRS84)
        """ + "\n" + CliSource.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        var output = args.Required("out");
        if (!TileArchive.HasKnownExtension(output))
        {
            throw new UsageException($"--out '{output}': the file must end in .pmtiles or .mbtiles");
        }

        OutputFile.Check(output);
        var minZoom = args.Int("minzoom", 0, MaxZoomOption) ?? 8;
        var maxZoom = args.Int("maxzoom", 0, MaxZoomOption) ?? 16;
        if (minZoom > maxZoom)
        {
            throw new UsageException($"--minzoom {minZoom} is above --maxzoom {maxZoom}");
        }

        var asked = args.String("layers")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var layer in asked ?? [])
        {
            if (!TileService.AllLayerNames.Contains(layer, StringComparer.Ordinal))
            {
                throw new UsageException($"--layers: no tile layer '{layer}'; layers: {string.Join(", ", TileService.AllLayerNames)}");
            }
        }

        var parameters = new Parameters(n => args.String(n));
        var bbox = parameters.Bbox("bbox");
        parameters.ThrowIfAny();
        var source = CliSource.Open(args, console);
        args.RejectUnknown();

        var clock = Stopwatch.StartNew();
        console.Progress("preparing the city data");
        var city = City.Open(source, CityLayers.All);
        var tiles = new TileService(city);
        var layers = asked?.Distinct(StringComparer.Ordinal).ToList()
            ?? TileService.AllLayerNames.Where(tiles.HasLayer).ToList();
        if (layers.FirstOrDefault(l => !tiles.HasLayer(l)) is { } missing)
        {
            throw new UsageException($"--layers: the data has no '{missing}' layer (transit_stops needs GTFS)");
        }

        var area = city.Extent.IsNull ? new Envelope() : bbox is null ? city.Extent : city.Extent.Intersection(bbox);
        if (area.IsNull)
        {
            throw new UsageException(bbox is null ? "the data has no extent (no layer with geometries)" : "--bbox does not meet the data's extent");
        }

        console.Progress($"rendering zooms {minZoom}–{maxZoom}");
        var metadata = TilePackage.Metadata(city, tiles, layers, minZoom, maxZoom, area);
        var perZoom = new int[maxZoom + 1];
        long rawBytes = 0;
        IEnumerable<ArchiveTile> Packaged() => TilePackage.Tiles(tiles, layers, minZoom, maxZoom, area).Select(t =>
        {
            perZoom[t.Z]++;
            rawBytes += t.Data.Length;
            return t with { Data = Gzip.Compress(t.Data) };
        });

        TileArchiveSummary summary;
        try
        {
            summary = OutputFile.WriteFile(output, path =>
            {
                if (TileArchive.IsMbTiles(output))
                {
                    return MbTilesWriter.Write(path, metadata, Packaged());
                }

                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                return new PmTilesWriter().Write(stream, metadata, Packaged());
            });
        }
        catch (ArgumentException e) when (perZoom.Sum() == 0)
        {
            throw new UsageException($"no tile of {string.Join(", ", layers)} holds a feature in zooms {minZoom}–{maxZoom}; nothing written ({e.Message})");
        }

        var zooms = string.Join(", ", Enumerable.Range(minZoom, maxZoom - minZoom + 1).Select(z => $"z{z} {perZoom[z]}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {summary.Tiles} tiles ({summary.DistinctTiles} distinct; {zooms}), layers {string.Join(", ", layers)}, {summary.Bytes:N0} bytes ({rawBytes:N0} bytes of MVT before gzip) in {clock.Elapsed.TotalSeconds:0.0} s"));
        return CommandRunner.Ok;
    }
}
