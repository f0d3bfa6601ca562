using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.PostGis.Tests.Import;

/// <summary>
/// The bulk path of the households import (indexes dropped before the COPY and rebuilt in the
/// transaction) keeps the import's promises: a year is replaced, nothing duplicated, and a failure
/// leaves rows and indexes as they were.
/// </summary>
public sealed class BulkHouseholdImportTests
{
    private const int Bulk = PostGisImporter.BulkIndexRebuildThreshold;

    [PostGisFact]
    public void A_bulk_reimport_of_a_year_replaces_its_rows_and_rebuilds_both_indexes()
    {
        using var t = TestDatabase.Create();
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Households(Bulk, persons: 2, 2020) });
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Households(10, persons: 1, 2021) });
        var report = PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Households(Bulk, persons: 3, 2020) });

        // 200,000 households × 3 persons replace 200,000 × 2; the 10 of 2021 stay.
        Assert.Equal((long)Bulk, t.Scalar("SELECT count(*) FROM households WHERE year = 2020"));
        Assert.Equal(3L * Bulk, t.Scalar("SELECT sum(persons) FROM households WHERE year = 2020"));
        Assert.Equal(10L, t.Scalar("SELECT count(*) FROM households WHERE year = 2021"));
        Assert.Equal(Bulk - 1, t.Scalar("SELECT max(ord) FROM households WHERE year = 2020"));
        Assert.True(Assert.Single(report.Layers).IndexBuild > TimeSpan.Zero);
        AssertIndexesValid(t);
    }

    [PostGisFact]
    public void A_failure_after_a_bulk_load_leaves_rows_and_indexes_as_they_were()
    {
        using var t = TestDatabase.Create();
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Households(Bulk, persons: 2, 2020) });

        // The households are written (indexes dropped and rebuilt), then a town block with year
        // 3500 fails the table's CHECK: the whole import, index drops included, rolls back.
        var f = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
        var block = f.CreatePolygon([new(130.70, 32.80), new(130.71, 32.80), new(130.71, 32.81), new(130.70, 32.80)]);
        var e = Assert.Throws<DataException>(() => PostGisImporter.Import(t.Db, "43100", new ImportBatch
        {
            Source = "x",
            Households = Households(Bulk, persons: 5, 2020),
            TownBlocks = [new TownBlock("b1", "b1", block, 10, 3500)],
        }));
        Assert.Equal("db.rejected", Assert.Single(e.Problems).Code);
        Assert.Equal(2L * Bulk, t.Scalar("SELECT sum(persons) FROM households"));
        AssertIndexesValid(t);
    }

    private static List<Household> Households(int n, int persons, int year)
    {
        var rng = new Random(year);
        return Enumerable.Range(0, n).Select(_ => new Household(130.6 + rng.NextDouble() * 0.2, 32.7 + rng.NextDouble() * 0.2, persons, year)).ToList();
    }

    private static void AssertIndexesValid(TestDatabase t)
    {
        Assert.Equal(2L, t.Scalar("""
            SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'households'::regclass AND i.indisvalid
              AND (c.relname = 'households_geom_gist' OR (c.relname = 'households_pkey' AND i.indisprimary))
            """));
        // A small box is answered through the GiST index (1/16 of the extent) and finds what a scan finds.
        Assert.Equal(t.Scalar("SELECT count(*) FROM households WHERE ST_X(geom) BETWEEN 130.65 AND 130.7 AND ST_Y(geom) BETWEEN 32.75 AND 32.8"),
            t.Scalar("SELECT count(*) FROM households WHERE ST_Covers(ST_MakeEnvelope(130.65, 32.75, 130.7, 32.8, 4326), geom)"));
    }
}
