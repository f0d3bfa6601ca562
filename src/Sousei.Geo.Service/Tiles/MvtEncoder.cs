using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Service.Tiles;

/// <summary>
/// Encodes one layer of a Mapbox Vector Tile (vector-tile-spec 2.1) straight from longitude/latitude: each coordinate is
/// projected to Web Mercator exactly and snapped to the tile's integer grid, repeated points are dropped, rings shorter
/// than three points or of zero area are dropped, exterior rings are written clockwise in tile coordinates (y down) and
/// holes counter-clockwise, and polygons whose area in tile units is below <see cref="MinPolygonArea"/> are left out —
/// what PostGIS's ST_AsMVTGeom does. Keys and values are interned with hash tables (linear in the features, where
/// NTS's writer searched a list per attribute and grew quadratic with unique ids). Not thread-safe; one per tile.
/// </summary>
internal sealed class MvtEncoder
{
    /// <summary>Smallest polygon kept, in square tile units (as NTS's writer: two).</summary>
    public const double MinPolygonArea = 2;

    private readonly string _name;
    private readonly uint _extent;
    private readonly double _left;
    private readonly double _top;
    private readonly double _scale;
    private readonly Dictionary<string, uint> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _keyList = [];
    private readonly Dictionary<(byte Kind, long Bits, string? Text), uint> _values = [];
    private readonly List<(byte Kind, long Bits, string? Text)> _valueList = [];
    private readonly Buffer _features = new();
    private readonly Buffer _feature = new();
    private readonly List<uint> _geometry = [];
    private readonly List<uint> _tags = [];
    private readonly List<(long X, long Y)> _ring = [];

    /// <summary>An encoder for the tile z/x/y (XYZ, y = 0 at the north) with <c>extent</c> units on a side.</summary>
    public MvtEncoder(string name, int z, int x, int y, uint extent = 4096)
    {
        _name = name;
        _extent = extent;
        var n = (double)(1L << z);
        _scale = n * extent; // world (0..1) to tile units
        _left = x / n;
        _top = y / n;
    }

    /// <summary>Features written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one feature (Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon); false when nothing of it remains on the grid.</summary>
    public bool Add(Geometry geometry, IAttributesTable attributes)
    {
        _geometry.Clear();
        long cx = 0, cy = 0;
        uint type;
        switch (geometry)
        {
            case Point p:
                type = 1;
                Points([p.Coordinate], ref cx, ref cy);
                break;
            case MultiPoint mp:
                type = 1;
                Points(mp.Coordinates, ref cx, ref cy);
                break;
            case LineString l:
                type = 2;
                Line(l.Coordinates, ref cx, ref cy);
                break;
            case MultiLineString ml:
                type = 2;
                for (var i = 0; i < ml.NumGeometries; i++)
                {
                    Line(ml.GetGeometryN(i).Coordinates, ref cx, ref cy);
                }

                break;
            case Polygon polygon:
                type = 3;
                Polygon(polygon, ref cx, ref cy);
                break;
            case MultiPolygon multi:
                type = 3;
                for (var i = 0; i < multi.NumGeometries; i++)
                {
                    Polygon((Polygon)multi.GetGeometryN(i), ref cx, ref cy);
                }

                break;
            default:
                return false;
        }

        if (_geometry.Count == 0)
        {
            return false;
        }

        _tags.Clear();
        foreach (var name in attributes.GetNames())
        {
            if (Value(attributes[name]) is not { } value)
            {
                continue;
            }

            _tags.Add(Key(name));
            _tags.Add(value);
        }

        _feature.Clear();
        if (_tags.Count > 0)
        {
            _feature.Packed(2, _tags);
        }

        _feature.Varint(3 << 3);
        _feature.Varint(type);
        _feature.Packed(4, _geometry);
        _features.Bytes(2, _feature);
        Count++;
        return true;
    }

    /// <summary>The tile: one layer with its features, keys and values (an empty layer when nothing was added).</summary>
    public byte[] ToTile()
    {
        var layer = new Buffer();
        layer.Varint((15 << 3) | 0);
        layer.Varint(2);
        layer.String(1, _name);
        layer.Raw(_features);
        foreach (var key in _keyList)
        {
            layer.String(3, key);
        }

        var value = new Buffer();
        foreach (var (kind, bits, text) in _valueList)
        {
            value.Clear();
            switch (kind)
            {
                case 1:
                    value.String(1, text!);
                    break;
                case 3:
                    value.Varint((3 << 3) | 1);
                    value.Fixed64(bits);
                    break;
                case 6:
                    value.Varint(6 << 3);
                    value.Varint((ulong)((bits << 1) ^ (bits >> 63)));
                    break;
                default:
                    value.Varint(7 << 3);
                    value.Varint((ulong)bits);
                    break;
            }

            layer.Bytes(4, value);
        }

        layer.Varint(5 << 3);
        layer.Varint(_extent);
        var tile = new Buffer();
        tile.Bytes(3, layer);
        return tile.ToArray();
    }

    private uint Key(string name)
    {
        if (!_keys.TryGetValue(name, out var index))
        {
            index = (uint)_keyList.Count;
            _keys[name] = index;
            _keyList.Add(name);
        }

        return index;
    }

    private uint? Value(object? raw)
    {
        (byte, long, string?) key = raw switch
        {
            null => default,
            string s => (1, 0, s),
            bool b => (7, b ? 1 : 0, null),
            int i => (6, i, null),
            long l => (6, l, null),
            short s => (6, s, null),
            double d => (3, BitConverter.DoubleToInt64Bits(d), null),
            float f => (3, BitConverter.DoubleToInt64Bits(f), null),
            decimal m => (3, BitConverter.DoubleToInt64Bits((double)m), null),
            var o => (1, 0, Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (key.Item1 == 0)
        {
            return null;
        }

        if (!_values.TryGetValue(key, out var index))
        {
            index = (uint)_valueList.Count;
            _values[key] = index;
            _valueList.Add(key);
        }

        return index;
    }

    /// <summary>A longitude/latitude on the tile's integer grid (Web Mercator, exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (long X, long Y) Grid(Coordinate c)
    {
        var wx = (c.X + 180) / 360;
        var sin = Math.Sin(c.Y * Math.PI / 180);
        var wy = 0.5 - (Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI));
        return ((long)Math.Round((wx - _left) * _scale), (long)Math.Round((wy - _top) * _scale));
    }

    private void Points(Coordinate[] coordinates, ref long cx, ref long cy)
    {
        _geometry.Add(Command(1, coordinates.Length));
        foreach (var c in coordinates)
        {
            var (x, y) = Grid(c);
            Move(x, y, ref cx, ref cy);
        }
    }

    private void Line(Coordinate[] coordinates, ref long cx, ref long cy)
    {
        _ring.Clear();
        foreach (var c in coordinates)
        {
            var p = Grid(c);
            if (_ring.Count == 0 || _ring[^1] != p)
            {
                _ring.Add(p);
            }
        }

        if (_ring.Count < 2)
        {
            return;
        }

        _geometry.Add(Command(1, 1));
        Move(_ring[0].X, _ring[0].Y, ref cx, ref cy);
        _geometry.Add(Command(2, _ring.Count - 1));
        for (var i = 1; i < _ring.Count; i++)
        {
            Move(_ring[i].X, _ring[i].Y, ref cx, ref cy);
        }
    }

    private void Polygon(Polygon polygon, ref long cx, ref long cy)
    {
        if (Ring(polygon.Shell.Coordinates, exterior: true, ref cx, ref cy, MinPolygonArea) == 0)
        {
            return;
        }

        for (var h = 0; h < polygon.NumInteriorRings; h++)
        {
            Ring(polygon.GetInteriorRingN(h).Coordinates, exterior: false, ref cx, ref cy, 0);
        }
    }

    /// <summary>Writes one ring (MoveTo, LineTo, ClosePath) in the winding its role needs; its area, 0 when not written.</summary>
    private double Ring(Coordinate[] coordinates, bool exterior, ref long cx, ref long cy, double minArea)
    {
        _ring.Clear();
        foreach (var c in coordinates)
        {
            var p = Grid(c);
            if (_ring.Count == 0 || _ring[^1] != p)
            {
                _ring.Add(p);
            }
        }

        if (_ring.Count > 1 && _ring[0] == _ring[^1])
        {
            _ring.RemoveAt(_ring.Count - 1);
        }

        if (_ring.Count < 3)
        {
            return 0;
        }

        // Surveyor's formula in tile coordinates (y down): positive is clockwise on screen, the spec's exterior.
        double twice = 0;
        for (var i = 0; i < _ring.Count; i++)
        {
            var (x0, y0) = _ring[i];
            var (x1, y1) = _ring[(i + 1) % _ring.Count];
            twice += (x0 * (double)y1) - (x1 * (double)y0);
        }

        var area = Math.Abs(twice) / 2;
        if (area == 0 || area < minArea)
        {
            return 0;
        }

        if ((twice > 0) != exterior)
        {
            _ring.Reverse();
        }

        _geometry.Add(Command(1, 1));
        Move(_ring[0].X, _ring[0].Y, ref cx, ref cy);
        _geometry.Add(Command(2, _ring.Count - 1));
        for (var i = 1; i < _ring.Count; i++)
        {
            Move(_ring[i].X, _ring[i].Y, ref cx, ref cy);
        }

        _geometry.Add(Command(7, 1));
        return area;
    }

    private void Move(long x, long y, ref long cx, ref long cy)
    {
        _geometry.Add(ZigZag(x - cx));
        _geometry.Add(ZigZag(y - cy));
        cx = x;
        cy = y;
    }

    private static uint Command(int id, int count) => (uint)((id & 7) | (count << 3));

    private static uint ZigZag(long v) => (uint)((v << 1) ^ (v >> 63));

    /// <summary>A growable protobuf byte buffer.</summary>
    private sealed class Buffer
    {
        private byte[] _bytes = new byte[256];

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

        public void Varint(ulong v)
        {
            Ensure(10);
            while (v >= 0x80)
            {
                _bytes[Length++] = (byte)(v | 0x80);
                v >>= 7;
            }

            _bytes[Length++] = (byte)v;
        }

        public void Fixed64(long v)
        {
            Ensure(8);
            BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(Length), v);
            Length += 8;
        }

        public void String(int field, string s)
        {
            var n = System.Text.Encoding.UTF8.GetByteCount(s);
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)n);
            Ensure(n);
            Length += System.Text.Encoding.UTF8.GetBytes(s, _bytes.AsSpan(Length));
        }

        public void Bytes(int field, Buffer other)
        {
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)other.Length);
            Raw(other);
        }

        public void Raw(Buffer other)
        {
            Ensure(other.Length);
            other._bytes.AsSpan(0, other.Length).CopyTo(_bytes.AsSpan(Length));
            Length += other.Length;
        }

        public void Packed(int field, List<uint> values)
        {
            var size = 0;
            foreach (var v in values)
            {
                size += v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
            }

            Varint((ulong)((field << 3) | 2));
            Varint((ulong)size);
            foreach (var v in values)
            {
                Varint(v);
            }
        }

        private void Ensure(int more)
        {
            if (Length + more > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
            }
        }
    }
}
