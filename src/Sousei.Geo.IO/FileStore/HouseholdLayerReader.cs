using System.Globalization;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// Reads the households layer (often a million points) fast: features are located in one pass, then
/// parsed in parallel straight from the bytes (<see cref="PointFeatureParser"/>) and validated like
/// every other layer; a feature of any other shape goes through the general reader, so the result
/// and the problems are the same as the general path's, only faster.
/// </summary>
internal static class HouseholdLayerReader
{
    private static readonly string[] Wanted = ["persons", "year"];

    public static List<Household> Read(string path, ProblemCollector problems, GeometryChecks checks)
    {
        var file = Path.GetFileName(path);
        if (LayerFiles.TryReadAllBytes(path, problems) is not { } bytes)
        {
            return [];
        }

        var slices = GeoJsonFeatureReader.FindFeatures(bytes, file, problems);
        if (slices is null)
        {
            return [];
        }

        var parsed = new Household[slices.Count];
        var status = new byte[slices.Count]; // 0 ok, 1 fallback, 2 problem
        var messages = new (string Code, string Message, string? Id)[slices.Count];
        Parallel.For(0, slices.Count, () => new PointFeatureParser.Value[Wanted.Length], (i, _, values) =>
        {
            var (start, length) = slices[i];
            if (!PointFeatureParser.TryParse(bytes.AsSpan(start, length), Wanted, values, out var x, out var y, out var id))
            {
                status[i] = 1;
                return values;
            }

            if (checks.PointProblem(x, y) is { } problem)
            {
                status[i] = 2;
                messages[i] = ("geometry.coordinates", problem, id);
                return values;
            }

            var persons = Integer(values[0], "persons", 0, out var personsProblem);
            var year = Integer(values[1], "year", 1800, out var yearProblem);
            if (personsProblem is not null || yearProblem is not null)
            {
                status[i] = 2;
                messages[i] = (personsProblem is not null ? "attribute.persons" : "attribute.year", personsProblem ?? yearProblem!, id);
                if (personsProblem is not null && yearProblem is not null)
                {
                    messages[i] = ("attribute.persons", personsProblem + "; " + yearProblem, id);
                }

                return values;
            }

            parsed[i] = new Household(x, y, persons, year);
            return values;
        }, _ => { });

        var lines = new GeoJsonFeatureReader.LineIndex(bytes);
        var result = new List<Household>(slices.Count);
        for (var i = 0; i < slices.Count; i++)
        {
            switch (status[i])
            {
                case 0:
                    result.Add(parsed[i]);
                    break;
                case 2:
                    var (code, message, id) = messages[i];
                    problems.Add(new DataProblem(code, file, message, i, id, lines.LineOf(slices[i].Start)));
                    break;
                default:
                    var (start, length) = slices[i];
                    var h = FileStoreReader.ReadOne(bytes.AsSpan(start, length), file, i, lines.LineOf(start), FileStoreReader.PointOnly, problems, checks, FileStoreReader.ToHousehold);
                    if (h is { } household)
                    {
                        result.Add(household);
                    }

                    break;
            }
        }

        return result;
    }

    private static int Integer(PointFeatureParser.Value value, string name, long min, out string? problem)
    {
        problem = null;
        long l;
        if (!value.Present)
        {
            problem = $"property '{name}' is missing";
            return 0;
        }

        if (value.Number is { } d)
        {
            if (Math.Abs(d - Math.Round(d)) > 1e-9 || Math.Abs(d) > 1e15)
            {
                problem = $"property '{name}' must be an integer, found {value.Raw}";
                return 0;
            }

            l = (long)Math.Round(d);
        }
        else if (value.Text is { } s && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            l = parsed;
        }
        else
        {
            problem = $"property '{name}' must be an integer, found {(value.Text is null ? value.Raw : $"\"{value.Text}\"")}";
            return 0;
        }

        if (l < min || l > int.MaxValue)
        {
            problem = $"property '{name}' is {l}; it must be a whole number ≥ {min}";
            return 0;
        }

        return (int)l;
    }
}
