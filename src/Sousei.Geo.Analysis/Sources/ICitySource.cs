using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.Gtfs;
using Sousei.Geo.PostGis.Density;

namespace Sousei.Geo.Analysis.Sources;

/// <summary>
/// Where one city's data lives: a file store (<see cref="FileStoreSource"/>) or a PostGIS database
/// (<see cref="PostGisSource"/>). A source hands over parsed, validated layers and parsed GTFS feeds (never
/// temporary files), loading only the layers asked for. Implementations are thread-safe.
/// </summary>
public interface ICitySource
{
    /// <summary>Where the data came from, for output ("geodata/kumamoto", "PostGIS host/db, city 43100").</summary>
    string Description { get; }

    /// <summary>The plane CRS of areas and distances (EPSG:6670 for Kumamoto).</summary>
    PlaneProjection Projection { get; }

    /// <summary>Which layers the source holds (cheap: nothing is parsed).</summary>
    CityLayers Inventory();

    /// <summary>Loads and validates the <paramref name="layers"/> the source holds; the others stay empty.</summary>
    /// <exception cref="Core.Validation.DataException">A layer has problems.</exception>
    (CityDataset Dataset, IReadOnlyList<string> Notes) Load(CityLayers layers);

    /// <summary>
    /// The study area of a dataset this source loaded, when the source prepared it while loading (a file store builds it
    /// while the large layers are still being read); null: the city builds it when first asked.
    /// </summary>
    Core.Density.StudyArea? PreparedStudy(CityDataset dataset) => null;

    /// <summary>Reads every GTFS feed (no service-day check; see <see cref="City.Transit"/>).</summary>
    GtfsReadResult ReadGtfs();

    /// <summary>The SQL density engine when the data sits in PostGIS; null for a file store.</summary>
    SqlDensityEngine? SqlDensity { get; }

    /// <summary>The folder of the store's named scenarios (<c>scenarios/NAME.json</c>), or null when the source has none.</summary>
    string? ScenarioDirectory => null;

    /// <summary>What the store says about itself (<c>store.json</c>, the <c>store_metadata</c> table); read once when the city opens.</summary>
    /// <exception cref="Core.Validation.DataException">The metadata has problems.</exception>
    StoreMetadata Metadata() => StoreMetadata.None;

    /// <summary>A short name for the landing page and report titles (the store's folder name, or the city code).</summary>
    string ShortName { get; }
}
