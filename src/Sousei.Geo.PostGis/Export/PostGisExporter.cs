using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace Sousei.Geo.PostGis.Export;

/// <summary>
/// Writes one city back to a file-store directory (docs/data-model.md): one RFC 7946 GeoJSON file
/// per layer that has rows, in import order, and every GTFS feed as a folder of its files as
/// shipped. Owner names and contacts of vacant houses (personal data) are written only when
/// <c>includeRestricted</c> is set. Rows stream from the database; memory stays flat.
/// </summary>
public static class PostGisExporter
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    /// <summary>Files written and their feature counts.</summary>
    public sealed record Report(string City, string Directory, IReadOnlyList<(string File, long Features)> Files);

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        o.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)));
        return o;
    }

    /// <exception cref="PostGisException">The database cannot be used or holds nothing for the city.</exception>
    public static Report Export(PostGisDatabase db, string city, string directory, bool includeRestricted = false)
    {
        city = Identifiers.City(city);
        return db.Guard(() =>
        {
            Schema.Migrator.RequireCurrent(db);
            Directory.CreateDirectory(directory);
            using var conn = db.Open();
            using var tx = conn.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var files = new List<(string, long)>();
            void Layer(string layer, string sql, string[] names)
            {
                var count = WriteLayer(conn, city, Path.Combine(directory, layer + ".geojson"), sql, names);
                if (count > 0)
                {
                    files.Add((layer + ".geojson", count));
                }
            }

            Layer("inducement_area", "SELECT geom, name FROM inducement_area WHERE city_code = $1 ORDER BY ord", ["name"]);
            if (files.Count == 0)
            {
                throw new PostGisException($"the database {db.Description} holds nothing for city {city}");
            }

            Layer("households", "SELECT geom, persons, year FROM households WHERE city_code = $1 ORDER BY year, ord", ["persons", "year"]);
            Layer("town_blocks", "SELECT geom, code, name, persons, year FROM town_blocks WHERE city_code = $1 ORDER BY year, ord", ["code", "name", "persons", "year"]);
            Layer("buildings", "SELECT geom, id, floors, use FROM buildings WHERE city_code = $1 ORDER BY ord", ["id", "floors", "use"]);
            Layer("zones", "SELECT geom, id, name, kind FROM zones WHERE city_code = $1 ORDER BY ord", ["id", "name", "kind"]);
            Layer("hubs", "SELECT geom, id, name, kind FROM hubs WHERE city_code = $1 ORDER BY ord", ["id", "name", "kind"]);
            string[] vacant = ["id", "vacancy_likelihood", "decay_rank", "built_year", "structure", "floor_area_m2", "land_area_m2", "frontage_road_width_m", "survey_date", "status"];
            Layer("vacant_houses", $"""
                SELECT v.geom, {string.Join(", ", vacant.Select(c => "v." + c))}{(includeRestricted ? ", o.owner_name, o.owner_contact" : "")}
                FROM vacant_houses v LEFT JOIN vacant_house_owners o ON o.city_code = v.city_code AND o.id = v.id
                WHERE v.city_code = $1 ORDER BY v.ord
                """, includeRestricted ? [.. vacant, "owner_name", "owner_contact"] : vacant);

            var gtfs = Path.Combine(directory, "gtfs");
            using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT f.feed, f.file_name, f.content FROM gtfs_files f WHERE f.city_code = $1 ORDER BY f.feed, f.file_name";
                cmd.Parameters.Add(new NpgsqlParameter { Value = city });
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    var folder = Path.Combine(gtfs, Load.PostGisCityLoader.SafeName(reader.GetString(0)));
                    Directory.CreateDirectory(folder);
                    var name = Load.PostGisCityLoader.SafeName(reader.GetString(1));
                    File.WriteAllBytes(Path.Combine(folder, name), reader.GetFieldValue<byte[]>(2));
                    files.Add(($"gtfs/{Path.GetFileName(folder)}/{name}", 0));
                }
            }

            tx.Commit();
            return new Report(city, directory, files);
        }, "export from");
    }

    /// <summary>Streams one layer as a FeatureCollection; returns the feature count (the file is removed when 0).</summary>
    private static long WriteLayer(NpgsqlConnection conn, string city, string path, string sql, string[] names)
    {
        long count = 0;
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = sql;
            cmd.Parameters.Add(new NpgsqlParameter { Value = city });
            using var reader = cmd.ExecuteReader();
            using var stream = File.Create(path);
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            while (reader.Read())
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("properties");
                w.WriteStartObject();
                for (var i = 0; i < names.Length; i++)
                {
                    var column = i + 1;
                    if (reader.IsDBNull(column))
                    {
                        continue;
                    }

                    switch (reader.GetValue(column))
                    {
                        case int n:
                            w.WriteNumber(names[i], n);
                            break;
                        case long n:
                            w.WriteNumber(names[i], n);
                            break;
                        case double d:
                            w.WriteNumber(names[i], d);
                            break;
                        case var other:
                            w.WriteString(names[i], Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                w.WriteEndObject();
                w.WritePropertyName("geometry");
                var geometry = reader.GetFieldValue<Geometry>(0);
                if (geometry is Point p)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "Point");
                    w.WriteStartArray("coordinates");
                    w.WriteNumberValue(p.X);
                    w.WriteNumberValue(p.Y);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    JsonSerializer.Serialize(w, geometry, GeometryOptions);
                }

                w.WriteEndObject();
                count++;
                if (w.BytesPending > 1 << 20)
                {
                    w.Flush();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (count == 0)
        {
            File.Delete(path);
        }

        return count;
    }
}
