using System.Buffers.Binary;
using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// The households layer of an import: the largest by far (a city has hundreds of thousands of
/// households, the nation 55 million), so it gets its own path. Runs inside the caller's
/// transaction; a failure anywhere rolls back the dropped indexes with everything else.
/// </summary>
internal static class HouseholdCopy
{
    /// <summary>Replaces the city's households of the years in the batch and writes <paramref name="households"/>.</summary>
    public static PostGisImporter.LayerReport Import(NpgsqlConnection conn, ImportBatch batch, string city, IReadOnlyList<Household> households)
    {
        var watch = Stopwatch.StartNew();
        var years = (batch.HouseholdYears ?? households.Select(h => h.Year).Distinct().ToList()).Order().ToArray();

        // The table's CHECKs, tested here so that a message names the row of the file (rows reach
        // COPY in another order).
        for (var i = 0; i < households.Count; i++)
        {
            var h = households[i];
            if (h.Year is < 1800 or > 3000 || h.Persons < 0)
            {
                throw new DataException(new DataProblem("db.rejected", batch.FileOf("households"),
                    $"year {h.Year} / persons {h.Persons} is outside the table's range (year 1800–3000, persons ≥ 0); nothing was imported", i));
            }
        }

        var rebuild = households.Count >= PostGisImporter.BulkIndexRebuildThreshold && households.Count * 4L >= EstimatedRows(conn);
        PostGisImporter.Replace(conn, "households", city, years);
        if (rebuild)
        {
            // Measured on 1 M rows (PostgreSQL 15, PostGIS 3.3): COPY into the primary key costs
            // 2.9 s more than COPY into the bare heap, building the key afterwards 1.1 s; GiST
            // insertion per row 17 s, the sorted GiST build 2–3.5 s.
            PostGisImporter.Execute(conn, "SET LOCAL maintenance_work_mem = '512MB'");
            PostGisImporter.Execute(conn, "DROP INDEX households_geom_gist");
            PostGisImporter.Execute(conn, "ALTER TABLE households DROP CONSTRAINT households_pkey");
        }

        // A household has no identity and no order that matters, so rows go in spatial (Morton)
        // order: the heap is clustered for the density queries, and ord stays sequential per year
        // for the primary key (the rows are sorted by year first).
        var sorted = SpatialOrder(households);
        var ewkb = new byte[25];
        var ord = 0;
        var lastYear = int.MinValue;
        PostGisImporter.Copy(conn, batch, "households", "COPY households (city_code, year, ord, persons, persons_0_14, persons_65plus, geom) FROM STDIN (FORMAT BINARY)", sorted, (w, h, i) =>
        {
            ord = h.Year == lastYear ? ord + 1 : 0;
            lastYear = h.Year;
            w.Write(city, NpgsqlDbType.Text);
            w.Write(h.Year, NpgsqlDbType.Integer);
            w.Write(ord, NpgsqlDbType.Integer);
            w.Write(h.Persons, NpgsqlDbType.Integer);
            PostGisImporter.WriteInt(w, h.Persons0To14);
            PostGisImporter.WriteInt(w, h.Persons65Plus);
            // EWKB written directly: the geometry column's binary input reads it, and no NTS Point
            // is allocated per household.
            PointEwkb(ewkb, h.Longitude, h.Latitude);
            w.Write(ewkb, NpgsqlDbType.Bytea);
        }, _ => null);
        var written = watch.Elapsed;

        if (rebuild)
        {
            PostGisImporter.Execute(conn, "ALTER TABLE households ADD CONSTRAINT households_pkey PRIMARY KEY (city_code, year, ord)");
            PostGisImporter.Execute(conn, "CREATE INDEX households_geom_gist ON households USING gist (geom)");
        }

        return new PostGisImporter.LayerReport("households", households.Count, "years " + string.Join(", ", years), written, watch.Elapsed - written);
    }

    /// <summary>The planner's row estimate of the households table (0 when never analysed).</summary>
    private static long EstimatedRows(NpgsqlConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'households'::regclass";
        return cmd.ExecuteScalar() is long n ? n : 0;
    }

    /// <summary>The households sorted by year, then by the Morton (Z-order) code of their position in the layer's extent.</summary>
    private static IReadOnlyList<Household> SpatialOrder(IReadOnlyList<Household> households)
    {
        if (households.Count < 2)
        {
            return households;
        }

        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var h in households)
        {
            minX = Math.Min(minX, h.Longitude);
            maxX = Math.Max(maxX, h.Longitude);
            minY = Math.Min(minY, h.Latitude);
            maxY = Math.Max(maxY, h.Latitude);
        }

        var sx = maxX > minX ? 65535 / (maxX - minX) : 0;
        var sy = maxY > minY ? 65535 / (maxY - minY) : 0;
        var keys = new ulong[households.Count];
        var order = new int[households.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var h = households[i];
            var morton = Spread((uint)((h.Longitude - minX) * sx)) | (Spread((uint)((h.Latitude - minY) * sy)) << 1);
            keys[i] = ((ulong)(uint)h.Year << 32) | morton;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var sorted = new Household[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = households[order[i]];
        }

        return sorted;

        static ulong Spread(uint v)
        {
            ulong x = v & 0xFFFF;
            x = (x | (x << 8)) & 0x00FF00FF;
            x = (x | (x << 4)) & 0x0F0F0F0F;
            x = (x | (x << 2)) & 0x33333333;
            x = (x | (x << 1)) & 0x55555555;
            return x;
        }
    }

    /// <summary>EWKB of a little-endian 2D point with SRID 4326 (25 bytes).</summary>
    private static void PointEwkb(byte[] buffer, double x, double y)
    {
        buffer[0] = 1; // little endian, whatever the machine
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(1), 0x20000001u); // Point with SRID flag
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(5), 4326);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(9), x);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(17), y);
    }
}
