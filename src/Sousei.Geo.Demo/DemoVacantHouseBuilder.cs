using System.Globalization;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// Draws the 空き家 survey: detached houses nobody lives in, about a third inside the inducement
/// area (older districts near the centre) and the rest in the outer suburbs. Older houses decay
/// more, face narrower roads and are more likely empty. Surveyed on weekdays in the second half of 2023.
/// </summary>
internal static class DemoVacantHouseBuilder
{
    private const int Count = 3000;

    public static List<DemoVacantHouse> Build(Random random, DemoCityLayout layout, DemoSiteSampler sampler, double scale)
    {
        var count = Math.Max(1, (int)Math.Round(Count * scale));
        var result = new List<DemoVacantHouse>(count);
        var surveyStart = new DateOnly(2023, 6, 1);
        while (result.Count < count)
        {
            var inside = random.NextDouble() < 0.35;
            var envelope = inside ? sampler.AreaEnvelope : sampler.CityEnvelope;
            var p = new Coordinate(envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height);
            if (!sampler.RoughlyFits(p, inside))
            {
                continue;
            }

            var weight = inside
                ? (0.5 + Math.Exp(-sampler.DistanceToCentre(p) / 2500)) / 1.5
                : (0.1 + Math.Exp(-sampler.DistanceToArea(p) / 1000)) / 1.1;
            if (random.NextDouble() > weight)
            {
                continue;
            }

            var (width, depth) = (8 + random.NextDouble() * 5, 8 + random.NextDouble() * 4);
            var floors = random.NextDouble() < 0.45 ? 1 : 2;
            var building = DemoPopulationBuilder.Place(sampler, layout, random, DemoBuildingKind.VacantHouse, p, inside, width, depth, floors, 1);
            if (building is null)
            {
                continue;
            }

            var n = result.Count + 1;
            var builtYear = 1950 + (int)(55 * Math.Pow(random.NextDouble(), 1.6));
            var decayScore = (2023 - builtYear) / 70.0 + (random.NextDouble() - 0.5) * 0.5;
            var decay = decayScore > 0.75 ? "high" : decayScore > 0.45 ? "medium" : "low";
            var likelihoodScore = 0.5 * decayScore + 0.6 * random.NextDouble();
            var likelihood = likelihoodScore > 0.7 ? "high" : likelihoodScore > 0.4 ? "medium" : "low";
            var structure = random.NextDouble() switch { < 0.82 => "wood", < 0.93 => "steel", _ => "rc" };
            var footprint = building.WidthMeters * building.DepthMeters;
            var road = builtYear < 1970 ? 1.8 + random.NextDouble() * 3.2 : 2.5 + random.NextDouble() * 5.5;
            var statusDraw = random.NextDouble();
            var status = statusDraw switch
            {
                < 0.07 => "listed",
                < 0.12 => "under_repair",
                < 0.16 => "demolished",
                < 0.20 => decay == "high" ? "specified" : "vacant",
                _ => "vacant",
            };
            var day = surveyStart.AddDays(random.Next(0, 200));
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            result.Add(new DemoVacantHouse(
                building,
                "VH-" + n.ToString("D5", CultureInfo.InvariantCulture),
                likelihood,
                decay,
                builtYear,
                structure,
                Math.Round(footprint * floors * 0.9, 1),
                Math.Round(footprint * (2 + random.NextDouble() * 2), 1),
                Math.Round(road, 1),
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                status,
                "所有者 " + n.ToString("D4", CultureInfo.InvariantCulture),
                "owner" + n.ToString("D4", CultureInfo.InvariantCulture) + "@example.invalid"));
        }

        return result;
    }
}
