using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>A hub of the multi-core city: central or regional (<see cref="HubKind"/>); point in longitude/latitude.</summary>
public sealed record Hub(string Id, string Name, HubKind Kind, Point Location)
{
    public bool IsCentral => Kind == HubKind.Central;
}
