using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Density;

/// <summary>
/// IF107 (future population density of the inducement area) for one projection: per year the persons inside the
/// 居住誘導区域 by areal weighting of the projection's cells, and the density over the part of the area the cells
/// cover (a partial projection gives the density of what it covers, never of the whole area).
/// </summary>
/// <param name="AreaHectares">The whole inducement area.</param>
/// <param name="CoveredHectares">The part of it the projection's cells cover.</param>
/// <param name="Cells">Cells that overlap the area.</param>
/// <param name="Years">Per projection year, the density of the covered part (AreaHectares = <paramref name="CoveredHectares"/>).</param>
public sealed record ProjectedDensityResult(double AreaHectares, double CoveredHectares, int Cells, IReadOnlyList<(int Year, AreaDensity Density)> Years)
{
    /// <summary>The share of the inducement area the projection covers (0–1).</summary>
    public double CoveredShare => AreaHectares > 0 ? CoveredHectares / AreaHectares : 0;
}

/// <summary>Computes <see cref="ProjectedDensityResult"/>. Areas are planar in the study area's plane CRS. Thread-safe.</summary>
public static class ProjectedDensity
{
    /// <summary>
    /// Each cell contributes persons × (cell ∩ area) / cell, as the areal weighting of town blocks; the covered area is
    /// Σ cell ∩ area (the cells of a mesh do not overlap).
    /// </summary>
    public static ProjectedDensityResult Compute(StudyArea study, IReadOnlyList<ProjectionCell> cells, double targetPerHectare = DensityCalculator.DefaultTargetPerHectare)
    {
        var years = cells.SelectMany(c => c.PersonsByYear.Keys).Distinct().Order().ToList();
        var population = new double[years.Count];
        double covered = 0;
        var overlapping = 0;
        var envelope = study.Area.LonLat.EnvelopeInternal;
        foreach (var cell in cells)
        {
            if (!cell.Geometry.EnvelopeInternal.Intersects(envelope))
            {
                continue;
            }

            var plane = study.Projection.Project(cell.Geometry);
            var cellArea = plane.Area;
            var inside = study.Area.IntersectionAreaSquareMeters(plane);
            if (cellArea <= 0 || inside <= 0)
            {
                continue;
            }

            overlapping++;
            covered += inside;
            var weight = Math.Min(1, inside / cellArea);
            for (var i = 0; i < years.Count; i++)
            {
                if (cell.PersonsByYear.TryGetValue(years[i], out var persons))
                {
                    population[i] += persons * weight;
                }
            }
        }

        var coveredHa = covered / 10_000.0;
        var result = years.Select((y, i) => (y, new AreaDensity(study.Area.Id, study.Area.Name, population[i], coveredHa, targetPerHectare))).ToList();
        return new ProjectedDensityResult(study.Area.AreaHectares, coveredHa, overlapping, result);
    }
}
