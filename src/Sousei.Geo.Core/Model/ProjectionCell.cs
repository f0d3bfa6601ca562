using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>
/// One cell of a future-population projection (国土数値情報 500 m メッシュ別将来推計人口): its code, its polygon
/// (longitude/latitude, SRID 4326) and the projected persons per year (the product's <c>ptn_YYYY</c> columns).
/// </summary>
public sealed record ProjectionCell(string Code, Geometry Geometry, IReadOnlyDictionary<int, double> PersonsByYear);
