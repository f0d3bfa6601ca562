using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// Places dwellings and households. Residents are split between the inducement area and the rest
/// of the city so that both years hit their city total and their inducement-area density exactly
/// (the density targets are in <see cref="KumamotoDemoFacts"/>; all totals scale with the scale
/// factor). Within each side, sites are drawn by rejection from a weight that peaks at the hubs
/// and the central hub (inside) or falls off with distance from the area (outside). The latest
/// year grows from the base year: households leave, shrink or grow, new ones move into free flats
/// and new buildings. Households are geocoded to their building's centre, as address matching does.
/// </summary>
internal sealed class DemoPopulationBuilder
{
    // Persons per household, 1..6, as cumulative probabilities: detached houses hold larger households than flats.
    private static readonly double[] DetachedInside = Cumulative(0.24, 0.32, 0.19, 0.15, 0.07, 0.03);
    private static readonly double[] DetachedOutside = Cumulative(0.18, 0.31, 0.19, 0.19, 0.09, 0.04);
    private static readonly double[] Flat = Cumulative(0.42, 0.27, 0.15, 0.11, 0.035, 0.015);

    private readonly Random _random;
    private readonly DemoCityLayout _layout;
    private readonly DemoSiteSampler _sampler;
    private readonly List<DemoBuilding> _buildings = [];
    private readonly List<int>[] _byPool = [[], []];

    private DemoPopulationBuilder(Random random, DemoCityLayout layout, DemoSiteSampler sampler)
    {
        _random = random;
        _layout = layout;
        _sampler = sampler;
    }

    /// <summary>Builds the dwellings of both years; returns every building created (dwellings only).</summary>
    public static List<DemoBuilding> Build(Random random, DemoCityLayout layout, DemoSiteSampler sampler, double scale)
    {
        var builder = new DemoPopulationBuilder(random, layout, sampler);
        var hectares = layout.InducementAreaHectares;
        var inside15 = (int)Math.Round(KumamotoDemoFacts.BaseYearInsideDensityPerHectare * hectares * scale);
        var total15 = (int)Math.Round(KumamotoDemoFacts.BaseYearPersons * scale);
        var inside23 = (int)Math.Round(KumamotoDemoFacts.LatestYearInsideDensityPerHectare * hectares * scale);
        var total23 = (int)Math.Round(KumamotoDemoFacts.LatestYearPersons * scale);
        builder.FillBaseYear(inside: true, inside15);
        builder.FillBaseYear(inside: false, total15 - inside15);
        builder.Evolve();
        builder.AdjustLatestYear(inside: true, inside23);
        builder.AdjustLatestYear(inside: false, total23 - inside23);
        return builder._buildings;
    }

    private void FillBaseYear(bool inside, int persons)
    {
        var remaining = persons;
        while (remaining > 0)
        {
            var building = NewDwelling(inside);
            remaining -= Occupy(building, building.BaseYearHouseholds, remaining, inside);
        }
    }

    /// <summary>Base year to latest year: households dissolve, shrink (ageing, children leaving) or grow.</summary>
    private void Evolve()
    {
        foreach (var b in _buildings)
        {
            var leave = b.InsideInducementArea ? 0.10 : b.Kind == DemoBuildingKind.Detached ? 0.16 : 0.12;
            foreach (var persons in b.BaseYearHouseholds)
            {
                if (_random.NextDouble() < leave)
                {
                    continue;
                }

                var r = _random.NextDouble();
                var next = r < 0.13 && persons > 1 ? persons - 1 : r > 0.96 && persons < 6 ? persons + 1 : persons;
                b.LatestYearHouseholds.Add(next);
            }
        }
    }

    private void AdjustLatestYear(bool inside, int persons)
    {
        var pool = _byPool[inside ? 0 : 1];
        var sum = pool.Sum(i => _buildings[i].LatestYearHouseholds.Sum());
        while (sum < persons)
        {
            // Newcomers take free flats in existing buildings or move into buildings put up since the base year.
            var flat = FreeFlat(pool);
            if (flat is not null && _random.NextDouble() < 0.5)
            {
                var p = Math.Min(DrawPersons(Flat), persons - sum);
                flat.LatestYearHouseholds.Add(p);
                sum += p;
                continue;
            }

            var building = NewDwelling(inside);
            sum += Occupy(building, building.LatestYearHouseholds, persons - sum, inside);
        }

        while (sum > persons)
        {
            var b = _buildings[pool[_random.Next(pool.Count)]];
            if (b.LatestYearHouseholds.Count == 0)
            {
                continue;
            }

            var h = _random.Next(b.LatestYearHouseholds.Count);
            if (--b.LatestYearHouseholds[h] == 0)
            {
                b.LatestYearHouseholds.RemoveAt(h);
            }

            sum--;
        }
    }

    private DemoBuilding? FreeFlat(List<int> pool)
    {
        for (var attempt = 0; attempt < 8 && pool.Count > 0; attempt++)
        {
            var b = _buildings[pool[_random.Next(pool.Count)]];
            if (b.IsApartment && b.LatestYearHouseholds.Count < b.Units)
            {
                return b;
            }
        }

        return null;
    }

    /// <summary>Moves households into a building's units until it is full or the persons run out; returns persons placed.</summary>
    private int Occupy(DemoBuilding building, List<int> households, int remaining, bool inside)
    {
        var placed = 0;
        var table = building.Kind == DemoBuildingKind.Detached ? inside ? DetachedInside : DetachedOutside : Flat;
        var occupancy = building.Kind == DemoBuildingKind.Detached ? 1.0 : 0.9;
        for (var unit = 0; unit < building.Units && placed < remaining; unit++)
        {
            if (_random.NextDouble() >= occupancy)
            {
                continue;
            }

            var p = Math.Min(DrawPersons(table), remaining - placed);
            households.Add(p);
            placed += p;
        }

        return placed;
    }

    private DemoBuilding NewDwelling(bool inside)
    {
        var envelope = inside ? _sampler.AreaEnvelope : _sampler.CityEnvelope;
        while (true)
        {
            var p = new Coordinate(envelope.MinX + _random.NextDouble() * envelope.Width, envelope.MinY + _random.NextDouble() * envelope.Height);
            if (!_sampler.RoughlyFits(p, inside))
            {
                continue;
            }

            var toHub = _sampler.DistanceToNearestHub(p);
            var toCentre = _sampler.DistanceToCentre(p);
            double weight, mid, mixed, low;
            if (inside)
            {
                weight = (0.4 + 1.4 * Math.Exp(-toHub / 800) + 1.2 * Math.Exp(-toCentre / 1500)) / 3.0;
                mid = 0.06 + 0.25 * Math.Exp(-toCentre / 2000) + 0.08 * Math.Exp(-toHub / 700);
                mixed = 0.01 + 0.08 * Math.Exp(-toHub / 500);
                low = 0.32;
            }
            else
            {
                var toArea = _sampler.DistanceToArea(p);
                weight = (0.05 + 0.9 * Math.Exp(-toArea / 700) + 0.3 * Math.Exp(-toHub / 2500)) / 1.25;
                mid = 0.02;
                mixed = 0.005;
                low = 0.13 + 0.12 * Math.Exp(-toArea / 1500);
            }

            if (_random.NextDouble() > weight)
            {
                continue;
            }

            var r = _random.NextDouble();
            var kind = r < mid ? DemoBuildingKind.MidRiseApartment
                : r < mid + mixed ? DemoBuildingKind.Mixed
                : r < mid + mixed + low ? DemoBuildingKind.LowRiseApartment
                : DemoBuildingKind.Detached;
            var building = Dwelling(kind, p, inside);
            if (building is not null)
            {
                _byPool[inside ? 0 : 1].Add(_buildings.Count);
                _buildings.Add(building);
                return building;
            }
        }
    }

    private DemoBuilding? Dwelling(DemoBuildingKind kind, Coordinate p, bool inside)
    {
        double width, depth;
        int floors, units;
        switch (kind)
        {
            case DemoBuildingKind.MidRiseApartment:
                (width, depth) = (Uniform(18, 30), Uniform(10, 15));
                floors = 4 + (int)(7 * Math.Pow(_random.NextDouble(), 2));
                units = floors * _random.Next(3, 7);
                break;
            case DemoBuildingKind.Mixed:
                (width, depth) = (Uniform(10, 18), Uniform(10, 16));
                floors = 3 + (int)(6 * Math.Pow(_random.NextDouble(), 2));
                units = (floors - 1) * _random.Next(1, 4);
                break;
            case DemoBuildingKind.LowRiseApartment:
                (width, depth) = (Uniform(14, 20), Uniform(8, 11));
                floors = _random.Next(2, 4);
                units = floors * _random.Next(2, 5);
                break;
            default:
                (width, depth) = (Uniform(8, 13), Uniform(8, 12));
                floors = _random.NextDouble() < (inside ? 0.25 : 0.4) ? 1 : 2;
                units = _random.NextDouble() < 0.08 ? 2 : 1;
                break;
        }

        return Place(kind, p, inside, width, depth, floors, units);
    }

    /// <summary>Tries to put a building of the given shape at <paramref name="p"/>; null when the site is refused.</summary>
    internal DemoBuilding? Place(DemoBuildingKind kind, Coordinate p, bool? inside, double width, double depth, int floors, int units) =>
        Place(_sampler, _layout, _random, kind, p, inside, width, depth, floors, units);

    internal static DemoBuilding? Place(DemoSiteSampler sampler, DemoCityLayout layout, Random random, DemoBuildingKind kind, Coordinate p, bool? inside, double width, double depth, int floors, int units)
    {
        var radius = Math.Sqrt(width * width + depth * depth) / 2 + 1;
        if (!sampler.TryAccept(p, inside, radius, out var site))
        {
            return null;
        }

        return new DemoBuilding
        {
            Kind = kind,
            X = p.X,
            Y = p.Y,
            Longitude = site.Longitude,
            Latitude = site.Latitude,
            Block = site.Block,
            InsideInducementArea = site.Inside,
            Floors = floors,
            Units = units,
            WidthMeters = Math.Round(width, 1),
            DepthMeters = Math.Round(depth, 1),
            AngleRadians = layout.Blocks[site.Block].StreetAngleRadians + (random.NextDouble() - 0.5) * 0.2,
        };
    }

    private double Uniform(double min, double max) => min + _random.NextDouble() * (max - min);

    private int DrawPersons(double[] cumulative)
    {
        var r = _random.NextDouble();
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (r < cumulative[i])
            {
                return i + 1;
            }
        }

        return cumulative.Length;
    }

    private static double[] Cumulative(params double[] probabilities)
    {
        var result = new double[probabilities.Length];
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            sum += probabilities[i];
            result[i] = sum;
        }

        result[^1] = 1.0;
        return result;
    }
}
