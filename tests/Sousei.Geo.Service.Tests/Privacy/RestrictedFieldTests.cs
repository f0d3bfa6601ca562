using System.Text;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Privacy;

/// <summary>
/// owner_name / owner_contact never leave the service without the staff key, in any endpoint that returns
/// vacant houses; with the key (header X-Api-Key) the JSON endpoints include them, tiles never do.
/// </summary>
public sealed class RestrictedFieldTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    public static TheoryData<string> JsonEndpoints => new()
    {
        "/ogc/collections/vacant_houses/items",
        "/ogc/collections/vacant_houses/items?filter=inside=true&limit=10000",
        "/ogc/collections/vacant_houses/items/V1",
        "/api/export/vacant_houses.geojson",
        "/api/export/vacant_houses.geojson?filter=decay_rank=high",
    };

    private static string V1Tile()
    {
        var (lon, lat) = FixtureStore.LonLat(100, 100);
        var (x, y) = TileMath.TileOf(lon, lat, 15);
        return $"/tiles/vacant_houses/15/{x}/{y}.mvt";
    }

    private async Task<(byte[] Body, HttpResponseMessage Response)> Fetch(string path, string? key)
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static void AssertNoOwnerData(byte[] body, string path)
    {
        var text = Encoding.UTF8.GetString(body);
        Assert.False(text.Contains("owner_", StringComparison.Ordinal), $"{path} leaks an owner field name");
        Assert.False(text.Contains(FixtureStore.OwnerName, StringComparison.Ordinal), $"{path} leaks an owner name");
        Assert.False(text.Contains(FixtureStore.OwnerContact, StringComparison.Ordinal), $"{path} leaks an owner contact");
        Assert.False(text.Contains("熊本 花子", StringComparison.Ordinal), $"{path} leaks an owner name");
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task Public_responses_never_hold_owner_fields(string path)
    {
        foreach (var key in new[] { null, "", "wrong-key", ServiceFactory.StaffKey + "x", ServiceFactory.StaffKey[..^1] })
        {
            var (body, _) = await Fetch(path, key);
            AssertNoOwnerData(body, path);
        }
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task Staff_key_unlocks_owner_fields_and_makes_the_response_private(string path)
    {
        var (body, response) = await Fetch(path, ServiceFactory.StaffKey);
        var text = Encoding.UTF8.GetString(body);
        Assert.Contains("\"owner_name\"", text);
        Assert.Contains(FixtureStore.OwnerName, text);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
        Assert.Contains("X-Api-Key", response.Headers.Vary);
    }

    [Fact]
    public async Task Tiles_never_hold_owner_fields_even_for_staff()
    {
        var path = V1Tile();
        foreach (var key in new[] { null, ServiceFactory.StaffKey })
        {
            var (body, _) = await Fetch(path, key);
            Assert.NotEmpty(body);
            AssertNoOwnerData(body, path);
            var features = TileMath.Decode(body, path);
            Assert.Contains(features, f => (string?)f.Attributes["id"] == "V1");
            Assert.All(features, f => Assert.DoesNotContain("owner_name", f.Attributes.GetNames()));
        }
    }

    [Fact]
    public void Staff_key_is_not_in_the_repository_configuration()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Sousei.Geo.Service"), "appsettings*.json", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("StaffApiKey", File.ReadAllText(file));
        }
    }
}
