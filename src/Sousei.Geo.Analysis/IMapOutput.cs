using NetTopologySuite.Geometries;

namespace Sousei.Geo.Analysis;

/// <summary>One class of a thematic map: its legend label (Japanese and English) and fill colour (#rrggbb).</summary>
public sealed record MapThemeClass(string Label, string LabelEnglish, string Color);

/// <summary>
/// A thematic map of a result, for the PNG renderer (<c>--format png</c>, <c>format=png</c>): a title, the classes of
/// the legend and the areas (longitude/latitude) with the index of their class. What to draw is the analysis's;
/// how to draw it (projection, legend, scale bar, north arrow) the renderer's.
/// </summary>
public sealed record MapTheme(string Title, string TitleEnglish, IReadOnlyList<MapThemeClass> Classes, IReadOnlyList<(Geometry Area, int Class)> Areas);

/// <summary>An analysis whose result can also be drawn as a thematic map.</summary>
public interface IMapOutput<in TResult>
{
    MapTheme Theme(TResult result);
}
