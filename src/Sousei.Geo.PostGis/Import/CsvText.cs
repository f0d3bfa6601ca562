using System.Text;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// Minimal RFC 4180 CSV: quoted fields with doubled quotes and embedded newlines, CRLF or LF,
/// a UTF-8 byte-order mark dropped. UTF-8 unless the bytes are not valid UTF-8, then CP932
/// (Shift_JIS as Japanese offices write it). Each record comes with its 1-based line number.
/// </summary>
internal static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static CsvText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>CP932 (Windows Shift_JIS).</summary>
    public static Encoding Cp932 => Encoding.GetEncoding(932);

    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            span = span[3..];
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Cp932.GetString(span);
        }
    }

    public static IEnumerable<(long Line, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1L;
        var recordLine = 1L;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (recordLine, fields);
                        fields = [];
                    }

                    field.Clear();
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
