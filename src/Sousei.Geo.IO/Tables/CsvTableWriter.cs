using System.Text;

namespace Sousei.Geo.IO.Tables;

/// <summary>
/// Writes one table as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads Japanese
/// as UTF-8 and not as Shift_JIS), CRLF after every record, a header row in the chosen language, numbers unquoted in
/// the invariant culture at full precision (round-trip), text quoted only when it holds a comma, a quote or a line
/// break (quotes doubled), text that would run as a formula prefixed with an apostrophe, and an empty field for an empty cell. Thread-safe (stateless).
/// </summary>
public static class CsvTableWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The UTF-8 byte-order mark that starts every file.</summary>
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Writes the header and the rows of <paramref name="sheet"/> to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, ISheet sheet, TableLanguage language)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheet);
        stream.Write(Bom);
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        for (var c = 0; c < sheet.ColumnCount; c++)
        {
            if (c > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(sheet.ColumnHeader(c, language)));
        }

        writer.Write("\r\n");
        foreach (var row in sheet.SheetRows)
        {
            for (var c = 0; c < sheet.ColumnCount; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                var cell = c < row.Count ? row[c] : null;
                writer.Write(cell is string s ? Field(Inert(s)) : SheetCells.Text(cell));
            }

            writer.Write("\r\n");
        }
    }

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or CR: CSV injection) gets
    /// a leading apostrophe, which Excel and LibreOffice show as text; numbers are written as numbers, never through here.
    /// </summary>
    internal static string Inert(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A text field, quoted when it holds a comma, a double quote, CR or LF (RFC 4180 §2.6–2.7).</summary>
    internal static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
