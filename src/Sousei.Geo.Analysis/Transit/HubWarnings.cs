using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>A hub the timetables do not connect, and the likely reason.</summary>
public sealed record HubWarning(string Hub, string Name, string Reason);

/// <summary>
/// Coverage gaps of a hub matrix, named in the text, the JSON and the report: a hub with no stop within the access
/// radius, one whose stops have no trip that day, and one with no journey to the central hub at the median departure.
/// </summary>
public static class HubWarnings
{
    public static IReadOnlyList<HubWarning> Of(HubConnectivityResult r)
    {
        var central = r.Hubs.FirstOrDefault(h => h.Kind == Core.Model.HubKind.Central);
        var warnings = new List<HubWarning>();
        foreach (var h in r.Hubs.Where(h => h != central))
        {
            if (h.StopCount == 0)
            {
                warnings.Add(new HubWarning(h.Id, h.Name, "no stop within the access radius: no published timetable serves it (a line missing from the feeds, e.g. JR, or a feed refused)"));
            }
            else if (h.TripsPerDay == 0)
            {
                warnings.Add(new HubWarning(h.Id, h.Name, $"{h.StopCount} stop(s) within the access radius but no trip that day"));
            }
            else if (central is not null && h.MinutesToCentral is null)
            {
                warnings.Add(new HubWarning(h.Id, h.Name, $"no journey to {central.Name} at the median departure of the window ({h.TripsPerDay} trips a day at its stops)"));
            }
        }

        return warnings;
    }
}
