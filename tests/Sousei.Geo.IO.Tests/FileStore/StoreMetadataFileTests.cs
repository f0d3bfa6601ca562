using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.IO.Tests.FileStore;

public class StoreMetadataFileTests
{
    private const string Full = """
        {
          "title": "熊本市 実データ",
          "city_code": "43100",
          "synthetic": false,
          "population_basis": "国勢調査",
          "sources": [
            { "layer": "inducement_area", "credit": "「国土数値情報（立地適正化計画区域データ）」（国土交通省）を加工して作成", "licence": "CC BY 4.0", "url": "https://nlftp.mlit.go.jp/", "year": 2023 },
            { "layer": "gtfs", "credit": "熊本市電", "license": "CC BY 4.0" }
          ]
        }
        """;

    [Fact]
    public void A_store_without_store_json_says_nothing_about_itself()
    {
        using var store = new TempStore();
        Assert.True(StoreMetadataFile.Read(store.Path).IsEmpty);
    }

    [Fact]
    public void Every_member_is_read_and_survives_a_write_and_read_back()
    {
        using var store = new TempStore();
        store.Write("store.json", Full);

        var m = StoreMetadataFile.Read(store.Path);

        Assert.Equal("熊本市 実データ", m.Title);
        Assert.Equal("43100", m.CityCode);
        Assert.False(m.Synthetic);
        Assert.Equal(PopulationBasis.Census, m.PopulationBasis);
        Assert.Equal(2, m.Sources.Count);
        Assert.Equal(new DataCredit("inducement_area", "「国土数値情報（立地適正化計画区域データ）」（国土交通省）を加工して作成", "CC BY 4.0", "https://nlftp.mlit.go.jp/", 2023), m.Sources[0]);
        Assert.Equal("CC BY 4.0", m.Sources[1].Licence);

        var problems = new ProblemCollector();
        var again = StoreMetadataFile.Parse(StoreMetadataFile.ToBytes(m), "store.json", problems);
        Assert.Empty(problems.Problems);
        Assert.Equal(m.Title, again!.Title);
        Assert.Equal(m.PopulationBasis, again.PopulationBasis);
        Assert.Equal(m.Sources, again.Sources);
    }

    [Theory]
    [InlineData("""{"titel": "x"}""", "titel: unknown member")]
    [InlineData("""{"population_basis": "registry"}""", "population_basis: 'registry' is none of")]
    [InlineData("""{"city_code": "4310"}""", "city_code: '4310' is not a 5-digit JIS municipality code")]
    [InlineData("""{"synthetic": "yes"}""", "synthetic: must be true or false")]
    [InlineData("""{"sources": [{"layer": "gtfs"}]}""", "sources[0].credit: required")]
    [InlineData("""{"sources": [{"layer": "gtfs", "credit": "x", "year": 20230}]}""", "sources[0].year: must be a whole year")]
    [InlineData("""{"sources": [{"layer": "gtfs", "credit": "x", "url": "javascript:alert(1)"}]}""", "sources[0].url: 'javascript:alert(1)' is not an http(s) address")]
    [InlineData("""["title"]""", "is a JSON object")]
    [InlineData("""{"title": "x",}""", "not valid JSON")]
    public void A_bad_store_json_is_refused_naming_the_file_and_the_member(string json, string expected)
    {
        using var store = new TempStore();
        store.Write("store.json", json);

        var e = Assert.Throws<DataException>(() => StoreMetadataFile.Read(store.Path));

        Assert.Contains(e.Problems, p => p.File.EndsWith("store.json", StringComparison.Ordinal) && p.Message.Contains(expected, StringComparison.Ordinal));
    }
}
