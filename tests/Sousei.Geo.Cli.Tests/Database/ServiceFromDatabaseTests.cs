using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.PostGis;
using Sousei.Geo.Service;

namespace Sousei.Geo.Cli.Tests.Database;

/// <summary><c>sousei serve --db CONN --city 43100</c> answers as the command line does on the file store it came from.</summary>
public sealed class ServiceFromDatabaseTests(DemoDatabase db) : IClassFixture<DemoDatabase>
{
    [DatabaseFact]
    public async Task Service_on_the_database_serves_the_file_store_density_and_no_owner_fields()
    {
        var data = City.Open(new PostGisSource(PostGisDatabase.Create(db.Connection), "43100", PlaneProjection.Kumamoto), CityLayers.All, new DateOnly(2026, 5, 12));
        await using var app = ServiceApp.Create(["--urls", "http://127.0.0.1:0"], builder => builder.Services.AddSingleton(data));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var http = new HttpClient();

        var served = JsonNode.Parse(await http.GetStringAsync($"{address}/api/density?method=households"));
        var cli = CliRun.Run("density", "--data", DemoDatabase.Store, "--format", "json", "--method", "households");
        Assert.True(cli.ExitCode == 0, cli.Error);
        DatabaseSourceTests.AssertSameNumbers(JsonNode.Parse(cli.Out), served, "density");

        var vacant = await http.GetStringAsync($"{address}/ogc/collections/vacant_houses/items?limit=50");
        Assert.Contains("\"features\"", vacant, StringComparison.Ordinal);
        Assert.DoesNotContain("owner_name", vacant, StringComparison.Ordinal);
        Assert.DoesNotContain("owner_contact", vacant, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
