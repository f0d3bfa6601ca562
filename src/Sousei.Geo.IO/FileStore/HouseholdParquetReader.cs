using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Parquet.Schema;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.GeoParquet;
using Sousei.Geo.IO.GeoParquet.Format;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The households layer from GeoParquet (issue 12), fast: row groups on every core, the integer columns <c>persons</c>,
/// <c>year</c> and the age groups read typed, and 2D point WKB decoded in place (21 bytes, either byte order). A row the
/// fast path does not judge — another geometry, a coordinate problem, a value the rules refuse — goes through the same
/// checks and rules as every other layer row (<see cref="GeometryChecks"/>, <see cref="HouseholdAttributes"/>), so the
/// households and the problems are those of the general path; a file whose columns are not integers is read the
/// general way throughout.
/// </summary>
/// <remarks>
/// Two readers of the pages serve the fast path. The project's own (<see cref="ParquetColumnFile"/>) reads the files
/// GeoParquet writers produce (flat columns; PLAIN, dictionary or delta pages, v1 or v2; no compression, Snappy, gzip or Zstd) without
/// Parquet.Net's start-up cost, which dominated a whole command. Any file it does not read — LZ4 or Brotli, another encoding, a
/// nested column, a footer or page it cannot decode — is read by Parquet.Net from the start, so every problem is still
/// worded by one reader (<see cref="GeoParquetFile"/>).
/// </remarks>
internal static class HouseholdParquetReader
{
    private static readonly string[] Wanted = ["persons", "year", AgeGroupAttributes.Children, AgeGroupAttributes.Elderly];

    /// <summary>The households, or null when the caller should read the file the general way.</summary>
    public static List<Household>? TryRead(string path, ProblemCollector problems, GeometryChecks checks) =>
        TryReadOwn(path, problems, checks) ?? TryReadWithParquetNet(path, problems, checks);

    /// <summary>The fast path through Parquet.Net (any file it reads); null when the caller should read the file the general way.</summary>
    internal static List<Household>? TryReadWithParquetNet(string path, ProblemCollector problems, GeometryChecks checks)
    {
        var fileProblems = new ProblemCollector(problems.Cap);
        using var file = GeoParquetFile.Open(path, fileProblems);
        if (file is null)
        {
            problems.AddAll(fileProblems);
            return [];
        }

        var columns = Wanted.Select(w => file.Attributes.FirstOrDefault(a => a.Name == w)).ToArray();
        if (columns.Any(c => c is not null && c.ClrType != typeof(int) && c.ClrType != typeof(long) && c.ClrType != typeof(short)))
        {
            return null;
        }

        var result = file.ReadRowGroups(problems, (g, session, groupProblems) => ReadGroup(file, g, columns, groupProblems, checks, session));
        return result;
    }

    /// <summary>
    /// The fast path through the project's own page reader; null (nothing added to <paramref name="problems"/>) when the
    /// file is one it does not read, so that Parquet.Net reads it and words what is wrong.
    /// </summary>
    internal static List<Household>? TryReadOwn(string path, ProblemCollector problems, GeometryChecks checks)
    {
        ParquetColumnFile file;
        try
        {
            InputFiles.CheckRegular(path);
            file = ParquetColumnFile.Open(path);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }

        using (file)
        {
            var geoEntries = file.Footer.KeyValues.Where(kv => kv.Key == GeoParquetMetadata.Key).ToList();
            if (file.Length > InputFiles.MaxBytes || geoEntries.Count != 1 || geoEntries[0].Value is not { } json || GeoParquetMetadata.Parse(json, out _) is not { } geo
                || file.Column(geo.PrimaryColumn) is not { Type: ParquetFooter.ByteArray, ConvertedType: null, LogicalType: 0 })
            {
                return null;
            }

            var names = new string?[Wanted.Length];
            for (var c = 0; c < Wanted.Length; c++)
            {
                if (Wanted[c] == geo.PrimaryColumn || geo.CoveringColumns.Contains(Wanted[c]) || file.Column(Wanted[c]) is not { } column)
                {
                    continue; // absent, as the general path sees it
                }

                if (!IsPlainInteger(column))
                {
                    return null;
                }

                names[c] = Wanted[c];
            }

            // A household row holds a point (25 bytes in the geometry column; a null costs a bit): a row group claiming more
            // rows than its geometry chunk has bytes is damage or all nulls, and goes to Parquet.Net before anything is sized by it.
            var groups = file.Footer.RowGroups;
            var geometryIndex = file.Columns.ToList().FindIndex(c => c.Name == geo.PrimaryColumn);
            if (groups.Sum(g => g.Rows) > int.MaxValue / 2 || groups.Sum(g => Math.Max(0, g.TotalBytes)) > InputFiles.MaxBytes
                || groups.Any(g => g.Columns.Any(c => !ColumnChunkDecoder.Reads(c.Codec)) || g.Rows > Math.Max(64, g.Columns[geometryIndex].UncompressedBytes)))
            {
                return null;
            }

            var firstRows = new int[groups.Count];
            for (var g = 1; g < groups.Count; g++)
            {
                firstRows[g] = firstRows[g - 1] + (int)groups[g - 1].Rows;
            }

            var fileName = Path.GetFileName(path);
            var results = new List<Household>[groups.Count];
            var groupProblems = new ProblemCollector[groups.Count];
            var failed = 0;
            Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 8) }, (g, state) =>
            {
                try
                {
                    var rows = (int)groups[g].Rows;
                    var wkb = file.ReadChunk(g, geo.PrimaryColumn, (bytes, chunk, optional) => ColumnChunkDecoder.Binary(bytes, chunk, optional, rows));
                    var integers = names.Select(n => n is null ? null : file.ReadChunk(g, n, (bytes, chunk, optional) => ColumnChunkDecoder.Integers(bytes, chunk, optional, rows))).ToArray();
                    groupProblems[g] = new ProblemCollector(problems.Cap);
                    results[g] = Households(fileName, geo.PrimaryColumn, g, firstRows[g], wkb, integers, groupProblems[g], checks);
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
                {
                    // Damage or a kind of page this reader does not know: Parquet.Net reads the file and words what is wrong.
                    Volatile.Write(ref failed, 1);
                    state.Stop();
                }
            });
            if (failed != 0)
            {
                return null;
            }

            var households = new List<Household>(results.Sum(r => r.Count));
            for (var g = 0; g < results.Length; g++)
            {
                problems.AddAll(groupProblems[g]);
                households.AddRange(results[g]);
            }

            return households;
        }
    }

    /// <summary>An INT32 or INT64 column read as Parquet.Net reads it as int or long (signed, no other annotation).</summary>
    private static bool IsPlainInteger(ParquetFooter.SchemaElement c) => c.Type switch
    {
        ParquetFooter.Int32 => c.ConvertedType is null or ConvertedInt32 && (c.LogicalType == 0 || (c.LogicalType == LogicalInteger && c.LogicalBitWidth == 32 && c.LogicalSigned == true)),
        ParquetFooter.Int64 => c.ConvertedType is null or ConvertedInt64 && (c.LogicalType == 0 || (c.LogicalType == LogicalInteger && c.LogicalBitWidth == 64 && c.LogicalSigned == true)),
        _ => false,
    };

    // parquet.thrift: ConvertedType INT_32 = 17, INT_64 = 18; LogicalType's INTEGER member is field 10.
    private const int ConvertedInt32 = 17, ConvertedInt64 = 18, LogicalInteger = 10;

    private static List<Household> ReadGroup(GeoParquetFile file, int g, DataField?[] columns, ProblemCollector problems, GeometryChecks checks, GeoParquetFile.Session session) =>
        file.ReadRowGroupRaw(g, columns, (rows, raw, integers) =>
        {
            var wkb = new BinaryColumn(rows);
            for (var r = 0; r < rows; r++)
            {
                if (raw.TryGet(r, out var value))
                {
                    wkb.Set(r, value.Span);
                }
            }

            return Households(file.FileName, file.GeometryField.Name, g, (int)file.FirstRow(g), wkb, integers, problems, checks);
        }, session);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Household> Households(string fileName, string geometryColumn, int g, int first, BinaryColumn wkb, long?[]?[] integers, ProblemCollector problems, GeometryChecks checks)
    {
        var rows = wkb.Rows;
        var households = new List<Household>(rows);
        Span<WholeSlot> slots = stackalloc WholeSlot[Wanted.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < slots.Length; c++)
            {
                slots[c] = integers[c]?[r] is long v ? new WholeSlot(WholeSlot.Kinds.Whole, v) : new WholeSlot(WholeSlot.Kinds.Absent, 0);
            }

            var hasGeometry = wkb.TryGet(r, out var bytes);
            if (hasGeometry && TryPoint(bytes, out var x, out var y) && checks.PointProblem(x, y) is null
                && HouseholdStreamReader.ToHousehold(x, y, slots) is { } fast)
            {
                households.Add(fast);
                continue;
            }

            // The general way, worded as for any layer row.
            var attributes = new AttributesTable();
            for (var c = 0; c < integers.Length; c++)
            {
                if (integers[c] is { } column)
                {
                    attributes.Add(Wanted[c], column[r]);
                }
            }

            var place = GeoParquetFile.Place(g, r);
            Geometry? geometry = null;
            if (hasGeometry && (geometry = GeoParquetFile.ParseWkb(bytes.ToArray(), out var wkbProblem)) is null)
            {
                problems.Add(new DataProblem("geometry.wkb", fileName, $"column '{geometryColumn}': {wkbProblem}", first + r, Place: place));
                continue;
            }

            if (FileStoreReader.ConvertFeature(new Feature(geometry, attributes), fileName, first + r, null, place, FileStoreReader.PointOnly, problems, checks, FileStoreReader.ToHousehold) is { } household)
            {
                households.Add(household);
            }
        }

        return households;
    }

    /// <summary>A 2D WKB point (type 1, ISO or extended without SRID) of finite coordinates, in either byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryPoint(ReadOnlySpan<byte> wkb, out double x, out double y)
    {
        x = y = double.NaN;
        if (wkb.Length != 21 || wkb[0] > 1)
        {
            return false;
        }

        var little = wkb[0] == 1;
        var type = little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[1..]);
        if (type != 1)
        {
            return false;
        }

        x = little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[5..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[5..]);
        y = little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[13..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[13..]);
        return double.IsFinite(x) && double.IsFinite(y);
    }
}
