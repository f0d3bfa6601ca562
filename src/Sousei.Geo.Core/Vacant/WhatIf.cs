using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// The density of the inducement area and of each zone after the chosen vacant houses are lived in again.
/// Rules: each house adds <see cref="HouseholdSizes.PersonsFor"/> persons (fractional: an average household
/// size is an expectation, not rounded); a house outside the inducement area adds nothing to the area or to
/// any zone; a house inside adds to the whole area and to every zone covering it (boundary included), as the
/// density methods count a household point. Areas do not change. <c>gap_persons</c> follows
/// <see cref="AreaDensity.GapPersons"/> (whole persons, rounded up). Pure and thread-safe.
/// </summary>
public static class WhatIf
{
    /// <summary>Applies the occupancy to <paramref name="baseline"/> (a result computed on <paramref name="study"/>).</summary>
    /// <exception cref="ArgumentException">An id appears twice, or the baseline's zones do not match the study area.</exception>
    public static WhatIfResult Compute(StudyArea study, DensityResult baseline, IReadOnlyList<VacantHouseSite> occupy, HouseholdSizes sizes)
    {
        CheckAligned(study, baseline);
        var duplicate = occupy.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"vacant house '{duplicate.Key}' is chosen twice", nameof(occupy));
        }

        var added = new double[study.Zones.Count + 1];
        var occupied = new List<OccupiedHouse>(occupy.Count);
        foreach (var site in occupy)
        {
            var persons = sizes.PersonsFor(site);
            var zones = CountedZones(study, site);
            if (site.InsideInducementArea)
            {
                added[0] += persons;
                foreach (var z in zones)
                {
                    added[z + 1] += persons;
                }
            }

            occupied.Add(new OccupiedHouse(site.Id, site.InsideInducementArea, zones.Select(z => study.Zones[z].Id).ToList(), persons));
        }

        return new WhatIfResult(baseline, Apply(baseline, added), occupied);
    }

    /// <summary>Indexes of the zones a house counts toward: none outside the area, else every zone covering it.</summary>
    internal static List<int> CountedZones(StudyArea study, VacantHouseSite site)
    {
        var zones = new List<int>();
        if (!site.InsideInducementArea)
        {
            return zones;
        }

        for (var z = 0; z < study.Zones.Count; z++)
        {
            if (study.Zones[z].CoversUnclipped(site.Longitude, site.Latitude))
            {
                zones.Add(z);
            }
        }

        return zones;
    }

    /// <summary>The baseline with persons added: index 0 the whole area, index z + 1 zone z.</summary>
    internal static DensityResult Apply(DensityResult baseline, double[] added) => baseline with
    {
        Total = baseline.Total with { Population = baseline.Total.Population + added[0] },
        Zones = baseline.Zones.Select((z, i) => z with { Population = z.Population + added[i + 1] }).ToList(),
    };

    internal static void CheckAligned(StudyArea study, DensityResult baseline)
    {
        if (baseline.Zones.Count != study.Zones.Count || baseline.Zones.Where((z, i) => z.Id != study.Zones[i].Id).Any())
        {
            throw new ArgumentException("the baseline density was not computed on this study area (zones differ)", nameof(baseline));
        }
    }
}
