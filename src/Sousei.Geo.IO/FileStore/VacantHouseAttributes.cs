using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The attribute rules of a vacant house (docs/data-model.md), shared by every reader of the layer:
/// GeoJSON in the file store, and the Shapefile and CSV imports into PostGIS. Stateless, thread-safe.
/// </summary>
public static class VacantHouseAttributes
{
    /// <summary>Checks one house's properties and builds it.</summary>
    /// <param name="geometry">The checked point or footprint, longitude/latitude (EPSG:4326).</param>
    /// <param name="get">A property by name, null when absent: a string, a number (int, long, double,
    /// float, decimal), a bool, a .dbf DateTime or a GeoJSON <see cref="System.Text.Json.JsonElement"/>.
    /// Strings are taken as they are; a reader whose blank cells mean "absent" maps them to null.</param>
    /// <param name="problem">Receives every problem as (code, message); codes are <c>attribute.&lt;property&gt;</c>.</param>
    /// <returns>The house, or null when it has no id; a house is returned even when other properties had problems, so that its id can still be checked for duplicates.</returns>
    public static VacantHouse? Read(Geometry geometry, Func<string, object?> get, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(problem);
        string? Text(string name) => AttributeValues.Text(get(name));

        var id = Text("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            problem("attribute.id", "property 'id' is missing");
        }

        string? Rank(string name)
        {
            var v = Text(name);
            var normalised = v switch
            {
                null or "" => null,
                "低" or "low" => "low",
                "中" or "medium" => "medium",
                "高" or "high" => "high",
                _ => "?",
            };
            if (normalised == "?")
            {
                problem("attribute." + name, $"property '{name}' is '{v}'; expected low, medium or high (低/中/高)");
                return null;
            }

            return normalised;
        }

        double? Fail(string name, string message)
        {
            problem("attribute." + name, message);
            return null;
        }

        // Areas and widths are measurements: a negative one is an error in the survey, not a value to rank by.
        double? Measure(string name) => get(name) is not { } raw ? null
            : !AttributeValues.TryNumber(raw, name, out var v, out var message) ? Fail(name, message!)
            : v < 0 ? Fail(name, $"property '{name}' is {v.ToString(CultureInfo.InvariantCulture)}; it must be ≥ 0")
            : v;

        var likelihood = Rank("vacancy_likelihood");
        var decay = Rank("decay_rank");
        var built = get("built_year") is { } rawYear ? AttributeValues.WholeNumber(rawYear, "built_year", 1, problem, HouseholdAttributes.MaximumYear, "the year a house was built") : null;
        var floor = Measure("floor_area_m2");
        var land = Measure("land_area_m2");
        var frontage = Measure("frontage_road_width_m");
        var surveyDate = Text("survey_date");
        if (!string.IsNullOrEmpty(surveyDate) && !DateOnly.TryParseExact(surveyDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problem("attribute.survey_date", $"property 'survey_date' is '{surveyDate}'; expected a date YYYY-MM-DD");
        }

        var status = Text("status");
        if (!string.IsNullOrEmpty(status) && !VacantHouseFilter.Statuses.Contains(status))
        {
            // The ranking leaves out demolished houses and filters by status: an unknown value would be ranked as if vacant.
            problem("attribute.status", $"property 'status' is '{status}'; expected one of {string.Join(", ", VacantHouseFilter.Statuses)}");
        }

        return string.IsNullOrWhiteSpace(id) ? null
            : new VacantHouse(id, geometry, likelihood, decay, built, Text("structure"), floor, land, frontage,
                string.IsNullOrEmpty(surveyDate) ? null : surveyDate, string.IsNullOrEmpty(status) ? null : status,
                Text("owner_name"), Text("owner_contact"));
    }
}
