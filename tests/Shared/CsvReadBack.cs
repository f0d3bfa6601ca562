using System.Text;

namespace Sousei.Geo.Tests;

/// <summary>
/// (Shared by the test projects that check table files.) An RFC 4180 CSV reader written for the tests, independent of
/// the writer: every field with whether it was quoted, records split on CRLF only (a bare LF inside quotes is data).
/// </summary>
internal static class CsvReadBack
{
    public sealed record Field(string Text, bool Quoted);

    /// <summary>The records of <paramref name="bytes"/>, which must start with the UTF-8 byte-order mark.</summary>
    public static IReadOnlyList<IReadOnlyList<Field>> Parse(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "a CSV for Excel starts with the UTF-8 byte-order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var records = new List<IReadOnlyList<Field>>();
        var record = new List<Field>();
        var i = 0;
        while (i < text.Length)
        {
            var field = new StringBuilder();
            var quoted = text[i] == '"';
            if (quoted)
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    Assert.True(text[i] is not ('"' or '\n'), $"a quote or a line feed in an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }

            record.Add(new Field(field.ToString(), quoted));
            if (text[i] == ',')
            {
                i++;
            }
            else
            {
                Assert.True(text[i] == '\r' && text[i + 1] == '\n', $"records end with CRLF (at {i})");
                i += 2;
                records.Add(record);
                record = [];
            }
        }

        return records;
    }
}
