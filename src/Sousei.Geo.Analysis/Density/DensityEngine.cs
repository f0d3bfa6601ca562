using Sousei.Geo.Core.Density;
using Sousei.Geo.PostGis.Density;

namespace Sousei.Geo.Analysis.Density;

/// <summary>Where density is computed: in memory over the loaded layers, or in PostGIS by SQL.</summary>
public enum DensityEngineKind
{
    Memory,
    Sql,
}

/// <summary>
/// The three density methods behind one interface, computed in memory (<see cref="DensityCalculator"/>) or in
/// PostGIS (<see cref="SqlDensityEngine"/>); both give the same numbers (counts exactly, areas to 0.01 %).
/// </summary>
internal interface IDensityEngine
{
    IReadOnlyList<DensityMethod> AvailableMethods();

    string? Unavailable(DensityMethod method);

    IReadOnlyList<int> Years(DensityMethod method);

    DensityResult Compute(DensityMethod method, int year, double targetPerHectare);

    IReadOnlyDictionary<string, string> ZoneKinds { get; }

    /// <summary>True for the in-memory engine (it needs the layers loaded).</summary>
    bool InMemory { get; }

    /// <summary>Picks the engine: <paramref name="asked"/>, else SQL when the source is PostGIS, else memory.</summary>
    static IDensityEngine For(City city, DensityEngineKind? asked)
    {
        var sql = city.Source.SqlDensity;
        if (asked == DensityEngineKind.Sql && sql is null)
        {
            throw new Requests.RequestException("engine", Requests.RequestProblem.Conflict, "sql needs the data in PostGIS: --db CONN --city CODE");
        }

        return (asked ?? (sql is null ? DensityEngineKind.Memory : DensityEngineKind.Sql)) == DensityEngineKind.Sql ? new Sql(sql!) : new Memory(city);
    }

    private sealed class Memory(City city) : IDensityEngine
    {
        public bool InMemory => true;

        public IReadOnlyDictionary<string, string> ZoneKinds => city.ZoneKinds;

        public IReadOnlyList<DensityMethod> AvailableMethods() => DensityAnalysis.AvailableMethods(city.Dataset);

        public string? Unavailable(DensityMethod method) => DensityAnalysis.Unavailable(city.Dataset, method);

        public IReadOnlyList<int> Years(DensityMethod method) => DensityAnalysis.Years(city.Dataset, method);

        public DensityResult Compute(DensityMethod method, int year, double targetPerHectare) =>
            city.Memo(("density", method, year, targetPerHectare), () => DensityCalculator.Compute(city.Study, city.Dataset, method, year, targetPerHectare));
    }

    private sealed class Sql(SqlDensityEngine engine) : IDensityEngine
    {
        public bool InMemory => false;

        private readonly Lazy<IReadOnlyDictionary<string, string>> _kinds = new(() => engine.Zones.GroupBy(z => z.Id).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal));

        public IReadOnlyDictionary<string, string> ZoneKinds => _kinds.Value;

        public IReadOnlyList<DensityMethod> AvailableMethods() => engine.AvailableMethods();

        public string? Unavailable(DensityMethod method) => engine.Unavailable(method);

        public IReadOnlyList<int> Years(DensityMethod method) => engine.Years(method);

        public DensityResult Compute(DensityMethod method, int year, double targetPerHectare) => engine.Compute(method, year, targetPerHectare);
    }
}
