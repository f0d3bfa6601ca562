using Sousei.Geo.Core.Crs;
using Sousei.Geo.IO.Layers;

namespace Sousei.Geo.Analysis.Export;

/// <summary>
/// The layers to write, every geometry in <paramref name="Crs"/> (the city's plane zone); the layers left out with the
/// reason; the service day of the transit layers (null without GTFS) and the density method and year used (null without density).
/// </summary>
public sealed record LayersExportResult(IReadOnlyList<VectorLayer> Layers, IReadOnlyList<SkippedLayer> Skipped, PlaneProjection Crs, DateOnly? ServiceDate, string? DensityMethod, int? DensityYear);
