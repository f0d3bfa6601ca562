using System.Runtime.CompilerServices;
namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>A binary column of one row group: every row's bytes in one buffer, or null. Not thread-safe while filled.</summary>
internal sealed class BinaryColumn
{
    private readonly int[] _start;
    private readonly int[] _length;
    private byte[] _data;
    private int _used;

    /// <summary>A column of <paramref name="rows"/> null rows.</summary>
    public BinaryColumn(int rows)
    {
        _start = new int[rows];
        _length = new int[rows];
        _length.AsSpan().Fill(-1);
        _data = new byte[Math.Min(rows, 1 << 20) * 21 + 16];
    }

    /// <summary>Rows of the column.</summary>
    public int Rows => _start.Length;

    /// <summary>The bytes of a row; false when it is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int row, out ReadOnlySpan<byte> value)
    {
        if (_length[row] < 0)
        {
            value = default;
            return false;
        }

        value = _data.AsSpan(_start[row], _length[row]);
        return true;
    }

    /// <summary>Sets a row's bytes (copied).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int row, ReadOnlySpan<byte> value)
    {
        if (value.Length > _data.Length - _used)
        {
            Array.Resize(ref _data, (int)Math.Min(Array.MaxLength, Math.Max((long)_data.Length * 2, (long)_used + value.Length)));
        }

        value.CopyTo(_data.AsSpan(_used));
        _start[row] = _used;
        _length[row] = value.Length;
        _used += value.Length;
    }

    /// <summary>Makes a row null.</summary>
    public void SetNull(int row) => _length[row] = -1;
}
