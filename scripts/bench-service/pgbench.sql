\timing off
alter table svcbench_town_blocks add column if not exists g3857 geometry; update svcbench_town_blocks set g3857 = st_transform(geom, 3857);
alter table svcbench_vacant_houses add column if not exists g3857 geometry; update svcbench_vacant_houses set g3857 = st_transform(geom, 3857);
alter table svcbench_buildings add column if not exists g3857 geometry; update svcbench_buildings set g3857 = st_transform(geom, 3857);
create index if not exists svcbench_tb_g on svcbench_town_blocks using gist (g3857);
create index if not exists svcbench_vh_g on svcbench_vacant_houses using gist (g3857);
create index if not exists svcbench_b_g on svcbench_buildings using gist (g3857);
analyze;
drop table if exists svcbench_tiles; create table svcbench_tiles (layer text, z int, x int, y int);
\copy svcbench_tiles from 'pgtiles.csv' csv
create or replace function svcbench_tile(layer text, z int, x int, y int) returns bytea language plpgsql as $$
declare b bytea; env geometry := st_tileenvelope(z, x, y);
begin
  if layer = 'town_blocks' then
    select st_asmvt(t, 'town_blocks') into b from (select code, name, year, persons, st_asmvtgeom(g3857, env) as geom from svcbench_town_blocks
      where year = (select max(year) from svcbench_town_blocks) and g3857 && env) t;
  elsif layer = 'vacant_houses' then
    select st_asmvt(t, 'vacant_houses') into b from (select id, decay_rank, vacancy_likelihood, status, st_asmvtgeom(g3857, env) as geom from svcbench_vacant_houses where g3857 && env) t;
  else
    select st_asmvt(t, 'buildings') into b from (select ogc_fid as id, floors, use, st_asmvtgeom(g3857, env) as geom from svcbench_buildings where g3857 && env) t;
  end if;
  return b;
end $$;
create temp table timings as select layer, z, x, y, 0.0::float8 as ms, 0 as bytes from svcbench_tiles limit 0;
do $$ declare r record; t0 timestamptz; b bytea; begin
  for r in select * from svcbench_tiles loop
    t0 := clock_timestamp(); b := svcbench_tile(r.layer, r.z, r.x, r.y);
    insert into timings values (r.layer, r.z, r.x, r.y, extract(epoch from clock_timestamp() - t0) * 1000, coalesce(length(b), 0));
  end loop; end $$;
do $$ declare r record; t0 timestamptz; b bytea; begin
  delete from timings;
  for r in select * from svcbench_tiles loop
    t0 := clock_timestamp(); b := svcbench_tile(r.layer, r.z, r.x, r.y);
    insert into timings values (r.layer, r.z, r.x, r.y, extract(epoch from clock_timestamp() - t0) * 1000, coalesce(length(b), 0));
  end loop; end $$;
select count(*) n, round(percentile_cont(0.5) within group (order by ms)::numeric, 2) p50_ms, round(percentile_cont(0.99) within group (order by ms)::numeric, 2) p99_ms, round(max(ms)::numeric,1) max_ms from timings;
select layer, count(*) n, round(percentile_cont(0.5) within group (order by ms)::numeric, 2) p50_ms, round(percentile_cont(0.99) within group (order by ms)::numeric, 2) p99_ms from timings group by layer order by layer;
