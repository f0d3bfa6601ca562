using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Answers the planner's question "how many of the best vacant houses must be lived in again to reach the
/// target density?": for the whole inducement area and for each zone, walk the ranked houses inside it in rank
/// order, adding each one's persons (<see cref="HouseholdSizes.PersonsFor"/>), until the gap is closed
/// (<see cref="AreaDensity.MeetsTarget"/>); if the houses run out first, the stock is not enough. A zone counts
/// only the houses inside the inducement area that it covers (the <see cref="WhatIf"/> rules). Pure, thread-safe.
/// </summary>
public static class TargetReach
{
    /// <param name="study">The study area the baseline was computed on.</param>
    /// <param name="baseline">Density before any house is occupied.</param>
    /// <param name="ranked">Houses best first (e.g. <see cref="VacantRankingResult.Houses"/> in order).</param>
    /// <param name="sizes">Persons per house.</param>
    public static TargetReachResult Compute(StudyArea study, DensityResult baseline, IReadOnlyList<VacantHouseSite> ranked, HouseholdSizes sizes)
    {
        WhatIf.CheckAligned(study, baseline);
        var inside = ranked.Where(s => s.InsideInducementArea)
            .Select(s => (Persons: sizes.PersonsFor(s), Zones: WhatIf.CountedZones(study, s)))
            .ToList();
        var total = Row(baseline.Total, inside.Select(h => h.Persons).ToList());
        var zones = baseline.Zones.Select((z, i) => Row(z, inside.Where(h => h.Zones.Contains(i)).Select(h => h.Persons).ToList())).ToList();
        return new TargetReachResult(baseline.Total.TargetPerHectare, total, zones);
    }

    private static TargetReachRow Row(AreaDensity before, List<double> persons)
    {
        int? needed = before.MeetsTarget ? 0 : null;
        var population = before.Population;
        for (var k = 0; k < persons.Count && needed is null; k++)
        {
            population += persons[k];
            if ((before with { Population = population }).MeetsTarget)
            {
                needed = k + 1;
            }
        }

        var all = before with { Population = before.Population + persons.Sum() };
        return new TargetReachRow(before.Id, before.Name, before.GapPersons, persons.Count, persons.Sum(), needed, all.GapPersons);
    }
}
