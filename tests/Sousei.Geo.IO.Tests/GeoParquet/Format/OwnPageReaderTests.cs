using System.Buffers.Binary;
using CsCheck;
using Parquet;
using Parquet.Schema;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.GeoParquet;
using Sousei.Geo.IO.GeoParquet.Format;
using Sousei.Geo.IO.Tests.FileStore;

namespace Sousei.Geo.IO.Tests.GeoParquet.Format;

/// <summary>
/// The project's own Parquet page reader (the households fast path, issue 12) against Parquet.Net as the oracle: files
/// Parquet.Net writes with every codec, INT32 or INT64, required or nullable columns, row
/// groups of any size, and rows the rules refuse, give the same households in the same order and the same problems by
/// both readers, delta-encoded persons included; Brotli and LZ4 files, which it leaves to Parquet.Net, give the same answer
/// through the store's reader.
/// </summary>
public sealed class OwnPageReaderTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private enum GeometryKind
    {
        Null,
        Point,
        BigEndianPoint,
        Garbage,
        Far,
        Polygon,
    }

    private sealed record Row(GeometryKind Geometry, double Lon, double Lat, int? Persons, int? Year);

    private sealed record Layout(CompressionMethod Codec, bool Int32Persons, bool RequiredPersons, bool DeltaPersons, int GroupRows);

    [Fact]
    public void Own_reader_and_Parquet_Net_give_the_same_households_and_problems_on_random_files()
    {
        var row = Gen.Select(Gen.Int[0, 9], Gen.Double[130.6, 130.8], Gen.Double[32.7, 32.9], Gen.Int[-2, 9], Gen.Int[0, 12])
            .Select(t => new Row(
                t.Item1 switch { 0 => GeometryKind.Null, 1 => GeometryKind.BigEndianPoint, 2 => GeometryKind.Garbage, 3 => GeometryKind.Far, 4 => GeometryKind.Polygon, _ => GeometryKind.Point },
                Math.Round(t.Item2, 7),
                Math.Round(t.Item3, 7),
                t.Item4 == 9 ? null : t.Item4,
                t.Item5 switch { 0 => null, 1 => 1700, _ => 2019 + (t.Item5 % 5) }));
        var codec = Gen.Int[0, 5].Select(i => new[] { CompressionMethod.None, CompressionMethod.Snappy, CompressionMethod.Gzip, CompressionMethod.Zstd, CompressionMethod.Brotli, CompressionMethod.Lz4Raw }[i]);
        var layout = Gen.Select(codec, Gen.Bool, Gen.Bool, Gen.Int[0, 5], Gen.Int[1, 120])
            .Select(t => new Layout(t.Item1, t.Item2, t.Item3, t.Item4 == 0, t.Item5));
        Gen.Select(row.Array[0, 300], layout).Sample((rows, l) =>
        {
            if (l.RequiredPersons)
            {
                rows = rows.Select(r => r with { Persons = r.Persons ?? 1 }).ToArray();
            }

            var path = Path.Combine(_store.Path, $"households-{Guid.NewGuid():N}.parquet"); // CsCheck samples on several threads
            Write(path, rows, l);
            var (own, ownProblems) = HouseholdReads.Read(path, HouseholdParquetReader.TryReadOwn);
            var (oracle, oracleProblems) = HouseholdReads.Read(path, HouseholdParquetReader.TryReadWithParquetNet);
            if (oracle is null)
            {
                (oracle, oracleProblems) = HouseholdReads.Read(path, FileStoreReader.ReadHouseholdsGeneral);
            }

            // The own reader reads every file of these codecs itself; Brotli and LZ4 go to Parquet.Net (an empty file too:
            // its one row group of no rows still names the codec of each column chunk).
            var ownCodec = l.Codec is not (CompressionMethod.Brotli or CompressionMethod.Lz4Raw);
            Assert.Equal(ownCodec, own is not null);
            if (own is not null)
            {
                Assert.Equal(oracle, own);
                Assert.Equal(oracleProblems, ownProblems);
            }

            // Either way the store's reader gives the oracle's answer.
            var (store, storeProblems) = HouseholdReads.Read(path, HouseholdParquetReader.TryRead);
            Assert.Equal(oracle, store);
            Assert.Equal(oracleProblems, storeProblems);
            File.Delete(path);
        }, iter: 300);
    }

    [Fact]
    public void A_file_of_several_row_groups_reads_every_row_in_order()
    {
        // 1,000 rows in row groups of 64: persons = row % 7, year 2023; the own reader reads them all, in order.
        var rows = Enumerable.Range(0, 1000).Select(i => new Row(GeometryKind.Point, 130.70 + i * 1e-5, 32.80, i % 7, 2023)).ToArray();
        var path = Path.Combine(_store.Path, "households.parquet");
        Write(path, rows, new Layout(CompressionMethod.Snappy, Int32Persons: false, RequiredPersons: false, DeltaPersons: false, GroupRows: 64));
        var (own, problems) = HouseholdReads.Read(path, HouseholdParquetReader.TryReadOwn);
        Assert.NotNull(own);
        Assert.Empty(problems);
        Assert.Equal(rows.Select(r => r.Persons!.Value), own.Select(h => h.Persons));
        Assert.Equal(rows.Select(r => r.Lon), own.Select(h => h.Longitude));
        Assert.Equal(rows.Sum(r => r.Persons!.Value), own.Sum(h => h.Persons)); // 142 weeks of 0..6 (21 each) + 6 rows 0..5 = 2,982 + 15
        Assert.Equal(2997, own.Sum(h => h.Persons));
    }

    private static void Write(string path, Row[] rows, Layout layout)
    {
        var geometry = new DataField<byte[]>("geometry", true);
        DataField persons = (layout.Int32Persons, layout.RequiredPersons) switch
        {
            (true, true) => new DataField<int>("persons"),
            (true, false) => new DataField<int?>("persons"),
            (false, true) => new DataField<long>("persons"),
            (false, false) => new DataField<long?>("persons"),
        };
        var year = new DataField<long?>("year");
        var options = new ParquetOptions { CompressionMethod = layout.Codec };
        if (layout.DeltaPersons)
        {
            options.ColumnEncodingHints[persons.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        }

        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(geometry, persons, year), stream, options).GetAwaiter().GetResult();
        try
        {
            WriteGroups(writer, rows, layout, geometry, persons, year);
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteGroups(ParquetWriter writer, Row[] rows, Layout layout, DataField geometry, DataField persons, DataField year)
    {
        writer.CustomMetadata = new Dictionary<string, string> { [GeoParquetMetadata.Key] = GeoParquetMetadata.Write("geometry", ["Point"], null) };
        for (var start = 0; start < rows.Length || start == 0; start += layout.GroupRows)
        {
            var part = rows.Skip(start).Take(layout.GroupRows).ToArray();
            using var group = writer.CreateRowGroup();
            group.WriteAsync(geometry, part.Select(Wkb).ToArray()).GetAwaiter().GetResult();
            switch (persons)
            {
                case DataField<int> f:
                    group.WriteAsync<int>(f, part.Select(r => r.Persons!.Value).ToArray()).GetAwaiter().GetResult();
                    break;
                case DataField<int?> f:
                    group.WriteAsync<int>(f, part.Select(r => r.Persons).ToArray()).GetAwaiter().GetResult();
                    break;
                case DataField<long> f:
                    group.WriteAsync<long>(f, part.Select(r => (long)r.Persons!.Value).ToArray()).GetAwaiter().GetResult();
                    break;
                case DataField<long?> f:
                    group.WriteAsync<long>(f, part.Select(r => (long?)r.Persons).ToArray()).GetAwaiter().GetResult();
                    break;
            }

            group.WriteAsync<long>(year, part.Select(r => (long?)r.Year).ToArray()).GetAwaiter().GetResult();
            if (rows.Length == 0)
            {
                break;
            }
        }
    }

    private static byte[]? Wkb(Row r)
    {
        switch (r.Geometry)
        {
            case GeometryKind.Null:
                return null;
            case GeometryKind.Garbage:
                return [1, 1, 0, 0];
            case GeometryKind.Polygon:
                var factory = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
                var ring = factory.CreatePolygon([new(r.Lon, r.Lat), new(r.Lon + 0.001, r.Lat), new(r.Lon, r.Lat + 0.001), new(r.Lon, r.Lat)]);
                return new NetTopologySuite.IO.WKBWriter().Write(ring);
        }

        var big = r.Geometry == GeometryKind.BigEndianPoint;
        var (lon, lat) = r.Geometry == GeometryKind.Far ? (r.Lon + 20, r.Lat) : (r.Lon, r.Lat);
        var bytes = new byte[21];
        bytes[0] = big ? (byte)0 : (byte)1;
        if (big)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), 1);
            BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(5), lon);
            BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(13), lat);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), 1);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(5), lon);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(13), lat);
        }

        return bytes;
    }
}
