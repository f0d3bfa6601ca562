using Parquet.Data;

namespace Sousei.Geo.IO.GeoParquet;

/// <summary>Receives a row group read raw: its rows, the geometry column's WKB and the integer columns asked for.</summary>
public delegate T RawRowGroupReader<T>(int rows, RawColumn<ReadOnlyMemory<byte>> wkb, long?[]?[] integers);

/// <summary>
/// A flat column of one row group as Parquet stores it: the non-null values packed, and for a nullable column the
/// definition levels (1: a value, 0: null) that place them on rows. Rows must be asked for in increasing order.
/// Valid only while the row group's raw data lives.
/// </summary>
public ref struct RawColumn<T>
    where T : struct
{
    private readonly Span<T> _values;
    private readonly Span<int> _definitions;
    private readonly bool _nullable;
    private int _next;
    private int _row = -1;

    internal RawColumn(RawColumnData<T> data, bool nullable, int rows)
    {
        _values = data.Values;
        _nullable = nullable;
        _definitions = nullable ? data.DefinitionLevels : default;
        if ((nullable ? _definitions.Length : _values.Length) != rows)
        {
            throw new InvalidDataException($"a column holds {(nullable ? _definitions.Length : _values.Length)} values for {rows} rows");
        }
    }

    /// <summary>The value of row <paramref name="row"/>, false when it is null.</summary>
    public bool TryGet(int row, out T value)
    {
        if (!_nullable)
        {
            value = _values[row];
            return true;
        }

        // Values are packed: advance over the rows skipped since the last call.
        for (var r = _row + 1; r < row; r++)
        {
            if (_definitions[r] != 0)
            {
                _next++;
            }
        }

        _row = row;
        if (_definitions[row] == 0)
        {
            value = default;
            return false;
        }

        value = _values[_next++];
        return true;
    }
}
