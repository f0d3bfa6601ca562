using NetTopologySuite.Geometries;
using Parquet;
using Parquet.Data;
using Parquet.Schema;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.GeoParquet;

/// <summary>
/// An opened GeoParquet layer (GeoParquet 1.x, <see cref="GeoParquetMetadata"/>) read row group by row group with
/// Parquet.Net: the checks every reader of the project makes (a regular file, the size limit, the Parquet magic bytes, the
/// <c>geo</c> key, a binary WKB geometry column, flat attribute columns, the decompressed size within
/// <see cref="InputFiles.MaxBytes"/>) are made by <see cref="Open"/>, each failure a named problem. Row groups may be read
/// from several threads at once (each opens its own stream). Dispose to close the file.
/// </summary>
public sealed class GeoParquetFile : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly string _path;
    private readonly Stream _stream;
    private readonly ParquetReader _reader;

    private GeoParquetFile(string path, Stream stream, ParquetReader reader, GeoParquetMetadata geo, DataField geometry, IReadOnlyList<DataField> attributes, long[] rowGroupRows)
    {
        _path = path;
        _stream = stream;
        _reader = reader;
        Geo = geo;
        GeometryField = geometry;
        Attributes = attributes;
        RowGroupRows = rowGroupRows;
    }

    /// <summary>The file name, as problems name it.</summary>
    public string FileName => Path.GetFileName(_path);

    /// <summary>The parsed <c>geo</c> metadata.</summary>
    public GeoParquetMetadata Geo { get; }

    /// <summary>The primary geometry column.</summary>
    public DataField GeometryField { get; }

    /// <summary>The attribute columns, in file order (covering columns left out).</summary>
    public IReadOnlyList<DataField> Attributes { get; }

    /// <summary>Rows of each row group.</summary>
    public IReadOnlyList<long> RowGroupRows { get; }

    /// <summary>Rows of the whole file.</summary>
    public long RowCount => RowGroupRows.Sum();

    /// <summary>The index of the first row of a row group in the whole file.</summary>
    public long FirstRow(int rowGroup) => RowGroupRows.Take(rowGroup).Sum();

    /// <summary>Opens and checks the file; null after adding a problem naming the file and what is wrong.</summary>
    public static GeoParquetFile? Open(string path, ProblemCollector problems)
    {
        var file = Path.GetFileName(path);
        Stream? stream = null;
        ParquetReader? reader = null;
        try
        {
            InputFiles.CheckRegular(path);
            stream = new SynchronousReadStream(path);
            if (stream.Length > InputFiles.MaxBytes)
            {
                throw new InvalidDataException($"is {stream.Length:N0} bytes; inputs are limited to {InputFiles.MaxBytes:N0} bytes");
            }

            if (!HasMagic(stream))
            {
                problems.Add(new DataProblem("parquet.not_parquet", file, "is not a Parquet file (a Parquet file starts and ends with the bytes PAR1); write GeoParquet with sousei convert or ogr2ogr -f Parquet"));
                stream.Dispose();
                return null;
            }

            reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
            var result = Check(path, stream, reader, problems);
            if (result is null)
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                stream.Dispose();
            }

            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged footer or a schema Parquet.Net cannot read: named, never a stack trace.
            problems.Add(new DataProblem(e is InvalidDataException or IOException or UnauthorizedAccessException ? "layer.unreadable" : "parquet.unreadable", file,
                (e is InvalidDataException ? "" : "cannot be read as Parquet: ") + FirstLine(e.Message)));
            reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stream?.Dispose();
            return null;
        }
    }

    private static bool HasMagic(Stream stream)
    {
        if (stream.Length < 12)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[4];
        stream.Position = 0;
        stream.ReadExactly(head);
        stream.Position = stream.Length - 4;
        stream.ReadExactly(tail);
        stream.Position = 0;
        return head.SequenceEqual(Magic) && tail.SequenceEqual(Magic);
    }

    private static GeoParquetFile? Check(string path, Stream stream, ParquetReader reader, ProblemCollector problems)
    {
        var file = Path.GetFileName(path);
        if (!reader.CustomMetadata.TryGetValue(GeoParquetMetadata.Key, out var geoJson))
        {
            problems.Add(new DataProblem("parquet.no_geo", file, "has no 'geo' metadata: it is plain Parquet, not GeoParquet, so its geometry column is unknown; write it with sousei convert, ogr2ogr -f Parquet or DuckDB (COPY … TO 'x.parquet' with the geo key)"));
            return null;
        }

        if (GeoParquetMetadata.Parse(geoJson, out var geoProblem) is not { } geo)
        {
            problems.Add(new DataProblem("parquet.geo", file, geoProblem!));
            return null;
        }

        DataField? geometry = null;
        var attributes = new List<DataField>();
        foreach (var field in reader.Schema.Fields)
        {
            if (field.Name == geo.PrimaryColumn)
            {
                if (field is not DataField { IsArray: false } g || (g.ClrType != typeof(ReadOnlyMemory<byte>) && g.ClrType != typeof(byte[])))
                {
                    problems.Add(new DataProblem("parquet.geometry_column", file, $"geometry column '{field.Name}' is {Describe(field)}; GeoParquet's WKB is a binary (BYTE_ARRAY) column"));
                    return null;
                }

                geometry = g;
            }
            else if (geo.CoveringColumns.Contains(field.Name))
            {
                continue; // a bounding-box covering of the geometry: derived, not an attribute
            }
            else if (field is not DataField { IsArray: false } attribute)
            {
                problems.Add(new DataProblem("parquet.nested_column", file, $"column '{field.Name}' is {Describe(field)}; layer attributes are flat columns (numbers, text, booleans) — flatten it or drop it"));
                return null;
            }
            else
            {
                attributes.Add(attribute);
            }
        }

        if (geometry is null)
        {
            problems.Add(new DataProblem("parquet.geometry_column", file, $"the 'geo' metadata names geometry column '{geo.PrimaryColumn}', which the file does not have"));
            return null;
        }

        var rows = new long[reader.RowGroupCount];
        long uncompressed = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.RowGroups[g];
            rows[g] = group.RowCount;
            uncompressed += group.RowGroup.TotalByteSize;
        }

        if (uncompressed > InputFiles.MaxBytes || rows.Sum() > int.MaxValue / 2)
        {
            problems.Add(new DataProblem("layer.too_large", file, $"holds {rows.Sum():N0} rows and {uncompressed:N0} bytes uncompressed (limits: {int.MaxValue / 2:N0} rows, {InputFiles.MaxBytes:N0} bytes); split the layer"));
            return null;
        }

        return new GeoParquetFile(path, stream, reader, geo, geometry, attributes, rows);
    }

    private static string Describe(Field field) => field switch
    {
        DataField { IsArray: true } => "a list",
        DataField d => $"of type {Clr(d.ClrType)}",
        StructField => "a struct (nested)",
        ListField => "a list",
        MapField => "a map",
        _ => "nested",
    };

    internal static string Clr(Type t) => t == typeof(ReadOnlyMemory<char>) || t == typeof(string) ? "text"
        : t == typeof(ReadOnlyMemory<byte>) || t == typeof(byte[]) ? "binary"
        : t.Name.ToLowerInvariant();

    /// <summary>
    /// Reads one row group's geometry column as WKB and the columns asked for as values (see
    /// <see cref="GeoParquetColumns.Values"/>), each through a reader of its own so that row groups can be read in parallel.
    /// </summary>
    /// <exception cref="InvalidDataException">The row group cannot be read; the message names it.</exception>
    public (byte[]?[] Wkb, object?[][] Columns) ReadRowGroup(int rowGroup, IReadOnlyList<DataField> columns, Session session)
    {
        try
        {
            using var group = session.Reader.OpenRowGroupReader(rowGroup);
            var n = checked((int)group.RowCount);
            var wkb = new byte[]?[n];
            group.ReadAsync(GeometryField, wkb.AsMemory()).GetAwaiter().GetResult();
            var values = columns.Select(c => GeoParquetColumns.Values(group, c, n)).ToArray();
            return (wkb, values);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException($"row group {rowGroup} cannot be read: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Reads every row group on the cores, one <see cref="Session"/> per thread, and gives the results and the problems in
    /// row-group order (a row group that cannot be read is a <c>parquet.unreadable</c> problem naming it).
    /// </summary>
    public List<T> ReadRowGroups<T>(ProblemCollector problems, Func<int, Session, ProblemCollector, List<T>> read)
    {
        var groups = new List<T>[RowGroupRows.Count];
        var groupProblems = new ProblemCollector[groups.Length];
        var failures = new string?[groups.Length];
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 8) }, () => (Session?)null, (g, _, session) =>
        {
            groupProblems[g] = new ProblemCollector(problems.Cap);
            try
            {
                session ??= OpenSession();
                groups[g] = read(g, session, groupProblems[g]);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                failures[g] = e.Message;
                groups[g] = [];
            }

            return session;
        }, session => session?.Dispose());

        var result = new List<T>(groups.Sum(g => g.Count));
        for (var g = 0; g < groups.Length; g++)
        {
            if (failures[g] is { } failure)
            {
                problems.Add(new DataProblem("parquet.unreadable", FileName, failure, Place: $"row group {g}"));
                continue;
            }

            problems.AddAll(groupProblems[g]);
            result.AddRange(groups[g]);
        }

        return result;
    }

    /// <summary>
    /// Reads one row group's geometry column (WKB slices into the decoded pages, no copy per row) and the typed integer
    /// columns asked for (null: absent), for the fast paths; <paramref name="read"/> sees them while they are alive.
    /// </summary>
    /// <exception cref="InvalidDataException">The row group cannot be read, or a column is not an integer column.</exception>
    public T ReadRowGroupRaw<T>(int rowGroup, IReadOnlyList<DataField?> integerColumns, RawRowGroupReader<T> read, Session session)
    {
        try
        {
            {
                using var group = session.Reader.OpenRowGroupReader(rowGroup);
                var n = checked((int)group.RowCount);
                using var wkb = group.ReadRawColumnDataBaseAsync(GeometryField).GetAwaiter().GetResult();
                var integers = new long?[integerColumns.Count][];
                for (var c = 0; c < integerColumns.Count; c++)
                {
                    if (integerColumns[c] is { } field)
                    {
                        integers[c] = Integers(group, field, n);
                    }
                }

                var geometry = (RawColumnData<ReadOnlyMemory<byte>>)wkb;
                return read(n, new RawColumn<ReadOnlyMemory<byte>>(geometry, GeometryField.IsNullable, n), integers);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException($"row group {rowGroup} cannot be read: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>A reader of the file for one thread, reused across the row groups it reads (the footer is parsed once).</summary>
    public Session OpenSession()
    {
        var stream = new SynchronousReadStream(_path);
        try
        {
            return new Session(stream, ParquetReader.CreateAsync(stream).GetAwaiter().GetResult());
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>An open reader of the file for one thread; dispose it after the last row group.</summary>
    public sealed class Session(Stream stream, ParquetReader reader) : IDisposable
    {
        internal ParquetReader Reader => reader;

        public void Dispose()
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stream.Dispose();
        }
    }

    private static long?[] Integers(ParquetRowGroupReader group, DataField field, int n)
    {
        var result = new long?[n];
        if (field.ClrType == typeof(long))
        {
            Fill<long>(group, field, result, v => v);
        }
        else if (field.ClrType == typeof(int))
        {
            Fill<int>(group, field, result, v => v);
        }
        else if (field.ClrType == typeof(short))
        {
            Fill<short>(group, field, result, v => v);
        }
        else
        {
            throw new InvalidDataException($"column '{field.Name}' is of type {Clr(field.ClrType)}, not an integer column");
        }

        return result;

        static void Fill<TValue>(ParquetRowGroupReader group, DataField field, long?[] result, Func<TValue, long> widen)
            where TValue : struct
        {
            using var raw = group.ReadRawColumnDataBaseAsync(field).GetAwaiter().GetResult();
            var column = new RawColumn<TValue>((RawColumnData<TValue>)raw, field.IsNullable, result.Length);
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = column.TryGet(i, out var v) ? widen(v) : null;
            }
        }
    }

    /// <summary>Where a row is, for problems: "row group 2, row 17".</summary>
    public static string Place(int rowGroup, int row) => $"row group {rowGroup}, row {row}";

    internal static string FirstLine(string message)
    {
        var i = message.IndexOfAny(['\r', '\n']);
        return i < 0 ? message : message[..i];
    }

    /// <summary>Parses WKB (ISO or extended, any byte order) as a geometry with SRID 4326, or null with the reason.</summary>
    public static Geometry? ParseWkb(byte[] wkb, out string? problem)
    {
        problem = null;
        try
        {
            var geometry = new NetTopologySuite.IO.WKBReader().Read(wkb);
            geometry.SRID = 4326;
            return geometry;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = $"the WKB of the geometry does not parse ({FirstLine(e.Message)})";
            return null;
        }
    }

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
