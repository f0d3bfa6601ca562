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
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _fields = [];
    private int _pos;
    private long _line = 1;

    public CsvTable(byte[] utf8)
    {
        var span = utf8.AsSpan();
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            span = span[3..];
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
                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append(c);
                    _pos++;
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
