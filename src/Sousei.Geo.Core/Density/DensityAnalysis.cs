using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Density;

/// <summary>Which methods and years a data set supports, and density per year (the trend).</summary>
public static class DensityAnalysis
{
    /// <summary>Methods the layers allow, in the order households, blocks, buildings.</summary>
    public static IReadOnlyList<DensityMethod> AvailableMethods(CityDataset data)
    {
        var methods = new List<DensityMethod>();
        if (data.Households.Count > 0)
        {
            methods.Add(DensityMethod.Households);
        }

        if (data.TownBlocks.Count > 0)
        {
            methods.Add(DensityMethod.Blocks);
            if (data.Buildings.Any(b => b.IsResidential))
            {
                methods.Add(DensityMethod.Buildings);
            }
        }

        return methods;
    }

    /// <summary>Years the method can be computed for, ascending.</summary>
    public static IReadOnlyList<int> Years(CityDataset data, DensityMethod method) =>
        method == DensityMethod.Households ? data.HouseholdYears : data.TownBlockYears;

    /// <summary>Why a method cannot run on the data, or null when it can.</summary>
    public static string? Unavailable(CityDataset data, DensityMethod method) => method switch
    {
        DensityMethod.Households when data.Households.Count == 0 => "the households method needs the households layer (households.geojson)",
        DensityMethod.Blocks when data.TownBlocks.Count == 0 => "the blocks method needs town_blocks.geojson or an e-Stat mesh_population_<year>.csv",
        DensityMethod.Buildings when data.TownBlocks.Count == 0 => "the buildings method needs town blocks (town_blocks.geojson or mesh_population_<year>.csv)",
        DensityMethod.Buildings when !data.Buildings.Any(b => b.IsResidential) => "the buildings method needs buildings.geojson with residential or mixed buildings",
        _ => null,
    };

    /// <summary>Density for every year the method supports.</summary>
    public static IReadOnlyList<DensityResult> Trend(StudyArea study, CityDataset data, DensityMethod method, double targetPerHectare) =>
        Years(data, method).Select(y => DensityCalculator.Compute(study, data, method, y, targetPerHectare)).ToList();
}
