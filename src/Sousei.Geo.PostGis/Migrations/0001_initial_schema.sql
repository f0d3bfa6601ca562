-- Sousei.Geo schema, version 1: one table per layer of docs/data-model.md.
-- Every table carries city_code (JIS municipality code, e.g. 43100 = Kumamoto) as the first column
-- of every key, so that many cities share one database and Citus can distribute by city_code.
-- Geometries are longitude/latitude, SRID 4326, as in the file store; areas are computed in the
-- plane zone chosen per query (ST_Transform(geom, 6669..6687)), so no plane column is stored.
-- `ord` is the feature's 0-based position in the imported layer: the input order that the
-- buildings method's "first block covering the centroid" rule and the exports depend on.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE inducement_area (
    city_code text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    ord       integer NOT NULL CHECK (ord >= 0),
    name      text,
    geom      geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    PRIMARY KEY (city_code, ord)
);
CREATE INDEX inducement_area_geom_gist ON inducement_area USING gist (geom);

CREATE TABLE households (
    city_code text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    year      integer NOT NULL CHECK (year BETWEEN 1800 AND 3000),
    ord       integer NOT NULL CHECK (ord >= 0),
    persons   integer NOT NULL CHECK (persons >= 0),
    geom      geometry(Point, 4326) NOT NULL,
    PRIMARY KEY (city_code, year, ord)
);
CREATE INDEX households_geom_gist ON households USING gist (geom);

CREATE TABLE town_blocks (
    city_code text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    year      integer NOT NULL CHECK (year BETWEEN 1800 AND 3000),
    ord       integer NOT NULL CHECK (ord >= 0),
    code      text    NOT NULL,
    name      text    NOT NULL,
    persons   integer NOT NULL CHECK (persons >= 0),
    geom      geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    PRIMARY KEY (city_code, year, ord)
);
CREATE INDEX town_blocks_geom_gist ON town_blocks USING gist (geom);
CREATE INDEX town_blocks_code ON town_blocks (city_code, year, code);

CREATE TABLE buildings (
    city_code text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    ord       integer NOT NULL CHECK (ord >= 0),
    id        text    NOT NULL,
    floors    integer NOT NULL CHECK (floors >= 1),
    use       text    NOT NULL,
    geom      geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    PRIMARY KEY (city_code, ord)
);
CREATE INDEX buildings_geom_gist ON buildings USING gist (geom);

CREATE TABLE zones (
    city_code text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    ord       integer NOT NULL CHECK (ord >= 0),
    id        text    NOT NULL,
    name      text    NOT NULL,
    kind      text    NOT NULL,
    geom      geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    PRIMARY KEY (city_code, id),
    UNIQUE (city_code, ord)
);
CREATE INDEX zones_geom_gist ON zones USING gist (geom);

CREATE TABLE hubs (
    city_code text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    ord       integer NOT NULL CHECK (ord >= 0),
    id        text    NOT NULL,
    name      text    NOT NULL,
    kind      text    NOT NULL CHECK (kind IN ('central', 'regional')),
    geom      geometry(Point, 4326) NOT NULL,
    PRIMARY KEY (city_code, id),
    UNIQUE (city_code, ord)
);
CREATE INDEX hubs_geom_gist ON hubs USING gist (geom);

CREATE TABLE vacant_houses (
    city_code             text    NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    ord                   integer NOT NULL CHECK (ord >= 0),
    id                    text    NOT NULL,
    vacancy_likelihood    text    CHECK (vacancy_likelihood IN ('low', 'medium', 'high')),
    decay_rank            text    CHECK (decay_rank IN ('low', 'medium', 'high')),
    built_year            integer,
    structure             text,
    floor_area_m2         double precision,
    land_area_m2          double precision,
    frontage_road_width_m double precision,
    survey_date           text,
    status                text,
    geom                  geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON')),
    PRIMARY KEY (city_code, id),
    UNIQUE (city_code, ord)
);
CREATE INDEX vacant_houses_geom_gist ON vacant_houses USING gist (geom);

-- Personal data (owner name and contact) apart, so that a read-only role for the public service
-- can be granted vacant_houses and denied this table.
CREATE TABLE vacant_house_owners (
    city_code     text NOT NULL,
    id            text NOT NULL,
    owner_name    text,
    owner_contact text,
    PRIMARY KEY (city_code, id),
    FOREIGN KEY (city_code, id) REFERENCES vacant_houses (city_code, id) ON DELETE CASCADE
);

-- GTFS / GTFS-JP feeds, namespaced per feed. gtfs_files keeps every file of the feed as shipped
-- (so export gives the feed back byte for byte, extensions included); the typed tables hold the
-- core files for queries.
CREATE TABLE gtfs_feeds (
    city_code   text        NOT NULL CHECK (city_code ~ '^[0-9]{5,6}$'),
    feed        text        NOT NULL,
    source      text        NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (city_code, feed)
);

CREATE TABLE gtfs_files (
    city_code text  NOT NULL,
    feed      text  NOT NULL,
    file_name text  NOT NULL,
    content   bytea NOT NULL,
    PRIMARY KEY (city_code, feed, file_name),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);

CREATE TABLE gtfs_stops (
    city_code      text    NOT NULL,
    feed           text    NOT NULL,
    stop_id        text    NOT NULL,
    stop_name      text,
    location_type  integer NOT NULL DEFAULT 0,
    parent_station text,
    geom           geometry(Point, 4326),
    PRIMARY KEY (city_code, feed, stop_id),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);
CREATE INDEX gtfs_stops_geom_gist ON gtfs_stops USING gist (geom);

CREATE TABLE gtfs_routes (
    city_code        text    NOT NULL,
    feed             text    NOT NULL,
    route_id         text    NOT NULL,
    agency_id        text,
    route_short_name text,
    route_long_name  text,
    route_type       integer NOT NULL,
    PRIMARY KEY (city_code, feed, route_id),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);

CREATE TABLE gtfs_trips (
    city_code     text    NOT NULL,
    feed          text    NOT NULL,
    trip_id       text    NOT NULL,
    route_id      text    NOT NULL,
    service_id    text    NOT NULL,
    direction_id  integer,
    trip_headsign text,
    PRIMARY KEY (city_code, feed, trip_id),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);

CREATE TABLE gtfs_stop_times (
    city_code         text    NOT NULL,
    feed              text    NOT NULL,
    trip_id           text    NOT NULL,
    stop_sequence     integer NOT NULL,
    stop_id           text    NOT NULL,
    arrival_seconds   integer,
    departure_seconds integer,
    pickup_type       integer NOT NULL DEFAULT 0,
    drop_off_type     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (city_code, feed, trip_id, stop_sequence),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);
CREATE INDEX gtfs_stop_times_stop ON gtfs_stop_times (city_code, feed, stop_id);

CREATE TABLE gtfs_calendar (
    city_code  text    NOT NULL,
    feed       text    NOT NULL,
    service_id text    NOT NULL,
    day_mask   integer NOT NULL CHECK (day_mask BETWEEN 0 AND 127),
    start_date date    NOT NULL,
    end_date   date    NOT NULL,
    PRIMARY KEY (city_code, feed, service_id),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);

CREATE TABLE gtfs_calendar_dates (
    city_code      text    NOT NULL,
    feed           text    NOT NULL,
    service_id     text    NOT NULL,
    date           date    NOT NULL,
    exception_type integer NOT NULL CHECK (exception_type IN (1, 2)),
    PRIMARY KEY (city_code, feed, service_id, date),
    FOREIGN KEY (city_code, feed) REFERENCES gtfs_feeds (city_code, feed) ON DELETE CASCADE
);
