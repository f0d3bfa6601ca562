using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// Writes an MBTiles 1.3 file with Microsoft.Data.Sqlite: <c>metadata(name, value)</c> — name, format, bounds,
/// center, minzoom, maxzoom, attribution, description, type and, for vector tiles, <c>json</c> with
/// <c>vector_layers</c> — and <c>tiles(zoom_level, tile_column, tile_row, tile_data)</c> in the TMS scheme: row 0
/// at the south, so the XYZ row y is stored as 2^z − 1 − y. Tiles are stored as given (MBTiles expects vector
/// tiles gzip-compressed). One transaction: all or nothing.
/// </summary>
public static class MbTilesWriter
{
    /// <summary>Writes a new file at <paramref name="path"/>, which must not exist (write to a temporary name, then move).</summary>
    /// <exception cref="ArgumentException">A tile twice, or an empty tile.</exception>
    /// <exception cref="IOException">The file exists, or SQLite cannot write it.</exception>
    public static TileArchiveSummary Write(string path, TileArchiveMetadata metadata, IEnumerable<ArchiveTile> tiles)
    {
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists already");
        }

        long count = 0;
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                using var transaction = connection.BeginTransaction();
                Execute(connection, "CREATE TABLE metadata (name TEXT, value TEXT);"
                    + "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
                    + "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);");
                foreach (var (name, value) in Rows(metadata))
                {
                    using var m = connection.CreateCommand();
                    m.CommandText = "INSERT INTO metadata (name, value) VALUES ($n, $v)";
                    m.Parameters.AddWithValue("$n", name);
                    m.Parameters.AddWithValue("$v", value);
                    m.ExecuteNonQuery();
                }

                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES ($z, $x, $y, $d)";
                var pz = insert.Parameters.Add("$z", SqliteType.Integer);
                var px = insert.Parameters.Add("$x", SqliteType.Integer);
                var py = insert.Parameters.Add("$y", SqliteType.Integer);
                var pd = insert.Parameters.Add("$d", SqliteType.Blob);
                foreach (var t in tiles)
                {
                    if (t.Data.Length == 0)
                    {
                        throw new ArgumentException($"tile {t.Z}/{t.X}/{t.Y} is empty", nameof(tiles));
                    }

                    pz.Value = t.Z;
                    px.Value = t.X;
                    py.Value = TmsRow(t.Z, t.Y);
                    pd.Value = t.Data;
                    try
                    {
                        insert.ExecuteNonQuery();
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode == 19)
                    {
                        throw new ArgumentException($"tile {t.Z}/{t.X}/{t.Y} is given twice", nameof(tiles), e);
                    }

                    count++;
                }

                transaction.Commit();
            }
        }
        catch (SqliteException e)
        {
            throw new IOException($"{path}: {e.Message}", e);
        }

        return new TileArchiveSummary(count, count, new FileInfo(path).Length);
    }

    /// <summary>The TMS row of XYZ row <paramref name="y"/> at zoom <paramref name="z"/> (the flip is its own inverse).</summary>
    public static long TmsRow(int z, long y) => (1L << z) - 1 - y;

    private static IEnumerable<(string, string)> Rows(TileArchiveMetadata m)
    {
        static string N(double v) => v.ToString("0.#######", CultureInfo.InvariantCulture);
        yield return ("name", m.Name ?? "tiles");
        yield return ("format", TileFormats.MbTilesName(m.Format));
        yield return ("type", m.Format == TileFormat.Mvt ? "overlay" : "baselayer");
        yield return ("version", "1.3");
        yield return ("bounds", $"{N(m.Bounds.MinLon)},{N(m.Bounds.MinLat)},{N(m.Bounds.MaxLon)},{N(m.Bounds.MaxLat)}");
        yield return ("center", $"{N(m.Center.Lon)},{N(m.Center.Lat)},{m.Center.Zoom}");
        yield return ("minzoom", m.MinZoom.ToString(CultureInfo.InvariantCulture));
        yield return ("maxzoom", m.MaxZoom.ToString(CultureInfo.InvariantCulture));
        if (m.Attribution is { } a)
        {
            yield return ("attribution", a);
        }

        if (m.Description is { } d)
        {
            yield return ("description", d);
        }

        if (TileMetadataJson.MbTilesJson(m) is { } json)
        {
            yield return ("json", json);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var c = connection.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }
}
