using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Corpus;

/// <summary>
/// The request half of the hostile-input corpus (issue 14; tests/Corpus/requests.json, written by
/// tests/Corpus/generate.py): each request gets its documented status, a 4xx is <c>application/problem+json</c>
/// naming the parameter where one is at fault, no answer is a 500 or holds a stack trace or an owner field, and each is
/// answered within 10 s.
/// </summary>
public sealed class CorpusRequestTests(TransitServiceFactory factory) : IClassFixture<TransitServiceFactory>
{
    public static TheoryData<int> Requests()
    {
        var data = new TheoryData<int>();
        var count = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Corpus", "requests.json"))).RootElement.GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_gets_its_status_and_a_problem_naming_the_parameter(int index)
    {
        var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Corpus", "requests.json"))).RootElement[index];
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(spec.GetProperty("method").GetString()!), spec.GetProperty("path").GetString());
        foreach (var header in spec.GetProperty("headers").EnumerateObject())
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var path = spec.GetProperty("path").GetString()!;
        var what = $"{spec.GetProperty("method").GetString()} {path[..Math.Min(120, path.Length)]}";

        Assert.True((int)response.StatusCode == spec.GetProperty("status").GetInt32(), $"{what}: {(int)response.StatusCode}, expected {spec.GetProperty("status").GetInt32()}: {body[..Math.Min(400, body.Length)]}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{what} took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureStore.OwnerName, body, StringComparison.Ordinal);
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            foreach (var words in spec.GetProperty("contains").EnumerateArray())
            {
                Assert.Contains(words.GetString()!, body, StringComparison.Ordinal);
            }
        }
    }
}
