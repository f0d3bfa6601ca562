namespace Sousei.Geo.IO.Layers;

/// <summary>The geometry type a <see cref="VectorLayer"/> declares (GeoPackage <c>geometry_type_name</c>).</summary>
public enum LayerGeometryType
{
    Point,
    MultiPolygon,

    /// <summary>Any type (a layer of points and footprints).</summary>
    Geometry,
}
