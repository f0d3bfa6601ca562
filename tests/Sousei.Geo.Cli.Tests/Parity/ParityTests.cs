using System.Text.Json.Nodes;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Cli.Tests.Database;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.PostGis;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>
/// The parity suite: every use case through the CLI (<c>--format json</c>) and through the service (HTTP JSON) on
/// one store with two household years, town blocks, mesh cells and three zone kinds, compared key by key; bad
/// requests name the same parameter with the same problem code. Then the same on the store imported into PostGIS
/// (<c>--db</c>), and the database answers against the file-store answers.
/// </summary>
public sealed class ParityTests : IDisposable
{
    private readonly ParityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Every_use_case_answers_the_same_from_the_cli_and_the_service()
    {
        await using var server = await ParityServer.StartAsync(City.Open(new FileStoreSource(_store.Dir, PlaneProjection.Kumamoto)));
        foreach (var (cli, api) in ParityCases.All().Concat(ParityCases.Scenarios()))
        {
            var fromCli = Cli([.. cli, "--format", cli.Contains("--format") ? Format(cli) : "json", "--data", _store.Dir]);
            var (status, fromApi) = await server.GetAsync(api);
            Assert.True(status == 200, $"{api}: {status} {fromApi.ToJsonString()}");
            Json.AssertSame(fromCli, fromApi, string.Join(' ', cli));
        }
    }

    [Fact]
    public async Task Bad_requests_name_the_same_parameter_with_the_same_code_on_both_sides()
    {
        await using var server = await ParityServer.StartAsync(City.Open(new FileStoreSource(_store.Dir, PlaneProjection.Kumamoto)));
        foreach (var (cli, api, parameter, code) in ParityCases.Bad())
        {
            var r = CliRun.Run([.. cli, "--data", _store.Dir]);
            Assert.True(r.ExitCode == 2, $"sousei {string.Join(' ', cli)}: exit {r.ExitCode}: {r.Error}");
            Assert.Contains($": --{parameter.Replace('_', '-')}: ", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
            var (status, body) = await server.GetAsync(api);
            Assert.True(status == 400, $"{api}: {status} {body.ToJsonString()}");
            Assert.Equal(parameter, (string?)body["parameter"]);
            Assert.Equal(code, (string?)body["code"]);
        }
    }

    [DatabaseFact]
    public async Task Every_use_case_answers_the_same_from_postgis_through_both_sides_and_as_the_file_store()
    {
        var connection = ImportedStore.Import(_store.Dir);
        try
        {
            using var db = PostGisDatabase.Create(connection);
            await using var server = await ParityServer.StartAsync(City.Open(new PostGisSource(db, "43100", PlaneProjection.Kumamoto)));
            foreach (var (cli, api) in ParityCases.All())
            {
                var args = new List<string>(cli) { "--db", connection, "--city", "43100" };
                if (!cli.Contains("--format"))
                {
                    args.AddRange(["--format", "json"]);
                }

                var fromDb = Cli([.. args]);
                var (status, fromApi) = await server.GetAsync(api);
                Assert.True(status == 200, $"{api}: {status} {fromApi.ToJsonString()}");
                Json.AssertSame(fromDb, fromApi, "db " + string.Join(' ', cli));
                var fromFiles = Cli([.. cli, "--format", cli.Contains("--format") ? Format(cli) : "json", "--data", _store.Dir]);
                DatabaseSourceTests.AssertSameNumbers(fromFiles, fromDb, "files vs db " + string.Join(' ', cli));
            }
        }
        finally
        {
            ImportedStore.Drop(connection);
        }
    }

    private static string Format(string[] cli) => cli[Array.IndexOf(cli, "--format") + 1];

    private static JsonNode Cli(params string[] args)
    {
        // --format given twice would be refused: keep the case's own.
        var list = args.ToList();
        var first = list.IndexOf("--format");
        var last = list.LastIndexOf("--format");
        if (first != last)
        {
            list.RemoveRange(last, 2);
        }

        var r = CliRun.Run([.. list]);
        Assert.True(r.ExitCode == 0, $"sousei {string.Join(' ', list.Where(a => !a.Contains("Host=", StringComparison.Ordinal)))}: {r.Error}");
        return JsonNode.Parse(r.Out)!;
    }
}
