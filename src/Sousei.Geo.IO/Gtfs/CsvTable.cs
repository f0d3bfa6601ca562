using System.Text;

namespace Sousei.Geo.IO.Gtfs;

/// <summary>
/// A small RFC 4180 CSV reader for GTFS text files: comma separated, fields optionally in double quotes
/// (a doubled quote inside stands for one; quoted fields may hold commas and line breaks), CRLF or LF,
/// a UTF-8 byte-order mark skipped. The first record is the header; column lookup is by trimmed name.
/// Each record keeps the 1-based physical line where it starts. Not thread-safe.
/// </summary>
internal sealed class CsvTable
{
    private readonly string _text;
    private readonly Action<string, string, long>? _problem;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _fields = [];
    private int _pos;
    private long _line = 1;

    /// <param name="utf8">The file's bytes.</param>
    /// <param name="problem">
    /// Told (code, message, line) of what makes the text untrustworthy: bytes that are not UTF-8 (decoded as U+FFFD,
    /// which could merge distinct ids) and a quoted field that is never closed (the rest of the file reads as that one field).
    /// </param>
    public CsvTable(byte[] utf8, Action<string, string, long>? problem = null)
    {
        _problem = problem;
        var span = utf8.AsSpan();
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            span = span[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            System.Text.Unicode.Utf8.ToUtf16(span, new char[span.Length], out var valid, out _, replaceInvalidSequences: false);
            var line = span[..valid].Count((byte)'\n') + 1;
            _problem?.Invoke("gtfs.encoding", $"not UTF-8 text (first bad byte on line {line}); GTFS files are UTF-8, convert Shift_JIS (CP932) files first", line);
        }

        _text = Encoding.UTF8.GetString(span);
        if (ReadRecord())
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                var name = _fields[i].Trim().TrimStart('\uFEFF');
                _columns.TryAdd(name, i);
            }
        }

        Header = _columns.Keys.ToList();
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Line where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount => _fields.Count;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>Index of a column, or -1.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The trimmed field of the current record at <paramref name="column"/>, or "" when absent.</summary>
    public string Get(int column) => column >= 0 && column < _fields.Count ? _fields[column].Trim() : "";

    /// <summary>Advances to the next non-blank record.</summary>
    public bool Next()
    {
        while (ReadRecord())
        {
            if (_fields.Count == 1 && _fields[0].Trim().Length == 0)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private bool ReadRecord()
    {
        _fields.Clear();
        if (_pos >= _text.Length)
        {
            return false;
        }

        Line = _line;
        var text = _text;
        var field = new StringBuilder();
        while (true)
        {
            field.Clear();
            if (_pos < text.Length && text[_pos] == '"')
            {
                var quoteLine = _line;
                var closed = false;
                _pos++;
                while (_pos < text.Length)
                {
                    var c = text[_pos];
                    if (c == '"')
                    {
                        if (_pos + 1 < text.Length && text[_pos + 1] == '"')
                        {
                            field.Append('"');
                            _pos += 2;
                            continue;
                        }

                        _pos++;
                        closed = true;
                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append(c);
                    _pos++;
                }

                if (!closed)
                {
                    _problem?.Invoke("gtfs.unclosed_quote", $"the quoted field opened on line {quoteLine} is never closed, so the rest of the file reads as one field", quoteLine);
                }

                // Tolerate stray characters between the closing quote and the separator.
                while (_pos < text.Length && text[_pos] is not (',' or '\r' or '\n'))
                {
                    field.Append(text[_pos++]);
                }
            }
            else
            {
                var start = _pos;
                while (_pos < text.Length && text[_pos] is not (',' or '\r' or '\n'))
                {
                    _pos++;
                }

                field.Append(text, start, _pos - start);
            }

            _fields.Add(field.ToString());
            if (_pos >= text.Length)
            {
                return true;
            }

            var sep = text[_pos];
            if (sep == ',')
            {
                _pos++;
                continue;
            }

            if (sep == '\r')
            {
                _pos++;
                if (_pos < text.Length && text[_pos] == '\n')
                {
                    _pos++;
                }
            }
            else
            {
                _pos++;
            }

            _line++;
            return true;
        }
    }
}
