using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Viewer;

/// <summary>
/// The online basemap: none by default (status <c>basemap: null</c>, the policy allows no other origin); when
/// configured, status describes it and the policy allows its origin for images and requests, nothing more.
/// </summary>
public sealed class BasemapTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Template = "https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png";

    [Fact]
    public async Task Without_a_basemap_status_says_null_and_the_policy_names_no_other_origin()
    {
        var response = await factory.CreateClient().GetAsync("/api/status");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(status["basemap"]);
        Assert.True(status.AsObject().ContainsKey("basemap"));
        Assert.Equal("town_blocks", (string?)status["population_units"]);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_basemap_is_in_status_and_its_origin_in_img_src_and_connect_src()
    {
        using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting(ServiceSettings.BasemapUrl, Template)
            .UseSetting(ServiceSettings.BasemapAttribution, "地理院タイル"));
        var response = await configured.CreateClient().GetAsync("/api/status");
        var basemap = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["basemap"]!;
        Assert.Equal(Template, (string?)basemap["url"]);
        Assert.Equal("地理院タイル", (string?)basemap["attribution"]);
        Assert.Equal("png", (string?)basemap["format"]);
        Assert.Equal(0, (int)basemap["minzoom"]!);
        Assert.Equal(18, (int)basemap["maxzoom"]!);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: blob: https://cyberjapandata.gsi.go.jp;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://cyberjapandata.gsi.go.jp;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", null)]
    [InlineData("http://127.0.0.1:8080/{z}/{x}/{y}.png", null)]
    [InlineData("file:///tiles/{z}/{x}/{y}.png", "not an http or https URL template")]
    [InlineData("https://tile.openstreetmap.org/{z}/{y}.png", "lacks {x}")]
    public void Templates_are_http_or_https_with_z_x_and_y(string template, string? problem)
    {
        var found = Sousei.Geo.Service.Viewer.Basemap.TemplateProblem(template);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
