using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.Tests.GeoJson;

public sealed class GeoJsonFeatureCollectionWriterTests
{
    private static readonly GeometryFactory F = new(new PrecisionModel(), 4326);

    [Fact]
    public void Each_feature_is_on_its_own_line_between_the_collection_brackets()
    {
        using var stream = new MemoryStream();
        using (var writer = new GeoJsonFeatureCollectionWriter(stream, leaveOpen: true))
        {
            writer.Write(F.CreatePoint(new Coordinate(130.7, 32.8)), w => w.WriteString("name", "熊本"));
            writer.Write(F.CreatePoint(new Coordinate(130.71, 32.81)), w => w.WriteNumber("persons", 2), id: "b");
            writer.Complete();
            Assert.Equal(2, writer.Count);
        }

        Assert.Equal(
            "{\"type\":\"FeatureCollection\",\"features\":[\n" +
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"熊本\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[130.7,32.8]}},\n" +
            "{\"type\":\"Feature\",\"id\":\"b\",\"properties\":{\"persons\":2},\"geometry\":{\"type\":\"Point\",\"coordinates\":[130.71,32.81]}}\n" +
            "]}\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void An_empty_collection_is_valid_json()
    {
        using var stream = new MemoryStream();
        using (var writer = new GeoJsonFeatureCollectionWriter(stream, leaveOpen: true))
        {
            writer.Complete();
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(0, doc.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void A_writer_disposed_without_complete_leaves_no_valid_collection()
    {
        using var stream = new MemoryStream();
        using (var writer = new GeoJsonFeatureCollectionWriter(stream, leaveOpen: true))
        {
            writer.Write(F.CreatePoint(new Coordinate(1, 2)), null);
        }

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(stream.ToArray()));
    }

    [Fact]
    public void Many_features_through_gzip_read_back_whole_and_the_same_bytes_twice()
    {
        // 20,000 features are about 1.6 MB of text: the writer hands the stream several 64 KiB pieces.
        var first = Gzip(20_000);
        var second = Gzip(20_000);
        Assert.Equal(first, second);

        using var gz = new GZipStream(new MemoryStream(first), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gz);
        var features = doc.RootElement.GetProperty("features");
        Assert.Equal(20_000, features.GetArrayLength());
        Assert.Equal(19_999, features[19_999].GetProperty("properties").GetProperty("i").GetInt32());
    }

    [Fact]
    public void Write_after_complete_is_refused()
    {
        using var writer = new GeoJsonFeatureCollectionWriter(new MemoryStream());
        writer.Complete();
        Assert.Throws<InvalidOperationException>(() => writer.Write(null, null));
    }

    private static byte[] Gzip(int count)
    {
        using var output = new MemoryStream();
        using (var writer = new GeoJsonFeatureCollectionWriter(new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)))
        {
            for (var i = 0; i < count; i++)
            {
                var n = i;
                writer.Write(F.CreatePoint(new Coordinate(130.5 + (i * 1e-5), 32.7)), w => w.WriteNumber("i", n));
            }

            writer.Complete();
        }

        return output.ToArray();
    }
}
