using Sousei.Geo.IO.Tiles;

namespace Sousei.Geo.IO.Tests.Tiles;

public sealed class PmTilesWriterTests
{
    [Fact]
    public void A_root_past_16_kib_goes_to_leaf_directories_and_every_tile_reads_back()
    {
        // 30,000 tiles of zoom 9 at pseudo-random places with pseudo-random lengths: entries that gzip cannot shrink much.
        var random = new Random(7);
        var ids = Enumerable.Range(0, 1 << 18).OrderBy(_ => random.Next()).Take(30_000).ToList();
        var tiles = ids.Select(i => new ArchiveTile(9, i % 512, i / 512, Bytes(random, random.Next(1, 400)))).ToList();
        var path = Path.Combine(Path.GetTempPath(), "sousei-pmtiles-" + Guid.NewGuid().ToString("N") + ".pmtiles");
        try
        {
            using (var stream = File.Create(path))
            {
                var summary = new PmTilesWriter().Write(stream, new TileArchiveMetadata { Format = TileFormat.Png, MinZoom = 9, MaxZoom = 9, Center = (0, 0, 9) }, tiles);
                Assert.Equal(30_000, summary.Tiles);
            }

            using var reader = PmTilesReader.Open(path);
            Assert.True(reader.Header.LeafDirectoryLength > 0);
            Assert.True(PmTilesHeader.Length + (long)reader.Header.RootLength <= PmTilesWriter.RootLimitBytes);
            Assert.Equal(30_000, reader.Entries().Count());
            foreach (var t in tiles.Take(2_000))
            {
                Assert.Equal(t.Data, reader.GetTile(t.Z, t.X, t.Y));
            }

            var absent = Enumerable.Range(0, 1 << 18).First(i => !ids.Contains(i));
            Assert.Null(reader.GetTile(9, absent % 512, absent / 512));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Identical_tiles_are_stored_once_and_consecutive_ones_fold_into_a_run()
    {
        var a = new byte[] { 1, 2, 3 };
        var b = new byte[] { 4, 5 };
        // z1 ids 1..4 = (0,0), (0,1), (1,1), (1,0): a, a, b, a → entries (1, run 2), (3, run 1, b), (4, run 1, a again at offset 0).
        var tiles = new[] { new ArchiveTile(1, 0, 0, a), new ArchiveTile(1, 0, 1, a), new ArchiveTile(1, 1, 1, b), new ArchiveTile(1, 1, 0, a) };
        using var stream = new MemoryStream();
        var summary = new PmTilesWriter().Write(stream, new TileArchiveMetadata { Format = TileFormat.Mvt, MinZoom = 1, MaxZoom = 1, Center = (0, 0, 1) }, tiles);
        Assert.Equal(4, summary.Tiles);
        Assert.Equal(2, summary.DistinctTiles);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, stream.ToArray());
            using var reader = PmTilesReader.Open(path);
            Assert.Equal([new PmTilesEntry(1, 0, 3, 2), new PmTilesEntry(3, 3, 2, 1), new PmTilesEntry(4, 0, 3, 1)], reader.Entries());
            Assert.Equal(5UL, reader.Header.TileDataLength);
            Assert.Equal(a, reader.GetTile(1, 1, 0));
            Assert.Null(reader.GetTile(0, 0, 0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Bytes(Random random, int length)
    {
        var b = new byte[length];
        random.NextBytes(b);
        return b;
    }
}
