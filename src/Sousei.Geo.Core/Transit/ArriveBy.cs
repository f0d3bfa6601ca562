using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>For one hub pair, the latest departure minute that still arrives by the deadline, and its travel time; nulls when none does.</summary>
public sealed record ArriveByPair(string From, string To, int? LatestDepartureSeconds, int? TravelSeconds);

/// <summary>
/// Arrive-by (r5r's <c>arrival_travel_time_matrix</c>): for every ordered pair of hubs, the latest departure, to the
/// minute, from which a journey (the rules of <see cref="TransitRouter"/>) arrives by <c>deadlineSeconds</c>, searched
/// over the departures of the <c>lookbackMinutes</c> before the deadline; departing one minute later does not arrive in
/// time. Origins run in parallel. Thread-safe.
/// </summary>
public static class ArriveBy
{
    /// <summary>Default search: the three hours before the deadline.</summary>
    public const int DefaultLookbackMinutes = 180;

    public static IReadOnlyList<ArriveByPair> Compute(TransitNetwork network, IReadOnlyList<Hub> hubs, TransitOptions options, int deadlineSeconds, int lookbackMinutes = DefaultLookbackMinutes)
    {
        var window = options with { WindowStartSeconds = Math.Max(0, deadlineSeconds - lookbackMinutes * 60), WindowEndSeconds = deadlineSeconds + 1 };
        window.Validate();
        var departures = window.DepartureSeconds();
        var points = hubs.Select(h => network.Projection.Project(h.Location.X, h.Location.Y)).ToArray();
        var near = points.Select(p => network.StopsNearPlane(p.X, p.Y, window.AccessRadiusMeters, window)).ToArray();
        var travel = new int[hubs.Count][][];
        Parallel.For(0, hubs.Count, () => new RaptorSearch(network, window), (o, _, search) =>
        {
            travel[o] = TransitRouter.TravelSeconds(network, points[o], points, near, search, window);
            return search;
        }, _ => { });

        var pairs = new List<ArriveByPair>();
        for (var o = 0; o < hubs.Count; o++)
        {
            for (var d = 0; d < hubs.Count; d++)
            {
                if (o == d)
                {
                    continue;
                }

                int? latest = null, seconds = null;
                for (var i = departures.Length - 1; i >= 0; i--)
                {
                    var t = travel[o][d][i];
                    if (t != int.MaxValue && departures[i] + t <= deadlineSeconds)
                    {
                        (latest, seconds) = (departures[i], t);
                        break;
                    }
                }

                pairs.Add(new ArriveByPair(hubs[o].Id, hubs[d].Id, latest, seconds));
            }
        }

        return pairs;
    }
}
