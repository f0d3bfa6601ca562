using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Privacy;

/// <summary>
/// The staff key is never logged (issue 14): with every category at Trace, requests that carry the right key, a wrong
/// key and a key in the query string leave no trace of either key in any log message, scope or exception text.
/// </summary>
public sealed class StaffKeyLoggingTests
{
    private const string WrongKey = "wrong-key-7c1f0e9d5a";

    private sealed class Capture : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Lines.Enqueue("scope: " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Enqueue($"{logLevel} {eventId} {formatter(state, exception)} {state} {exception}");
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Neither_the_staff_key_nor_a_wrong_key_appears_in_any_log_line()
    {
        var capture = new Capture();
        using var factory = new ServiceFactory().WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddLogging(l =>
            {
                l.AddProvider(capture);
                l.SetMinimumLevel(LogLevel.Trace);
                l.AddFilter(_ => true);
            }));
        });
        using var client = factory.CreateClient();
        foreach (var key in new[] { ServiceFactory.StaffKey, WrongKey })
        {
            foreach (var path in new[] { "/ogc/collections/vacant_houses/items", "/api/export/vacant_houses.geojson", "/api/vacant/ranking?top=3", "/ogc/collections/vacant_houses/items/nope", "/api/density?method=bogus" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("X-Api-Key", key);
                using var response = await client.SendAsync(request);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            }

            // A key put in the query string by mistake is an unknown parameter, named without its value being logged.
            using var query = await client.GetAsync($"/api/density?api_key={key}");
            Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        }

        Assert.NotEmpty(capture.Lines);
        Assert.DoesNotContain(capture.Lines, l => l.Contains(ServiceFactory.StaffKey, StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, l => l.Contains(WrongKey, StringComparison.Ordinal));
    }
}
