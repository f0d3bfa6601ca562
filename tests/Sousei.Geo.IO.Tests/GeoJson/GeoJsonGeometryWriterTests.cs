using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.Tests.GeoJson;

public sealed class GeoJsonGeometryWriterTests
{
    private static readonly GeometryFactory F = new(new PrecisionModel(), 4326);

    [Fact]
    public void Positions_are_rounded_to_seven_decimals()
    {
        // 130.123456749: the 8th decimal is 4, so 130.1234567; -32.80000004 becomes -32.8000000 = -32.8.
        var json = Json(w => GeoJsonGeometryWriter.Write(w, F.CreatePoint(new Coordinate(130.123456749, -32.80000004))));
        Assert.Equal("""{"type":"Point","coordinates":[130.1234567,-32.8]}""", json);
    }

    [Fact]
    public void Halves_are_rounded_away_from_zero()
    {
        // 2.5 and -2.5 are exact in binary; to 0 decimals they become 3 and -3 (not 2 and -2 as banker's rounding would).
        var json = Json(w => GeoJsonGeometryWriter.Write(w, F.CreatePoint(new Coordinate(2.5, -2.5)), decimals: 0));
        Assert.Equal("""{"type":"Point","coordinates":[3,-3]}""", json);
    }

    [Fact]
    public void Decimals_null_keeps_every_ordinate_as_stored()
    {
        var json = Json(w => GeoJsonGeometryWriter.Write(w, F.CreatePoint(new Coordinate(130.1234567891, 32.1)), decimals: null));
        Assert.Equal("""{"type":"Point","coordinates":[130.1234567891,32.1]}""", json);
    }

    [Fact]
    public void Decimals_outside_0_to_15_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Json(w => GeoJsonGeometryWriter.Write(w, F.CreatePoint(new Coordinate(1, 2)), decimals: 16)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Json(w => GeoJsonGeometryWriter.Write(w, F.CreatePoint(new Coordinate(1, 2)), decimals: -1)));
    }

    [Fact]
    public void A_clockwise_shell_and_a_counter_clockwise_hole_are_written_by_the_right_hand_rule()
    {
        // Shell (0,0)→(0,4)→(4,4)→(4,0) is clockwise; hole (1,1)→(2,1)→(2,2)→(1,2) counter-clockwise.
        // RFC 7946 §3.1.6 wants the shell counter-clockwise and the hole clockwise: both come out reversed.
        var shell = F.CreateLinearRing([new(0, 0), new(0, 4), new(4, 4), new(4, 0), new(0, 0)]);
        var hole = F.CreateLinearRing([new(1, 1), new(2, 1), new(2, 2), new(1, 2), new(1, 1)]);
        var json = Json(w => GeoJsonGeometryWriter.Write(w, F.CreatePolygon(shell, [hole])));
        Assert.Equal("""{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]}""", json);
    }

    [Fact]
    public void Rings_already_by_the_right_hand_rule_keep_their_vertex_order()
    {
        var shell = F.CreateLinearRing([new(0, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)]);
        var multi = F.CreateMultiPolygon([F.CreatePolygon(shell)]);
        var json = Json(w => GeoJsonGeometryWriter.Write(w, multi));
        Assert.Equal("""{"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,4],[0,0]]]]}""", json);
    }

    [Fact]
    public void A_feature_has_type_id_properties_and_geometry_in_that_order_and_no_crs()
    {
        var json = Json(w => GeoJsonGeometryWriter.WriteFeature(w, F.CreatePoint(new Coordinate(130.7, 32.8)), p =>
        {
            p.WriteString("name", "中心市街地");
            p.WriteNumber("persons", 3);
        }, id: "central"));
        Assert.Equal("""{"type":"Feature","id":"central","properties":{"name":"中心市街地","persons":3},"geometry":{"type":"Point","coordinates":[130.7,32.8]}}""", json);
    }

    [Fact]
    public void A_feature_without_properties_or_geometry_writes_null_for_both()
    {
        var json = Json(w => GeoJsonGeometryWriter.WriteFeature(w, null, null));
        Assert.Equal("""{"type":"Feature","properties":null,"geometry":null}""", json);
    }

    [Fact]
    public void A_feature_collection_takes_foreign_members_before_its_features()
    {
        var json = Json(w =>
        {
            GeoJsonGeometryWriter.WriteFeatureCollectionStart(w, m => m.WriteNumber("numberMatched", 1));
            GeoJsonGeometryWriter.WriteFeature(w, F.CreatePoint(new Coordinate(1, 2)), null);
            GeoJsonGeometryWriter.WriteFeatureCollectionEnd(w);
        });
        Assert.Equal("""{"type":"FeatureCollection","numberMatched":1,"features":[{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,2]}}]}""", json);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
