using System.Buffers;
using System.Runtime.CompilerServices;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>What a <see cref="JsonScanner"/> step found.</summary>
internal enum ScanStatus : byte
{
    /// <summary>The token is complete and valid.</summary>
    Ok,

    /// <summary>The buffer ended inside the token: read more and try again from the token's start.</summary>
    Incomplete,

    /// <summary>
    /// Not strict RFC 8259 JSON as the scanner accepts it (a syntax error, a comment, a trailing comma, a lone surrogate,
    /// deep nesting): the caller hands the whole input to <see cref="System.Text.Json.Utf8JsonReader"/>, which words it.
    /// </summary>
    Invalid,
}

/// <summary>
/// A forward-only scanner of strict RFC 8259 JSON over a byte buffer that may end mid-token: the fast path of the large
/// point layers. It accepts a subset of what the general reader (<see cref="System.Text.Json.Utf8JsonReader"/> with
/// comments and trailing commas allowed) accepts and reports anything outside it as <see cref="ScanStatus.Invalid"/>,
/// never guessing: the caller then reads the input the general way, so problems are worded in one place only. UTF-8
/// validity is checked by the caller on whole buffers (vectorised), not here.
/// </summary>
internal ref struct JsonScanner
{
    /// <summary>Deepest nesting the scanner follows; deeper input goes to the general reader (whose limit is 64).</summary>
    public const int MaxDepth = 48;

    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    private readonly ReadOnlySpan<byte> _buffer;

    public JsonScanner(ReadOnlySpan<byte> buffer, int position)
    {
        _buffer = buffer;
        Position = position;
    }

    /// <summary>The offset of the next unread byte.</summary>
    public int Position { get; set; }

    /// <summary>The buffer the scanner reads.</summary>
    public readonly ReadOnlySpan<byte> Buffer => _buffer;

    /// <summary>Skips JSON white space; false when the buffer ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SkipWhiteSpace()
    {
        var p = Position;
        return (uint)p < (uint)_buffer.Length && _buffer[p] > (byte)' ' || SkipWhiteSpaceRun();
    }

    /// <summary>Runs of white space are short (none in compact files, indentation in pretty ones): a scalar loop beats a search.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SkipWhiteSpaceRun()
    {
        var p = Position;
        var buffer = _buffer;
        while ((uint)p < (uint)buffer.Length)
        {
            var b = buffer[p];
            if (b > (byte)' ' || (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t'))
            {
                Position = p;
                return true;
            }

            p++;
        }

        Position = buffer.Length;
        return false;
    }

    /// <summary>The byte at <see cref="Position"/> after white space, or -1 at the end of the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Peek() => SkipWhiteSpace() ? _buffer[Position] : -1;

    /// <summary>
    /// Reads a string at <see cref="Position"/> (which holds the opening quote), validating escapes and surrogate pairs;
    /// <paramref name="content"/> is its raw bytes between the quotes and <paramref name="escaped"/> whether any escape occurs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatus String(out ReadOnlySpan<byte> content, out bool escaped)
    {
        content = default;
        escaped = false;
        var start = Position + 1;
        var p = start;
        while (true)
        {
            // Most strings are short names: look at a few bytes one by one before searching vectorised.
            var i = -1;
            var scalarEnd = Math.Min(_buffer.Length, p + 16);
            for (var k = p; k < scalarEnd; k++)
            {
                var c = _buffer[k];
                if (c == '"' || c == '\\' || c < 0x20)
                {
                    i = k - p;
                    break;
                }
            }

            if (i < 0 && scalarEnd < _buffer.Length)
            {
                i = _buffer[scalarEnd..].IndexOfAny(StringSpecial);
                if (i >= 0)
                {
                    i += scalarEnd - p;
                }
            }

            if (i < 0)
            {
                return ScanStatus.Incomplete;
            }

            p += i;
            var b = _buffer[p];
            if (b == '"')
            {
                content = _buffer[start..p];
                Position = p + 1;
                return ScanStatus.Ok;
            }

            if (b < 0x20)
            {
                return ScanStatus.Invalid;
            }

            escaped = true;
            if (p + 1 >= _buffer.Length)
            {
                return ScanStatus.Incomplete;
            }

            switch (_buffer[p + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    p += 2;
                    break;
                case (byte)'u':
                    if (p + 6 > _buffer.Length)
                    {
                        return ScanStatus.Incomplete;
                    }

                    if (!Hex4(_buffer.Slice(p + 2, 4), out var unit) || unit is >= 0xDC00 and <= 0xDFFF)
                    {
                        return ScanStatus.Invalid;
                    }

                    if (unit is >= 0xD800 and <= 0xDBFF)
                    {
                        if (p + 12 > _buffer.Length)
                        {
                            return ScanStatus.Incomplete;
                        }

                        if (_buffer[p + 6] != '\\' || _buffer[p + 7] != 'u' || !Hex4(_buffer.Slice(p + 8, 4), out var low) || low is < 0xDC00 or > 0xDFFF)
                        {
                            return ScanStatus.Invalid;
                        }

                        p += 12;
                    }
                    else
                    {
                        p += 6;
                    }

                    break;
                default:
                    return ScanStatus.Invalid;
            }
        }
    }

    /// <summary>
    /// Reads a number at <see cref="Position"/> by the RFC 8259 grammar; <paramref name="integer"/> tells that it has no
    /// fraction or exponent. The byte after it is the caller's to check (a delimiter).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatus Number(out ReadOnlySpan<byte> text, out bool integer)
    {
        text = default;
        integer = true;
        var p = Position;
        var n = _buffer.Length;
        if (p < n && _buffer[p] == '-')
        {
            p++;
        }

        if (p >= n)
        {
            return ScanStatus.Incomplete;
        }

        if (_buffer[p] == '0')
        {
            p++;
        }
        else if (_buffer[p] is >= (byte)'1' and <= (byte)'9')
        {
            p = Digits(p);
        }
        else
        {
            return ScanStatus.Invalid;
        }

        if (p < n && _buffer[p] == '.')
        {
            integer = false;
            var q = Digits(p + 1);
            if (q == p + 1)
            {
                return q >= n ? ScanStatus.Incomplete : ScanStatus.Invalid;
            }

            p = q;
        }

        if (p < n && (_buffer[p] | 0x20) == 'e')
        {
            integer = false;
            p++;
            if (p < n && _buffer[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }

            var q = Digits(p);
            if (q == p)
            {
                return q >= n ? ScanStatus.Incomplete : ScanStatus.Invalid;
            }

            p = q;
        }

        if (p >= n)
        {
            return ScanStatus.Incomplete; // more digits may follow in the next block
        }

        text = _buffer[Position..p];
        Position = p;
        return ScanStatus.Ok;
    }

    /// <summary>Reads <c>true</c>, <c>false</c> or <c>null</c> at <see cref="Position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatus Literal()
    {
        ReadOnlySpan<byte> word = _buffer[Position] switch
        {
            (byte)'t' => "true"u8,
            (byte)'f' => "false"u8,
            (byte)'n' => "null"u8,
            _ => default,
        };
        if (word.IsEmpty)
        {
            return ScanStatus.Invalid;
        }

        var rest = _buffer[Position..];
        if (rest.Length <= word.Length)
        {
            return word.StartsWith(rest) ? ScanStatus.Incomplete : ScanStatus.Invalid;
        }

        if (!rest.StartsWith(word))
        {
            return ScanStatus.Invalid;
        }

        Position += word.Length;
        return ScanStatus.Ok;
    }

    /// <summary>Skips one value of any kind at <see cref="Position"/> (after white space), nested <paramref name="depth"/> deep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatus SkipValue(int depth)
    {
        if (!SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        switch (_buffer[Position])
        {
            case (byte)'"':
                return String(out _, out _);
            case (byte)'{':
                return SkipContainer(depth + 1, (byte)'}', true);
            case (byte)'[':
                return SkipContainer(depth + 1, (byte)']', false);
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                return Number(out _, out _);
            default:
                return Literal();
        }
    }

    /// <summary>
    /// After a member value or array element: a comma (then the next member name or element must follow: a trailing
    /// comma goes to the general reader) or the closing bracket. <paramref name="closed"/> tells which.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatus Separator(byte close, out bool closed)
    {
        closed = false;
        if (!SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        var b = _buffer[Position];
        if (b == close)
        {
            Position++;
            closed = true;
            return ScanStatus.Ok;
        }

        if (b != ',')
        {
            return ScanStatus.Invalid;
        }

        Position++;
        if (!SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        return _buffer[Position] is (byte)'}' or (byte)']' ? ScanStatus.Invalid : ScanStatus.Ok;
    }

    /// <summary>After a member name: white space, a colon, white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatus Colon()
    {
        if (!SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        if (_buffer[Position] != ':')
        {
            return ScanStatus.Invalid;
        }

        Position++;
        return SkipWhiteSpace() ? ScanStatus.Ok : ScanStatus.Incomplete;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ScanStatus SkipContainer(int depth, byte close, bool isObject)
    {
        if (depth > MaxDepth)
        {
            return ScanStatus.Invalid;
        }

        Position++;
        if (!SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        if (_buffer[Position] == close)
        {
            Position++;
            return ScanStatus.Ok;
        }

        while (true)
        {
            ScanStatus status;
            if (isObject)
            {
                if (_buffer[Position] != '"')
                {
                    return ScanStatus.Invalid;
                }

                if ((status = String(out _, out _)) != ScanStatus.Ok || (status = Colon()) != ScanStatus.Ok)
                {
                    return status;
                }
            }

            if ((status = SkipValue(depth)) != ScanStatus.Ok || (status = Separator(close, out var closed)) != ScanStatus.Ok)
            {
                return status;
            }

            if (closed)
            {
                return ScanStatus.Ok;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Digits(int p)
    {
        var buffer = _buffer;
        while ((uint)p < (uint)buffer.Length && (uint)(buffer[p] - '0') <= 9)
        {
            p++;
        }

        return p;
    }

    private static bool Hex4(ReadOnlySpan<byte> hex, out int value)
    {
        value = 0;
        foreach (var b in hex)
        {
            var d = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | d;
        }

        return true;
    }
}
