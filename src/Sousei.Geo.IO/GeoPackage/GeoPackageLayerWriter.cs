using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.IO.Layers;

namespace Sousei.Geo.IO.GeoPackage;

/// <summary>
/// Writes <see cref="VectorLayer"/>s as one OGC GeoPackage 1.3 file (OGC 12-128r18): <c>application_id</c> 'GPKG',
/// <c>user_version</c> 10300, the required <c>gpkg_spatial_ref_sys</c> rows (4326, −1, 0) plus the plane zone's row
/// (organization EPSG, its code, OGC WKT 1 from <see cref="PlaneProjection.OgcWkt"/>), <c>gpkg_contents</c> with
/// each layer's extent, <c>gpkg_geometry_columns</c>, and one feature table per layer (<c>fid</c>, <c>geom</c> as
/// GeoPackage binary: the GP header with envelope + WKB, by NetTopologySuite.IO.GeoPackage; then the fields).
/// No spatial index (rtree) is written: GDAL and QGIS read the file without one. Layer and field names must be
/// snake_case ASCII; text is UTF-8. Thread-safe (no shared state).
/// </summary>
public static class GeoPackageLayerWriter
{
    /// <summary>'GPKG' as the SQLite application id.</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>GeoPackage 1.3.0.</summary>
    public const int UserVersion = 10300;

    private const string Wgs84Wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>
    /// Writes a new GeoPackage at <paramref name="path"/> (which must not exist: write to a temporary name and move it
    /// into place). Every geometry must carry the SRID of <paramref name="crs"/> and finite ordinates; every feature one
    /// value per field, of the field's type.
    /// </summary>
    /// <param name="path">The new file.</param>
    /// <param name="layers">The layers, written in this order; names unique.</param>
    /// <param name="crs">The plane zone every geometry is in (its EPSG code is the layers' srs_id).</param>
    /// <param name="lastChange">The <c>last_change</c> of every layer (default: now), UTC.</param>
    /// <exception cref="ArgumentException">A layer, field, value or geometry breaks the rules above.</exception>
    /// <exception cref="IOException">The file exists already, or SQLite cannot write it.</exception>
    public static void Write(string path, IReadOnlyList<VectorLayer> layers, PlaneProjection crs, DateTime? lastChange = null)
    {
        Check(layers, crs.Epsg);
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists already");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion}; PRAGMA journal_mode = MEMORY;");
            using var transaction = connection.BeginTransaction();
            CreateMetadata(connection, crs);
            var stamp = (lastChange ?? DateTime.UtcNow).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
            foreach (var layer in layers)
            {
                WriteLayer(connection, layer, crs.Epsg, stamp, writer);
            }

            transaction.Commit();
        }
        catch (SqliteException e)
        {
            // A full disk or a read-only folder: the caller's all-or-nothing handling sees a file-system error.
            throw new IOException($"cannot write the GeoPackage: {e.Message}", e);
        }
    }

    private static void CreateMetadata(SqliteConnection c, PlaneProjection crs)
    {
        Execute(c, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            """);
        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $code, $wkt, $description)";
        foreach (var (name, id, org, code, wkt, description) in new[]
        {
            ("WGS 84 geodetic", 4326, "EPSG", 4326, Wgs84Wkt, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
            (crs.Name, crs.Epsg, "EPSG", crs.Epsg, crs.OgcWkt, crs.Name),
        })
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$org", org);
            insert.Parameters.AddWithValue("$code", code);
            insert.Parameters.AddWithValue("$wkt", wkt);
            insert.Parameters.AddWithValue("$description", description);
            insert.ExecuteNonQuery();
        }
    }

    private static void WriteLayer(SqliteConnection c, VectorLayer layer, int srid, string stamp, GeoPackageGeoWriter writer)
    {
        var typeName = layer.GeometryType switch
        {
            LayerGeometryType.Point => "POINT",
            LayerGeometryType.MultiPolygon => "MULTIPOLYGON",
            _ => "GEOMETRY",
        };
        var columns = string.Concat(layer.Fields.Select(f => $", \"{f.Name}\" {SqlType(f.Type)}"));
        Execute(c, $"CREATE TABLE \"{layer.Name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {typeName}{columns})");

        var extent = new Envelope();
        using (var insert = c.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO \"{layer.Name}\" (geom{string.Concat(layer.Fields.Select(f => $", \"{f.Name}\""))}) VALUES ($geom{string.Concat(layer.Fields.Select((_, i) => $", $f{i}"))})";
            var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var values = layer.Fields.Select((f, i) => insert.Parameters.Add($"$f{i}", f.Type switch
            {
                LayerFieldType.Text => SqliteType.Text,
                LayerFieldType.Real => SqliteType.Real,
                _ => SqliteType.Integer,
            })).ToArray();
            insert.Prepare();
            foreach (var feature in layer.Features)
            {
                extent.ExpandToInclude(feature.Geometry.EnvelopeInternal);
                geom.Value = writer.Write(feature.Geometry);
                for (var i = 0; i < values.Length; i++)
                {
                    values[i].Value = feature.Values[i] switch
                    {
                        null => DBNull.Value,
                        bool b => b ? 1 : 0,
                        var v => v,
                    };
                }

                insert.ExecuteNonQuery();
            }
        }

        using var contents = c.CreateCommand();
        contents.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
            VALUES ($t, 'features', $t, $d, $stamp, $minx, $miny, $maxx, $maxy, $srid);
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, $srid, 0, 0);
            """;
        contents.Parameters.AddWithValue("$t", layer.Name);
        contents.Parameters.AddWithValue("$d", layer.Description);
        contents.Parameters.AddWithValue("$stamp", stamp);
        contents.Parameters.AddWithValue("$minx", extent.IsNull ? DBNull.Value : extent.MinX);
        contents.Parameters.AddWithValue("$miny", extent.IsNull ? DBNull.Value : extent.MinY);
        contents.Parameters.AddWithValue("$maxx", extent.IsNull ? DBNull.Value : extent.MaxX);
        contents.Parameters.AddWithValue("$maxy", extent.IsNull ? DBNull.Value : extent.MaxY);
        contents.Parameters.AddWithValue("$type", typeName);
        contents.Parameters.AddWithValue("$srid", srid);
        contents.ExecuteNonQuery();
    }

    private static string SqlType(LayerFieldType type) => type switch
    {
        LayerFieldType.Text => "TEXT",
        LayerFieldType.Integer => "INTEGER",
        LayerFieldType.Real => "REAL",
        _ => "BOOLEAN",
    };

    private static void Execute(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Checks everything before the file is created, so that a bad layer leaves nothing behind.</summary>
    private static void Check(IReadOnlyList<VectorLayer> layers, int srid)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            if (!VectorLayer.IsSnakeCase(layer.Name) || layer.Name.StartsWith("gpkg_", StringComparison.Ordinal) || layer.Name.StartsWith("rtree_", StringComparison.Ordinal) || !names.Add(layer.Name))
            {
                throw new ArgumentException($"layer name '{layer.Name}' is not a unique snake_case ASCII name (gpkg_ and rtree_ are reserved)", nameof(layers));
            }

            var fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
            foreach (var f in layer.Fields)
            {
                if (!VectorLayer.IsSnakeCase(f.Name) || !fields.Add(f.Name))
                {
                    throw new ArgumentException($"{layer.Name}: field name '{f.Name}' is not a unique snake_case ASCII name (fid and geom are the file's own)", nameof(layers));
                }
            }

            for (var n = 0; n < layer.Features.Count; n++)
            {
                CheckFeature(layer, n, srid);
            }
        }
    }

    private static void CheckFeature(VectorLayer layer, int n, int srid)
    {
        var feature = layer.Features[n];
        var g = feature.Geometry;
        if (g.SRID != srid)
        {
            throw new ArgumentException($"{layer.Name} feature {n}: geometry SRID {g.SRID}, expected {srid}", nameof(layer));
        }

        var typeOk = layer.GeometryType switch
        {
            LayerGeometryType.Point => g is Point,
            LayerGeometryType.MultiPolygon => g is MultiPolygon,
            _ => true,
        };
        if (!typeOk || g.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
        {
            throw new ArgumentException($"{layer.Name} feature {n}: a {g.GeometryType} with {(typeOk ? "non-finite ordinates" : "the wrong type")} in a {layer.GeometryType} layer", nameof(layer));
        }

        if (feature.Values.Count != layer.Fields.Count)
        {
            throw new ArgumentException($"{layer.Name} feature {n}: {feature.Values.Count} values for {layer.Fields.Count} fields", nameof(layer));
        }

        for (var i = 0; i < layer.Fields.Count; i++)
        {
            var v = feature.Values[i];
            var ok = v is null || layer.Fields[i].Type switch
            {
                LayerFieldType.Text => v is string,
                LayerFieldType.Integer => v is int or long,
                LayerFieldType.Real => v is double d && double.IsFinite(d),
                _ => v is bool,
            };
            if (!ok)
            {
                throw new ArgumentException($"{layer.Name} feature {n}: {layer.Fields[i].Name} = {v} is not a {layer.Fields[i].Type}", nameof(layer));
            }
        }
    }
}
