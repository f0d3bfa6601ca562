using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Density;

/// <summary>The density method as users name it, parsed and resolved against the data in one place.</summary>
public static class DensityMethods
{
    /// <summary>The names: households, blocks, buildings.</summary>
    public static (string Text, DensityMethod Value)[] Choices { get; } =
        [("households", DensityMethod.Households), ("blocks", DensityMethod.Blocks), ("buildings", DensityMethod.Buildings)];

    /// <summary>The method's name in output and options.</summary>
    public static string Name(DensityMethod method) => Json.DensityJson.MethodName(method);

    /// <summary>Help text of the <c>method</c> parameter.</summary>
    public const string Help = "households: geocoded household points; blocks: areal weighting of town blocks or e-Stat mesh cells; buildings: dasymetric by residential floor area (default: households when the data has them, else blocks)";

    /// <summary>
    /// The asked method (problem of <paramref name="parameter"/> when the data cannot give it), or the first
    /// available one; with nothing available, a problem naming the population layers.
    /// </summary>
    internal static DensityMethod Resolve(IDensityEngine engine, DensityMethod? asked, string parameter = "method")
    {
        var method = asked ?? engine.AvailableMethods().Cast<DensityMethod?>().FirstOrDefault()
            ?? throw new RequestException("data", RequestProblem.MissingLayer, "the data has no population layer (households, town_blocks or mesh_population_<year>.csv)");
        if (engine.Unavailable(method) is { } why)
        {
            throw new RequestException(parameter, RequestProblem.Choice, why);
        }

        return method;
    }

    /// <summary>The asked year (a problem of <paramref name="parameter"/> when the data has no such year for the method), or the latest.</summary>
    internal static int ResolveYear(IDensityEngine engine, DensityMethod method, int? asked, string parameter = "year", bool first = false)
    {
        var years = engine.Years(method);
        if (asked is { } y)
        {
            return years.Contains(y)
                ? y
                : throw new RequestException(parameter, RequestProblem.Choice, $"{y} is not in the data for the {Name(method)} method (years: {string.Join(", ", years)})");
        }

        return first ? years[0] : years[^1];
    }
}
