using Npgsql;
using NpgsqlTypes;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.PostGis.Import;

/// <summary>GTFS feeds into the gtfs_* tables: the files as shipped plus the typed core tables.</summary>
internal static class GtfsImport
{
    /// <summary>Replaces every feed of the city; returns the rows written to the typed tables.</summary>
    public static long Replace(NpgsqlConnection conn, string city, IReadOnlyList<GtfsFeedFiles> feeds)
    {
        var problems = new ProblemCollector();
        var parsed = feeds.Select(f => (Feed: f, Tables: GtfsTables.Parse(f, problems))).ToList();
        foreach (var dup in feeds.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new DataProblem("gtfs.duplicate_feed", "gtfs/" + dup.Key, $"{dup.Count()} feeds are named '{dup.Key}'"));
        }

        problems.ThrowIfAny();
        using (var cmd = conn.CreateCommand())
        {
            // The typed tables and gtfs_files cascade from gtfs_feeds.
            cmd.CommandText = "DELETE FROM gtfs_feeds WHERE city_code = $1";
            cmd.Parameters.Add(new NpgsqlParameter { Value = city });
            cmd.ExecuteNonQuery();
        }

        long rows = 0;
        foreach (var (feed, t) in parsed)
        {
            using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "INSERT INTO gtfs_feeds (city_code, feed, source) VALUES ($1, $2, $3)";
                cmd.Parameters.Add(new NpgsqlParameter { Value = city });
                cmd.Parameters.Add(new NpgsqlParameter { Value = feed.Name });
                cmd.Parameters.Add(new NpgsqlParameter { Value = Path.GetFileName(feed.Source) });
                cmd.ExecuteNonQuery();
            }

            var files = feed.Files.ToList();
            Copy(conn, feed, "(files)", "COPY gtfs_files (city_code, feed, file_name, content) FROM STDIN (FORMAT BINARY)", files, (w, f) =>
            {
                Key(w, city, feed);
                w.Write(f.Key, NpgsqlDbType.Text);
                w.Write(f.Value, NpgsqlDbType.Bytea);
            });
            rows += Copy(conn, feed, "stops.txt", "COPY gtfs_stops (city_code, feed, stop_id, stop_name, location_type, parent_station, geom) FROM STDIN (FORMAT BINARY)", t.Stops, (w, s) =>
            {
                Key(w, city, feed);
                w.Write(s.Id, NpgsqlDbType.Text);
                PostGisImporter.WriteText(w, s.Name);
                w.Write(s.LocationType, NpgsqlDbType.Integer);
                PostGisImporter.WriteText(w, s.Parent);
                if (s.Lon is { } lon && s.Lat is { } lat)
                {
                    w.Write((NetTopologySuite.Geometries.Geometry)PostGisImporter.LonLatPoint(lon, lat), NpgsqlDbType.Geometry);
                }
                else
                {
                    w.WriteNull();
                }
            });
            rows += Copy(conn, feed, "routes.txt", "COPY gtfs_routes (city_code, feed, route_id, agency_id, route_short_name, route_long_name, route_type) FROM STDIN (FORMAT BINARY)", t.Routes, (w, r) =>
            {
                Key(w, city, feed);
                w.Write(r.Id, NpgsqlDbType.Text);
                PostGisImporter.WriteText(w, r.Agency);
                PostGisImporter.WriteText(w, r.ShortName);
                PostGisImporter.WriteText(w, r.LongName);
                w.Write(r.Type, NpgsqlDbType.Integer);
            });
            rows += Copy(conn, feed, "trips.txt", "COPY gtfs_trips (city_code, feed, trip_id, route_id, service_id, direction_id, trip_headsign) FROM STDIN (FORMAT BINARY)", t.Trips, (w, r) =>
            {
                Key(w, city, feed);
                w.Write(r.Id, NpgsqlDbType.Text);
                w.Write(r.Route, NpgsqlDbType.Text);
                w.Write(r.Service, NpgsqlDbType.Text);
                PostGisImporter.WriteInt(w, r.Direction);
                PostGisImporter.WriteText(w, r.Headsign);
            });
            rows += Copy(conn, feed, "stop_times.txt", "COPY gtfs_stop_times (city_code, feed, trip_id, stop_sequence, stop_id, arrival_seconds, departure_seconds, pickup_type, drop_off_type) FROM STDIN (FORMAT BINARY)", t.StopTimes, (w, r) =>
            {
                Key(w, city, feed);
                w.Write(r.Trip, NpgsqlDbType.Text);
                w.Write(r.Sequence, NpgsqlDbType.Integer);
                w.Write(r.Stop, NpgsqlDbType.Text);
                PostGisImporter.WriteInt(w, r.Arrival);
                PostGisImporter.WriteInt(w, r.Departure);
                w.Write(r.Pickup, NpgsqlDbType.Integer);
                w.Write(r.DropOff, NpgsqlDbType.Integer);
            });
            rows += Copy(conn, feed, "calendar.txt", "COPY gtfs_calendar (city_code, feed, service_id, day_mask, start_date, end_date) FROM STDIN (FORMAT BINARY)", t.Calendar, (w, r) =>
            {
                Key(w, city, feed);
                w.Write(r.Service, NpgsqlDbType.Text);
                w.Write(r.DayMask, NpgsqlDbType.Integer);
                w.Write(r.Start, NpgsqlDbType.Date);
                w.Write(r.End, NpgsqlDbType.Date);
            });
            rows += Copy(conn, feed, "calendar_dates.txt", "COPY gtfs_calendar_dates (city_code, feed, service_id, date, exception_type) FROM STDIN (FORMAT BINARY)", t.CalendarDates, (w, r) =>
            {
                Key(w, city, feed);
                w.Write(r.Service, NpgsqlDbType.Text);
                w.Write(r.Date, NpgsqlDbType.Date);
                w.Write(r.Type, NpgsqlDbType.Integer);
            });
        }

        return rows;
    }

    private static void Key(NpgsqlBinaryImporter w, string city, GtfsFeedFiles feed)
    {
        w.Write(city, NpgsqlDbType.Text);
        w.Write(feed.Name, NpgsqlDbType.Text);
    }

    private static long Copy<T>(NpgsqlConnection conn, GtfsFeedFiles feed, string file, string sql, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        try
        {
            using var importer = conn.BeginBinaryImport(sql);
            foreach (var row in rows)
            {
                importer.StartRow();
                write(importer, row);
            }

            importer.Complete();
        }
        catch (PostgresException e)
        {
            // Data row N of the file is COPY line N (the header is line 1 of the file, not of COPY).
            var rejected = PostGisImporter.Rejected(e, $"gtfs/{feed.Name}/{file}", "GTFS " + file, _ => null);
            var p = rejected.Problems[0];
            throw new DataException(p with { Line = p.FeatureIndex is { } i ? i + 2 : null, FeatureIndex = null });
        }

        return rows.Count;
    }
}
