using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.Scenarios;

/// <summary>
/// Reads a scenario file (docs/scenarios.md, schema docs/schema/scenario.schema.json): every problem is collected
/// with the file, the modification's index and id, and the field, instead of stopping at the first; a scenario with
/// any problem is not returned, so it is never half-applied. Stateless and thread-safe.
/// </summary>
public static class ScenarioReader
{
    private static readonly string[] Types = ["add_line", "remove_routes", "adjust_headway", "adjust_speed"];

    private static readonly Dictionary<string, string[]> Members = new(StringComparer.Ordinal)
    {
        ["add_line"] = ["type", "id", "name", "mode", "stops", "minutes_between_stops", "dwell_minutes", "bidirectional", "days", "service"],
        ["remove_routes"] = ["type", "id", "routes"],
        ["adjust_headway"] = ["type", "id", "routes", "from", "to", "headway_minutes"],
        ["adjust_speed"] = ["type", "id", "routes", "factor"],
    };

    /// <summary>Reads the scenario of <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is unreadable or has problems.</exception>
    public static TransitScenario ReadFile(string path)
    {
        var file = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                throw new DataException(new DataProblem("scenario.unreadable", path, "is a directory, not a scenario file"));
            }

            bytes = InputFiles.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DataException(new DataProblem("scenario.unreadable", path, "cannot read the scenario file: " + e.Message));
        }

        var problems = new ProblemCollector();
        var scenario = Read(bytes, file, problems);
        problems.ThrowIfAny();
        return scenario!;
    }

    /// <summary>Reads a scenario from UTF-8 JSON; null when it has problems (all collected in <paramref name="problems"/>).</summary>
    public static TransitScenario? Read(ReadOnlySpan<byte> json, string file, ProblemCollector problems)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add(new DataProblem("scenario.json", file, "not valid JSON: " + e.Message.Split('\n')[0], Line: e.LineNumber + 1));
            return null;
        }

        using (doc)
        {
            var before = problems.Problems.Count + (problems.Truncated ? 1 : 0);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new DataProblem("scenario.json", file, "a scenario is a JSON object with name and modifications"));
                return null;
            }

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString()!.Trim().Length > 0 ? n.GetString()! : null;
            if (name is null)
            {
                problems.Add(new DataProblem("scenario.field", file, "name: required, a non-empty string"));
            }

            var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            foreach (var p in root.EnumerateObject().Where(p => p.Name is not ("name" or "description" or "modifications" or "$schema")))
            {
                problems.Add(new DataProblem("scenario.field", file, $"{p.Name}: unknown member (members: name, description, modifications)"));
            }

            var list = new List<ScenarioModification>();
            if (!root.TryGetProperty("modifications", out var mods) || mods.ValueKind != JsonValueKind.Array || mods.GetArrayLength() == 0)
            {
                problems.Add(new DataProblem("scenario.field", file, "modifications: required, a non-empty array"));
            }
            else
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var m in mods.EnumerateArray())
                {
                    var reader = new Modification(m, index, file, problems);
                    if (reader.Read() is { } modification)
                    {
                        if (!ids.Add(modification.Id))
                        {
                            reader.Problem("id", $"'{modification.Id}' is used by two modifications");
                        }

                        list.Add(modification);
                    }

                    index++;
                }
            }

            var after = problems.Problems.Count + (problems.Truncated ? 1 : 0);
            return after == before ? new TransitScenario(name!, description, list) : null;
        }
    }

    /// <summary>Reads one modification, naming it (index and id) and the field in each problem.</summary>
    private sealed class Modification(JsonElement e, int index, string file, ProblemCollector problems)
    {
        private string _id = $"m{index + 1}";
        private bool _bad;

        public void Problem(string field, string message)
        {
            _bad = true;
            problems.Add(new DataProblem("scenario.modification", file, $"{field}: {message}", index, _id));
        }

        public ScenarioModification? Read()
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Problem("type", "a modification is a JSON object with a type");
                return null;
            }

            if (e.TryGetProperty("id", out var id))
            {
                if (id.ValueKind == JsonValueKind.String && id.GetString()!.Length is > 0 and <= 64)
                {
                    _id = id.GetString()!;
                }
                else
                {
                    Problem("id", "must be a string of 1 to 64 characters");
                }
            }

            var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is null || !Types.Contains(type))
            {
                Problem("type", $"'{type}' is not one of {string.Join(", ", Types)}");
                return null;
            }

            foreach (var p in e.EnumerateObject().Where(p => !Members[type].Contains(p.Name)))
            {
                Problem(p.Name, $"unknown member of {type} (members: {string.Join(", ", Members[type])})");
            }

            ScenarioModification? result = type switch
            {
                "add_line" => AddLine(),
                "remove_routes" => new RemoveRoutes(_id, Routes()),
                "adjust_headway" => Headway(),
                _ => new AdjustSpeed(_id, Routes(), Number("factor", 0.05, 20, required: true) ?? 1),
            };
            return _bad ? null : result;
        }

        private AdjustHeadway Headway()
        {
            var routes = Routes();
            var (from, to) = Window(e, "from", "to");
            return new AdjustHeadway(_id, routes, from, to, Number("headway_minutes", 0.5, 1440, required: true) ?? 1);
        }

        private AddLine AddLine()
        {
            var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : _id;
            var mode = e.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var lineMode = mode switch { "rail" => LineMode.Rail, "tram" => LineMode.Tram, "bus" => LineMode.Bus, _ => LineMode.Bus };
            if (mode is not ("rail" or "tram" or "bus"))
            {
                Problem("mode", $"'{mode}' is not rail, tram or bus");
            }

            var stops = new List<ScenarioStop>();
            if (!e.TryGetProperty("stops", out var s) || s.ValueKind != JsonValueKind.Array || s.GetArrayLength() < 2)
            {
                Problem("stops", "required: an array of at least two stops ({\"stop_id\": \"FEED:STOP_ID\"} or {\"name\", \"lon\", \"lat\"})");
            }
            else
            {
                var k = 0;
                foreach (var stop in s.EnumerateArray())
                {
                    stops.Add(Stop(stop, k++));
                }
            }

            var minutes = new List<double>();
            if (!e.TryGetProperty("minutes_between_stops", out var mins) || mins.ValueKind != JsonValueKind.Array)
            {
                Problem("minutes_between_stops", "required: an array of the running minutes between consecutive stops");
            }
            else
            {
                foreach (var v in mins.EnumerateArray())
                {
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && double.IsFinite(x) && x > 0 && x <= 600)
                    {
                        minutes.Add(x);
                    }
                    else
                    {
                        Problem("minutes_between_stops", $"{v.GetRawText()} is not a number of minutes > 0 (at most 600)");
                    }
                }

                if (stops.Count >= 2 && mins.GetArrayLength() != stops.Count - 1)
                {
                    Problem("minutes_between_stops", $"has {mins.GetArrayLength()} entries; {stops.Count} stops need {stops.Count - 1}");
                }
            }

            var dwell = Number("dwell_minutes", 0, 60, required: false) ?? 0;
            var bidirectional = false;
            if (e.TryGetProperty("bidirectional", out var b))
            {
                if (b.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    bidirectional = b.GetBoolean();
                }
                else
                {
                    Problem("bidirectional", "must be true or false");
                }
            }

            var days = Days();
            var service = new List<ServiceWindow>();
            if (!e.TryGetProperty("service", out var sv) || sv.ValueKind != JsonValueKind.Array || sv.GetArrayLength() == 0)
            {
                Problem("service", "required: an array of windows {\"from\": \"HH:MM\", \"to\": \"HH:MM\", \"headway_minutes\": N}");
            }
            else
            {
                foreach (var w in sv.EnumerateArray())
                {
                    if (w.ValueKind != JsonValueKind.Object)
                    {
                        Problem("service", "each window is an object with from, to and headway_minutes");
                        continue;
                    }

                    var (from, to) = Window(w, "from", "to", "service.");
                    var headway = w.TryGetProperty("headway_minutes", out var h) && h.ValueKind == JsonValueKind.Number && h.TryGetDouble(out var hv) && double.IsFinite(hv) ? hv : double.NaN;
                    if (!(headway is >= 0.5 and <= 1440))
                    {
                        Problem("service.headway_minutes", $"{(w.TryGetProperty("headway_minutes", out var hr) ? hr.GetRawText() : "missing")}: must be a number of minutes from 0.5 to 1440");
                    }

                    service.Add(new ServiceWindow(from, to, headway));
                }
            }

            return new AddLine(_id, name, lineMode, stops, minutes, dwell, bidirectional, days, service);
        }

        private ScenarioStop Stop(JsonElement stop, int k)
        {
            var field = $"stops[{k}]";
            if (stop.ValueKind != JsonValueKind.Object)
            {
                Problem(field, "a stop is {\"stop_id\": \"FEED:STOP_ID\"} or {\"name\": …, \"lon\": …, \"lat\": …}");
                return new ScenarioStop(null, null, 0, 0);
            }

            if (stop.TryGetProperty("stop_id", out var id))
            {
                var text = id.ValueKind == JsonValueKind.String ? id.GetString()! : "";
                if (!text.Contains(':', StringComparison.Ordinal))
                {
                    Problem(field + ".stop_id", $"'{text}' must be FEED:STOP_ID (the feed's name, a colon, the stop_id)");
                }

                return new ScenarioStop(text, null, null, null);
            }

            double? Coordinate(string name, double min, double max)
            {
                if (stop.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && double.IsFinite(x) && x >= min && x <= max)
                {
                    return x;
                }

                Problem($"{field}.{name}", $"required without stop_id: a number from {min} to {max}");
                return null;
            }

            var lon = Coordinate("lon", -180, 180);
            var lat = Coordinate("lat", -90, 90);
            var stopName = stop.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return new ScenarioStop(null, stopName, lon ?? 0, lat ?? 0);
        }

        private ScenarioDays Days()
        {
            if (!e.TryGetProperty("days", out var d))
            {
                return ScenarioDays.All;
            }

            if (d.ValueKind == JsonValueKind.String)
            {
                switch (d.GetString())
                {
                    case "all":
                        return ScenarioDays.All;
                    case "weekdays":
                        return ScenarioDays.Weekdays;
                    case "weekends":
                        return ScenarioDays.Weekends;
                }
            }
            else if (d.ValueKind == JsonValueKind.Array && d.GetArrayLength() > 0)
            {
                var dates = new List<DateOnly>();
                foreach (var v in d.EnumerateArray())
                {
                    if (v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        dates.Add(date);
                    }
                    else
                    {
                        Problem("days", $"{v.GetRawText()} is not a date YYYY-MM-DD");
                    }
                }

                return ScenarioDays.On(dates);
            }

            Problem("days", "must be all, weekdays, weekends or a non-empty list of dates YYYY-MM-DD");
            return ScenarioDays.All;
        }

        private List<string> Routes()
        {
            var routes = new List<string>();
            if (!e.TryGetProperty("routes", out var r) || r.ValueKind != JsonValueKind.Array || r.GetArrayLength() == 0)
            {
                Problem("routes", "required: a non-empty array of FEED:ROUTE_ID");
                return routes;
            }

            foreach (var v in r.EnumerateArray())
            {
                var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                if (v.ValueKind != JsonValueKind.String || !text.Contains(':', StringComparison.Ordinal))
                {
                    Problem("routes", $"{text} must be FEED:ROUTE_ID (the feed's name, a colon, the route_id)");
                }
                else
                {
                    routes.Add(text);
                }
            }

            return routes;
        }

        private double? Number(string name, double min, double max, bool required)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                if (required)
                {
                    Problem(name, $"required: a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
                }

                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && double.IsFinite(x) && x >= min && x <= max)
            {
                return x;
            }

            Problem(name, $"{v.GetRawText()} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        private (int From, int To) Window(JsonElement o, string fromName, string toName, string prefix = "")
        {
            int? Clock(string name)
            {
                var text = o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
                if (Core.Transit.TransitOptions.TryParseClock(text, out var seconds))
                {
                    return seconds;
                }

                Problem(prefix + name, $"'{text}' must be a time HH:MM from 00:00 to 48:00 (GTFS times past midnight allowed)");
                return null;
            }

            var from = Clock(fromName);
            var to = Clock(toName);
            if (from is { } f && to is { } t && t <= f)
            {
                Problem(prefix + toName, $"the window ends ({o.GetProperty(toName).GetString()}) before or when it starts ({o.GetProperty(fromName).GetString()})");
            }

            return (from ?? 0, to ?? 0);
        }
    }
}
