using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Vacant;

/// <summary>Hubs and frequent stops projected once, then <see cref="VacantHouseMeasures"/> per house. Thread-safe.</summary>
internal sealed class VacantHouseMeasurer
{
    private readonly StudyArea _study;
    private readonly IReadOnlyList<Hub> _hubs;
    private readonly List<Hub> _regionalHubs;
    private readonly (double X, double Y)[] _hubPoints;
    private readonly (double X, double Y)[] _regionalPoints;
    private readonly (double X, double Y)[]? _stopPoints;

    public VacantHouseMeasurer(StudyArea study, IReadOnlyList<Hub> hubs, IReadOnlyList<(double Longitude, double Latitude)>? frequentStops)
    {
        var projection = study.Projection;
        _study = study;
        _hubs = hubs;
        _regionalHubs = hubs.Where(h => h.Kind == HubKind.Regional).ToList();
        _hubPoints = hubs.Select(h => projection.Project(h.Location.X, h.Location.Y)).ToArray();
        _regionalPoints = _regionalHubs.Select(h => projection.Project(h.Location.X, h.Location.Y)).ToArray();
        _stopPoints = frequentStops?.Select(s => projection.Project(s.Longitude, s.Latitude)).ToArray();
    }

    /// <summary>True when there are regional hubs to measure to.</summary>
    public bool HasRegionalHubs => _regionalPoints.Length > 0;

    /// <summary>True when a list of frequent stops was given (it may be empty).</summary>
    public bool HasFrequentStops => _stopPoints is not null;

    public VacantHouseMeasures Measure(VacantHouse house)
    {
        var site = VacantHouseSite.Locate(_study, house);
        var (x, y) = _study.Projection.Project(site.Longitude, site.Latitude);
        var (hubIndex, hubDistance) = Nearest(_hubPoints, x, y);
        var (regionalIndex, regionalDistance) = Nearest(_regionalPoints, x, y);
        double? stopDistance = _stopPoints is null ? null : Nearest(_stopPoints, x, y).Distance;
        return new VacantHouseMeasures(site,
            hubIndex >= 0 ? _hubs[hubIndex].Id : null, hubDistance,
            regionalIndex >= 0 ? _regionalHubs[regionalIndex].Id : null, regionalDistance,
            stopDistance);
    }

    /// <summary>Index of the nearest point (first of equals) and its distance; (−1, null) for no points.</summary>
    private static (int Index, double? Distance) Nearest((double X, double Y)[] points, double x, double y)
    {
        var bestIndex = -1;
        var best = double.PositiveInfinity;
        for (var i = 0; i < points.Length; i++)
        {
            var (px, py) = points[i];
            var d = (px - x) * (px - x) + (py - y) * (py - y);
            if (d < best)
            {
                best = d;
                bestIndex = i;
            }
        }

        return bestIndex < 0 ? (-1, null) : (bestIndex, Math.Sqrt(best));
    }
}
