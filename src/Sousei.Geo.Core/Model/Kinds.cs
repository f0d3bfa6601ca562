namespace Sousei.Geo.Core.Model;

/// <summary>
/// The names of hub and zone kinds in data and output, parsed and written in this one place
/// (docs/data-model.md): hubs are <c>central</c> or <c>regional</c>; zones carry free text, of which the
/// project knows <c>ward</c>, <c>hub_area</c> and the default <c>zone</c>.
/// </summary>
public static class Kinds
{
    /// <summary>Zone kind of the administrative wards (区).</summary>
    public const string Ward = "ward";

    /// <summary>Zone kind of the hub areas (都市機能誘導区域 named after a hub).</summary>
    public const string HubArea = "hub_area";

    /// <summary>Zone kind when the data gives none.</summary>
    public const string DefaultZone = "zone";

    /// <summary>The hub kinds as written: central, regional.</summary>
    public static IReadOnlyList<string> HubKindNames { get; } = ["central", "regional"];

    /// <summary>"central" or "regional".</summary>
    public static string Name(HubKind kind) => kind == HubKind.Central ? "central" : "regional";

    /// <summary>Parses "central" or "regional" (exactly, as the data model writes them).</summary>
    public static bool TryParseHubKind(string? text, out HubKind kind)
    {
        switch (text)
        {
            case "central":
                kind = HubKind.Central;
                return true;
            case "regional":
                kind = HubKind.Regional;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
