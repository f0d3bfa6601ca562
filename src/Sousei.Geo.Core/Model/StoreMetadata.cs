namespace Sousei.Geo.Core.Model;

/// <summary>Whose count the population layers are: the resident registry (住民基本台帳) or the census (国勢調査).</summary>
public enum PopulationBasis
{
    /// <summary>The store does not say (no <c>store.json</c>, or no <c>population_basis</c>).</summary>
    Unknown,

    /// <summary>住民基本台帳: the basis of the strategy's 60.7 persons/ha indicator.</summary>
    ResidentRegistry,

    /// <summary>国勢調査: the national census (e-Stat tables, town-block counts).</summary>
    Census,
}

/// <summary>The credit of one layer: who published it, under which licence, and the year of the data.</summary>
/// <param name="Layer">The layer's name as in the store (households, town_blocks, gtfs, inducement_area, …).</param>
/// <param name="Credit">The credit line the licence asks for (e.g. 「国土数値情報（立地適正化計画区域データ）」（国土交通省）を加工して作成).</param>
/// <param name="Licence">The licence (e.g. CC BY 4.0), or null when the store does not say.</param>
/// <param name="Url">Where the data is published, or null.</param>
/// <param name="Year">The year the data describes, or null.</param>
public sealed record DataCredit(string Layer, string Credit, string? Licence = null, string? Url = null, int? Year = null);

/// <summary>
/// What a store says about itself (the optional <c>store.json</c> of a file store, the <c>store_metadata</c> table of
/// PostGIS): a title, the city, whether the data is synthetic, the credits of its layers and the basis of its
/// population. Shown by the report, the viewer, <c>/api/status</c> and the map images.
/// </summary>
public sealed record StoreMetadata
{
    /// <summary>A store that says nothing about itself.</summary>
    public static StoreMetadata None { get; } = new();

    public string? Title { get; init; }

    /// <summary>The JIS municipality code (e.g. 43100), or null.</summary>
    public string? CityCode { get; init; }

    /// <summary>True for generated data (the demo store), false for real data, null when the store does not say.</summary>
    public bool? Synthetic { get; init; }

    public IReadOnlyList<DataCredit> Sources { get; init; } = [];

    public PopulationBasis PopulationBasis { get; init; } = PopulationBasis.Unknown;

    /// <summary>True when the store has no <c>store.json</c> (or an empty one).</summary>
    public bool IsEmpty => Title is null && CityCode is null && Synthetic is null && Sources.Count == 0 && PopulationBasis == PopulationBasis.Unknown;
}
