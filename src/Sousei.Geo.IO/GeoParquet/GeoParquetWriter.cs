using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Parquet;
using Parquet.Schema;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.GeoParquet;

/// <summary>
/// Writes features as a GeoParquet 1.1 layer: the geometry as WKB (ISO, little-endian, 2D) in a <c>geometry</c> column
/// with the <c>geo</c> metadata (<see cref="GeoParquetMetadata.Write"/>: CRS84, the geometry types, the bbox), and every
/// property as a typed, nullable column — whole numbers INT64, other numbers DOUBLE, booleans BOOLEAN, anything else
/// (text, and nested values as their JSON text) UTF-8 STRING — in order of first appearance. Row groups of
/// <see cref="RowGroupRows"/> rows, Snappy-compressed (Parquet.Net's default). Not thread-safe.
/// </summary>
public static class GeoParquetWriter
{
    /// <summary>Rows per row group: small enough to read on several cores, large enough to compress well.</summary>
    public const int RowGroupRows = 65_536;

    /// <summary>The name of the geometry column written.</summary>
    public const string GeometryColumn = "geometry";

    /// <summary>Writes the features (geometries with SRID 4326, longitude/latitude) to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">A property is named like the geometry column.</exception>
    public static void Write(Stream stream, IReadOnlyList<IFeature> features)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        var names = new List<string>();
        var kinds = new Dictionary<string, Kind>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            if (feature.Attributes is null)
            {
                continue;
            }

            foreach (var name in feature.Attributes.GetNames())
            {
                var kind = KindOf(AttributeValues.Get(feature, name));
                if (!kinds.TryGetValue(name, out var seen))
                {
                    if (name == GeometryColumn)
                    {
                        throw new ArgumentException($"a property is named '{GeometryColumn}', like the geometry column; rename it", nameof(features));
                    }

                    names.Add(name);
                    kinds[name] = kind;
                }
                else
                {
                    kinds[name] = Merge(seen, kind);
                }
            }
        }

        var geometryField = new DataField<byte[]>(GeometryColumn, true);
        var fields = names.Select(n => kinds[n] switch
        {
            Kind.Integer => (DataField)new DataField<long?>(n),
            Kind.Real => new DataField<double?>(n),
            Kind.Boolean => new DataField<bool?>(n),
            _ => new DataField<string>(n, true),
        }).ToList();
        var schema = new ParquetSchema([geometryField, .. fields]);
        var writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        try
        {
            writer.CustomMetadata = new Dictionary<string, string>
            {
                [GeoParquetMetadata.Key] = GeoParquetMetadata.Write(GeometryColumn, features.Where(f => f.Geometry is not null).Select(f => f.Geometry.GeometryType).Distinct(), Extent(features)),
            };
            var wkb = new WKBWriter(ByteOrder.LittleEndian, false, false);
            for (var start = 0; start < features.Count || (start == 0 && features.Count == 0); start += RowGroupRows)
            {
                var rows = Math.Min(RowGroupRows, features.Count - start);
                using var group = writer.CreateRowGroup();
                var geometries = new byte[]?[rows];
                for (var i = 0; i < rows; i++)
                {
                    geometries[i] = features[start + i].Geometry is { } g ? wkb.Write(g) : null;
                }

                group.WriteAsync(geometryField, geometries).GetAwaiter().GetResult();
                for (var c = 0; c < fields.Count; c++)
                {
                    WriteColumn(group, fields[c], kinds[names[c]], features, start, rows);
                }

                if (features.Count == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private enum Kind
    {
        None,
        Integer,
        Real,
        Boolean,
        Text,
    }

    private static Kind KindOf(object? value) => value switch
    {
        null => Kind.None,
        long or int or short or byte or sbyte or uint or ushort => Kind.Integer,
        double or float or decimal => Kind.Real,
        bool => Kind.Boolean,
        _ => Kind.Text,
    };

    private static Kind Merge(Kind a, Kind b) => (a, b) switch
    {
        _ when a == b => a,
        (Kind.None, _) => b,
        (_, Kind.None) => a,
        (Kind.Integer, Kind.Real) or (Kind.Real, Kind.Integer) => Kind.Real,
        _ => Kind.Text,
    };

    private static void WriteColumn(ParquetRowGroupWriter group, DataField field, Kind kind, IReadOnlyList<IFeature> features, int start, int rows)
    {
        object? Value(int i) => features[start + i].Attributes is { } a && a.Exists(field.Name) ? AttributeValues.Get(features[start + i], field.Name) : null;
        switch (kind)
        {
            case Kind.Integer:
                group.WriteAsync<long>(field, Enumerable.Range(0, rows).Select(i => Value(i) is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : (long?)null).ToArray()).GetAwaiter().GetResult();
                break;
            case Kind.Real:
                group.WriteAsync<double>(field, Enumerable.Range(0, rows).Select(i => Value(i) is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : (double?)null).ToArray()).GetAwaiter().GetResult();
                break;
            case Kind.Boolean:
                group.WriteAsync<bool>(field, Enumerable.Range(0, rows).Select(i => Value(i) is bool b ? b : (bool?)null).ToArray()).GetAwaiter().GetResult();
                break;
            default:
                group.WriteAsync(field, Enumerable.Range(0, rows).Select(i => AttributeValues.Text(Value(i))).ToArray()).GetAwaiter().GetResult();
                break;
        }
    }

    private static double[]? Extent(IReadOnlyList<IFeature> features)
    {
        var envelope = new Envelope();
        foreach (var f in features)
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                envelope.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        return envelope.IsNull ? null : [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY];
    }
}
