using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Service.Tiles;

namespace Sousei.Geo.Bench;

/// <summary>
/// Cold vector tiles (issue 12): every tile of the service's tile set over the demo store's extent (town_blocks z10–14,
/// vacant_houses z10–15, buildings z14–15, as scripts/bench-service/make-tiles.py lists them) rendered once each by a
/// fresh <see cref="TileService"/> (its first render, no cache), in process; p50, p99 and max per layer and overall.
/// </summary>
internal static class TileBench
{
    public static IReadOnlyList<(string Layer, int Z, int X, int Y)> TileSet(City city)
    {
        var e = city.Extent;
        var tiles = new List<(string, int, int, int)>();
        foreach (var (layer, from, to) in new[] { ("town_blocks", 10, 14), ("vacant_houses", 10, 15), ("buildings", 14, 15) })
        {
            for (var z = from; z <= to; z++)
            {
                var (x0, y0) = TileOf(e.MinX, e.MaxY, z);
                var (x1, y1) = TileOf(e.MaxX, e.MinY, z);
                for (var x = x0; x <= x1; x++)
                {
                    for (var y = y0; y <= y1; y++)
                    {
                        tiles.Add((layer, z, x, y));
                    }
                }
            }
        }

        return tiles;
    }

    public static (double P50, double P99, double Max, int Tiles, Dictionary<string, double> LayerP99) Measure(string store)
    {
        var city = City.Open(new FileStoreSource(store, PlaneProjection.Kumamoto));
        var service = new TileService(city);
        service.WarmUp();
        var tiles = TileSet(city);
        var times = new List<(string Layer, double Ms)>();
        foreach (var (layer, z, x, y) in tiles)
        {
            var clock = Stopwatch.StartNew();
            service.Render(layer, z, x, y);
            times.Add((layer, clock.Elapsed.TotalMilliseconds));
        }

        var all = times.Select(t => t.Ms).Order().ToList();
        var perLayer = times.GroupBy(t => t.Layer).ToDictionary(g => g.Key, g => Percentile(g.Select(t => t.Ms).Order().ToList(), 0.99));
        return (Percentile(all, 0.5), Percentile(all, 0.99), all[^1], all.Count, perLayer);
    }

    public static int Run(string repoRoot) => Rows(repoRoot, out _);

    /// <summary>Our cold renders and, with <c>SOUSEI_BENCH_DB</c>, PostGIS's ST_AsMVT over the same tiles; a summary row.</summary>
    public static int Rows(string repoRoot, out BenchRow row)
    {
        var store = Path.Combine(repoRoot, "geodata", "kumamoto");
        var (p50, p99, max, count, layers) = Measure(store);
        var ours = string.Create(CultureInfo.InvariantCulture, $"p50 {p50:F2} ms, **p99 {p99:F2} ms**, max {max:F0} ms (first tile: JIT); p99 {string.Join(", ", layers.OrderBy(l => l.Key).Select(l => $"{l.Key} {l.Value:F1} ms"))}");
        Console.WriteLine($"cold tiles, {count} tiles, first render each: {ours}");
        var peer = "PostGIS not measured (set SOUSEI_BENCH_DB)";
        var conn = Environment.GetEnvironmentVariable("SOUSEI_BENCH_DB");
        if (!string.IsNullOrEmpty(conn))
        {
            peer = PostGis(conn, store);
            Console.WriteLine($"peer: {peer}");
        }

        row = new BenchRow("5, 12", "cold vector tiles, first render of each tile (in process)", $"{count:N0} tiles of the demo store (town_blocks z10–14, vacant_houses z10–15, buildings z14–15)", ours, "p99 ≤ PostGIS `ST_AsMVT`", peer);
        return 0;
    }

    /// <summary>
    /// The same tiles from PostGIS: the three layers copied into tables with a Web Mercator column and a GiST index, then
    /// <c>ST_AsMVT(ST_AsMVTGeom(…))</c> per tile timed in the server (clock_timestamp in a plpgsql loop), second pass.
    /// </summary>
    private static string PostGis(string conn, string store)
    {
        var city = City.Open(new FileStoreSource(store, PlaneProjection.Kumamoto));
        var builder = new NpgsqlDataSourceBuilder(conn);
        builder.UseNetTopologySuite();
        using var source = builder.Build();
        using var db = source.OpenConnection();
        void Exec(string sql)
        {
            using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 1200 };
            cmd.ExecuteNonQuery();
        }

        Exec("""
            drop table if exists tb_buildings, tb_blocks, tb_vacant, tb_tiles;
            create table tb_buildings (id text, floors int, use text, geom geometry(Geometry, 4326));
            create table tb_blocks (code text, name text, year int, persons int, geom geometry(Geometry, 4326));
            create table tb_vacant (id text, decay_rank text, vacancy_likelihood text, status text, geom geometry(Geometry, 4326));
            create table tb_tiles (layer text, z int, x int, y int);
            """);
        using (var w = db.BeginBinaryImport("copy tb_buildings from stdin (format binary)"))
        {
            foreach (var b in city.Dataset.Buildings)
            {
                w.StartRow();
                w.Write(b.Id, NpgsqlDbType.Text);
                w.Write(b.Floors, NpgsqlDbType.Integer);
                w.Write(b.Use, NpgsqlDbType.Text);
                w.Write(b.Geometry, NpgsqlDbType.Geometry);
            }

            w.Complete();
        }

        using (var w = db.BeginBinaryImport("copy tb_blocks from stdin (format binary)"))
        {
            foreach (var b in city.Dataset.TownBlocks.Where(b => b.Year == city.LatestBlockYear))
            {
                w.StartRow();
                w.Write(b.Code, NpgsqlDbType.Text);
                w.Write(b.Name, NpgsqlDbType.Text);
                w.Write(b.Year, NpgsqlDbType.Integer);
                w.Write(b.Persons, NpgsqlDbType.Integer);
                w.Write(b.Geometry, NpgsqlDbType.Geometry);
            }

            w.Complete();
        }

        using (var w = db.BeginBinaryImport("copy tb_vacant from stdin (format binary)"))
        {
            foreach (var v in city.Dataset.VacantHouses)
            {
                w.StartRow();
                w.Write(v.Id, NpgsqlDbType.Text);
                w.Write(v.DecayRank ?? "", NpgsqlDbType.Text);
                w.Write(v.VacancyLikelihood ?? "", NpgsqlDbType.Text);
                w.Write(v.Status ?? "", NpgsqlDbType.Text);
                w.Write(v.Geometry, NpgsqlDbType.Geometry);
            }

            w.Complete();
        }

        using (var w = db.BeginBinaryImport("copy tb_tiles from stdin (format binary)"))
        {
            foreach (var (layer, z, x, y) in TileSet(city))
            {
                w.StartRow();
                w.Write(layer, NpgsqlDbType.Text);
                w.Write(z, NpgsqlDbType.Integer);
                w.Write(x, NpgsqlDbType.Integer);
                w.Write(y, NpgsqlDbType.Integer);
            }

            w.Complete();
        }

        Exec("""
            alter table tb_buildings add column g3857 geometry; update tb_buildings set g3857 = st_transform(geom, 3857);
            alter table tb_blocks add column g3857 geometry; update tb_blocks set g3857 = st_transform(geom, 3857);
            alter table tb_vacant add column g3857 geometry; update tb_vacant set g3857 = st_transform(geom, 3857);
            create index on tb_buildings using gist (g3857); create index on tb_blocks using gist (g3857); create index on tb_vacant using gist (g3857);
            analyze tb_buildings; analyze tb_blocks; analyze tb_vacant;
            create or replace function tb_tile(layer text, z int, x int, y int) returns bytea language plpgsql as $$
            declare b bytea; env geometry := st_tileenvelope(z, x, y);
            begin
              if layer = 'town_blocks' then
                select st_asmvt(t, 'town_blocks') into b from (select code, name, year, persons, st_asmvtgeom(g3857, env) as geom from tb_blocks where g3857 && env) t;
              elsif layer = 'vacant_houses' then
                select st_asmvt(t, 'vacant_houses') into b from (select id, decay_rank, vacancy_likelihood, status, st_asmvtgeom(g3857, env) as geom from tb_vacant where g3857 && env) t;
              else
                select st_asmvt(t, 'buildings') into b from (select id, floors, use, st_asmvtgeom(g3857, env) as geom from tb_buildings where g3857 && env) t;
              end if;
              return b;
            end $$;
            drop table if exists tb_timings; create table tb_timings (layer text, ms float8);
            do $$ declare r record; t0 timestamptz; b bytea; begin
              for pass in 1..2 loop
                delete from tb_timings;
                for r in select * from tb_tiles loop
                  t0 := clock_timestamp(); b := tb_tile(r.layer, r.z, r.x, r.y);
                  insert into tb_timings values (r.layer, extract(epoch from clock_timestamp() - t0) * 1000);
                end loop;
              end loop; end $$;
            """);
        using var q = new NpgsqlCommand("""
            select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms),
              (select string_agg(layer || ' ' || to_char(p, 'FM990.0') || ' ms', ', ' order by layer) from
                (select layer, percentile_cont(0.99) within group (order by ms) p from tb_timings group by layer) l)
            from tb_timings
            """, db);
        using var r = q.ExecuteReader();
        r.Read();
        var result = string.Create(CultureInfo.InvariantCulture, $"PostGIS `ST_AsMVT(ST_AsMVTGeom(…))`, server time, second pass: p50 {r.GetDouble(0):F2} ms, p99 {r.GetDouble(1):F2} ms, max {r.GetDouble(2):F0} ms; p99 {r.GetString(3)}");
        r.Close();
        Exec("drop table if exists tb_buildings, tb_blocks, tb_vacant, tb_tiles, tb_timings; drop function if exists tb_tile;");
        return result;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var r = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(r) + (1 / Math.Cos(r))) / Math.PI)) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }
}
