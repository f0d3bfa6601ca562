using NetTopologySuite.Algorithm;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.PostGis.Export;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.PostGis.Tests.Export;

public sealed class RoundTripTests
{
    [PostGisFact]
    public void Import_then_export_gives_the_same_layers()
    {
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(seed: 11, households: 500, buildings: 200);
        WriteGtfs(Path.Combine(dir, "gtfs", "city-bus"));
        File.WriteAllText(Path.Combine(dir, "store.json"), """{"title": "乱数の街", "synthetic": true, "population_basis": "住民基本台帳", "sources": [{"layer": "gtfs", "credit": "テスト", "year": 2024}]}""");
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, PlaneProjection.Kumamoto));
        var output = Path.Combine(Path.GetTempPath(), "sousei-pg-export-" + Guid.NewGuid().ToString("N"));
        PostGisExporter.Export(t.Db, "43100", output, includeRestricted: true);

        // store.json goes into the database and comes back out.
        var stored = Load.PostGisCityLoader.Metadata(t.Db, "43100");
        Assert.Equal("乱数の街", stored.Title);
        Assert.True(stored.Synthetic);
        Assert.Equal(PopulationBasis.ResidentRegistry, stored.PopulationBasis);
        Assert.Equal([new DataCredit("gtfs", "テスト", Year: 2024)], stored.Sources);
        Assert.Equal(stored.Sources, StoreMetadataFile.Read(output).Sources);
        Assert.True(Load.PostGisCityLoader.Metadata(t.Db, "43201").IsEmpty);

        var original = FileStoreReader.Load(dir, PlaneProjection.Kumamoto);
        var exported = FileStoreReader.Load(output, PlaneProjection.Kumamoto);
        AssertSameLayers(original.Dataset, exported.Dataset, withOwners: true);
        Assert.Equal(original.GtfsFeeds.Select(Path.GetFileName), exported.GtfsFeeds.Select(Path.GetFileName));
        foreach (var file in Directory.GetFiles(Path.Combine(dir, "gtfs", "city-bus")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(output, "gtfs", "city-bus", Path.GetFileName(file))));
        }

        // The database as a data source gives the same dataset as the file store.
        AssertSameLayers(original.Dataset, Load.PostGisCityLoader.Load(t.Db, "43100", includeRestricted: true), withOwners: true);
    }

    [PostGisFact]
    public void Export_leaves_out_owner_names_unless_asked()
    {
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(seed: 12, households: 10, buildings: 10);
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, PlaneProjection.Kumamoto));
        var output = Path.Combine(Path.GetTempPath(), "sousei-pg-export-" + Guid.NewGuid().ToString("N"));
        PostGisExporter.Export(t.Db, "43100", output);
        Assert.DoesNotContain("owner", File.ReadAllText(Path.Combine(output, "vacant_houses.geojson")), StringComparison.Ordinal);
        Assert.All(FileStoreReader.Load(output, PlaneProjection.Kumamoto).Dataset.VacantHouses, v => Assert.Null(v.OwnerName));
    }

    [PostGisFact]
    public void Export_turns_a_clockwise_ring_by_the_right_hand_rule_and_keeps_every_ordinate_as_stored()
    {
        // The ring (130.70000000001, 32.8) → up → right → down is clockwise and has ordinates beyond
        // the 7 decimals of the API: the export writes the same vertices in reverse order, exactly.
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(seed: 13, households: 10, buildings: 10);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var clockwise = factory.CreatePolygon([new(130.70000000001, 32.8), new(130.7, 32.81234567891), new(130.71, 32.81), new(130.71, 32.8), new(130.70000000001, 32.8)]);
        Assert.False(Orientation.IsCCW(clockwise.ExteriorRing.CoordinateSequence));
        RandomCity.Save(dir, "zones", [new Feature(clockwise, new AttributesTable { { "id", "cw" }, { "name", "時計回り" }, { "kind", "ward" } })]);
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, PlaneProjection.Kumamoto));
        var output = Path.Combine(Path.GetTempPath(), "sousei-pg-export-" + Guid.NewGuid().ToString("N"));
        PostGisExporter.Export(t.Db, "43100", output);

        var zone = Assert.Single(FileStoreReader.Load(output, PlaneProjection.Kumamoto).Dataset.Zones);
        var ring = ((Polygon)zone.Geometry).ExteriorRing;
        Assert.True(Orientation.IsCCW(ring.CoordinateSequence));
        Assert.Equal(Enumerable.Reverse(clockwise.ExteriorRing.Coordinates), ring.Coordinates);
    }

    internal static void AssertSameLayers(CityDataset a, CityDataset b, bool withOwners)
    {
        Assert.True(a.InducementArea.EqualsExact(b.InducementArea), "inducement area differs");
        Assert.Equal(a.Households.OrderBy(h => (h.Year, h.Longitude, h.Latitude)), b.Households.OrderBy(h => (h.Year, h.Longitude, h.Latitude)));
        Assert.Equal(Keys(a.TownBlocks), Keys(b.TownBlocks));
        Assert.Equal(a.Buildings.Select(x => (x.Id, x.Floors, x.Use, x.Geometry.AsText())), b.Buildings.Select(x => (x.Id, x.Floors, x.Use, x.Geometry.AsText())));
        Assert.Equal(a.Zones.Select(x => (x.Id, x.Name, x.Kind, x.Geometry.AsText())), b.Zones.Select(x => (x.Id, x.Name, x.Kind, x.Geometry.AsText())));
        Assert.Equal(a.Hubs.Select(x => (x.Id, x.Name, x.Kind, x.Location.AsText())), b.Hubs.Select(x => (x.Id, x.Name, x.Kind, x.Location.AsText())));
        Assert.Equal(a.VacantHouses.Select(v => v with { Geometry = v.Geometry.Centroid, OwnerName = withOwners ? v.OwnerName : null, OwnerContact = withOwners ? v.OwnerContact : null }).Select(v => v.ToString()),
            b.VacantHouses.Select(v => v with { Geometry = v.Geometry.Centroid }).Select(v => v.ToString()));
        Assert.Equal(a.VacantHouses.Select(v => v.Geometry.AsText()), b.VacantHouses.Select(v => v.Geometry.AsText()));
    }

    private static List<(int, string, string, int, string)> Keys(IEnumerable<TownBlock> blocks) =>
        blocks.OrderBy(x => x.Year).Select(x => (x.Year, x.Code, x.Name, x.Persons, x.Geometry.AsText())).ToList();

    internal static void WriteGtfs(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "agency.txt"), "agency_id,agency_name,agency_url,agency_timezone\nkc,熊本市交通局,https://example.jp,Asia/Tokyo\n");
        File.WriteAllText(Path.Combine(folder, "stops.txt"), "stop_id,stop_name,stop_lat,stop_lon\ns1,熊本駅前,32.790,130.690\ns2,\"通町筋, 北\",32.803,130.708\n");
        File.WriteAllText(Path.Combine(folder, "routes.txt"), "route_id,agency_id,route_short_name,route_long_name,route_type\nr1,kc,A,幹線,3\n");
        File.WriteAllText(Path.Combine(folder, "trips.txt"), "route_id,service_id,trip_id,direction_id\nr1,wk,t1,0\n");
        File.WriteAllText(Path.Combine(folder, "stop_times.txt"), "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nt1,07:00:00,07:00:00,s1,1\nt1,07:12:00,07:12:30,s2,2\n");
        File.WriteAllText(Path.Combine(folder, "calendar.txt"), "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nwk,1,1,1,1,1,0,0,20240101,20251231\n");
        File.WriteAllText(Path.Combine(folder, "calendar_dates.txt"), "service_id,date,exception_type\nwk,20240101,2\n");
    }
}
