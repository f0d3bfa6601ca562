using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>A building footprint in longitude/latitude with its number of floors and use.</summary>
public sealed record Building(string Id, Geometry Geometry, int Floors, string Use)
{
    /// <summary>True when people can live in it: use <c>residential</c> or <c>mixed</c>.</summary>
    public bool IsResidential => Use is "residential" or "mixed";
}
