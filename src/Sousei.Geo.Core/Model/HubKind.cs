namespace Sousei.Geo.Core.Model;

/// <summary>The kind of a hub of the multi-core city (多核連携都市): the central hub (中心市街地) or a regional hub (地域拠点).</summary>
public enum HubKind
{
    Central,
    Regional,
}
