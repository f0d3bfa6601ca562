using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>Where the residents of a transit analysis come from.</summary>
public enum PopulationSource
{
    /// <summary>Geocoded households (resident registry), each at its point.</summary>
    Households,

    /// <summary>Town blocks or e-Stat mesh cells, by areal weighting.</summary>
    TownBlocks,
}

/// <summary>
/// The residents of one year for coverage and accessibility: households when the data has them, else population
/// units (town blocks or mesh cells). Default year: the latest of the source.
/// </summary>
public sealed record Population(PopulationSource Source, int Year, IReadOnlyList<Household> Households, IReadOnlyList<TownBlock> Units)
{
    /// <summary>Layers that can give the residents.</summary>
    public const CityLayers Layers = CityLayers.Households | CityLayers.TownBlocks;

    /// <summary>"households" or "town_blocks", as written in JSON.</summary>
    public string SourceName => Source == PopulationSource.Households ? "households" : "town_blocks";

    /// <summary>The persons of every household or unit.</summary>
    public long Persons => Source == PopulationSource.Households ? Households.Sum(h => (long)h.Persons) : Units.Sum(u => (long)u.Persons);

    internal static Population Of(City city, int? year, string analysis)
    {
        var d = city.Dataset;
        if (d.Households.Count > 0)
        {
            var y = Pick(d.HouseholdYears, year, "households");
            return new Population(PopulationSource.Households, y, d.Households.Where(h => h.Year == y).ToList(), []);
        }

        if (d.TownBlocks.Count > 0)
        {
            var y = Pick(d.TownBlockYears, year, "population units");
            return new Population(PopulationSource.TownBlocks, y, [], d.TownBlocks.Where(b => b.Year == y).ToList());
        }

        throw new RequestException("data", RequestProblem.MissingLayer,
            $"{analysis} needs residents: households (households.geojson) or population units (town_blocks.geojson or mesh_population_<year>.csv), and the data ({city.Description}) has none");
    }

    private static int Pick(IReadOnlyList<int> years, int? asked, string what)
    {
        if (asked is not { } y)
        {
            return years[^1];
        }

        return years.Contains(y) ? y : throw new RequestException("year", RequestProblem.Choice, $"{y} is not a year of the {what} (years: {string.Join(", ", years)})");
    }

    /// <summary>
    /// The residents as points for routing: households as they are; each unit as one origin at its interior
    /// point carrying its persons (the unit's residents are taken to walk from there).
    /// </summary>
    public IReadOnlyList<Household> AsPoints() => Source == PopulationSource.Households
        ? Households
        : Units.Select(u =>
        {
            var p = u.Geometry.InteriorPoint;
            return new Household(p.X, p.Y, u.Persons, u.Year, u.Persons0To14, u.Persons65Plus);
        }).ToList();
}
