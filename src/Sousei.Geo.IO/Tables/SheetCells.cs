using System.Globalization;
using System.Text;

namespace Sousei.Geo.IO.Tables;

/// <summary>The cell rules both writers share: the accepted types, numbers in the invariant culture, display widths.</summary>
internal static class SheetCells
{
    /// <summary>True when the cell is a number (a long, an int or a finite double); null, a non-finite double (both empty) and text are not.</summary>
    /// <exception cref="ArgumentException">A cell of another type: a bug of the table's builder, not of the data.</exception>
    public static bool TryNumber(object? cell, out double number)
    {
        switch (cell)
        {
            case long l:
                number = l;
                return true;
            case int i:
                number = i;
                return true;
            case double d when double.IsFinite(d):
                number = d;
                return true;
            case null or double or string:
                number = 0;
                return false;
            default:
                throw new ArgumentException($"a table cell must be a string, long, int, double or null, not {cell.GetType().Name}", nameof(cell));
        }
    }

    /// <summary>The cell as written: numbers round-trip (<c>R</c>) in the invariant culture, text as is, empty for null.</summary>
    public static string Text(object? cell) => cell switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        null or double => "",
        _ => throw new ArgumentException($"a table cell must be a string, long, int, double or null, not {cell.GetType().Name}", nameof(cell)),
    };

    /// <summary>The cell as a spreadsheet shows it with <paramref name="format"/> (numbers to the column's decimals).</summary>
    public static string Display(object? cell, SheetColumnFormat format) =>
        format.Numeric && TryNumber(cell, out var n) ? n.ToString("F" + format.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : Text(cell);

    /// <summary>Display width in character cells: East Asian wide and full-width characters count two.</summary>
    public static int Width(string s)
    {
        var width = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(Rune r) => r.Value is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
