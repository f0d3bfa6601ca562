using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Persons expected to move into a vacant house that is lived in again. From the resident data: the average
/// household size (persons / households, over households with persons &gt; 0) of one year, per zone ∩ the
/// inducement area and for the whole area; or one fixed size for every house. Immutable and thread-safe.
/// </summary>
public sealed class HouseholdSizes
{
    private readonly Dictionary<string, double> _zoneAverages;
    private readonly Dictionary<string, double> _zoneAreas;

    private HouseholdSizes(int? year, double? fixedSize, double? areaAverage, double? cityAverage, Dictionary<string, double> zoneAverages, Dictionary<string, double> zoneAreas)
    {
        Year = year;
        FixedSize = fixedSize;
        AreaAverage = areaAverage;
        CityAverage = cityAverage;
        _zoneAverages = zoneAverages;
        _zoneAreas = zoneAreas;
    }

    /// <summary>Year of the households the averages come from; null for a fixed size.</summary>
    public int? Year { get; }

    /// <summary>The size given for every house, or null when averages are used.</summary>
    public double? FixedSize { get; }

    /// <summary>Average over households inside the inducement area; null when it holds none.</summary>
    public double? AreaAverage { get; }

    /// <summary>Average over every household of <see cref="Year"/>, the last fallback.</summary>
    public double? CityAverage { get; }

    /// <summary>Average per zone id (zone ∩ inducement area), for zones that hold households.</summary>
    public IReadOnlyDictionary<string, double> ZoneAverages => _zoneAverages;

    /// <summary>True when <see cref="PersonsFor"/> can answer for every house.</summary>
    public bool HasSize => FixedSize is not null || AreaAverage is not null || CityAverage is not null;

    /// <summary>One size for every house.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="persons"/> is not a finite number &gt; 0.</exception>
    public static HouseholdSizes Fixed(double persons)
    {
        if (!double.IsFinite(persons) || persons <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(persons), persons, "persons per household must be a number > 0");
        }

        return new HouseholdSizes(null, persons, null, null, [], []);
    }

    /// <summary>Averages from the households of <paramref name="year"/> (null: the latest year in the data).</summary>
    public static HouseholdSizes FromHouseholds(StudyArea study, IReadOnlyList<Household> households, int? year = null)
    {
        var chosen = year ?? (households.Count == 0 ? null : households.Max(h => h.Year));
        var zoneCount = study.Zones.Count;
        var persons = new long[zoneCount + 2];
        var count = new long[zoneCount + 2];
        var gate = new object();
        // Index 0 = the whole city, 1 = the inducement area, 2 + z = zone z.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, households.Count, 16_384), range =>
        {
            var p = new long[zoneCount + 2];
            var c = new long[zoneCount + 2];
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var h = households[i];
                if (h.Year != chosen || h.Persons <= 0)
                {
                    continue;
                }

                p[0] += h.Persons;
                c[0]++;
                if (!study.Area.Covers(h.Longitude, h.Latitude))
                {
                    continue;
                }

                p[1] += h.Persons;
                c[1]++;
                for (var z = 0; z < zoneCount; z++)
                {
                    if (study.Zones[z].CoversUnclipped(h.Longitude, h.Latitude))
                    {
                        p[z + 2] += h.Persons;
                        c[z + 2]++;
                    }
                }
            }

            lock (gate)
            {
                for (var k = 0; k < p.Length; k++)
                {
                    persons[k] += p[k];
                    count[k] += c[k];
                }
            }
        });

        double? Average(int k) => count[k] > 0 ? (double)persons[k] / count[k] : null;
        var zones = new Dictionary<string, double>(StringComparer.Ordinal);
        var areas = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var z = 0; z < zoneCount; z++)
        {
            var id = study.Zones[z].Id;
            areas.TryAdd(id, study.Zones[z].AreaSquareMeters);
            if (Average(z + 2) is { } a)
            {
                zones.TryAdd(id, a);
            }
        }

        return new HouseholdSizes(chosen, null, Average(1), Average(0), zones, areas);
    }

    /// <summary>
    /// Persons for one house: the fixed size; else the average of the smallest zone (by area inside the
    /// inducement area, the most local one) among those covering the house that hold households; else the
    /// inducement area's average; else the city's.
    /// </summary>
    /// <exception cref="InvalidOperationException">No size is known (<see cref="HasSize"/> is false).</exception>
    public double PersonsFor(VacantHouseSite site)
    {
        if (FixedSize is { } f)
        {
            return f;
        }

        double? best = null;
        var bestArea = double.PositiveInfinity;
        foreach (var id in site.ZoneIds)
        {
            if (_zoneAverages.TryGetValue(id, out var average) && _zoneAreas.TryGetValue(id, out var area) && area < bestArea)
            {
                best = average;
                bestArea = area;
            }
        }

        return best ?? AreaAverage ?? CityAverage
            ?? throw new InvalidOperationException("no household size is known: the data has no households with persons > 0; give the persons per household");
    }
}
