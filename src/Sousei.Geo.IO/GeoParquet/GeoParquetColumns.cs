using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Sousei.Geo.IO.GeoParquet;

/// <summary>
/// Attribute columns of a GeoParquet row group as the values the layer rules read (<see cref="GeoJson.AttributeValues"/>):
/// integers as <see cref="long"/>, floating point as <see cref="double"/>, decimals as <see cref="decimal"/>, text as
/// <see cref="string"/>, booleans as <see cref="bool"/>, dates and times as ISO 8601 text, other binary as hex; a null
/// as null (absent). Typed reads for the columns the fast paths need.
/// </summary>
internal static class GeoParquetColumns
{
    /// <summary>One column of a row group as boxed values (the general path).</summary>
    public static object?[] Values(ParquetRowGroupReader group, DataField field, int rows)
    {
        var t = field.ClrType;
        if (t == typeof(int))
        {
            return Box<int>(group, field, rows, v => (long)v);
        }

        if (t == typeof(long))
        {
            return Box<long>(group, field, rows, v => v);
        }

        if (t == typeof(short))
        {
            return Box<short>(group, field, rows, v => (long)v);
        }

        if (t == typeof(sbyte))
        {
            return Box<sbyte>(group, field, rows, v => (long)v);
        }

        if (t == typeof(byte))
        {
            return Box<byte>(group, field, rows, v => (long)v);
        }

        if (t == typeof(ushort))
        {
            return Box<ushort>(group, field, rows, v => (long)v);
        }

        if (t == typeof(uint))
        {
            return Box<uint>(group, field, rows, v => (long)v);
        }

        if (t == typeof(ulong))
        {
            return Box<ulong>(group, field, rows, v => v <= long.MaxValue ? (long)v : v.ToString(CultureInfo.InvariantCulture));
        }

        if (t == typeof(double))
        {
            return Box<double>(group, field, rows, v => v);
        }

        if (t == typeof(float))
        {
            return Box<float>(group, field, rows, v => (double)v);
        }

        if (t == typeof(decimal))
        {
            return Box<decimal>(group, field, rows, v => v);
        }

        if (t == typeof(bool))
        {
            return Box<bool>(group, field, rows, v => v);
        }

        if (t == typeof(DateTime))
        {
            return Box<DateTime>(group, field, rows, v => v.TimeOfDay == TimeSpan.Zero ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v.ToString("o", CultureInfo.InvariantCulture));
        }

        if (t == typeof(DateOnly))
        {
            return Box<DateOnly>(group, field, rows, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (t == typeof(TimeSpan))
        {
            return Box<TimeSpan>(group, field, rows, v => v.ToString("c", CultureInfo.InvariantCulture));
        }

        if (t == typeof(ReadOnlyMemory<char>) || t == typeof(string))
        {
            var text = new string?[rows];
            group.ReadAsync(field, text.AsMemory()).GetAwaiter().GetResult();
            return [.. text.Select(s => (object?)s)];
        }

        if (t == typeof(ReadOnlyMemory<byte>) || t == typeof(byte[]))
        {
            var bytes = new byte[]?[rows];
            group.ReadAsync(field, bytes.AsMemory()).GetAwaiter().GetResult();
            return [.. bytes.Select(b => b is null ? null : (object?)Convert.ToHexStringLower(b))];
        }

        throw new InvalidDataException($"column '{field.Name}' is of type {GeoParquetFile.Clr(t)}, which Sousei.Geo does not read");
    }

    private static object?[] Box<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, object> box)
        where T : struct
    {
        var result = new object?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                result[i] = values[i] is { } v ? box(v) : null;
            }
        }
        else
        {
            var values = new T[rows];
            group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                result[i] = box(values[i]);
            }
        }

        return result;
    }
}
