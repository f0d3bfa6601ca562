using System.Text.Json;
using NetTopologySuite.Geometries;
using Npgsql;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.PostGis.Export;

/// <summary>
/// Writes one city back to a file-store directory (docs/data-model.md): one RFC 7946 GeoJSON file
/// per layer that has rows, in import order, and every GTFS feed as a folder of its files as
/// shipped. Owner names and contacts of vacant houses (personal data) are written only when
/// <c>includeRestricted</c> is set. Rows stream from the database; memory stays flat.
/// </summary>
public static class PostGisExporter
{
    /// <summary>Files written and their feature counts.</summary>
    public sealed record Report(string City, string Directory, IReadOnlyList<(string File, long Features)> Files);

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

            Layer("households", "SELECT geom, persons, year, persons_0_14, persons_65plus FROM households WHERE city_code = $1 ORDER BY year, ord", ["persons", "year", "persons_0_14", "persons_65plus"]);
            Layer("town_blocks", "SELECT geom, code, name, persons, year, persons_0_14, persons_65plus FROM town_blocks WHERE city_code = $1 ORDER BY year, ord", ["code", "name", "persons", "year", "persons_0_14", "persons_65plus"]);
            Layer("buildings", "SELECT geom, id, floors, use FROM buildings WHERE city_code = $1 ORDER BY ord", ["id", "floors", "use"]);
            Layer("zones", "SELECT geom, id, name, kind FROM zones WHERE city_code = $1 ORDER BY ord", ["id", "name", "kind"]);
            Layer("hubs", "SELECT geom, id, name, kind FROM hubs WHERE city_code = $1 ORDER BY ord", ["id", "name", "kind"]);
            string[] vacant = ["id", "vacancy_likelihood", "decay_rank", "built_year", "structure", "floor_area_m2", "land_area_m2", "frontage_road_width_m", "survey_date", "status"];
            Layer("vacant_houses", $"""
                SELECT v.geom, {string.Join(", ", vacant.Select(c => "v." + c))}{(includeRestricted ? ", o.owner_name, o.owner_contact" : "")}
                FROM vacant_houses v LEFT JOIN vacant_house_owners o ON o.city_code = v.city_code AND o.id = v.id
                WHERE v.city_code = $1 ORDER BY v.ord
                """, includeRestricted ? [.. vacant, "owner_name", "owner_contact"] : vacant);

            var metadata = Load.PostGisCityLoader.Query(conn, "SELECT document::text FROM store_metadata WHERE city_code = $1", city, r => r.GetString(0));
            if (metadata.Count == 1)
            {
                File.WriteAllText(Path.Combine(directory, IO.FileStore.StoreMetadataFile.FileName), metadata[0] + "\n", new System.Text.UTF8Encoding(false));
                files.Add((IO.FileStore.StoreMetadataFile.FileName, 1));
            }

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

    /// <summary>
    /// Streams one layer as a FeatureCollection through the project's GeoJSON writer, one feature per line, with
    /// every ordinate as stored (no rounding: an export is a lossless copy of the database); returns the feature
    /// count (the file is removed when 0).
    /// </summary>
    private static long WriteLayer(NpgsqlConnection conn, string city, string path, string sql, string[] names)
    {
        long count;
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = sql;
            cmd.Parameters.Add(new NpgsqlParameter { Value = city });
            using var reader = cmd.ExecuteReader();
            using var writer = new GeoJsonFeatureCollectionWriter(File.Create(path), decimals: null);
            void Properties(Utf8JsonWriter w)
            {
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
            }

            while (reader.Read())
            {
                writer.Write(reader.GetFieldValue<Geometry>(0), Properties);
            }

            writer.Complete();
            count = writer.Count;
        }

        if (count == 0)
        {
            File.Delete(path);
        }

        return count;
    }
}
