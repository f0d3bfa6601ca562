using System.Diagnostics;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// Writes an <see cref="ImportBatch"/> into the database with binary COPY, all layers in one
/// transaction: a rejected row rolls back everything and comes out as a <see cref="DataException"/>
/// naming the file and the feature (row), leaving the database exactly as it was. Layers replace
/// the city's rows (per year for households and town blocks), so importing twice never duplicates.
/// </summary>
public static partial class PostGisImporter
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <summary>
    /// Rows written per layer and what was replaced; <paramref name="Write"/> is the time of the
    /// delete and the COPY, <paramref name="IndexBuild"/> the time spent rebuilding indexes after a
    /// bulk load (zero when rows went into the existing indexes).
    /// </summary>
    public sealed record LayerReport(string Layer, long Rows, string Replaced, TimeSpan Write = default, TimeSpan IndexBuild = default);

    /// <summary>The result of one import.</summary>
    public sealed record Report(string City, string Source, IReadOnlyList<LayerReport> Layers, TimeSpan Elapsed);

    /// <summary>
    /// From this many households on, when they are at least a quarter of the table, the table's
    /// indexes (primary key and GiST) are dropped before the COPY and rebuilt inside the
    /// transaction: a sorted bulk build is several times faster than one index insertion per row,
    /// but it costs the whole table, so a small city loaded into a national table inserts instead.
    /// </summary>
    public const int BulkIndexRebuildThreshold = 200_000;

    /// <exception cref="DataException">The database rejected a row (the import was rolled back).</exception>
    /// <exception cref="PostGisException">The database cannot be used.</exception>
    public static Report Import(PostGisDatabase db, string city, ImportBatch batch)
    {
        city = Identifiers.City(city);
        var watch = Stopwatch.StartNew();
        return db.Guard(() =>
        {
            Schema.Migrator.RequireCurrent(db);
            using var conn = db.Open();
            using var tx = conn.BeginTransaction();
            var reports = new List<LayerReport>();
            var touched = new List<string>();
            try
            {
                if (batch.InducementArea is { } area)
                {
                    Replace(conn, "inducement_area", city, null);
                    Copy(conn, batch, "inducement_area", "COPY inducement_area (city_code, ord, name, geom) FROM STDIN (FORMAT BINARY)", area, (w, x, i) =>
                    {
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(i, NpgsqlDbType.Integer);
                        WriteText(w, x.Name);
                        w.Write(x.Geometry, NpgsqlDbType.Geometry);
                    }, x => x.Name);
                    reports.Add(new LayerReport("inducement_area", area.Count, "all"));
                    touched.Add("inducement_area");
                }

                if (batch.Households is { } households)
                {
                    reports.Add(HouseholdCopy.Import(conn, batch, city, households));
                    touched.Add("households");
                }

                if (batch.TownBlocks is { } blocks)
                {
                    var years = (batch.TownBlockYears ?? blocks.Select(b => b.Year).Distinct().ToList()).Order().ToArray();
                    Replace(conn, "town_blocks", city, years);
                    var ordByYear = new Dictionary<int, int>();
                    Copy(conn, batch, "town_blocks", "COPY town_blocks (city_code, year, ord, code, name, persons, persons_0_14, persons_65plus, geom) FROM STDIN (FORMAT BINARY)", blocks, (w, b, i) =>
                    {
                        ordByYear.TryGetValue(b.Year, out var ord);
                        ordByYear[b.Year] = ord + 1;
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(b.Year, NpgsqlDbType.Integer);
                        w.Write(ord, NpgsqlDbType.Integer);
                        w.Write(b.Code, NpgsqlDbType.Text);
                        w.Write(b.Name, NpgsqlDbType.Text);
                        w.Write(b.Persons, NpgsqlDbType.Integer);
                        WriteInt(w, b.Persons0To14);
                        WriteInt(w, b.Persons65Plus);
                        w.Write(b.Geometry, NpgsqlDbType.Geometry);
                    }, b => b.Code);
                    reports.Add(new LayerReport("town_blocks", blocks.Count, "years " + string.Join(", ", years)));
                    touched.Add("town_blocks");
                }

                if (batch.Buildings is { } buildings)
                {
                    Replace(conn, "buildings", city, null);
                    Copy(conn, batch, "buildings", "COPY buildings (city_code, ord, id, floors, use, geom) FROM STDIN (FORMAT BINARY)", buildings, (w, b, i) =>
                    {
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(i, NpgsqlDbType.Integer);
                        w.Write(b.Id, NpgsqlDbType.Text);
                        w.Write(b.Floors, NpgsqlDbType.Integer);
                        w.Write(b.Use, NpgsqlDbType.Text);
                        w.Write(b.Geometry, NpgsqlDbType.Geometry);
                    }, b => b.Id);
                    reports.Add(new LayerReport("buildings", buildings.Count, "all"));
                    touched.Add("buildings");
                }

                if (batch.Zones is { } zones)
                {
                    Replace(conn, "zones", city, null);
                    Copy(conn, batch, "zones", "COPY zones (city_code, ord, id, name, kind, geom) FROM STDIN (FORMAT BINARY)", zones, (w, z, i) =>
                    {
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(i, NpgsqlDbType.Integer);
                        w.Write(z.Id, NpgsqlDbType.Text);
                        w.Write(z.Name, NpgsqlDbType.Text);
                        w.Write(z.Kind, NpgsqlDbType.Text);
                        w.Write(z.Geometry, NpgsqlDbType.Geometry);
                    }, z => z.Id);
                    reports.Add(new LayerReport("zones", zones.Count, "all"));
                    touched.Add("zones");
                }

                if (batch.Hubs is { } hubs)
                {
                    Replace(conn, "hubs", city, null);
                    Copy(conn, batch, "hubs", "COPY hubs (city_code, ord, id, name, kind, geom) FROM STDIN (FORMAT BINARY)", hubs, (w, h, i) =>
                    {
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(i, NpgsqlDbType.Integer);
                        w.Write(h.Id, NpgsqlDbType.Text);
                        w.Write(h.Name, NpgsqlDbType.Text);
                        w.Write(Kinds.Name(h.Kind), NpgsqlDbType.Text);
                        w.Write((Geometry)h.Location, NpgsqlDbType.Geometry);
                    }, h => h.Id);
                    reports.Add(new LayerReport("hubs", hubs.Count, "all"));
                    touched.Add("hubs");
                }

                if (batch.VacantHouses is { } vacant)
                {
                    Replace(conn, "vacant_houses", city, null);
                    Copy(conn, batch, "vacant_houses", """
                        COPY vacant_houses (city_code, ord, id, vacancy_likelihood, decay_rank, built_year, structure, floor_area_m2,
                                            land_area_m2, frontage_road_width_m, survey_date, status, geom) FROM STDIN (FORMAT BINARY)
                        """, vacant, (w, v, i) =>
                    {
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(i, NpgsqlDbType.Integer);
                        w.Write(v.Id, NpgsqlDbType.Text);
                        WriteText(w, v.VacancyLikelihood);
                        WriteText(w, v.DecayRank);
                        WriteInt(w, v.BuiltYear);
                        WriteText(w, v.Structure);
                        WriteDouble(w, v.FloorAreaSquareMeters);
                        WriteDouble(w, v.LandAreaSquareMeters);
                        WriteDouble(w, v.FrontageRoadWidthMeters);
                        WriteText(w, v.SurveyDate);
                        WriteText(w, v.Status);
                        w.Write(v.Geometry, NpgsqlDbType.Geometry);
                    }, v => v.Id);
                    var owners = vacant.Where(v => v.OwnerName is not null || v.OwnerContact is not null).ToList();
                    Copy(conn, batch, "vacant_houses", "COPY vacant_house_owners (city_code, id, owner_name, owner_contact) FROM STDIN (FORMAT BINARY)", owners, (w, v, i) =>
                    {
                        w.Write(city, NpgsqlDbType.Text);
                        w.Write(v.Id, NpgsqlDbType.Text);
                        WriteText(w, v.OwnerName);
                        WriteText(w, v.OwnerContact);
                    }, v => v.Id);
                    reports.Add(new LayerReport("vacant_houses", vacant.Count, "all"));
                    touched.Add("vacant_houses");
                    touched.Add("vacant_house_owners");
                }

                if (batch.GtfsFeeds is { } feeds)
                {
                    var rows = GtfsImport.Replace(conn, city, feeds);
                    reports.Add(new LayerReport("gtfs", rows, $"all feeds ({string.Join(", ", feeds.Select(f => f.Name))})"));
                    touched.AddRange(["gtfs_feeds", "gtfs_stops", "gtfs_routes", "gtfs_trips", "gtfs_stop_times", "gtfs_calendar", "gtfs_calendar_dates"]);
                }

                if (batch.Metadata is { } metadata)
                {
                    using var cmd = new NpgsqlCommand("INSERT INTO store_metadata (city_code, document) VALUES ($1, $2::jsonb) ON CONFLICT (city_code) DO UPDATE SET document = EXCLUDED.document", conn);
                    cmd.Parameters.Add(new NpgsqlParameter { Value = city });
                    cmd.Parameters.Add(new NpgsqlParameter { Value = System.Text.Encoding.UTF8.GetString(IO.FileStore.StoreMetadataFile.ToBytes(metadata)), NpgsqlDbType = NpgsqlDbType.Text });
                    cmd.ExecuteNonQuery();
                    reports.Add(new LayerReport("store_metadata", 1, "all"));
                }

                foreach (var table in touched)
                {
                    // Statistics now, so that the first analysis after an import gets a good plan.
                    Execute(conn, "ANALYZE " + table);
                }

                tx.Commit();
            }
            catch
            {
                try
                {
                    tx.Rollback();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // The connection broke: the server rolls the transaction back itself.
                }

                throw;
            }

            return new Report(city, batch.Source, reports, watch.Elapsed);
        }, "import into");
    }

    /// <summary>Deletes the city's rows of a layer (only the given years, when not null).</summary>
    internal static void Replace(NpgsqlConnection conn, string table, string city, int[]? years)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = years is null
            ? $"DELETE FROM {Identifiers.Layer(table)} WHERE city_code = $1"
            : $"DELETE FROM {Identifiers.Layer(table)} WHERE city_code = $1 AND year = ANY($2)";
        cmd.Parameters.Add(new NpgsqlParameter { Value = city });
        if (years is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = years });
        }

        cmd.ExecuteNonQuery();
    }

    internal static void Execute(NpgsqlConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Binary COPY of <paramref name="rows"/>; a rejected row becomes a DataException naming the file and feature.</summary>
    internal static void Copy<T>(NpgsqlConnection conn, ImportBatch batch, string layer, string copySql, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T, int> write, Func<T, string?> idOf)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            using var importer = conn.BeginBinaryImport(copySql);
            for (var i = 0; i < rows.Count; i++)
            {
                importer.StartRow();
                write(importer, rows[i], i);
            }

            importer.Complete();
        }
        catch (PostgresException e)
        {
            throw Rejected(e, batch.FileOf(layer), layer, i => i >= 0 && i < rows.Count ? idOf(rows[i]) : null);
        }
    }

    internal static DataException Rejected(PostgresException e, string file, string layer, Func<int, string?> idOf)
    {
        // COPY reports the failing row as "COPY table, line N" (1-based): row N - 1 of the layer.
        var match = CopyLine().Match(e.Where ?? "");
        int? index = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1 : null;
        var detail = string.IsNullOrEmpty(e.Detail) ? "" : $" ({e.Detail})";
        var message = $"the database rejected a {layer} row: {e.MessageText}{detail}{(e.ConstraintName is { } c ? $" [constraint {c}]" : "")}; nothing was imported";
        return new DataException(new DataProblem("db.rejected", file, message, index, index is { } i ? idOf(i) : null));
    }

    internal static void WriteText(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    internal static void WriteInt(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void WriteDouble(NpgsqlBinaryImporter w, double? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            w.WriteNull();
        }
    }

    internal static Point LonLatPoint(double lon, double lat) => LonLat.CreatePoint(new Coordinate(lon, lat));

    [GeneratedRegex(@"line (\d+)")]
    private static partial Regex CopyLine();
}
