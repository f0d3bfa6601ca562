using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Json;

/// <summary>
/// JSON of a <see cref="HubConnectivityResult"/>, shared by <c>sousei hubs --format json</c> and the service's
/// <c>/api/hubs/matrix</c>: date, window, departures, pairs (from, to, travel_minutes p‹N›, shares within 30/45/60
/// minutes, direct trips per day) and hubs (stops, trips and routes per day, minutes to central). Minutes are
/// rounded to 0.1, shares to 1e-4; an infinite travel time is null.
/// </summary>
public static class HubConnectivityJson
{
    /// <summary>Writes the result as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, HubConnectivityResult r)
    {
        w.WriteStartObject();
        w.WriteString("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("window", r.Window);
        w.WriteNumber("departures", r.DepartureCount);
        w.WriteStartArray("pairs");
        foreach (var p in r.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("from", p.From);
            w.WriteString("to", p.To);
            w.WriteStartObject("travel_minutes");
            foreach (var (pct, minutes) in p.TravelMinutes)
            {
                w.WriteNumberOrNull($"p{pct}", minutes, 1);
            }

            w.WriteEndObject();
            w.WriteNumber("share_within_30", Math.Round(p.ShareWithin30, 4));
            w.WriteNumber("share_within_45", Math.Round(p.ShareWithin45, 4));
            w.WriteNumber("share_within_60", Math.Round(p.ShareWithin60, 4));
            w.WriteNumber("direct_trips_per_day", p.DirectTripsPerDay);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("hubs");
        foreach (var h in r.Hubs)
        {
            w.WriteStartObject();
            w.WriteString("id", h.Id);
            w.WriteString("name", h.Name);
            w.WriteString("kind", Kinds.Name(h.Kind));
            w.WriteNumber("stops", h.StopCount);
            w.WriteNumber("trips_per_day", h.TripsPerDay);
            w.WriteNumber("routes", h.Routes);
            w.WriteNumberOrNull("minutes_to_central", h.MinutesToCentral, 1);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (r.ArriveBySeconds is { } deadline)
        {
            w.WriteStartObject("arrive_by");
            w.WriteString("deadline", TransitOptions.FormatClock(deadline));
            w.WriteStartArray("pairs");
            foreach (var p in r.ArriveByPairs)
            {
                w.WriteStartObject();
                w.WriteString("from", p.From);
                w.WriteString("to", p.To);
                if (p.LatestDepartureSeconds is { } t)
                {
                    w.WriteString("latest_departure", TransitOptions.FormatClock(t));
                }
                else
                {
                    w.WriteNull("latest_departure");
                }

                w.WriteNumberOrNull("travel_minutes", p.TravelSeconds / 60.0, 1);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("warnings");
        foreach (var warning in Transit.HubWarnings.Of(r))
        {
            w.WriteStartObject();
            w.WriteString("hub", warning.Hub);
            w.WriteString("name", warning.Name);
            w.WriteString("reason", warning.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
