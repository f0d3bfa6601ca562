using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Density;

/// <summary>
/// Whose count a density method's population is (docs/analysis.md, "Which figure is the indicator"): the store's
/// <c>population_basis</c> when it says; otherwise geocoded households are the resident registry (住民基本台帳) and
/// population units the census (国勢調査). e-Stat mesh tables are the census whatever the store says.
/// </summary>
public static class PopulationBases
{
    public static PopulationBasis Of(City city, DensityMethod method)
    {
        if (method != DensityMethod.Households && UnitsKey(city) == "mesh")
        {
            return PopulationBasis.Census;
        }

        return city.Metadata.PopulationBasis != PopulationBasis.Unknown
            ? city.Metadata.PopulationBasis
            : method == DensityMethod.Households ? PopulationBasis.ResidentRegistry : PopulationBasis.Census;
    }

    /// <summary>
    /// What the store's population units are: <c>mesh</c> when every unit is an e-Stat mesh cell (named
    /// <c>mesh CODE</c> by the reader), <c>town_blocks</c> (町丁目) otherwise, null when the store has none.
    /// </summary>
    public static string? UnitsKey(City city) => city.Dataset.TownBlocks.Count == 0 ? null
        : city.Dataset.TownBlocks.All(b => b.Name.StartsWith("mesh ", StringComparison.Ordinal)) ? "mesh" : "town_blocks";

    /// <summary>The key written in JSON: resident_registry or census.</summary>
    public static string Key(PopulationBasis basis) => IO.FileStore.StoreMetadataFile.BasisKey(basis == PopulationBasis.Unknown ? PopulationBasis.Census : basis)!;

    /// <summary>The Japanese name: 住民基本台帳 or 国勢調査.</summary>
    public static string Japanese(PopulationBasis basis) => basis == PopulationBasis.ResidentRegistry ? "住民基本台帳" : "国勢調査";

    /// <summary>
    /// The strategy's indicator (居住誘導区域の人口密度, resident-registry based) is the households method on a
    /// resident-registry basis; every other figure is a check.
    /// </summary>
    public static bool IsStrategyIndicator(City city, DensityMethod method) => method == DensityMethod.Households && Of(city, method) == PopulationBasis.ResidentRegistry;
}
