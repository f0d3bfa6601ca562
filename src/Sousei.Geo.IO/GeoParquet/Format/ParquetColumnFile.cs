using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// A Parquet file of flat columns opened for reading column chunks by name, on any thread: the footer parsed by
/// <see cref="ParquetFooter"/>, chunks read with positional reads (<see cref="RandomAccess"/>) and decoded by
/// <see cref="ColumnChunkDecoder"/>. Only files whose schema is a root of leaf columns open; others are
/// <see cref="NotSupportedException"/>. Dispose to close the file.
/// </summary>
internal sealed class ParquetColumnFile : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<string, int> _columnIndex;

    private ParquetColumnFile(SafeFileHandle handle, long length, ParquetFooter footer, Dictionary<string, int> columnIndex)
    {
        _handle = handle;
        Length = length;
        Footer = footer;
        _columnIndex = columnIndex;
    }

    public long Length { get; }

    public ParquetFooter Footer { get; }

    /// <summary>The leaf columns in schema order.</summary>
    public IReadOnlyList<ParquetFooter.SchemaElement> Columns => Footer.Schema.Skip(1).ToList();

    /// <summary>Opens the file and parses its footer.</summary>
    /// <exception cref="InvalidDataException">It is not Parquet, or the footer is damaged.</exception>
    /// <exception cref="NotSupportedException">The schema is not flat, or names a column twice.</exception>
    public static ParquetColumnFile Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var length = RandomAccess.GetLength(handle);
            var footer = ParquetFooter.Read(handle, length);
            var schema = footer.Schema;
            if (schema.Count < 1 || schema[0].Children != schema.Count - 1)
            {
                throw new NotSupportedException("the schema is not a root of leaf columns");
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 1; i < schema.Count; i++)
            {
                var column = schema[i];
                if (column.Children is > 0 || column.Type is null || column.Repetition is not (ParquetFooter.Required or ParquetFooter.Optional) || !index.TryAdd(column.Name, i - 1))
                {
                    throw new NotSupportedException($"column '{column.Name}' is nested, repeated or named twice");
                }
            }

            foreach (var group in footer.RowGroups)
            {
                if (group.Columns.Count != schema.Count - 1)
                {
                    throw new InvalidDataException("a row group does not hold every column");
                }

                for (var c = 0; c < group.Columns.Count; c++)
                {
                    var chunk = group.Columns[c];
                    if (chunk.Path.Count != 1 || chunk.Path[0] != schema[c + 1].Name || chunk.Type != schema[c + 1].Type)
                    {
                        throw new InvalidDataException("a column chunk does not match its schema column");
                    }
                }
            }

            return new ParquetColumnFile(handle, length, footer, index);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The leaf column of that name, or null.</summary>
    public ParquetFooter.SchemaElement? Column(string name) => _columnIndex.TryGetValue(name, out var i) ? Footer.Schema[i + 1] : null;

    /// <summary>Reads one column chunk's bytes and hands them to <paramref name="decode"/> (a pooled buffer, valid only during the call).</summary>
    public T ReadChunk<T>(int rowGroup, string column, ChunkDecoder<T> decode)
    {
        var c = _columnIndex[column];
        var chunk = Footer.RowGroups[rowGroup].Columns[c];
        var start = chunk.DictionaryPageOffset is > 0 and var d && d < chunk.DataPageOffset ? d : chunk.DataPageOffset;
        if (start < 4 || chunk.CompressedBytes < 0 || chunk.CompressedBytes > Length - start || chunk.CompressedBytes > int.MaxValue)
        {
            throw new InvalidDataException($"column '{column}' of row group {rowGroup} lies outside the file");
        }

        var bytes = (int)chunk.CompressedBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes));
        try
        {
            for (var read = 0; read < bytes;)
            {
                var n = RandomAccess.Read(_handle, buffer.AsSpan(read, bytes - read), start + read);
                read += n > 0 ? n : throw new InvalidDataException($"column '{column}' of row group {rowGroup} ends early");
            }

            return decode(buffer.AsSpan(0, bytes), chunk, Footer.Schema[c + 1].Repetition == ParquetFooter.Optional);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _handle.Dispose();
}

/// <summary>Decodes a column chunk's bytes (see <see cref="ParquetColumnFile.ReadChunk{T}"/>).</summary>
internal delegate T ChunkDecoder<T>(ReadOnlySpan<byte> bytes, ParquetFooter.ColumnChunk chunk, bool optional);
