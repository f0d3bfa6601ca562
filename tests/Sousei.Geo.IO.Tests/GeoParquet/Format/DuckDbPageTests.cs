using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Sousei.Geo.Cli.Tests;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.GeoParquet;
using Sousei.Geo.IO.GeoParquet.Format;
using Sousei.Geo.IO.Tests.FileStore;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.IO.Tests.GeoParquet.Format;

/// <summary>
/// Files another writer makes: DuckDB (npm @duckdb/node-api) rewrites a households layer with each codec and both page
/// versions. DuckDB writes dictionary pages for the few distinct persons and years (and for the geometry when it holds few
/// distinct points), which Parquet.Net does not write; the project's own page reader must give Parquet.Net's answer on
/// each, and read every one itself.
/// </summary>
public sealed class DuckDbPageTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [SkippableTheory]
    [InlineData("uncompressed", "V1", false)]
    [InlineData("snappy", "V1", false)]
    [InlineData("gzip", "V1", false)]
    [InlineData("zstd", "V1", false)]
    [InlineData("snappy", "V2", false)] // DuckDB's v2 writes DELTA_LENGTH_BYTE_ARRAY blobs
    [InlineData("snappy", "V2", true)] // forty distinct points: v2 dictionary pages for the geometry too
    [InlineData("uncompressed", "V2", true)]
    [InlineData("gzip", "V1", true)]
    [InlineData("zstd", "V2", false)]
    public async Task A_layer_duckdb_rewrites_reads_as_Parquet_Net_reads_it(string codec, string version, bool fewPoints)
    {
        DuckDb.Require();

        // 5,000 rows: persons (row % 8, null every 97th row, -1 every 401st), year 2022 + row % 3, and a point whose WKB is
        // null every 89th row and 4 bytes of nothing every 613th; a plain Parquet base without the geo key.
        var basePath = Path.Combine(_store.Path, "base.parquet");
        WriteBase(basePath, 5000, fewPoints);
        var target = Path.Combine(_store.Path, $"households-{codec}-{version}-{fewPoints}.parquet");
        var geo = GeoParquetMetadata.Write("geometry", ["Point"], null).Replace("'", "''", StringComparison.Ordinal);
        await DuckDb.Query(
            $"copy (select geometry, persons::integer as persons, year from '{basePath}') to '{target}' (format parquet, compression {codec}, row_group_size 2048, parquet_version {version}, kv_metadata {{geo: '{geo}'}})",
            "select 1 as done");
        var encodings = await DuckDb.Query($"select path_in_schema as c, encodings as e from parquet_metadata('{target}')");
        if (version == "V2" && !fewPoints)
        {
            Assert.Contains(encodings, r => (string)r!["c"]! == "geometry" && ((string)r["e"]!).Contains("DELTA_LENGTH_BYTE_ARRAY", StringComparison.Ordinal));
        }

        Assert.Contains(encodings, r => (string)r!["c"]! == "persons" && ((string)r["e"]!).Contains("DICTIONARY", StringComparison.Ordinal));
        if (fewPoints)
        {
            Assert.Contains(encodings, r => (string)r!["c"]! == "geometry" && ((string)r["e"]!).Contains("DICTIONARY", StringComparison.Ordinal));
        }

        var own = HouseholdReads.Read(target, HouseholdParquetReader.TryReadOwn);
        var oracle = HouseholdReads.Read(target, HouseholdParquetReader.TryReadWithParquetNet);
        Assert.NotNull(oracle.Households);
        // A household is a row with a point and persons ≥ 0 (a missing or negative persons, a null or unreadable geometry
        // are problems): counted here from the rows' rules, not from a reader.
        var good = Enumerable.Range(0, 5000).Where(i => i % 89 != 0 && i % 613 != 0 && i % 97 != 0 && i % 401 != 0).ToList();
        Assert.Equal(good.Count, oracle.Households.Count);
        Assert.Equal(good.Sum(i => i % 8), oracle.Households.Sum(h => h.Persons));
        Assert.NotNull(own.Households);
        Assert.Equal(oracle.Households, own.Households);
        Assert.Equal(oracle.Problems, own.Problems);

        var store = HouseholdReads.Read(target, HouseholdParquetReader.TryRead);
        Assert.Equal(oracle.Households, store.Households);
        Assert.Equal(oracle.Problems, store.Problems);
    }

    private static void WriteBase(string path, int rows, bool fewPoints)
    {
        var geometry = new DataField<byte[]>("geometry", true);
        var persons = new DataField<long?>("persons");
        var year = new DataField<long?>("year");
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(geometry, persons, year), stream).GetAwaiter().GetResult();
        try
        {
            using var group = writer.CreateRowGroup();
            group.WriteAsync(geometry, Enumerable.Range(0, rows).Select(i => i % 89 == 0 ? null : i % 613 == 0 ? new byte[] { 1, 1, 0, 0 } : (fewPoints ? Point(130.65 + i % 40 * 1e-3, 32.80) : Point(130.65 + i % 1000 * 1e-4, 32.75 + i / 1000 * 1e-2))).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<long>(persons, Enumerable.Range(0, rows).Select(i => i % 97 == 0 ? null : i % 401 == 0 ? -1 : (long?)(i % 8)).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<long>(year, Enumerable.Range(0, rows).Select(i => (long?)(2022 + i % 3)).ToArray()).GetAwaiter().GetResult();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static byte[] Point(double lon, double lat)
    {
        var bytes = new byte[21];
        bytes[0] = 1;
        BitConverter.TryWriteBytes(bytes.AsSpan(1), 1u);
        BitConverter.TryWriteBytes(bytes.AsSpan(5), lon);
        BitConverter.TryWriteBytes(bytes.AsSpan(13), lat);
        return bytes;
    }
}
