using System.Net;
using System.Text.Json;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>Assertions on RFC 9457 ProblemDetails responses.</summary>
internal static class Problems
{
    /// <summary>Asserts a 400 ProblemDetails naming <paramref name="parameter"/>; returns its detail.</summary>
    public static async Task<string> AssertBadParameter(HttpResponseMessage response, string parameter)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 for {parameter}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(400, doc.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(parameter, doc.RootElement.GetProperty("parameter").GetString());
        return doc.RootElement.GetProperty("detail").GetString()!;
    }

    public static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
    }
}
