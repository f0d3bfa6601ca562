using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Demo;

/// <summary>Writes each layer of the demo store with <see cref="GeoJsonTextWriter"/>.</summary>
internal static class DemoLayerWriter
{
    public static void WriteHubs(string path)
    {
        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        foreach (Hub hub in DemoDataGenerator.Hubs())
        {
            writer.Write(GeoJsonTextWriter.Properties(("id", hub.Id), ("name", hub.Name), ("kind", hub.Kind)), hub.Location);
        }
    }

    public static void WriteZones(string path, DemoCityLayout layout)
    {
        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        foreach (var zone in layout.Wards.Concat(layout.HubAreas))
        {
            writer.Write(GeoJsonTextWriter.Properties(("id", zone.Id), ("name", zone.Name), ("kind", zone.Kind)), zone.Geometry);
        }
    }

    public static void WriteInducementArea(string path, DemoCityLayout layout)
    {
        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        writer.Write(GeoJsonTextWriter.Properties(("name", "居住誘導区域")), layout.InducementAreaLonLat);
    }

    /// <summary>One feature per block per year; persons are the sums of the households geocoded inside the block.</summary>
    public static void WriteTownBlocks(string path, DemoCityLayout layout, IReadOnlyList<DemoBuilding> buildings)
    {
        var baseYear = new long[layout.Blocks.Count];
        var latestYear = new long[layout.Blocks.Count];
        foreach (var b in buildings)
        {
            baseYear[b.Block] += b.BaseYearHouseholds.Sum();
            latestYear[b.Block] += b.LatestYearHouseholds.Sum();
        }

        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        foreach (var (year, persons) in new[] { (KumamotoDemoFacts.BaseYear, baseYear), (KumamotoDemoFacts.LatestYear, latestYear) })
        {
            for (var i = 0; i < layout.Blocks.Count; i++)
            {
                var block = layout.Blocks[i];
                writer.Write(GeoJsonTextWriter.Properties(("code", block.Code), ("name", block.Name), ("persons", persons[i]), ("year", year)), block.Geometry);
            }
        }
    }

    /// <summary>Households at their building's address point, buildings in Hilbert order, both years side by side (compresses well).</summary>
    public static void WriteHouseholds(string path, IReadOnlyList<DemoBuilding> buildings)
    {
        var properties = new string[2, 7];
        for (var p = 0; p <= 6; p++)
        {
            properties[0, p] = GeoJsonTextWriter.Properties(("persons", p), ("year", KumamotoDemoFacts.BaseYear));
            properties[1, p] = GeoJsonTextWriter.Properties(("persons", p), ("year", KumamotoDemoFacts.LatestYear));
        }

        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        foreach (var b in buildings)
        {
            for (var y = 0; y < 2; y++)
            {
                var households = (y == 0 ? b.BaseYearHouseholds : b.LatestYearHouseholds).Order().ToList();
                foreach (var persons in households)
                {
                    writer.WritePoint(properties[y, persons], b.Longitude, b.Latitude);
                }
            }
        }
    }

    public static void WriteBuildings(string path, IReadOnlyList<DemoBuilding> buildings)
    {
        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        foreach (var b in buildings)
        {
            writer.Write(GeoJsonTextWriter.Properties(("floors", b.Floors), ("use", b.Use)), b.Footprint());
        }
    }

    public static void WriteVacantHouses(string path, IReadOnlyList<DemoVacantHouse> houses)
    {
        using var writer = new GeoJsonTextWriter(DemoDataGenerator.Create(path));
        foreach (var v in houses)
        {
            writer.WritePoint(GeoJsonTextWriter.Properties(
                ("id", v.Id),
                ("vacancy_likelihood", v.VacancyLikelihood),
                ("decay_rank", v.DecayRank),
                ("built_year", v.BuiltYear),
                ("structure", v.Structure),
                ("floor_area_m2", v.FloorAreaSquareMeters),
                ("land_area_m2", v.LandAreaSquareMeters),
                ("frontage_road_width_m", v.FrontageRoadWidthMeters),
                ("survey_date", v.SurveyDate),
                ("status", v.Status),
                ("owner_name", v.OwnerName),
                ("owner_contact", v.OwnerContact)), v.Building.Longitude, v.Building.Latitude);
        }
    }
}
