using System.Text.RegularExpressions;

namespace Sousei.Geo.IO.Layers;

/// <summary>
/// A named layer of features to write to a file (<see cref="GeoPackage.GeoPackageLayerWriter"/>): geometry type,
/// attribute fields and the features, all in one CRS. Immutable once built.
/// </summary>
public sealed partial record VectorLayer(string Name, string Description, LayerGeometryType GeometryType, IReadOnlyList<LayerField> Fields, IReadOnlyList<LayerFeature> Features)
{
    /// <summary>True for a name of lower-case ASCII letters, digits and underscores that starts with a letter.</summary>
    public static bool IsSnakeCase(string name) => SnakeCase().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex SnakeCase();
}
