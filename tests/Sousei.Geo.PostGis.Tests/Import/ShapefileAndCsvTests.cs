using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.PostGis.Tests.Import;

public sealed class ShapefileAndCsvTests
{
    // ESRI WKT of JGD2011 / Japan Plane Rectangular CS II (EPSG:6670), as ArcGIS writes it.
    private const string Zone2Prj = """PROJCS["JGD_2011_Japan_Zone_2",GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",131.0],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",33.0],UNIT["Meter",1.0]]""";

    static ShapefileAndCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void A_plane_zone_II_shapefile_in_CP932_is_read_reprojected_with_its_Japanese_names()
    {
        var shp = WriteZonesShapefile(Zone2Prj, cpg: null);
        var batch = ShapefileLayer.Read(shp, "zones", null, PlaneProjection.Kumamoto);
        var zone = Assert.Single(batch.Zones!);
        Assert.Equal(("z1", "中央区", "ward"), (zone.Id, zone.Name, zone.Kind));
        var (lon, lat) = PlaneProjection.Kumamoto.Unproject(-20000, -40000);
        Assert.Equal(lon, zone.Geometry.Coordinates[0].X, 9);
        Assert.Equal(lat, zone.Geometry.Coordinates[0].Y, 9);
        Assert.Equal(4326, zone.Geometry.SRID);
        // 200 m × 100 m in the plane: 2 ha after the round trip through longitude/latitude.
        Assert.Equal(20_000, PlaneProjection.Kumamoto.AreaSquareMeters(zone.Geometry), 3);
    }

    [Fact]
    public void A_cpg_file_overrides_the_CP932_default()
    {
        var shp = WriteZonesShapefile(Zone2Prj, cpg: "UTF-8");
        Assert.Equal("中央区", Assert.Single(ShapefileLayer.Read(shp, "zones", null, PlaneProjection.Kumamoto).Zones!).Name);
    }

    [Fact]
    public void An_unknown_prj_is_refused_with_a_clear_message()
    {
        var shp = WriteZonesShapefile("""PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Mercator_Auxiliary_Sphere"]]""", null);
        var e = Assert.Throws<DataException>(() => ShapefileLayer.Read(shp, "zones", null, PlaneProjection.Kumamoto));
        Assert.Equal("shapefile.crs_unknown", e.Problems[0].Code);
        Assert.Contains("not on JGD2011", e.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shapefile_without_prj_is_refused()
    {
        var shp = WriteZonesShapefile(Zone2Prj, null);
        File.Delete(Path.ChangeExtension(shp, ".prj"));
        Assert.Equal("shapefile.prj_missing", Assert.Throws<DataException>(() => ShapefileLayer.Read(shp, "zones", null, PlaneProjection.Kumamoto)).Problems[0].Code);
    }

    [Fact]
    public void A_households_csv_with_lon_lat_columns_and_a_year_option_becomes_households()
    {
        var path = Path.Combine(Temp(), "hh.csv");
        File.WriteAllText(path, "経度,緯度,persons\n130.70,32.80,3\n130.71,32.81,\"2\"\n", new UTF8Encoding(true));
        var batch = CsvPointLayer.Read(path, "households", "経度", "緯度", 2024, PlaneProjection.Kumamoto);
        Assert.Equal([new(130.70, 32.80, 3, 2024), new(130.71, 32.81, 2, 2024)], batch.Households!);
        Assert.Equal([2024], batch.HouseholdYears!);
    }

    [Fact]
    public void A_bad_csv_row_is_reported_with_its_line()
    {
        var path = Path.Combine(Temp(), "hh.csv");
        File.WriteAllText(path, "lon,lat,persons,year\n130.70,32.80,3,2024\n130.71,32.81,many,2024\n");
        var e = Assert.Throws<DataException>(() => CsvPointLayer.Read(path, "households", "lon", "lat", null, PlaneProjection.Kumamoto));
        var p = Assert.Single(e.Problems);
        Assert.Equal((3L, "attribute.persons"), (p.Line!.Value, p.Code));
    }

    [Fact]
    public void A_vacant_house_csv_with_values_out_of_their_domain_is_refused_naming_file_line_and_id()
    {
        var path = Path.Combine(Temp(), "akiya.csv");
        File.WriteAllText(path, """
            lon,lat,id,status,floor_area_m2,built_year,survey_date
            130.70,32.80,v-ok,vacant,80,1975,2024-04-01
            130.71,32.81,v-status,sold,,,
            130.72,32.82,v-area,vacant,-20,,
            130.73,32.83,v-year,,,1975.5,
            130.74,32.84,v-date,,,,2024/04/01
            """);

        var e = Assert.Throws<DataException>(() => CsvPointLayer.Read(path, "vacant_houses", "lon", "lat", null, PlaneProjection.Kumamoto));

        // Line 1 is the header, so the house at index i is on line i + 2.
        Assert.Equal(
            [
                ("attribute.status", 1, 3L, "v-status"), ("attribute.floor_area_m2", 2, 4L, "v-area"),
                ("attribute.built_year", 3, 5L, "v-year"), ("attribute.survey_date", 4, 6L, "v-date"),
            ],
            e.Problems.Select(p => (p.Code, p.FeatureIndex!.Value, p.Line!.Value, p.FeatureId!)));
        Assert.All(e.Problems, p => Assert.Equal("akiya.csv", p.File));
        Assert.Contains("'sold'", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("≥ 0", e.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("must be an integer", e.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", e.Problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vacant_house_csv_reads_ranks_in_Japanese_and_blank_cells_as_absent()
    {
        var path = Path.Combine(Temp(), "akiya.csv");
        File.WriteAllText(path, "lon,lat,id,vacancy_likelihood,decay_rank,floor_area_m2,built_year,survey_date,status\n130.70,32.80, v1 ,高,低, 80.5 ,1975,2024-04-01,listed\n130.71,32.81,v2,,, ,,,\n");

        var houses = CsvPointLayer.Read(path, "vacant_houses", "lon", "lat", null, PlaneProjection.Kumamoto).VacantHouses!;

        Assert.Equal(2, houses.Count);
        var v1 = houses[0];
        Assert.Equal(("v1", "high", "low", 80.5, 1975, "2024-04-01", "listed"), (v1.Id, v1.VacancyLikelihood, v1.DecayRank, v1.FloorAreaSquareMeters, v1.BuiltYear, v1.SurveyDate, v1.Status));
        var v2 = houses[1];
        Assert.Equal(("v2", null, null, null, null, null, null), (v2.Id, v2.VacancyLikelihood, v2.DecayRank, v2.FloorAreaSquareMeters, v2.BuiltYear, v2.SurveyDate, v2.Status));
    }

    [Fact]
    public void A_vacant_house_shapefile_with_values_out_of_their_domain_is_refused_naming_file_record_and_id()
    {
        // Numeric .dbf fields arrive as numbers: built_year as a double (the field has decimals), the areas too.
        var shp = WriteVacantShapefile(
            ("v-ok", "vacant", 80.0, 1975.0, "2024-04-01"),
            ("v-status", "sold", 80.0, 1975.0, "2024-04-01"),
            ("v-area", "vacant", -20.0, 1975.0, "2024-04-01"),
            ("v-year", "vacant", 80.0, 1975.5, "2024-04-01"),
            ("v-date", "vacant", 80.0, 1975.0, "2024/04/01"));

        var e = Assert.Throws<DataException>(() => ShapefileLayer.Read(shp, "vacant_houses", null, PlaneProjection.Kumamoto));

        // Shapefile records are numbered from 1: the house at index i is record i + 1.
        Assert.Equal(
            [
                ("attribute.status", 1, 2L, "v-status"), ("attribute.floor_area_m2", 2, 3L, "v-area"),
                ("attribute.built_year", 3, 4L, "v-year"), ("attribute.survey_date", 4, 5L, "v-date"),
            ],
            e.Problems.Select(p => (p.Code, p.FeatureIndex!.Value, p.Line!.Value, p.FeatureId!)));
        Assert.All(e.Problems, p => Assert.Equal("akiya.shp", p.File));
        Assert.Contains("1975.5", e.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vacant_house_shapefile_with_cut_field_names_and_whole_number_doubles_is_read()
    {
        var shp = WriteVacantShapefile(("v1", "specified", 80.5, 1975.0, "2024-04-01"));

        var house = Assert.Single(ShapefileLayer.Read(shp, "vacant_houses", null, PlaneProjection.Kumamoto).VacantHouses!);

        Assert.Equal(("v1", "specified", 80.5, 1975, "2024-04-01"), (house.Id, house.Status, house.FloorAreaSquareMeters, house.BuiltYear, house.SurveyDate));
    }

    [Fact]
    public void A_hubs_csv_with_two_central_hubs_is_refused_naming_both()
    {
        var path = Path.Combine(Temp(), "hubs.csv");
        File.WriteAllText(path, "lon,lat,id,name,kind\n130.70,32.80,a,A,central\n130.71,32.81,b,B,regional\n130.72,32.82,c,C,central\n");

        var e = Assert.Throws<DataException>(() => CsvPointLayer.Read(path, "hubs", "lon", "lat", null, PlaneProjection.Kumamoto));

        var p = Assert.Single(e.Problems);
        Assert.Equal(("hubs.central", "hubs.csv"), (p.Code, p.File));
        Assert.Contains("'a', 'c'", p.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'b'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_households_csv_is_refused_with_the_file_store_codes_and_messages_naming_file_line_and_id()
    {
        // The same five households as a CSV and as a GeoJSON file store; every cell is text in both.
        (string Id, string Persons, string? Year)[] rows = [("h-ok", "3", "2023"), ("h-frac", "3.0", "2023"), ("h-neg", "-1", "2023"), ("h-text", "abc", "2023"), ("h-year", "2", null)];
        var dir = Temp();
        var csv = Path.Combine(dir, "hh.csv");
        File.WriteAllText(csv, "lon,lat,id,persons,year\n" + string.Concat(rows.Select((r, i) => FormattableString.Invariant($"{130.70 + (0.01 * i)},32.80,{r.Id},{r.Persons},{r.Year}\n"))));
        var store = Directory.CreateDirectory(Path.Combine(dir, "store")).FullName;
        File.WriteAllText(Path.Combine(store, "inducement_area.geojson"), """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon","coordinates":[[[130.6,32.7],[130.8,32.7],[130.8,32.9],[130.6,32.9],[130.6,32.7]]]}}]}""");
        // One feature a line, after the opening line: feature i is on line i + 2, as CSV row i is (after the header).
        File.WriteAllText(Path.Combine(store, "households.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", rows.Select((r, i) =>
            FormattableString.Invariant($"{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{130.70 + (0.01 * i)},32.80]}},\"properties\":{{\"id\":\"{r.Id}\",\"persons\":\"{r.Persons}\"{(r.Year is null ? "" : $",\"year\":\"{r.Year}\"")}}}}}"))) + "\n]}");

        var fromCsv = Assert.Throws<DataException>(() => CsvPointLayer.Read(csv, "households", "lon", "lat", null, PlaneProjection.Kumamoto)).Problems;
        var fromStore = Assert.Throws<DataException>(() => IO.FileStore.FileStoreReader.Load(store, PlaneProjection.Kumamoto)).Problems;

        Assert.Equal(
            [
                ("attribute.persons", 1, 3L, "h-frac", "property 'persons' must be an integer, found \"3.0\""),
                ("attribute.persons", 2, 4L, "h-neg", "property 'persons' is -1; it must be a whole number from 0 to 100000 (persons of one household point)"),
                ("attribute.persons", 3, 5L, "h-text", "property 'persons' must be an integer, found \"abc\""),
                ("attribute.year", 4, 6L, "h-year", "property 'year' is missing"),
            ],
            fromCsv.Select(p => (p.Code, p.FeatureIndex!.Value, p.Line!.Value, p.FeatureId!, p.Message)));
        Assert.All(fromCsv, p => Assert.Equal("hh.csv", p.File));
        Assert.Equal(fromStore.Select(p => (p.Code, p.FeatureIndex, p.Line, p.FeatureId, p.Message)), fromCsv.Select(p => (p.Code, p.FeatureIndex, p.Line, p.FeatureId, p.Message)));
    }

    [Fact]
    public void A_row_year_other_than_the_year_option_is_refused()
    {
        var path = Path.Combine(Temp(), "hh.csv");
        File.WriteAllText(path, "lon,lat,persons,year\n130.70,32.80,3,2024\n130.71,32.81,2,2020\n");

        var p = Assert.Single(Assert.Throws<DataException>(() => CsvPointLayer.Read(path, "households", "lon", "lat", 2024, PlaneProjection.Kumamoto)).Problems);

        Assert.Equal(("attribute.year", 1, 3L), (p.Code, p.FeatureIndex!.Value, p.Line!.Value));
        Assert.Contains("2020 differs from --year 2024", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_town_blocks_shapefile_with_bad_persons_or_year_is_refused_naming_file_record_and_code()
    {
        // A .dbf numeric field with decimals gives every value as a double.
        var shp = WritePolygonShapefile("blocks.shp",
            [("code", "b-ok"), ("persons", 120.0), ("year", 2020.0)],
            [("code", "b-neg"), ("persons", -5.0), ("year", 2020.0)],
            [("code", "b-frac"), ("persons", 12.5), ("year", 2020.0)],
            [("code", "b-year"), ("persons", 10.0), ("year", 1700.0)]);

        var e = Assert.Throws<DataException>(() => ShapefileLayer.Read(shp, "town_blocks", null, PlaneProjection.Kumamoto));

        Assert.Equal(
            [
                ("attribute.persons", 1, 2L, "b-neg", "property 'persons' is -5; it must be a whole number from 0 to 1000000 (persons of one population unit)"),
                ("attribute.persons", 2, 3L, "b-frac", "property 'persons' must be an integer, found 12.5"),
                ("attribute.year", 3, 4L, "b-year", "property 'year' is 1700; it must be a whole number from 1800 to 3000"),
            ],
            e.Problems.Select(p => (p.Code, p.FeatureIndex!.Value, p.Line!.Value, p.FeatureId!, p.Message)));
        Assert.All(e.Problems, p => Assert.Equal("blocks.shp", p.File));
    }

    [Fact]
    public void A_buildings_shapefile_with_bad_floors_is_refused_and_a_good_one_read()
    {
        var bad = WritePolygonShapefile("bad.shp", [("id", "k-zero"), ("floors", 0.0), ("use", "residential")], [("id", "k-frac"), ("floors", 2.5), ("use", "mixed")]);

        var e = Assert.Throws<DataException>(() => ShapefileLayer.Read(bad, "buildings", null, PlaneProjection.Kumamoto));

        Assert.Equal(
            [
                ("attribute.floors", 0, 1L, "k-zero", "property 'floors' is 0; it must be a whole number ≥ 1"),
                ("attribute.floors", 1, 2L, "k-frac", "property 'floors' must be an integer, found 2.5"),
            ],
            e.Problems.Select(p => (p.Code, p.FeatureIndex!.Value, p.Line!.Value, p.FeatureId!, p.Message)));
        var good = WritePolygonShapefile("good.shp", [("id", "k1"), ("floors", 3.0), ("use", "residential")]);
        var building = Assert.Single(ShapefileLayer.Read(good, "buildings", null, PlaneProjection.Kumamoto).Buildings!);
        Assert.Equal(("k1", 3, "residential"), (building.Id, building.Floors, building.Use));
    }

    [Fact]
    public void An_inducement_area_without_features_is_refused_as_in_the_file_store()
    {
        // Importing it would replace the city's area with nothing.
        var rows = new LayerRows("inducement_area", "area.shp", null, new IO.GeoJson.GeometryChecks(PlaneProjection.Kumamoto, false), new ProblemCollector());

        var p = Assert.Single(Assert.Throws<DataException>(() => rows.ToBatch("area.shp")).Problems);

        Assert.Equal(("layer.empty", "area.shp"), (p.Code, p.File));
    }

    [PostGisFact]
    public void A_shapefile_layer_imports_into_the_database()
    {
        using var t = TestDatabase.Create();
        var shp = WriteZonesShapefile(Zone2Prj, null);
        PostGisImporter.Import(t.Db, "43100", ShapefileLayer.Read(shp, "zones", null, PlaneProjection.Kumamoto));
        Assert.Equal("中央区", t.Scalar("SELECT name FROM zones WHERE id = 'z1'"));
        Assert.Equal(20_000.0, (double)t.Scalar("SELECT ST_Area(ST_Transform(geom, 6670)) FROM zones")!, 3);
    }

    private static string WriteZonesShapefile(string prj, string? cpg)
    {
        var f = new GeometryFactory(new PrecisionModel(), 6670);
        var polygon = f.CreatePolygon([new(-20000, -40000), new(-19800, -40000), new(-19800, -39900), new(-20000, -39900), new(-20000, -40000)]);
        var feature = new Feature(polygon, new AttributesTable { { "id", "z1" }, { "name", "中央区" }, { "kind", "ward" } });
        var shp = Path.Combine(Temp(), "zones.shp");
        var encoding = cpg is null ? Encoding.GetEncoding(932) : Encoding.UTF8;
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures([feature], shp, prj, encoding);
        // The writer leaves its own .cpg; the CP932 case is the one without any.
        var cpgPath = Path.ChangeExtension(shp, ".cpg");
        File.Delete(cpgPath);
        if (cpg is not null)
        {
            File.WriteAllText(cpgPath, cpg);
        }

        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), prj);
        return shp;
    }

    /// <summary>Squares of 100 m in zone II, one a record, 200 m apart, with the given attributes.</summary>
    private static string WritePolygonShapefile(string name, params (string Name, object Value)[][] records)
    {
        var f = new GeometryFactory(new PrecisionModel(), 6670);
        var features = records.Select((r, i) =>
        {
            var (x, y) = (-27_000.0 + (200 * i), -21_800.0);
            var square = f.CreatePolygon([new(x, y), new(x + 100, y), new(x + 100, y + 100), new(x, y + 100), new(x, y)]);
            var attributes = new AttributesTable();
            foreach (var (field, value) in r)
            {
                attributes.Add(field, value);
            }

            return (IFeature)new Feature(square, attributes);
        });
        var shp = Path.Combine(Temp(), name);
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(features, shp, Zone2Prj, Encoding.UTF8);
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), Zone2Prj);
        return shp;
    }

    private static string WriteVacantShapefile(params (string Id, string Status, double FloorArea, double BuiltYear, string SurveyDate)[] houses)
    {
        var f = new GeometryFactory(new PrecisionModel(), 6670);
        var features = houses.Select((h, i) => (IFeature)new Feature(f.CreatePoint(new Coordinate(-27000 + (10 * i), -21750)), new AttributesTable
        {
            // .dbf field names hold 10 characters; GIS tools cut the longer ones like this.
            { "id", h.Id }, { "status", h.Status }, { "floor_area", h.FloorArea }, { "built_year", h.BuiltYear }, { "survey_dat", h.SurveyDate },
        }));
        var shp = Path.Combine(Temp(), "akiya.shp");
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(features, shp, Zone2Prj, Encoding.UTF8);
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), Zone2Prj);
        return shp;
    }

    private static string Temp()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sousei-pg-shp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
