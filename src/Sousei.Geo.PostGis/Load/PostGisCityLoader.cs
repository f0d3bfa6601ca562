using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Npgsql;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.PostGis.Load;

/// <summary>
/// Loads one city's layers from the database into a <see cref="CityDataset"/>, in the order they
/// were imported (<c>ord</c>), so that the in-memory engine sees exactly what it would have seen
/// reading the file store. The inducement area is the union of its features, computed as the
/// file-store reader does. Owner names and contacts of vacant houses are loaded only when asked.
/// </summary>
public static class PostGisCityLoader
{
    /// <summary>Loads every layer of <paramref name="city"/>.</summary>
    /// <exception cref="PostGisException">The database cannot be used or holds no inducement area for the city.</exception>
    public static CityDataset Load(PostGisDatabase db, string city, bool includeRestricted = false) => Load(db, city, CityLayers.All, includeRestricted);

    /// <summary>
    /// Which layers the database holds rows of for <paramref name="city"/> (one cheap EXISTS query per table).
    /// </summary>
    public static CityLayers Inventory(PostGisDatabase db, string city)
    {
        city = Identifiers.City(city);
        return db.Guard(() =>
        {
            Schema.Migrator.RequireCurrent(db);
            using var conn = db.Open();
            var layers = CityLayers.None;
            foreach (var (table, layer) in new[]
            {
                ("inducement_area", CityLayers.InducementArea), ("zones", CityLayers.Zones), ("hubs", CityLayers.Hubs), ("households", CityLayers.Households),
                ("town_blocks", CityLayers.TownBlocks), ("buildings", CityLayers.Buildings), ("vacant_houses", CityLayers.VacantHouses), ("gtfs_files", CityLayers.Gtfs),
            })
            {
                if (Query(conn, $"SELECT EXISTS (SELECT 1 FROM {table} WHERE city_code = $1)", city, r => r.GetBoolean(0))[0])
                {
                    layers |= layer;
                }
            }

            return layers;
        }, "read the layers of");
    }

    /// <summary>Loads the <paramref name="layers"/> of <paramref name="city"/> (the others stay empty).</summary>
    /// <exception cref="PostGisException">The database cannot be used, or the inducement area is asked for and the city has none.</exception>
    public static CityDataset Load(PostGisDatabase db, string city, CityLayers layers, bool includeRestricted = false)
    {
        city = Identifiers.City(city);
        bool Wants(CityLayers layer) => (layers & layer) != 0;
        return db.Guard(() =>
        {
            Schema.Migrator.RequireCurrent(db);
            using var conn = db.Open();
            using var tx = conn.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var area = CityDataset.NoArea;
            if (Wants(CityLayers.InducementArea))
            {
                var parts = Query(conn, "SELECT geom FROM inducement_area WHERE city_code = $1 ORDER BY ord", city, r => r.GetFieldValue<Geometry>(0));
                if (parts.Count == 0)
                {
                    throw new PostGisException($"the database {db.Description} holds no inducement area for city {city}: import the city first (sousei import --db … --city {city} DIR)");
                }

                area = parts.Count == 1 ? parts[0] : UnaryUnionOp.Union(parts);
                area.SRID = 4326;
            }

            var households = !Wants(CityLayers.Households) ? [] : Query(conn, "SELECT ST_X(geom), ST_Y(geom), persons, year, persons_0_14, persons_65plus FROM households WHERE city_code = $1 ORDER BY year, ord", city,
                r => new Household(r.GetDouble(0), r.GetDouble(1), r.GetInt32(2), r.GetInt32(3), OptionalInt(r, 4), OptionalInt(r, 5)));
            var blocks = !Wants(CityLayers.TownBlocks) ? [] : Query(conn, "SELECT code, name, geom, persons, year, persons_0_14, persons_65plus FROM town_blocks WHERE city_code = $1 ORDER BY year, ord", city,
                r => new TownBlock(r.GetString(0), r.GetString(1), r.GetFieldValue<Geometry>(2), r.GetInt32(3), r.GetInt32(4), OptionalInt(r, 5), OptionalInt(r, 6)));
            var buildings = !Wants(CityLayers.Buildings) ? [] : Query(conn, "SELECT id, geom, floors, use FROM buildings WHERE city_code = $1 ORDER BY ord", city,
                r => new Building(r.GetString(0), r.GetFieldValue<Geometry>(1), r.GetInt32(2), r.GetString(3)));
            var zones = !Wants(CityLayers.Zones) ? [] : Query(conn, "SELECT id, name, kind, geom FROM zones WHERE city_code = $1 ORDER BY ord", city,
                r => new Zone(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<Geometry>(3)));
            var hubs = !Wants(CityLayers.Hubs) ? [] : Query(conn, "SELECT id, name, kind, geom FROM hubs WHERE city_code = $1 ORDER BY ord", city,
                r => new Hub(r.GetString(0), r.GetString(1), Kinds.TryParseHubKind(r.GetString(2), out var kind) ? kind : throw new PostGisException($"hub {r.GetString(0)} has kind '{r.GetString(2)}'; expected central or regional"), (Point)r.GetFieldValue<Geometry>(3)));
            var vacant = !Wants(CityLayers.VacantHouses) ? [] : Query(conn, $"""
                SELECT v.id, v.geom, v.vacancy_likelihood, v.decay_rank, v.built_year, v.structure, v.floor_area_m2, v.land_area_m2,
                       v.frontage_road_width_m, v.survey_date, v.status,
                       {(includeRestricted ? "o.owner_name, o.owner_contact" : "NULL::text, NULL::text")}
                FROM vacant_houses v LEFT JOIN vacant_house_owners o ON o.city_code = v.city_code AND o.id = v.id
                WHERE v.city_code = $1 ORDER BY v.ord
                """, city, r => new VacantHouse(r.GetString(0), r.GetFieldValue<Geometry>(1), Str(r, 2), Str(r, 3), r.IsDBNull(4) ? null : r.GetInt32(4),
                    Str(r, 5), Dbl(r, 6), Dbl(r, 7), Dbl(r, 8), Str(r, 9), Str(r, 10), Str(r, 11), Str(r, 12)));
            tx.Commit();
            return new CityDataset
            {
                InducementArea = area,
                Households = households,
                TownBlocks = blocks,
                Buildings = buildings,
                Zones = zones,
                Hubs = hubs,
                VacantHouses = vacant,
            };
        }, "load from");
    }

    /// <summary>What the city's store says about itself (the imported <c>store.json</c>); <see cref="StoreMetadata.None"/> when nothing was imported.</summary>
    /// <exception cref="Core.Validation.DataException">The stored document has problems (it was written by another tool).</exception>
    public static StoreMetadata Metadata(PostGisDatabase db, string city)
    {
        city = Identifiers.City(city);
        var text = db.Guard(() =>
        {
            Schema.Migrator.RequireCurrent(db);
            using var conn = db.Open();
            return Query(conn, "SELECT document::text FROM store_metadata WHERE city_code = $1", city, r => r.GetString(0)).FirstOrDefault();
        }, "read the store metadata of");
        if (text is null)
        {
            return StoreMetadata.None;
        }

        var problems = new Core.Validation.ProblemCollector();
        var metadata = IO.FileStore.StoreMetadataFile.Parse(System.Text.Encoding.UTF8.GetBytes(text), $"{db.Description} store_metadata (city {city})", problems);
        problems.ThrowIfAny();
        return metadata!;
    }

    /// <summary>
    /// Every GTFS feed of the city, as shipped, in memory (one source per feed, sorted by feed name), for
    /// <see cref="IO.Gtfs.GtfsReader.ReadFeeds(IEnumerable{IO.Gtfs.GtfsFeedSource}, DateOnly?, int)"/>: no temporary files.
    /// </summary>
    public static IReadOnlyList<IO.Gtfs.GtfsFeedSource> GtfsSources(PostGisDatabase db, string city)
    {
        city = Identifiers.City(city);
        return db.Guard(() =>
        {
            using var conn = db.Open();
            var files = Query(conn, "SELECT feed, file_name, content FROM gtfs_files WHERE city_code = $1 ORDER BY feed, file_name", city,
                r => (Feed: r.GetString(0), Name: r.GetString(1), Content: r.GetFieldValue<byte[]>(2)));
            return (IReadOnlyList<IO.Gtfs.GtfsFeedSource>)files.GroupBy(f => f.Feed, StringComparer.Ordinal)
                .Select(g => new IO.Gtfs.GtfsFeedSource(g.Key, $"{db.Description}/gtfs/{g.Key}", g.ToDictionary(f => SafeName(f.Name), f => f.Content, StringComparer.OrdinalIgnoreCase)))
                .ToList();
        }, "read GTFS feeds from");
    }

    /// <summary>A file name without directory parts, so that stored names cannot escape the target folder.</summary>
    internal static string SafeName(string name)
    {
        var clean = Path.GetFileName(name.Replace('\\', '/'));
        return clean is "" or "." or ".." ? "_" : clean;
    }

    private static int? OptionalInt(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetInt32(column);

    internal static List<T> Query<T>(NpgsqlConnection conn, string sql, string city, Func<NpgsqlDataReader, T> map)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new NpgsqlParameter { Value = city });
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }

        return list;
    }

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
