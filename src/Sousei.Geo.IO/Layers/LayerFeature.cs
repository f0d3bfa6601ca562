using NetTopologySuite.Geometries;

namespace Sousei.Geo.IO.Layers;

/// <summary>
/// One feature of a <see cref="VectorLayer"/>: its geometry (SRID set, in the layer's CRS) and one value per field
/// of the layer, in field order (null: no value).
/// </summary>
public sealed record LayerFeature(Geometry Geometry, IReadOnlyList<object?> Values);
