using System.Globalization;
using System.Runtime.CompilerServices;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>How a scanned feature is to be read.</summary>
internal enum FeatureShape : byte
{
    /// <summary>A Point feature with flat properties: its coordinates and wanted values were read.</summary>
    Fast,

    /// <summary>Valid JSON of any other shape (or a value the fast path does not judge): the general reader reads its slice.</summary>
    General,
}

/// <summary>A wanted property as the fast path reads it: absent (or null), a whole number, or anything else.</summary>
internal readonly record struct WholeSlot(WholeSlot.Kinds Kind, long Value)
{
    public enum Kinds : byte
    {
        Absent,
        Whole,

        /// <summary>A scalar that is no whole number (a fraction, text, a boolean): the attribute rules word it.</summary>
        Other,

        /// <summary>An object or array: the feature is not flat, and goes to the general reader.</summary>
        Container,
    }
}

/// <summary>
/// The fast path of the households layer at the byte level: one element of a FeatureCollection's <c>features</c> array,
/// read straight from UTF-8 with <see cref="JsonScanner"/> and no allocation. It accepts exactly what
/// <see cref="PointFeatureParser"/> accepts as a Point feature, and reads a wanted property as
/// <see cref="AttributeValues.TryInteger(object?, string, out long, out string?)"/> would (a whole number, or a string
/// holding an integer); anything else is <see cref="FeatureShape.General"/>, for the general reader to word.
/// </summary>
internal static class PointFeatureScanner
{
    /// <summary>The nesting depth of a feature object inside its collection (object, then the features array).</summary>
    private const int FeatureDepth = 3;

    /// <summary>
    /// Scans the element at <see cref="JsonScanner.Position"/> (after white space) to its end. On
    /// <see cref="ScanStatus.Ok"/> the scanner stands after the element; otherwise its position is undefined.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ScanStatus Scan(ref JsonScanner s, byte[][] wanted, Span<WholeSlot> slots, out FeatureShape shape, out double x, out double y)
    {
        x = y = double.NaN;
        shape = FeatureShape.General;
        slots.Clear();
        var start = s.Position;
        var status = TryCompact(ref s, wanted, slots, ref x, ref y);
        if (status == ScanStatus.Ok)
        {
            shape = FeatureShape.Fast;
            return status;
        }

        s.Position = start;
        slots.Clear();
        status = TryFast(ref s, wanted, slots, ref x, ref y, out var fast);
        if (status == ScanStatus.Ok && fast)
        {
            shape = FeatureShape.Fast;
            return ScanStatus.Ok;
        }

        if (status == ScanStatus.Incomplete)
        {
            return status;
        }

        // Another shape, or strict JSON the fast path does not judge: find the element's end the general way.
        s.Position = start;
        return s.SkipValue(FeatureDepth - 1);
    }

    /// <summary>
    /// The layout compact writers produce (System.Text.Json, JSON.stringify, Sousei.Geo's own export), checked with two
    /// comparisons: <c>{"type":"Feature","geometry":{"type":"Point","coordinates":[x,y]},"properties":{…}}</c>. Ok only when
    /// the whole feature is read; anything else (Invalid too) sends the caller to the member-by-member path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ScanStatus TryCompact(ref JsonScanner s, byte[][] wanted, Span<WholeSlot> slots, ref double x, ref double y)
    {
        var b = s.Buffer;
        var head = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["u8;
        var middle = "]},\"properties\":{"u8;
        if (!b[s.Position..].StartsWith(head))
        {
            return ScanStatus.Invalid;
        }

        s.Position += head.Length;
        if (!CompactNumber(ref s, out x) || s.Position >= b.Length || b[s.Position] != ',')
        {
            return ScanStatus.Invalid;
        }

        s.Position++;
        if (!CompactNumber(ref s, out y) || !b[s.Position..].StartsWith(middle) || s.Position + middle.Length >= b.Length)
        {
            return ScanStatus.Invalid;
        }

        s.Position += middle.Length - 1;
        if (Properties(ref s, wanted, slots, out var flat) != ScanStatus.Ok || !flat || s.Position >= b.Length || b[s.Position] != '}')
        {
            return ScanStatus.Invalid;
        }

        s.Position++;
        return ScanStatus.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool CompactNumber(ref JsonScanner s, out double value)
    {
        value = double.NaN;
        if (s.Position >= s.Buffer.Length)
        {
            return false;
        }

        var c = s.Buffer[s.Position];
        if ((c != '-' && c is < (byte)'0' or > (byte)'9') || s.Number(out var text, out _) != ScanStatus.Ok)
        {
            return false;
        }

        value = ParseDouble(text);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ScanStatus TryFast(ref JsonScanner s, byte[][] wanted, Span<WholeSlot> slots, ref double x, ref double y, out bool fast)
    {
        fast = false;
        var b = s.Buffer;
        if (b[s.Position] != '{')
        {
            return ScanStatus.Ok;
        }

        s.Position++;
        if (!s.SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        if (b[s.Position] != '"')
        {
            return ScanStatus.Ok; // {} or not an object member: not a feature
        }

        var isFeature = false;
        var sawGeometry = false;
        while (true)
        {
            var status = s.String(out var name, out var escaped);
            if (status != ScanStatus.Ok)
            {
                return status;
            }

            if (escaped || (status = s.Colon()) != ScanStatus.Ok)
            {
                return status;
            }

            var c = b[s.Position];
            if (name.SequenceEqual("type"u8))
            {
                if (c != '"' || (status = s.String(out var type, out var typeEscaped)) != ScanStatus.Ok)
                {
                    return status;
                }

                isFeature = !typeEscaped && type.SequenceEqual("Feature"u8);
            }
            else if (name.SequenceEqual("geometry"u8))
            {
                if ((status = Point(ref s, ref x, ref y, out var isPoint)) != ScanStatus.Ok || !isPoint)
                {
                    return status;
                }

                sawGeometry = true;
            }
            else if (name.SequenceEqual("properties"u8))
            {
                if (c == 'n')
                {
                    if ((status = s.Literal()) != ScanStatus.Ok || b[s.Position - 1] != 'l')
                    {
                        return status; // true/false: not a feature's properties
                    }
                }
                else if (c != '{' || (status = Properties(ref s, wanted, slots, out var flat)) != ScanStatus.Ok || !flat)
                {
                    return status;
                }
            }
            else if (name.SequenceEqual("id"u8))
            {
                // PointFeatureParser keeps a string, number or boolean id; null or a container goes to the general reader.
                if (c is (byte)'{' or (byte)'[' or (byte)'n' || (status = s.SkipValue(FeatureDepth)) != ScanStatus.Ok)
                {
                    return status;
                }
            }
            else if ((status = s.SkipValue(FeatureDepth)) != ScanStatus.Ok)
            {
                return status;
            }

            if ((status = s.Separator((byte)'}', out var closed)) != ScanStatus.Ok)
            {
                return status;
            }

            if (closed)
            {
                fast = isFeature && sawGeometry;
                return ScanStatus.Ok;
            }

            if (b[s.Position] != '"')
            {
                return ScanStatus.Invalid;
            }
        }
    }

    /// <summary>A geometry member: fast only for <c>{"type": "Point", "coordinates": [x, y, …]}</c> of plain numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ScanStatus Point(ref JsonScanner s, ref double x, ref double y, out bool isPoint)
    {
        isPoint = false;
        var b = s.Buffer;
        if (b[s.Position] != '{')
        {
            return ScanStatus.Ok;
        }

        s.Position++;
        if (!s.SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        if (b[s.Position] != '"')
        {
            return ScanStatus.Ok;
        }

        var typeIsPoint = false;
        var sawCoordinates = false;
        while (true)
        {
            var status = s.String(out var name, out var escaped);
            if (status != ScanStatus.Ok || escaped || (status = s.Colon()) != ScanStatus.Ok)
            {
                return status;
            }

            var c = b[s.Position];
            if (name.SequenceEqual("type"u8))
            {
                if (c != '"' || (status = s.String(out var type, out var typeEscaped)) != ScanStatus.Ok)
                {
                    return status;
                }

                typeIsPoint = !typeEscaped && type.SequenceEqual("Point"u8);
            }
            else if (name.SequenceEqual("coordinates"u8))
            {
                if (c != '[')
                {
                    return ScanStatus.Ok;
                }

                s.Position++;
                var n = 0;
                while (true)
                {
                    var next = s.Peek();
                    if (next < 0)
                    {
                        return ScanStatus.Incomplete;
                    }

                    if (next == ']' && n == 0)
                    {
                        s.Position++;
                        break;
                    }

                    if (next != '-' && next is < '0' or > '9')
                    {
                        return ScanStatus.Ok; // a nested array (not a Point) or another value
                    }

                    if ((status = s.Number(out var text, out _)) != ScanStatus.Ok)
                    {
                        return status;
                    }

                    // A number out of range is infinity, as System.Text.Json reads it: the point check then names it.
                    var value = ParseDouble(text);

                    if (n == 0)
                    {
                        x = value;
                    }
                    else if (n == 1)
                    {
                        y = value;
                    }

                    n++;
                    if ((status = s.Separator((byte)']', out var closed)) != ScanStatus.Ok)
                    {
                        return status;
                    }

                    if (closed)
                    {
                        break;
                    }
                }

                if (n < 2)
                {
                    return ScanStatus.Ok;
                }

                sawCoordinates = true;
            }
            else if ((status = s.SkipValue(FeatureDepth + 1)) != ScanStatus.Ok)
            {
                return status;
            }

            if ((status = s.Separator((byte)'}', out var end)) != ScanStatus.Ok)
            {
                return status;
            }

            if (end)
            {
                isPoint = typeIsPoint && sawCoordinates;
                return ScanStatus.Ok;
            }

            if (b[s.Position] != '"')
            {
                return ScanStatus.Invalid;
            }
        }
    }

    /// <summary>The properties object: wanted scalars read into their slots; a wanted container makes the feature general.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ScanStatus Properties(ref JsonScanner s, byte[][] wanted, Span<WholeSlot> slots, out bool flat)
    {
        flat = false;
        var b = s.Buffer;
        s.Position++;
        if (!s.SkipWhiteSpace())
        {
            return ScanStatus.Incomplete;
        }

        if (b[s.Position] == '}')
        {
            s.Position++;
            flat = true;
            return ScanStatus.Ok;
        }

        while (true)
        {
            if (b[s.Position] != '"')
            {
                return ScanStatus.Invalid;
            }

            var status = s.String(out var name, out var escaped);
            if (status != ScanStatus.Ok || escaped || (status = s.Colon()) != ScanStatus.Ok)
            {
                return status;
            }

            var slot = -1;
            for (var i = 0; i < wanted.Length; i++)
            {
                if (name.SequenceEqual(wanted[i]))
                {
                    slot = i;
                    break;
                }
            }

            if (slot < 0)
            {
                if ((status = s.SkipValue(FeatureDepth + 1)) != ScanStatus.Ok)
                {
                    return status;
                }
            }
            else if ((status = Whole(ref s, out slots[slot])) != ScanStatus.Ok)
            {
                return status;
            }
            else if (slots[slot].Kind == WholeSlot.Kinds.Container)
            {
                return ScanStatus.Ok; // not flat: the general reader reads it
            }

            if ((status = s.Separator((byte)'}', out var closed)) != ScanStatus.Ok)
            {
                return status;
            }

            if (closed)
            {
                flat = true;
                return ScanStatus.Ok;
            }
        }
    }

    /// <summary>A wanted value: null → absent; a whole number or a string holding an integer → whole; else other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ScanStatus Whole(ref JsonScanner s, out WholeSlot slot)
    {
        slot = new WholeSlot(WholeSlot.Kinds.Other, 0);
        var c = s.Buffer[s.Position];
        ScanStatus status;
        if (c == '"')
        {
            if ((status = s.String(out var text, out var escaped)) == ScanStatus.Ok && !escaped
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                slot = new WholeSlot(WholeSlot.Kinds.Whole, parsed);
            }

            return status;
        }

        if (c == '-' || c is >= (byte)'0' and <= (byte)'9')
        {
            if ((status = s.Number(out var text, out var integer)) != ScanStatus.Ok)
            {
                return status;
            }

            if (integer && text.Length <= 15)
            {
                long n = 0;
                for (var i = text[0] == '-' ? 1 : 0; i < text.Length; i++)
                {
                    n = (n * 10) + (text[i] - '0');
                }

                slot = new WholeSlot(WholeSlot.Kinds.Whole, text[0] == '-' ? -n : n);
                return status;
            }

            var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsFinite(d) && AttributeValues.IsWhole(d))
            {
                slot = new WholeSlot(WholeSlot.Kinds.Whole, (long)Math.Round(d));
            }

            return status;
        }

        if (c is (byte)'{' or (byte)'[')
        {
            slot = new WholeSlot(WholeSlot.Kinds.Container, 0);
            return s.SkipValue(FeatureDepth + 1);
        }

        if ((status = s.Literal()) == ScanStatus.Ok && c == 'n')
        {
            slot = new WholeSlot(WholeSlot.Kinds.Absent, 0);
        }

        return status;
    }

    /// <summary>Powers of ten exactly representable as doubles (10^0 … 10^22).</summary>
    private static readonly double[] ExactPowersOfTen = [.. Enumerable.Range(0, 23).Select(k => Math.Pow(10, k))];

    /// <summary>
    /// A JSON number (already checked against the grammar) as a double, correctly rounded: a plain decimal of at most 15
    /// significant digits and 22 fraction digits is one exact division (Clinger 1990, the "fast path" every correct
    /// parser takes), anything else goes to <see cref="double.Parse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double ParseDouble(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                fraction = 0;
                continue;
            }

            if (c is < (byte)'0' or > (byte)'9' || ++digits > 15)
            {
                return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            mantissa = (mantissa * 10) + (c - '0');
            if (fraction >= 0)
            {
                fraction++;
            }
        }

        var value = fraction > 0 ? mantissa / ExactPowersOfTen[fraction] : mantissa;
        return negative ? -value : value;
    }
}
