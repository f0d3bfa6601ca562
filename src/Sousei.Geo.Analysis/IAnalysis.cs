using System.Text.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis;

/// <summary>
/// One analysis, defined once for every adapter (CLI, service, notebooks): its parameters, how a request is
/// read and validated from raw text, which layers it needs, how it runs, and its JSON. An adapter parses
/// arguments into a request with <see cref="Parse"/>, opens the city with <see cref="Analyses.Open{TRequest, TResult}"/>, calls
/// <see cref="Run"/> and renders the result. Implementations are stateless and thread-safe.
/// </summary>
/// <typeparam name="TRequest">The request record: typed values with their defaults.</typeparam>
/// <typeparam name="TResult">The result record.</typeparam>
public interface IAnalysis<TRequest, TResult>
    where TRequest : class
{
    /// <summary>The analysis's name: the command (<c>sousei density</c>) and the path (<c>/api/density</c>).</summary>
    string Name { get; }

    /// <summary>One line saying what it answers.</summary>
    string Summary { get; }

    /// <summary>Every parameter, in the order help shows them.</summary>
    IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>Reads and validates a request; every problem names its parameter.</summary>
    /// <exception cref="RequestException">The request has problems.</exception>
    TRequest Parse(Parameters parameters);

    /// <summary>
    /// The layers to load for <paramref name="request"/> (the ones it needs and the ones it can use), given the
    /// layers the source holds (<see cref="Sources.ICitySource.Inventory"/>), so that a default can be chosen without loading.
    /// </summary>
    CityLayers Layers(TRequest request, CityLayers available);

    /// <summary>Runs the analysis.</summary>
    /// <exception cref="RequestException">The request has problems, or the data lacks a layer it needs.</exception>
    /// <exception cref="Core.Validation.DataException">The data has problems.</exception>
    TResult Run(City city, TRequest request);

    /// <summary>Writes the result as JSON: the same keys from the CLI (<c>--format json</c>) and the service.</summary>
    void WriteJson(Utf8JsonWriter writer, TResult result);
}
