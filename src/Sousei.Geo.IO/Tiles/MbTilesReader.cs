using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// Reads an MBTiles file (1.x): the <c>metadata</c> table (format, bounds, center, zooms, attribution, <c>json</c>
/// with <c>vector_layers</c>) and tiles addressed in XYZ, looked up in the TMS rows of the <c>tiles</c> table (or
/// view). Whether tiles are gzip-compressed is read from the first tile's magic bytes; a missing <c>format</c> is
/// guessed from the first tile. Read-only; one pooled connection per call: thread-safe.
/// </summary>
public sealed class MbTilesReader : ITileArchive
{
    private readonly string _connection;
    private readonly string _path;

    private MbTilesReader(string path)
    {
        _path = path;
        _connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        using var c = Connect();
        var rows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using (var q = c.CreateCommand())
        {
            q.CommandText = "SELECT name, value FROM metadata";
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                if (!r.IsDBNull(0) && !r.IsDBNull(1))
                {
                    rows[r.GetString(0)] = r.GetString(1);
                }
            }
        }

        byte[]? first;
        using (var q = c.CreateCommand())
        {
            q.CommandText = "SELECT tile_data FROM tiles LIMIT 1";
            first = q.ExecuteScalar() as byte[];
        }

        var format = TileFormats.FromMbTilesName(rows.GetValueOrDefault("format"));
        if (format == TileFormat.Unknown && first is not null)
        {
            format = Sniff(first);
        }

        var json = rows.TryGetValue("json", out var j) ? TileMetadataJson.Parse(System.Text.Encoding.UTF8.GetBytes(j)) : null;
        Rows = rows;
        Metadata = new TileArchiveMetadata
        {
            Format = format,
            TileCompression = first is not null && TileFormats.IsGzip(first) ? TileCompression.Gzip : TileCompression.None,
            Name = rows.GetValueOrDefault("name"),
            Description = rows.GetValueOrDefault("description"),
            Attribution = rows.GetValueOrDefault("attribution"),
            MinZoom = Int(rows, "minzoom") ?? 0,
            MaxZoom = Int(rows, "maxzoom") ?? 22,
            Bounds = Numbers(rows, "bounds", 4) is { } b ? (b[0], b[1], b[2], b[3]) : (-180, -85.05112878, 180, 85.05112878),
            Center = Numbers(rows, "center", 3) is { } m ? (m[0], m[1], (int)m[2]) : default,
            VectorLayers = json is null ? null : TileMetadataJson.Layers(json),
        };
    }

    public TileArchiveMetadata Metadata { get; }

    /// <summary>The <c>metadata</c> table as read.</summary>
    public IReadOnlyDictionary<string, string> Rows { get; }

    /// <exception cref="TileArchiveException">Missing, not SQLite, or without the MBTiles tables.</exception>
    public static MbTilesReader Open(string path)
    {
        try
        {
            return new MbTilesReader(path);
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or InvalidCastException or FormatException)
        {
            throw new TileArchiveException($"'{path}' is not a readable MBTiles file: {e.Message}", e);
        }
    }

    public byte[]? GetTile(int z, int x, int y)
    {
        if (z < 0 || z > 30 || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z)
        {
            return null;
        }

        try
        {
            using var c = Connect();
            using var q = c.CreateCommand();
            q.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
            q.Parameters.AddWithValue("$z", z);
            q.Parameters.AddWithValue("$x", x);
            q.Parameters.AddWithValue("$y", MbTilesWriter.TmsRow(z, y));
            return q.ExecuteScalar() is byte[] { Length: > 0 } data ? data : null;
        }
        catch (SqliteException e)
        {
            throw new TileArchiveException($"'{_path}': tile {z}/{x}/{y}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        using var c = new SqliteConnection(_connection);
        SqliteConnection.ClearPool(c);
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connection);
        c.Open();
        return c;
    }

    private static TileFormat Sniff(byte[] d) =>
        d.Length >= 8 && d[0] == 0x89 && d[1] == 0x50 && d[2] == 0x4e && d[3] == 0x47 ? TileFormat.Png
        : d.Length >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff ? TileFormat.Jpeg
        : d.Length >= 12 && d.AsSpan(0, 4).SequenceEqual("RIFF"u8) && d.AsSpan(8, 4).SequenceEqual("WEBP"u8) ? TileFormat.Webp
        : TileFormats.IsGzip(d) ? TileFormat.Mvt
        : TileFormat.Unknown;

    private static int? Int(Dictionary<string, string> rows, string key) =>
        rows.TryGetValue(key, out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double[]? Numbers(Dictionary<string, string> rows, string key, int count)
    {
        if (!rows.TryGetValue(key, out var s))
        {
            return null;
        }

        var parts = s.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values.Length == count ? values : null;
    }
}
