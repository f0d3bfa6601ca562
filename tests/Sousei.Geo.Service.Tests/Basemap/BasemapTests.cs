using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sousei.Geo.IO.Tiles;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Basemap;

/// <summary>
/// <c>/basemap/{z}/{x}/{y}</c> over files written by our own writers: an MBTiles of PNG tiles and a PMTiles of gzip MVT
/// tiles with a run of identical tiles (one run-length entry) and leaf directories (a tiny root limit forces them).
/// Every tile must come back byte for byte, an absent one as 204, a bad z as 400 ProblemDetails.
/// </summary>
public sealed class BasemapTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sousei-basemap-" + Guid.NewGuid().ToString("N"));
    private readonly FixtureStore _store = new(false);

    public BasemapTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public async Task Mbtiles_png_tiles_come_back_byte_for_byte_and_an_absent_tile_is_204()
    {
        var tiles = Enumerable.Range(0, 4).Select(i => new ArchiveTile(14, 14_140 + i, 6_600, Png(i))).Append(new ArchiveTile(13, 7_070, 3_300, Png(9))).ToList();
        var file = Path.Combine(_dir, "base.mbtiles");
        MbTilesWriter.Write(file, Metadata(TileFormat.Png, TileCompression.None, 13, 14, "© Test maps"), tiles);
        using var factory = Factory(file);
        var client = factory.CreateClient();
        foreach (var t in tiles)
        {
            var response = await client.GetAsync($"/basemap/{t.Z}/{t.X}/{t.Y}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.False(response.Headers.ETag!.IsWeak);
            Assert.Equal(t.Data, await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/basemap/14/14139/6600")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/basemap/3/0/0")).StatusCode);
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
        var basemap = status.RootElement.GetProperty("basemap");
        Assert.Equal("basemap/{z}/{x}/{y}", basemap.GetProperty("url").GetString());
        Assert.Equal("© Test maps", basemap.GetProperty("attribution").GetString());
        Assert.Equal("png", basemap.GetProperty("format").GetString());
        Assert.Equal(13, basemap.GetProperty("minzoom").GetInt32());
        Assert.Equal(14, basemap.GetProperty("maxzoom").GetInt32());
    }

    [Fact]
    public async Task Pmtiles_mvt_tiles_with_a_run_and_leaf_directories_come_back_byte_for_byte_gzip_encoded()
    {
        var same = Gzip.Compress("same tile"u8);
        var tiles = new List<ArchiveTile>();
        // z1: ids 1..4 along the Hilbert curve, all the same bytes: one entry with run length 4.
        tiles.AddRange(new[] { (0, 0), (0, 1), (1, 1), (1, 0) }.Select(p => new ArchiveTile(1, p.Item1, p.Item2, same)));
        for (var i = 0; i < 40; i++)
        {
            tiles.Add(new ArchiveTile(5, i % 32, i / 32, Gzip.Compress(System.Text.Encoding.UTF8.GetBytes($"tile {i}"))));
        }

        var file = Path.Combine(_dir, "base.pmtiles");
        using (var stream = File.Create(file))
        {
            new PmTilesWriter { MaxRootDirectoryBytes = 40, LeafEntries = 4 }.Write(stream, Metadata(TileFormat.Mvt, TileCompression.Gzip, 1, 5, "© Vector"), tiles);
        }

        using (var reader = PmTilesReader.Open(file))
        {
            Assert.True(reader.Header.LeafDirectoryLength > 0);
            Assert.Equal(44UL, reader.Header.AddressedTiles);
            Assert.Equal(41UL, reader.Header.TileEntries);
            Assert.Equal(41UL, reader.Header.TileContents);
            Assert.Contains(reader.Entries(), e => e.TileId == 1 && e.RunLength == 4);
        }

        using var factory = Factory(file);
        var client = factory.CreateClient();
        foreach (var t in tiles)
        {
            var response = await client.GetAsync($"/basemap/{t.Z}/{t.X}/{t.Y}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            Assert.Equal(t.Data, await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/basemap/5/31/31")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/basemap/0/0/0")).StatusCode);
        using var metadata = JsonDocument.Parse(await client.GetStringAsync("/basemap/metadata.json"));
        Assert.Equal("mvt", metadata.RootElement.GetProperty("format").GetString());
        Assert.Equal("© Vector", metadata.RootElement.GetProperty("attribution").GetString());
        Assert.Equal(5, metadata.RootElement.GetProperty("maxzoom").GetInt32());
    }

    [Theory]
    [InlineData("/basemap/31/0/0", "z")]
    [InlineData("/basemap/x/0/0", "z")]
    [InlineData("/basemap/2/4/0", "x")]
    [InlineData("/basemap/2/0/-1", "y")]
    public async Task A_bad_address_is_400_problem_details(string path, string parameter)
    {
        var file = Path.Combine(_dir, "one.mbtiles");
        MbTilesWriter.Write(file, Metadata(TileFormat.Png, TileCompression.None, 0, 2, null), [new ArchiveTile(0, 0, 0, Png(1))]);
        using var factory = Factory(file);
        await Problems.AssertBadParameter(await factory.CreateClient().GetAsync(path), parameter);
    }

    [Fact]
    public void A_corrupt_basemap_file_fails_the_start_naming_it()
    {
        var file = Path.Combine(_dir, "corrupt.pmtiles");
        File.WriteAllBytes(file, [.. "PMTiles"u8, 3, 1, 2, 3]);
        // Program.Main turns this exception into one line and exit code 2 (StartupErrorTests).
        var e = Assert.Throws<InvalidOperationException>(() => ServiceApp.Create([$"--{ServiceSettings.Data}={_store.Path}", $"--{ServiceSettings.BasemapFile}={file}"]));
        Assert.Contains("Sousei:Basemap:File", e.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt.pmtiles", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_basemap_file_status_has_no_basemap_and_basemap_tiles_are_404()
    {
        using var factory = Factory(null);
        var client = factory.CreateClient();
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
        Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("basemap").ValueKind);
        await Problems.AssertProblem(await client.GetAsync("/basemap/1/0/0"), HttpStatusCode.NotFound);
    }

    private static byte[] Png(int seed) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, (byte)seed, .. new byte[seed + 3]];

    private static TileArchiveMetadata Metadata(TileFormat format, TileCompression compression, int minZoom, int maxZoom, string? attribution) => new()
    {
        Format = format,
        TileCompression = compression,
        MinZoom = minZoom,
        MaxZoom = maxZoom,
        Attribution = attribution,
        Name = "test basemap",
        Bounds = (130.5, 32.6, 130.9, 33.0),
        Center = (130.7, 32.8, minZoom),
    };

    private WebApplicationFactory<Program> Factory(string? basemap) => new BasemapFactory(_store.Path, basemap);

    private sealed class BasemapFactory(string data, string? basemap) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting(ServiceSettings.Data, data);
            if (basemap is not null)
            {
                builder.UseSetting(ServiceSettings.BasemapFile, basemap);
            }
        }
    }
}
