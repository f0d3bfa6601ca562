using System.Net;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Privacy;

/// <summary><c>/api/staff</c> tells the viewer whether a typed key is the staff key, without saying anything else.</summary>
public sealed class StaffEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private async Task<(HttpStatusCode Status, string Body, string? Type)> Ask(string? key)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_staff_key_is_accepted_a_wrong_one_is_401_problem_details_and_none_is_not_staff()
    {
        var right = await Ask(ServiceFactory.StaffKey);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("\"staff\":true", right.Body, StringComparison.Ordinal);

        var wrong = await Ask("guess-" + ServiceFactory.StaffKey);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("application/problem+json", wrong.Type);
        Assert.DoesNotContain(ServiceFactory.StaffKey, wrong.Body, StringComparison.Ordinal);

        var none = await Ask(null);
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Contains("\"staff\":false", none.Body, StringComparison.Ordinal);
    }
}
