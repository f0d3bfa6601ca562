using Sousei.Geo.PostGis.Schema;

namespace Sousei.Geo.PostGis.Tests.Schema;

public sealed class MigratorTests
{
    [PostGisFact]
    public void Migrating_twice_applies_once_records_the_version_and_changes_nothing()
    {
        using var t = TestDatabase.Create(migrate: false);
        Assert.Equal(0, Migrator.CurrentVersion(t.Db));

        var first = Migrator.Migrate(t.Db);
        Assert.Equal(0, first.VersionBefore);
        Assert.Equal(Migrator.LatestVersion, first.VersionAfter);
        Assert.Equal(Migrator.All.Count, first.Applied.Count);
        var before = t.Snapshot();
        var tables = t.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = $1", t.Schema);

        var second = Migrator.Migrate(t.Db);
        Assert.Empty(second.Applied);
        Assert.Equal(Migrator.LatestVersion, second.VersionAfter);
        Assert.Equal(before, t.Snapshot());
        Assert.Equal(tables, t.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = $1", t.Schema));
        Assert.Equal((long)Migrator.All.Count, t.Scalar("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(Migrator.All[0].Checksum, t.Scalar("SELECT checksum FROM schema_migrations WHERE version = 1"));
    }

    [PostGisFact]
    public void Every_layer_table_has_city_code_first_in_its_primary_key_and_a_gist_index()
    {
        using var t = TestDatabase.Create();
        foreach (var layer in Identifiers.Layers)
        {
            var firstKeyColumn = t.Scalar("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = to_regclass($1) AND i.indisprimary
                """, layer);
            Assert.Equal("city_code", firstKeyColumn);
            // Only plain catalog joins keyed on this table's oid: views such as pg_indexes and geometry_columns call
            // pg_get_indexdef and friends on every relation of the database before filtering, and fail with "cache
            // lookup failed" when tests in other schemas drop their tables at the same moment.
            var gist = t.Scalar("""
                SELECT count(*) FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_am am ON am.oid = ic.relam
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = to_regclass($1) AND am.amname = 'gist' AND a.attname = 'geom' AND i.indnatts = 1
                """, layer);
            Assert.Equal(1L, gist);
            Assert.Equal(4326, t.Scalar("SELECT postgis_typmod_srid(a.atttypmod) FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attname = 'geom'", layer));
        }
    }

    [PostGisFact]
    public void Analyses_refuse_a_database_that_was_never_migrated()
    {
        using var t = TestDatabase.Create(migrate: false);
        var e = Assert.Throws<PostGisException>(() => Load.PostGisCityLoader.Load(t.Db, "43100"));
        Assert.Contains("sousei db migrate", e.Message, StringComparison.Ordinal);
    }
}
